"""A poll with many voters: results reach the projector batched (at most one render per 100 ms), not as
one event per vote.

    .venv/bin/python bench/poll_results.py --voters 2000

Starts the app as a real server (gevent, SQLite in a temporary folder), opens a poll from the console,
joins N phones over HTTP, connects them over Socket.IO and has them all vote at once, while a projector
client records every "results" message. Prints how many renders the projector got, the shortest gap
between two, and whether the final count is right.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import socketio

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.servers import Browserless, start_server  # noqa: E402


async def join(http: aiohttp.ClientSession, url: str, code: str) -> str:
    """A phone joining: the participant cookie it gets."""
    async with http.get(f"{url}/j/{code}") as page:
        html = await page.text()
        session_cookie = page.cookies.get("session").value
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    async with http.post(
        f"{url}/join",
        data={"code": code, "csrf_token": token},
        headers={"Cookie": f"session={session_cookie}"},
        allow_redirects=False,
    ) as reply:
        if "participant" not in reply.cookies:
            raise RuntimeError(f"join refused: {reply.status} {(await reply.text())[:300]}")
        return reply.cookies["participant"].value


async def run(args) -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    folder = tempfile.mkdtemp()
    # Every simulated phone joins from 127.0.0.1: lift the per-peer join limit meant for real networks.
    server = start_server(
        "gevent",
        {
            "DATABASE_URL": f"sqlite:///{folder}/bench.db",
            "RATE_LIMIT_SUBMISSIONS": "100",
            "RATE_LIMIT_JOINS_PER_PEER": "100000",
        },
    )
    try:
        demo = server.demo
        staff = Browserless(server.url).sign_in("facilitator@demo.local", demo["password"])
        console = socketio.AsyncClient()
        await console.connect(
            server.url,
            auth={"view": "console", "event_id": int(demo["console"])},
            headers={"Cookie": staff.cookie_header()},
            transports=["websocket"],
        )
        state = await console.call("console:sync", {})
        poll = next(a for s in state["agenda"] for a in s["activities"] if a["kind"] == "poll")
        options = len((await console.call("console:activity_spec", {"activity_id": poll["id"]}))["activity"]["options"])
        await console.call("console:open_activity", {"activity_id": poll["id"]})

        renders: list[tuple[float, int]] = []
        projector = socketio.AsyncClient()

        @projector.on("results")
        async def on_results(message):
            if message["activity_id"] == poll["id"]:
                renders.append((message["sent_at"], message["results"]["voters"]))

        await projector.connect(
            server.url, auth={"view": "projector", "token": demo["projector"]}, transports=["websocket"]
        )

        connector = aiohttp.TCPConnector(limit=50)
        async with aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar()) as http:
            started = time.perf_counter()
            cookies = await asyncio.gather(*[join(http, server.url, demo["join_code"]) for _ in range(args.voters)])
            print(f"joined {len(cookies)} phones in {time.perf_counter() - started:.1f} s")
        phones = []
        for batch_start in range(0, len(cookies), 200):
            batch = [socketio.AsyncClient() for _ in cookies[batch_start : batch_start + 200]]
            await asyncio.gather(
                *[
                    phone.connect(
                        server.url,
                        auth={"view": "participant"},
                        headers={"Cookie": f"participant={cookie}"},
                        transports=["websocket"],
                        wait_timeout=30,
                    )
                    for phone, cookie in zip(batch, cookies[batch_start : batch_start + 200], strict=True)
                ]
            )
            phones.extend(batch)
        print(f"{len(phones)} phones connected")

        renders.clear()
        started = time.perf_counter()
        acks = await asyncio.gather(
            *[
                phone.call("participant:vote", {"activity_id": poll["id"], "choices": [n % options]}, timeout=60)
                for n, phone in enumerate(phones)
            ]
        )
        voted = time.perf_counter() - started
        await asyncio.sleep(1.0)  # the last batch
        ok = sum(1 for a in acks if a.get("ok"))
        gaps = [b[0] - a[0] for a, b in itertools.pairwise(renders)]
        span = renders[-1][0] - renders[0][0] if len(renders) > 1 else 0
        print(f"votes acknowledged:     {ok} / {len(phones)} in {voted:.2f} s ({ok / voted:.0f} votes/s)")
        # Times are the server's send times: what arrives over a busy network may come bunched together.
        print(f"projector renders:      {len(renders)} over {span:.2f} s (one event per vote would be {ok})")
        if gaps:
            print(
                f"gap between renders:    min {min(gaps) * 1000:.0f} ms, median {statistics.median(gaps) * 1000:.0f} ms"
            )
        print(f"renders per second:     {len(renders) / span:.1f}" if span else "renders per second:     n/a")
        print(f"final count on screen:  {renders[-1][1] if renders else 0} voters (expected {ok})")
        for client in phones + [projector, console]:
            await client.disconnect()
    finally:
        server.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--voters", type=int, default=2000)
    asyncio.run(run(parser.parse_args()))
