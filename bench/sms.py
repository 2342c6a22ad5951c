"""SMS bench (issue 18): Africa's Talking's incoming-message callbacks at a steady rate against the running
server (README's production command) while phones are connected. Every callback must be answered within 1 s
(the gateway times out), none lost, none duplicated: a share of the callbacks is sent twice, as a gateway
retries, and must store nothing more. Replies go through the SDK to a local stand-in of the send endpoint.

    .venv/bin/python -m bench.sms --phones 1000 --rate 100 --duration 30
    .venv/bin/python -m bench.sms --db postgres     # on a fresh PostgreSQL database (created and dropped)

Every address is on 127.0.0.1; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402

from bench import _server  # noqa: E402
from bench.load import Workers, quantile  # noqa: E402
from tests.sms.gateway import FakeGateway  # noqa: E402  (the tests' stand-in of the send endpoint)

SECRET = secrets.token_urlsafe(24)
BOARD = "The internet we have and the internet we want"


def prepare(database_url: str) -> int:
    """SMS on for the demo event, its children's board open for written answers (straight in the database:
    the bench measures callbacks, not the console). Returns the board's id."""
    engine = create_engine(_server.sqlalchemy_url(database_url))
    try:
        with engine.begin() as conn:
            event_id, board_id = conn.execute(
                text("SELECT event_id, id FROM activities WHERE title = :t AND kind = 'board' ORDER BY id LIMIT 1"),
                {"t": BOARD},
            ).one()
            conn.execute(text("UPDATE activities SET state = 'open' WHERE id = :b"), {"b": board_id})
            conn.execute(
                text("UPDATE events SET sms_enabled = true, current_activity_id = :b WHERE id = :e"),
                {"b": board_id, "e": event_id},
            )
    finally:
        engine.dispose()
    return board_id


def stored_sms(database_url: str) -> tuple[int, int]:
    """Entries stored from SMS, and how many distinct client keys they have."""
    engine = create_engine(_server.sqlalchemy_url(database_url))
    try:
        with engine.connect() as conn:
            stored, distinct = conn.execute(
                text("SELECT COUNT(*), COUNT(DISTINCT client_key) FROM responses WHERE source = 'sms'")
            ).one()
    finally:
        engine.dispose()
    return stored, distinct


async def callbacks(url: str, code: str, rate: float, duration: float, repeat_every: int) -> dict:
    """Send rate x duration callbacks on a fixed schedule (not waiting for answers, as a gateway does not);
    every ``repeat_every``-th one is sent again a moment later with the same message id."""
    import aiohttp

    latencies: list[float] = []
    statuses: dict[int | str, int] = {}
    late_starts = 0
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0), timeout=timeout) as http:

        async def one(n: int, message_id: str) -> None:
            fields = {
                "from": f"+2547{n:08d}",
                "to": "40404",
                "text": f"{code} WANT bench answer number {n}",
                "date": "2026-11-29 10:15:00",
                "id": message_id,
                "linkId": f"bench{n}",
            }
            started = time.monotonic()
            try:
                async with http.post(f"{url}/sms/{SECRET}/africastalking/incoming", data=fields) as reply:
                    await reply.read()
                    status: int | str = reply.status
            except Exception as error:  # noqa: BLE001 - counted, the run goes on
                status = type(error).__name__
            latencies.append(time.monotonic() - started)
            statuses[status] = statuses.get(status, 0) + 1

        tasks = []
        total = int(rate * duration)
        start = time.monotonic()
        for n in range(total):
            due = start + n / rate
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            elif wait < -0.05:
                late_starts += 1
            message_id = f"ATXid_bench_{n}"
            tasks.append(asyncio.create_task(one(n, message_id)))
            if n % repeat_every == 0:
                tasks.append(asyncio.create_task(one(n, message_id)))  # the gateway's retry
        await asyncio.gather(*tasks)
    return {"latencies": latencies, "statuses": statuses, "unique": total, "late_starts": late_starts}


async def run(args) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-sms-"))
    database_url = _server.create_pg_database() if args.db == "postgres" else f"sqlite:///{workdir / 'bench.db'}"
    gateway = FakeGateway()
    port = _server.free_port()
    env = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(48),
        "SMS_CALLBACK_SECRET": SECRET,
        "SMS_NUMBER": "40404",
        "AFRICASTALKING_USERNAME": "sandbox",
        "AFRICASTALKING_API_KEY": "test-api-key",
        "AFRICASTALKING_API_URL": gateway.url + "/version1",
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    demo = _server.create_demo(env, f"http://127.0.0.1:{port}")
    prepare(database_url)
    server = _server.start_server(args.serve, env, port=port, workdir=workdir)
    workers = Workers(args.processes, None)
    try:
        per_worker = [args.phones // args.processes + (i < args.phones % args.processes) for i in range(args.processes)]
        replies = await workers.ask([("join", server.url, demo["join_code"], n, 16) for n in per_worker], timeout=900)
        replies = await workers.all("connect", [server.url], 32, 30, timeout=600)
        held = sum(r[1] for r in replies)
        print(f"phones connected            {held} of {args.phones}", flush=True)
        print(f"database                    {args.db}; load average before {os.getloadavg()[0]:.1f}", flush=True)
        cpu_before = _server.cpu_seconds(server.pid)
        result = await callbacks(server.url, demo["join_code"], args.rate, args.duration, args.repeat_every)
        cpu = _server.cpu_seconds(server.pid) - cpu_before
        still = sum(r[1] for r in await workers.all("status", timeout=60))
        deadline = time.monotonic() + 60
        while len(gateway.sent) < result["unique"] and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        stored, distinct = stored_sms(database_url)
        latencies = result["latencies"]
        over = sum(1 for value in latencies if value > 1.0)
        sent = len(latencies)
        print(
            f"callbacks sent              {sent} ({result['unique']} distinct ids at {args.rate}/s for "
            f"{args.duration:.0f} s, every {args.repeat_every}th sent twice); late starts {result['late_starts']}"
        )
        print(f"answers by status           {result['statuses']}")
        print(
            f"callback answer time        p50={quantile(latencies, 0.5) * 1000:.1f} "
            f"p95={quantile(latencies, 0.95) * 1000:.1f} p99={quantile(latencies, 0.99) * 1000:.1f} "
            f"max={max(latencies) * 1000:.1f} ms; over 1 s: {over}"
        )
        print(
            f"entries stored (source sms) {stored} (distinct keys {distinct}; lost {result['unique'] - distinct}, "
            f"duplicated {stored - distinct})"
        )
        print(f"replies taken by gateway    {len(gateway.sent)} (sent {gateway.attempts} requests)")
        print(f"phones still connected      {still}; load average after {os.getloadavg()[0]:.1f}")
        rss_mb = _server.rss_kb(server.pid) // 1024
        print(f"server CPU during callbacks {cpu:.1f} s over {args.duration:.0f} s; RSS {rss_mb} MB")
        problems = server.problems()
        if problems:
            print("server log problems:\n" + problems)
    finally:
        await workers.all("disconnect", timeout=120)
        workers.close()
        server.stop()
        gateway.close()
        if args.db == "postgres":
            _server.drop_pg_database(database_url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serve", default="gunicorn", choices=("gunicorn", "serve-gevent", "serve-eventlet"))
    parser.add_argument("--db", default="sqlite", choices=("sqlite", "postgres"))
    parser.add_argument("--phones", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=2, help="bench client processes holding the phones")
    parser.add_argument("--rate", type=float, default=100, help="callbacks a second")
    parser.add_argument("--duration", type=float, default=30, help="seconds")
    parser.add_argument("--repeat-every", type=int, default=20, help="every n-th callback is sent twice")
    args = parser.parse_args()
    _server.raise_nofile()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
