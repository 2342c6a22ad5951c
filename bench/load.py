"""Load bench (DESIGN.md §5): N phones on one (or more) server processes, a burst of entries to a
post-moderated board, submit→projector latency, nothing lost, and an activity switch reaching every phone.

Start a server yourself and point the bench at it, or let the bench start it (README's production
command, gunicorn with the gevent worker, on SQLite in a temp dir or on a fresh PostgreSQL database):

    .venv/bin/python -m bench.load --serve gunicorn --phones 1000 --rate 200 --duration 10
    .venv/bin/python -m bench.load --serve gunicorn --db postgres --phones 5000 --rate 200 --processes 3
    .venv/bin/python -m bench.load --serve gunicorn --db postgres --servers 2 --phones 2000   # scaling ratio
    .venv/bin/python -m bench.load --urls http://127.0.0.1:8000 --server-pid 1234 --join-code K7QM4D \
        --event-id 1 --projector-token ... --staff-password ... --database-url postgresql://...

Every address is on 127.0.0.1; every loop is bounded in count and time. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _breakdown, _server  # noqa: E402
from bench._browser import BrowserViews  # noqa: E402
from bench._phones import SOURCE_ADDRESSES, worker_main  # noqa: E402

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
WRITERS_AT_MOST = 1000


def quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))
    return ordered[index]


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:.1f}"


def latency_line(name: str, values: list[float]) -> str:
    return (
        f"{name:<28} n={len(values):<6} p50={ms(quantile(values, 0.5))} p95={ms(quantile(values, 0.95))} "
        f"p99={ms(quantile(values, 0.99))} max={ms(max(values) if values else None)} ms"
    )


# --- workers -----------------------------------------------------------------------------------


def shares(total: int, parts: int) -> list[int]:
    """``total`` split over ``parts`` as evenly as whole numbers allow."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def default_writers(phones: int, rate: float) -> int:
    """How many phones write by default: at most 1,000, so that at 200 entries/s each writer sends one
    entry every 5 s, well inside the app's 10 per 10 s; none when nothing is written."""
    return 0 if rate <= 0 else min(phones, WRITERS_AT_MOST)


class Workers:
    def __init__(self, count: int, cpu: int | None, nice: int = 0):
        context = multiprocessing.get_context("spawn")
        self.pipes = []
        self.processes = []
        for index in range(count):
            parent, child = context.Pipe()
            process = context.Process(target=worker_main, args=(child, index, cpu, nice), daemon=True)
            process.start()
            child.close()
            self.pipes.append(parent)
            self.processes.append(process)

    async def ask(self, commands: list[tuple], timeout: float, progress: dict | None = None) -> list[tuple]:
        """Send one command to each worker (``commands[i]`` to worker i), wait for every reply. A worker's
        ``("progress", ...)`` messages on the way go to ``progress[i]`` (the latest of each worker)."""
        loop = asyncio.get_running_loop()
        for pipe, command in zip(self.pipes, commands, strict=True):
            pipe.send(command)

        def receive(index, pipe):
            deadline = time.monotonic() + timeout
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not pipe.poll(left):
                    raise TimeoutError(f"a bench worker did not answer {commands[0][0]} within {timeout}s")
                reply = pipe.recv()
                if reply[0] != "progress":
                    return reply
                if progress is not None:
                    progress[index] = reply[1:]

        replies = await asyncio.gather(
            *(loop.run_in_executor(None, receive, index, pipe) for index, pipe in enumerate(self.pipes))
        )
        for reply in replies:
            if reply[0] == "error":
                raise RuntimeError("bench worker failed:\n" + reply[1])
        return replies

    async def all(self, *command, timeout: float) -> list[tuple]:
        return await self.ask([command] * len(self.pipes), timeout)

    def close(self) -> None:
        for pipe in self.pipes:
            try:
                pipe.send(("quit",))
            except OSError:
                pass
        for pipe, process in zip(self.pipes, self.processes, strict=True):
            if pipe.poll(30):
                try:
                    pipe.recv()
                except EOFError:
                    pass
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join(5)
            pipe.close()


# --- staff and projector -----------------------------------------------------------------------


async def staff_cookie(http, base_url: str, email: str, password: str) -> str:
    async with http.get(f"{base_url}/staff/login") as reply:
        page = await reply.text()
        session = reply.cookies.get("session")
    token = CSRF_RE.search(page).group(1)
    async with http.post(
        f"{base_url}/staff/login",
        data={"email": email, "password": password, "csrf_token": token},
        headers={"Cookie": f"session={session.value}"},
        allow_redirects=False,
    ) as reply:
        await reply.read()
        signed_in = reply.cookies.get("session")
        if reply.status != 302 or signed_in is None:
            raise RuntimeError(f"staff sign-in failed ({reply.status})")
    return f"session={signed_in.value}"


class Listeners:
    """The projector and two consoles, each recording when every entry id first reached it."""

    def __init__(self):
        self.projector_at: dict[int, float] = {}
        self.projector_text: dict[int, str] = {}
        self.console_at: list[dict[int, float]] = [{}, {}]
        self.clients = []
        self.sessions = []
        self.reconnects = 0

    async def connect(self, http, projector_url: str, console_urls: list[str], token: str, event_id: int, cookie: str):
        import socketio

        projector = socketio.AsyncClient(
            reconnection=True, reconnection_delay=0.5, reconnection_delay_max=2, http_session=http
        )

        @projector.on("board")
        async def on_board(update):
            arrived = time.monotonic()
            for card in update.get("cards", []) if isinstance(update, dict) else []:
                if card.get("id") not in self.projector_at:
                    self.projector_at[card["id"]] = arrived
                    self.projector_text[card["id"]] = card.get("text")

        @projector.on("disconnect")
        async def on_projector_disconnect(*_):
            self.reconnects += 1

        await projector.connect(
            projector_url, auth={"view": "projector", "token": token}, transports=["websocket"], wait_timeout=20
        )
        self.projector = projector
        self.clients.append(projector)
        self.consoles = []
        for index, url in enumerate(console_urls[:2]):
            # Its own session and cookie jar (unsafe=True: the host is an IP address): python-engineio moves
            # the Cookie header into the jar, so the staff cookie is sent again on every reconnect.
            import aiohttp

            jar_session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
            self.sessions.append(jar_session)
            console = socketio.AsyncClient(
                reconnection=True, reconnection_delay=0.5, reconnection_delay_max=2, http_session=jar_session
            )

            @console.on("entries")
            async def on_entries(message, index=index):
                arrived = time.monotonic()
                for entry in message.get("entries", []) if isinstance(message, dict) else []:
                    if entry.get("id") not in self.console_at[index]:
                        self.console_at[index][entry["id"]] = arrived

            await console.connect(
                url,
                auth={"view": "console", "event_id": event_id},
                headers={"Cookie": cookie},
                transports=["websocket"],
                wait_timeout=20,
            )
            self.consoles.append(console)
            self.clients.append(console)

    async def wait_connected(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not all(c.connected and "/" in c.namespaces for c in self.clients):
            await asyncio.sleep(0.1)

    async def projector_snapshot_ids(self) -> set[int]:
        await self.wait_connected()
        snapshot = await self.projector.call("projector:sync", {}, timeout=30)
        return {card["id"] for card in snapshot.get("cards", [])}

    def reset(self) -> None:
        self.projector_at.clear()
        self.projector_text.clear()
        for seen in self.console_at:
            seen.clear()

    async def close(self) -> None:
        for client in self.clients:
            try:
                await asyncio.wait_for(client.disconnect(), 10)
            except Exception:  # noqa: BLE001
                pass
        for session in self.sessions:
            await session.close()


async def phones_status(workers: Workers, when: str) -> dict:
    """Phones still connected, disconnects, and how late the server's pings came to the light phones."""
    replies = await workers.all("status", timeout=60)
    status = {
        "connected": sum(r[1] for r in replies),
        "writers_connected": sum(r[2] for r in replies),
        "disconnects": sum(r[3] for r in replies),
        "light_gave_up_waiting_for_a_ping": sum(r[4] for r in replies),
        "longest_ping_wait_s": max(r[5] for r in replies),
    }
    print(
        f"phones {when:<20} {status['connected']} connected ({status['writers_connected']} writers); "
        f"{status['disconnects']} disconnects since connecting, of which light phones that heard no ping in "
        f"time {status['light_gave_up_waiting_for_a_ping']}; the longest a light phone waited for a ping "
        f"{status['longest_ping_wait_s']:.1f} s",
        flush=True,
    )
    return status


# --- joining -----------------------------------------------------------------------------------


def join_limits(args) -> tuple[int, int, int]:
    """The app's join limits as the bench's server has them (joins per window per event code, per peer
    address, the window in seconds): its configuration's defaults or this environment's overrides (a server
    the bench starts inherits them), grown with the organiser's expected room as ``ratelimit.check_join`` does."""
    from facilitator.web import ratelimit

    per_code = int(os.environ.get("RATE_LIMIT_JOINS_PER_CODE", ratelimit.join_limits_by_code.limit))
    per_peer = int(os.environ.get("RATE_LIMIT_JOINS_PER_PEER", ratelimit.join_limits_by_peer.limit))
    window = int(os.environ.get("RATE_LIMIT_JOIN_WINDOW_SECONDS", ratelimit.join_limits_by_code.window))
    room = args.expected_room or 0
    return max(per_code, 2 * room), max(per_peer, room), window


async def set_expected_room(http, base_url: str, event_id: int, cookie: str, expected: int) -> None:
    """Tell the app how many phones to expect, from the console's joining form as an organiser does: the
    app's join limits grow with it."""
    async with http.get(f"{base_url}/console/{event_id}", headers={"Cookie": cookie}) as reply:
        page = await reply.text()
        fresh = reply.cookies.get("session")
    if fresh is not None:
        cookie = f"session={fresh.value}"
    async with http.post(
        f"{base_url}/console/{event_id}/joining",
        data={"joining": "open", "expected": str(expected), "csrf_token": CSRF_RE.search(page).group(1)},
        headers={"Cookie": cookie},
        allow_redirects=False,
    ) as reply:
        await reply.read()
        if reply.status != 302:
            raise RuntimeError(f"setting the expected room answered {reply.status}")
    print(f"expected room               {expected:,} phones, set on the console as an organiser would", flush=True)


async def join_phones(args, workers: Workers, urls: list[str], code: str, per_worker: list[int]) -> list[tuple]:
    """Join every phone over HTTP, saying what the joins wait for: the app's limits, or the server."""
    per_code, per_peer, window = join_limits(args)
    addresses = SOURCE_ADDRESSES * len(per_worker)
    by_limit = per_code if per_code <= per_peer * addresses else per_peer * addresses
    # The app counts joins over a sliding window: a room's first ``per_code`` go at once, then ``per_code``
    # a window.
    floor = max(0.0, (args.phones - by_limit) / by_limit * window)
    print(
        f"joining                     {args.phones:,} phones from {addresses} addresses; the app lets an event code "
        f"take {per_code:,} joins in {window} s and an address {per_peer:,}"
        + (" (grown with --expected-room)" if args.expected_room else " (more with --expected-room)")
        + (f": at least {floor:.0f} s of waiting for its limits" if floor else ": its limits do not hold them back"),
        flush=True,
    )
    started = time.monotonic()
    progress: dict[int, tuple] = {}
    ask = asyncio.ensure_future(
        workers.ask(
            [("join", urls[i % len(urls)], code, n, args.join_concurrency) for i, n in enumerate(per_worker)],
            timeout=1800,
            progress=progress,
        )
    )
    while not ask.done():
        await asyncio.wait([ask], timeout=15)
        if not ask.done() and progress:
            done, refusals = sum(p[1] for p in progress.values()), sum(p[2] for p in progress.values())
            waited = max(p[3] for p in progress.values())
            print(
                f"  joining: {done:,} of {args.phones:,} after {time.monotonic() - started:.0f} s; the app's join "
                f"limits refused {refusals:,} attempts and held the joins back {waited:.0f} s",
                flush=True,
            )
    replies = ask.result()
    joined = sum(r[1] for r in replies)
    elapsed = time.monotonic() - started
    refusals = sum(r[5] for r in replies)
    waited = max(r[6] for r in replies)
    print(
        f"phones joined over HTTP     {joined} (failed {sum(r[2] for r in replies)}) in {elapsed:.1f} s "
        f"({joined / max(elapsed, 1e-6):.0f}/s): waiting for the app's join limits {waited:.0f} s "
        f"({refusals:,} attempts refused), for the server's answers the rest",
        flush=True,
    )
    return replies


# --- one scenario ------------------------------------------------------------------------------


async def run_scenario(
    args,
    workers: Workers,
    listeners: Listeners,
    urls: list[str],
    pids: list[int],
    board: tuple[int, str],
    other_activity: int,
    rss_base: dict[int, int],
    label: str,
    browser: BrowserViews | None = None,
    neighbours: list | None = None,
) -> dict:
    result: dict = {"label": label, "urls": urls, "phones_wanted": args.phones}
    print(f"\n=== {label}: {args.phones} phones on {len(urls)} process(es) {', '.join(urls)} ===", flush=True)

    phone_pids = [p.pid for p in workers.processes]
    connecting = _server.CpuMeter(phone_pids)
    replies = await workers.ask(
        [("connect", urls, args.connect_concurrency, 30, n) for n in shares(args.writers, len(workers.pipes))],
        timeout=600,
    )
    connect_cpu = sum(connecting.seconds().values())
    held = sum(r[1] for r in replies)
    failed = sum(r[2] for r in replies)
    connect_seconds = max(r[3] for r in replies)
    writing = sum(r[5] for r in replies)
    result.update(held=held, connect_failures=failed, connect_seconds=connect_seconds, writers=writing)
    print(
        f"connections held            {held} (failed {failed}) in {connect_seconds:.1f} s "
        f"({held / max(connect_seconds, 1e-6):.0f}/s): {writing} write (python-socketio clients), "
        f"{held - writing} only listen (light clients); the bench's phones used {connect_cpu:.1f} s of CPU",
        flush=True,
    )
    for reply in replies:
        if reply[4]:
            print("  connect errors e.g.", reply[4][:2])

    await asyncio.sleep(args.settle)
    memory = {}
    for pid in pids:
        rss = _server.rss_kb(pid)
        per_process = held / len(pids)
        memory[pid] = {
            "rss_mb": rss / 1024,
            "fds": _server.open_fds(pid),
            "kb_per_connection": (rss - rss_base.get(pid, 0)) / max(per_process, 1),
        }
        print(
            f"server {pid}: RSS {rss / 1024:.0f} MB, {memory[pid]['fds']} fds, "
            f"{memory[pid]['kb_per_connection'] * 1000 / 1024:.1f} MB per 1,000 connections "
            f"(above the {rss_base.get(pid, 0) / 1024:.0f} MB before phones)",
            flush=True,
        )
    result["memory"] = memory

    idle = _server.CpuMeter(pids)
    idle_phones = _server.CpuMeter(phone_pids)
    await asyncio.sleep(args.idle_seconds)
    result["cpu_idle"] = idle.percent()
    print("server CPU idle with phones  " + ", ".join(f"{v:.1f}%" for v in result["cpu_idle"].values()))
    # The bench's own phones while idle (pings and pongs): a client that needs much of a core per 1,000 phones
    # misses pings at 10,000 and measures itself, not the server.
    phones_idle = sum(idle_phones.percent().values())
    phones_rss_mb = sum(_server.rss_kb(pid) for pid in phone_pids) / 1024
    result.update(
        phones_cpu_idle=phones_idle,
        phones_cpu_idle_per_1000=phones_idle * 1000 / max(held, 1),
        phones_runqueue_idle=idle_phones.runqueue_total_percent(),
        phones_rss_mb=phones_rss_mb,
    )
    print(
        f"bench phones' CPU idle      {phones_idle:.1f}% of a core over {args.idle_seconds:g} s = "
        f"{result['phones_cpu_idle_per_1000']:.2f}% per 1,000 phones (waiting for a CPU "
        f"{result['phones_runqueue_idle']:.0f}%, summed over {len(phone_pids)} processes); their RSS "
        f"{phones_rss_mb:.0f} MB",
        flush=True,
    )

    result["phones_before_burst"] = await phones_status(workers, "before the burst")

    # --- the burst ---
    listeners.reset()
    pages_before: dict[str, dict[str, float]] = {}
    if browser is not None:
        await browser.reset()
        await browser.align_clocks()
        pages_before = await browser.main_thread_seconds()
        if args.browser_trace:
            await browser.start_trace()
    if args.neighbour and neighbours is not None:
        neighbours.append(_server.start_neighbour(args.neighbour, 0 if args.pin else None))
        print(
            f"neighbour                   busy {args.neighbour:g}% of every 100 ms"
            + (" on the server's CPU 0" if args.pin else ", on any CPU"),
            flush=True,
        )
    if args.cpu_breakdown:
        _breakdown.reset(urls[0])
    t_start = time.monotonic() + 1.0
    profile = None
    if args.profile_dir:
        profile = start_py_spy(args, pids[0], f"{label}-burst", args.duration + 2)
    share = args.rate / len(workers.pipes)
    submit = workers.all(
        "submit",
        t_start,
        share,
        args.duration,
        board[0],
        board[1],
        len(workers.pipes),
        args.seed,
        args.ack_timeout,
        timeout=args.duration + args.ack_timeout + 60,
    )

    client_pids = [p.pid for p in workers.processes] + [os.getpid()]
    meters = {}

    async def start_meters():
        await asyncio.sleep(max(0.0, t_start - time.monotonic()))
        meters["server"] = _server.CpuMeter(pids)
        meters["clients"] = _server.CpuMeter(client_pids)
        if browser is not None:
            meters["browser"] = _server.CpuMeter(browser.pids())

    replies, _ = await asyncio.gather(submit, start_meters())
    if profile is not None:
        finish_py_spy(profile)
    # CPU from the first submission to the last acknowledgement (or timeout).
    cpu_burst = meters["server"].percent()
    cpu_seconds = meters["server"].seconds()
    runqueue = meters["server"].runqueue_percent()
    machine = meters["server"].machine_percent()
    cpu_clients = meters["clients"].percent()
    clients_wait = meters["clients"].runqueue_total_percent()
    browser_cpu = sum(meters["browser"].percent().values()) if "browser" in meters else None
    browser_wait = meters["browser"].runqueue_total_percent() if "browser" in meters else None
    records = [r for reply in replies for r in reply[1]]
    submitted = len(records)
    acked = [r for r in records if r[3]]
    created = [r for r in acked if not r[6]]
    errors: dict[str, int] = {}
    for r in records:
        if not r[3]:
            errors[str(r[5])] = errors.get(str(r[5]), 0) + 1
    first_t = min((r[1] for r in records), default=t_start)
    last_ack = max((r[2] for r in acked), default=first_t)
    # Wait (bounded) for every acknowledged entry to reach the projector.
    ids = {r[4] for r in created}
    deadline = time.monotonic() + args.grace
    while time.monotonic() < deadline and not ids <= listeners.projector_at.keys():
        await asyncio.sleep(0.05)
    missed_live = sorted(i for i in ids if i not in listeners.projector_at)
    drawn: dict[int, float] = {}
    page_seconds: dict[str, dict[str, float]] = {}
    if browser is not None:
        while True:
            drawn = await browser.drawn()
            if ids <= drawn.keys() or time.monotonic() >= deadline:
                break
            await asyncio.sleep(0.1)
        pages_after = await browser.main_thread_seconds()
        if args.browser_trace:
            await browser.stop_trace(Path(args.browser_trace))
        if args.browser_screenshots:
            await browser.screenshots(Path(args.browser_screenshots))
        page_seconds = {
            page: {part: after - pages_before.get(page, {}).get(part, 0.0) for part, after in parts.items()}
            for page, parts in pages_after.items()
        }
    snapshot_ids = await listeners.projector_snapshot_ids()
    lost = sorted(i for i in missed_live if i not in snapshot_ids)
    lost_console = [sorted(i for i in ids if i not in seen) for seen in listeners.console_at[: len(listeners.consoles)]]
    latency_projector = [listeners.projector_at[r[4]] - r[1] for r in created if r[4] in listeners.projector_at]
    latency_ack = [r[2] - r[1] for r in acked]
    latency_drawn = [drawn[r[4]] - r[1] for r in created if r[4] in drawn]
    latency_consoles = [
        seen[r[4]] - r[1] for seen in listeners.console_at[: len(listeners.consoles)] for r in created if r[4] in seen
    ]
    accepted_rate = len(acked) / max(last_ack - first_t, 1e-6) if acked else 0.0
    per_entry_ms = 1000 * sum(cpu_seconds.values()) / max(len(created), 1)
    dropped = sum(reply[2] for reply in replies)
    result.update(
        submitted=submitted,
        acked=len(acked),
        created=len(created),
        errors=errors,
        accepted_per_second=accepted_rate,
        missed_live=len(missed_live),
        lost=len(lost),
        lost_consoles=[len(x) for x in lost_console],
        listener_reconnects=listeners.reconnects,
        phone_disconnects=dropped,
        latency_projector=summary(latency_projector),
        latency_ack=summary(latency_ack),
        latency_consoles=summary(latency_consoles),
        cpu_burst=cpu_burst,
        server_cpu_ms_per_entry=per_entry_ms,
        server_runqueue_wait=runqueue,
        machine_cpu=machine,
        cpu_bench_clients=cpu_clients,
        clients_runqueue_wait=clients_wait,
    )
    if browser is not None:
        result.update(
            latency_drawn=summary(latency_drawn),
            not_drawn=len(ids - drawn.keys()),
            browser_cpu=browser_cpu,
            browser_runqueue_wait=browser_wait,
            clock_offset_error_ms=round(1000 * browser.offset_error, 2),
            page_main_thread_seconds=page_seconds,
        )
    print(f"entries submitted           {submitted} at {args.rate}/s for {args.duration} s")
    print(f"entries acknowledged        {len(acked)} ({len(created)} new), errors {errors or 'none'}")
    print(f"entries/s accepted          {accepted_rate:.1f}")
    print(latency_line("submit→ack", latency_ack))
    print(latency_line("submit→projector", latency_projector))
    print(latency_line("submit→consoles (both)", latency_consoles))
    if browser is not None:
        print(
            latency_line("submit→drawn (Chromium)", latency_drawn)
            + f" (clock aligned within ±{1000 * browser.offset_error:.2f} ms; not drawn {len(ids - drawn.keys())})"
        )
        print(
            "pages' main threads         "
            + "; ".join(
                f"{page} " + ", ".join(f"{part} {1000 * seconds:.0f} ms" for part, seconds in parts.items())
                for page, parts in page_seconds.items()
            )
            + " (DevTools' metrics, from before the burst to the last card drawn)"
        )
    # The worst projector latency of each second of the burst: a steady tail, or stalls at moments?
    by_second: dict[int, float] = {}
    for r in created:
        if r[4] in listeners.projector_at:
            second = int(r[1] - first_t)
            by_second[second] = max(by_second.get(second, 0.0), listeners.projector_at[r[4]] - r[1])
    result["projector_worst_by_second_ms"] = [round(1000 * by_second[k]) for k in sorted(by_second)]
    print("projector, worst per second  " + " ".join(str(v) for v in result["projector_worst_by_second_ms"]) + " ms")
    if browser is not None:
        drawn_by_second: dict[int, float] = {}
        for r in created:
            if r[4] in drawn:
                second = int(r[1] - first_t)
                drawn_by_second[second] = max(drawn_by_second.get(second, 0.0), drawn[r[4]] - r[1])
        result["drawn_worst_by_second_ms"] = [round(1000 * drawn_by_second[k]) for k in sorted(drawn_by_second)]
        print("drawn, worst per second      " + " ".join(str(v) for v in result["drawn_worst_by_second_ms"]) + " ms")
    print(
        f"entries lost                {len(lost)} (acked, not on the projector even after projector:sync); "
        f"{len(missed_live)} missed live; consoles missed {[len(x) for x in lost_console]}; "
        f"listener reconnects {listeners.reconnects}; phone disconnects {dropped}"
    )
    print(
        "server CPU during burst      "
        + ", ".join(f"{v:.1f}%" for v in cpu_burst.values())
        + f" = {per_entry_ms:.2f} ms CPU per entry; waiting for a CPU "
        + ", ".join(f"{v:.0f}%" for v in runqueue.values())
        + f"; machine {machine:.0f}% of {os.cpu_count()} cores; bench clients "
        + ", ".join(f"{v:.0f}%" for v in cpu_clients.values()),
        flush=True,
    )
    if args.cpu_breakdown:
        for line in _breakdown.lines(_breakdown.read(urls[0]), len(created), sum(cpu_seconds.values())):
            print(line, flush=True)
    print(
        f"waiting for a CPU            server {sum(runqueue.values()):.0f}% of the burst; bench clients "
        f"{clients_wait:.0f}% (summed over {len(client_pids)} processes)"
        + (
            f"; Chromium {browser_wait:.0f}% (summed over its processes, which used {browser_cpu:.0f}% of a core)"
            if browser is not None
            else ""
        ),
        flush=True,
    )

    # --- activity switches ---
    switches = []
    targets = [other_activity, board[0]]
    for k in range(args.switches):
        await workers.all("arm_switch", timeout=30)
        await asyncio.sleep(0.5)
        profile = start_py_spy(args, pids[0], f"{label}-switch{k}", 4) if args.profile_dir and k == 0 else None
        await listeners.wait_connected()
        meter = _server.CpuMeter(pids)
        phones_meter = _server.CpuMeter(phone_pids)
        t0 = time.monotonic()
        try:
            ack = await listeners.consoles[0].call("console:open_activity", {"activity_id": targets[k % 2]}, timeout=30)
        except Exception as error:  # noqa: BLE001 - an overloaded server may have dropped the console
            ack = {"ok": False, "error": repr(error)}
        t_ack = time.monotonic() - t0
        replies = await workers.all(
            "collect_switch", args.switch_timeout if ack.get("ok") else 0.1, timeout=args.switch_timeout + 30
        )
        cpu = meter.percent()
        switch_cpu_s = meter.seconds()  # from the call to the last phone (+ up to 50 ms of polling)
        switch_wait = meter.runqueue_percent()
        phones_cpu_s = sum(phones_meter.seconds().values())
        if profile is not None:
            finish_py_spy(profile)
        if not ack.get("ok"):
            print(f"activity switch {k + 1}: console:open_activity failed: {ack}", flush=True)
            switches.append({"failed": str(ack)})
            continue
        times = sorted(t - t0 for reply in replies for t in reply[1])
        missing = sum(reply[2] for reply in replies)
        switch = {
            "ack_s": t_ack,
            "reached": len(times),
            "missing": missing,
            "first_s": times[0] if times else None,
            "p50_s": quantile(times, 0.5),
            "p99_s": quantile(times, 0.99),
            "last_s": times[-1] if times else None,
            "cpu": cpu,
            "server_cpu_s": switch_cpu_s,
            "server_runqueue": switch_wait,
            "phones_cpu_s": phones_cpu_s,
        }
        switches.append(switch)
        print(
            f"activity switch {k + 1}: reached {len(times)}/{len(times) + missing} phones; first "
            f"{ms(switch['first_s'])} p50 {ms(switch['p50_s'])} p99 {ms(switch['p99_s'])} last "
            f"{ms(switch['last_s'])} ms (console ack {t_ack * 1000:.1f} ms; server CPU "
            + ", ".join(f"{v * 1000:.0f}" for v in switch_cpu_s.values())
            + " ms, waiting for a CPU "
            + ", ".join(f"{v:.0f}%" for v in switch_wait.values())
            + f"; bench phones' CPU {phones_cpu_s * 1000:.0f} ms)",
            flush=True,
        )
        await asyncio.sleep(1.0)
    result["switches"] = switches
    result["phones_after"] = await phones_status(workers, "at the end")
    if targets[(args.switches - 1) % 2] != board[0] and args.switches:
        try:
            await listeners.consoles[0].call("console:open_activity", {"activity_id": board[0]}, timeout=30)
        except Exception as error:  # noqa: BLE001
            print(f"could not reopen the bench board: {error!r}")
    return result


def summary(values: list[float]) -> dict:
    return {
        "n": len(values),
        "p50_ms": _ms(quantile(values, 0.5)),
        "p95_ms": _ms(quantile(values, 0.95)),
        "p99_ms": _ms(quantile(values, 0.99)),
        "max_ms": _ms(max(values) if values else None),
    }


def _ms(value):
    return None if value is None else round(value * 1000, 2)


def start_py_spy(args, pid: int, name: str, seconds: float):
    out = Path(args.profile_dir) / (f"{name}.json" if args.profile_timeline else f"{name}.txt")
    out.parent.mkdir(parents=True, exist_ok=True)
    spy = Path(sys.executable).parent / "py-spy"
    # --nonblocking: py-spy does not pause the server to sample it (pausing would add to the latencies); native
    # stacks need the pause (py-spy refuses the two together), so --profile-native profiles pay it.
    return subprocess.Popen(
        [
            str(spy),
            "record",
            *([] if args.profile_native else ["--nonblocking"]),
            *(["--idle"] if args.profile_idle else []),
            "-p",
            str(pid),
            "-d",
            str(int(seconds + 0.999)),
            "-r",
            str(args.profile_rate),
            *(["--native"] if args.profile_native else []),
            "-f",
            "chrometrace" if args.profile_timeline else "raw",
            "-o",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def finish_py_spy(process) -> None:
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


# --- the whole run -----------------------------------------------------------------------------


async def orchestrate(args, urls: list[str], pids: list[int], demo: dict, board: tuple[int, str]) -> list[dict]:
    import aiohttp

    http = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0),
        cookie_jar=aiohttp.DummyCookieJar(),
        timeout=aiohttp.ClientTimeout(total=60),
    )
    workers = Workers(args.processes, 1 if args.pin else None, args.nice)
    listeners = Listeners()
    browser = BrowserViews() if args.browser_projector else None
    neighbours: list = []
    results = []
    try:
        cookie = await staff_cookie(http, urls[0], args.staff_email, demo["password"])
        event_id = int(demo["console"])
        await listeners.connect(http, urls[0], [urls[0], urls[-1]], demo["projector"], event_id, cookie)
        state = await listeners.consoles[0].call("console:sync", {}, timeout=30)
        activities = [a for s in state["agenda"] for a in s["activities"]]
        # Children's activities open only after the safeguarding checklist: switch between boards for everyone.
        other = next(
            a["id"]
            for a in activities
            if a["id"] != board[0] and a["kind"] == "board" and a.get("audience") == "everyone"
        )
        if state.get("current_activity_id") != board[0]:
            ack = await listeners.consoles[0].call("console:open_activity", {"activity_id": board[0]}, timeout=30)
            if not ack.get("ok"):
                raise RuntimeError(f"could not open the bench board: {ack}")
        if browser is not None:
            await browser.open(urls[0], demo["projector"], event_id, cookie)
            print(
                f"Chromium                    projector and console pages open (pids {browser.pids()}); page clock "
                f"{1000 * browser.offset:+.2f} ms from the bench's, ±{1000 * browser.offset_error:.2f} ms",
                flush=True,
            )
        rss_base = {pid: _server.rss_kb(pid) for pid in pids}

        per_worker = shares(args.phones, args.processes)
        if args.expected_room:
            await set_expected_room(http, urls[0], event_id, cookie, args.expected_room)
        replies = await join_phones(args, workers, urls, demo["join_code"], per_worker)
        for reply in replies:
            if reply[4]:
                print("  join errors e.g.", reply[4][:2], flush=True)

        scenarios = [urls]
        if len(urls) > 1 and not args.no_compare:
            scenarios = [urls[:1], urls]
        for index, scenario_urls in enumerate(scenarios):
            label = f"{len(scenario_urls)}proc"
            scenario_pids = pids[: len(scenario_urls)] if len(pids) >= len(scenario_urls) else pids
            results.append(
                await run_scenario(
                    args,
                    workers,
                    listeners,
                    scenario_urls,
                    scenario_pids,
                    board,
                    other,
                    rss_base,
                    label,
                    browser,
                    neighbours,
                )
            )
            while neighbours:
                _server.stop(neighbours.pop())
            if index < len(scenarios) - 1:
                await workers.all("disconnect", timeout=120)
                await asyncio.sleep(2)
        if len(results) == 2:
            one, two = results
            print("\n=== scaling: 2 processes against 1 ===")
            print(
                f"accepted entries/s          {two['accepted_per_second']:.1f} / {one['accepted_per_second']:.1f} "
                f"= {two['accepted_per_second'] / max(one['accepted_per_second'], 1e-9):.2f}x"
            )
            for key in ("p99_ms",):
                a, b = one["latency_projector"][key], two["latency_projector"][key]
                if a and b:
                    print(f"submit→projector {key}       {b} / {a} ms = {b / a:.2f}x")
            if one["switches"] and two["switches"]:
                a = quantile([s["last_s"] for s in one["switches"] if s.get("last_s")], 0.5)
                b = quantile([s["last_s"] for s in two["switches"] if s.get("last_s")], 0.5)
                if a and b:
                    print(
                        f"switch to last phone        {b * 1000:.0f} / {a * 1000:.0f} ms = {b / a:.2f}x "
                        f"(fan-out speed-up {a / b:.2f}x)"
                    )
            cpu1 = sum(one["cpu_burst"].values())
            cpu2 = sum(two["cpu_burst"].values())
            print(f"server CPU during burst     {cpu2:.0f}% over {len(two['cpu_burst'])} processes vs {cpu1:.0f}%")
            print(
                "RSS per process             "
                + ", ".join(f"{m['rss_mb']:.0f} MB" for m in two["memory"].values())
                + " vs "
                + ", ".join(f"{m['rss_mb']:.0f} MB" for m in one["memory"].values())
            )
    finally:
        while neighbours:
            _server.stop(neighbours.pop())
        if browser is not None:
            await browser.close()
        await listeners.close()
        workers.close()
        await http.close()
    return results


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--phones", type=int, default=1000)
    p.add_argument("--rate", type=float, default=200, help="entries per second, in total")
    p.add_argument("--duration", type=float, default=10, help="seconds of submissions")
    p.add_argument("--processes", type=int, default=2, help="client processes the phones are spread over")
    p.add_argument("--url", help="one running server")
    p.add_argument("--urls", help="comma-separated running servers (phones spread over them; Redis queue needed)")
    p.add_argument(
        "--server-pid",
        "--server-pids",
        dest="server_pids",
        default="",
        help="pid(s) of the serving process(es), comma-separated (gunicorn's master is resolved to its worker)",
    )
    p.add_argument(
        "--serve",
        choices=("gunicorn", "serve-gevent", "serve-eventlet"),
        help="start the server(s) here instead (README's production command is gunicorn)",
    )
    p.add_argument(
        "--servers", type=int, default=1, help="with --serve: how many processes (more than 1 needs --db postgres)"
    )
    p.add_argument(
        "--db",
        choices=("sqlite", "postgres"),
        default="sqlite",
        help="with --serve: SQLite in a temp dir, or a fresh PostgreSQL database dropped at the end",
    )
    p.add_argument(
        "--database-url",
        help="the server's database (with --serve: use it as is; without: only to make a post-moderated board)",
    )
    p.add_argument("--message-queue", default="redis://127.0.0.1:6379/14", help="with --serve and --servers > 1")
    p.add_argument("--join-code")
    p.add_argument("--projector-token")
    p.add_argument("--event-id")
    p.add_argument("--staff-email", default="facilitator@demo.local")
    p.add_argument("--staff-password")
    p.add_argument("--activity-id", type=int, help="the post-moderated board to submit to")
    p.add_argument("--lane")
    p.add_argument(
        "--writers",
        type=int,
        help="phones that submit, each a full python-socketio client; the others only listen, as light clients "
        f"(default: min(phones, {WRITERS_AT_MOST:,}), none with --rate 0; as many as --phones: all full clients)",
    )
    p.add_argument(
        "--expected-room",
        type=int,
        help="set the event's expected participants first (the console's joining form): the app's join limits "
        "grow with it (per event code twice the room, per address the room)",
    )
    p.add_argument("--switches", type=int, default=3)
    p.add_argument("--switch-timeout", type=float, default=10)
    p.add_argument("--ack-timeout", type=float, default=20)
    p.add_argument("--grace", type=float, default=10, help="seconds to wait for late cards after the burst")
    p.add_argument("--settle", type=float, default=2)
    p.add_argument("--idle-seconds", type=float, default=3)
    p.add_argument("--join-concurrency", type=int, default=16)
    p.add_argument("--connect-concurrency", type=int, default=50)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--pin", action="store_true", help="server(s) on CPU 0, bench clients on CPU 1")
    p.add_argument(
        "--nice",
        type=int,
        default=0,
        help="with --serve: niceness of the server(s) and bench clients (negative needs root): on a "
        "machine shared with other work, measures the app rather than the neighbours",
    )
    p.add_argument(
        "--browser-projector",
        action="store_true",
        help="a headless Chromium with the projector and a console page open during the burst: submit→drawn",
    )
    p.add_argument(
        "--browser-trace",
        metavar="FILE",
        help="with --browser-projector: Chromium's timeline over the burst, written to FILE; "
        "`python -m bench._browser FILE` sums each page's main thread's time by kind of work",
    )
    p.add_argument(
        "--browser-screenshots",
        metavar="DIR",
        help="with --browser-projector: the projector and console pages as they stand after the burst, DIR/*.png",
    )
    p.add_argument(
        "--neighbour",
        type=float,
        default=0,
        metavar="PCT",
        help="a busy loop taking PCT%% of every 100 ms during the burst and switches (on the server's CPU with --pin)",
    )
    p.add_argument("--no-compare", action="store_true", help="with several urls: skip the one-process run")
    p.add_argument("--profile-dir", help="py-spy raw profiles of the first server during the burst and a switch")
    p.add_argument("--profile-idle", action="store_true", help="py-spy: sample idle (waiting) stacks too")
    p.add_argument(
        "--cpu-breakdown",
        action="store_true",
        help="time the server's parts (the writer, the screen, the socket libraries) in the server and print each "
        "one's CPU per entry over the burst (bench/_breakdown.py; one gunicorn server)",
    )
    p.add_argument(
        "--profile-timeline",
        action="store_true",
        help="py-spy: a timeline (chrometrace JSON) instead of raw stacks; `python -m bench._timeline FILE` "
        "summarises what the server did in each slice of the burst",
    )
    p.add_argument("--profile-native", action="store_true", help="py-spy: C frames too (gevent's loop, json)")
    p.add_argument(
        "--profile-rate",
        type=int,
        default=100,
        help="py-spy: samples a second (100 gives ~250 busy samples of a 5,000-phone burst; 500 a finer split)",
    )
    p.add_argument(
        "--stall-reports",
        type=float,
        metavar="MS",
        help="with --serve (gevent): gevent's monitor reports every greenlet that keeps the loop MS ms or more, "
        "with its stack, in the server's log (the lines are printed at the end)",
    )
    p.add_argument("--keep-logs", help="with --serve: copy the servers' logs into this directory at the end")
    p.add_argument("--json", help="write the results here")
    args = p.parse_args(argv)
    if args.phones < 1 or args.processes < 1 or args.duration <= 0 or args.duration > 600:
        p.error("need phones >= 1, processes >= 1 and 0 < duration <= 600")
    if args.writers is None:
        args.writers = default_writers(args.phones, args.rate)
    if not 0 <= args.writers <= args.phones or (args.rate > 0 and args.writers < args.processes):
        p.error("--writers is at most --phones, and with --rate at least one per client process")
    if not 0 <= args.neighbour <= 100:
        p.error("--neighbour is a share of each 100 ms, 0-100")
    return args


def _terminate(signum, _frame):
    raise SystemExit(128 + signum)  # so the servers started here are stopped and temp files removed


def main(argv=None) -> int:
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    args = parse_args(argv)
    limit = _server.raise_nofile()
    if args.nice:
        os.setpriority(os.PRIO_PROCESS, 0, args.nice)
    if limit < args.phones // args.processes + 100:
        print(f"warning: open-file limit {limit} is low for {args.phones} phones", file=sys.stderr)
    if args.cpu_breakdown and (args.serve != "gunicorn" or args.servers > 1):
        raise SystemExit("--cpu-breakdown times the server the bench starts: --serve gunicorn, one server")
    servers: list[_server.Server] = []
    temp = _server.TempDir()
    pg_created = None
    try:
        if args.serve:
            if args.servers > 1 and args.db != "postgres" and not args.database_url:
                raise SystemExit("--servers > 1 needs --db postgres (one database shared by the processes)")
            if args.database_url:
                database_url = args.database_url
            elif args.db == "postgres":
                database_url = pg_created = _server.create_pg_database()
            else:
                database_url = f"sqlite:///{temp.path / 'bench.db'}"
            ports = [_server.free_port() for _ in range(args.servers)]
            _server.NICE["value"] = args.nice
            env = {
                "DATABASE_URL": database_url,
                "FACILITATOR_ENV": "production",
                "SECRET_KEY": secrets.token_urlsafe(48),  # the app refuses a key that is easy to guess
                "PYTHONUNBUFFERED": "1",
            }
            # Default per-participant limits (10 per 10 s) stay unless the bench would hit them itself.
            per_phone = args.rate * 10 / max(args.writers, 1)
            if per_phone > 8:
                env["RATE_LIMIT_SUBMISSIONS"] = str(int(per_phone * 3) + 10)
            if args.servers > 1:
                env["SOCKETIO_MESSAGE_QUEUE"] = args.message_queue
            if args.stall_reports:
                # gevent's monitor thread: a greenlet that holds the loop this long is reported with its stack.
                env["GEVENT_MONITOR_THREAD_ENABLE"] = "true"
                env["GEVENT_MAX_BLOCKING_TIME"] = str(args.stall_reports / 1000)
            demo = _server.create_demo(env, f"http://127.0.0.1:{ports[0]}")
            if args.pin:
                os.sched_setaffinity(0, {1})
            for port in ports:
                server = _server.start_server(
                    args.serve,
                    env,
                    port=port,
                    workdir=temp.path,
                    wsgi="bench._breakdown_wsgi:app" if args.cpu_breakdown else "wsgi:app",
                )
                servers.append(server)
                if args.pin:
                    for pid in (server.process.pid, server.pid):
                        os.sched_setaffinity(pid, {0})
            urls = [s.url for s in servers]
            pids = [s.pid for s in servers]
            print(
                f"started {len(servers)} × {args.serve} on {database_url.split('://')[0]} "
                f"(pids {pids}) at {', '.join(urls)}",
                flush=True,
            )
        else:
            urls = [u.strip().rstrip("/") for u in (args.urls or args.url or "").split(",") if u.strip()]
            if not urls:
                raise SystemExit("give --url/--urls of running servers, or --serve to start one")
            if any(not re.match(r"^https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$", u) for u in urls):
                raise SystemExit("the bench only targets servers on this machine (127.0.0.1)")
            missing = [
                n for n in ("join_code", "projector_token", "event_id", "staff_password") if not getattr(args, n)
            ]
            if missing:
                raise SystemExit("without --serve, give " + ", ".join("--" + m.replace("_", "-") for m in missing))
            demo = {
                "join_code": args.join_code,
                "projector": args.projector_token,
                "console": args.event_id,
                "password": args.staff_password,
            }
            database_url = args.database_url
            pids = [_server.serving_pid(int(p)) for p in args.server_pids.split(",") if p.strip()]
            if not pids:
                raise SystemExit("give --server-pid (the bench reads its RSS and CPU from /proc)")
        if args.activity_id:
            board = (args.activity_id, args.lane or "main")
        elif database_url:
            activity_id, lane, changed = _server.post_moderated_board(database_url, int(demo["console"]))
            board = (activity_id, args.lane or lane)
            if changed:
                print(
                    f"note: the demo agenda has no post-moderated board; activity {activity_id} was set to "
                    f"moderation='post', audience='everyone' for the bench",
                    flush=True,
                )
        else:
            raise SystemExit(
                "give --activity-id of a post-moderated board, or --database-url so the bench can make one"
            )
        _server.no_full_collections()  # this process holds the projector and console listeners
        results = asyncio.run(orchestrate(args, urls, pids, demo, board))
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2, default=str))
        return 0
    finally:
        for server in servers:
            if server.pid != _server.serving_pid(server.process.pid) or server.process.poll() is not None:
                print(f"server {server.pid} is gone (replaced or exited)", file=sys.stderr)
            collections = [
                line
                for line in server.log_path.read_text(errors="replace").splitlines()
                if "full garbage collection" in line
            ]
            for line in collections:  # the server's own full collections, each a pause (facilitator/live/gc_policy.py)
                print(f"server {server.pid}: {line}")
            slow = [line for line in server.log_path.read_text(errors="replace").splitlines() if "slow batch" in line]
            for line in slow[:20]:  # the entry writer's batches whose oldest entry waited long (live/entry_writer.py)
                print(f"server {server.pid}: {line}")
            if len(slow) > 20:
                print(f"server {server.pid}: … {len(slow) - 20} more slow batches")
            if args.keep_logs:
                Path(args.keep_logs).mkdir(parents=True, exist_ok=True)
                shutil.copy(server.log_path, Path(args.keep_logs) / server.log_path.name)
            problems = server.problems()
            if problems:
                print(f"server {server.url} log:\n{problems}", file=sys.stderr)
            server.stop()
        if pg_created:
            _server.drop_pg_database(pg_created)
        temp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
