"""The floor under the app's CPU per entry: the same libraries with no application logic.

    .venv/bin/python -m bench.bare_socketio [--phones 5000] [--writers 1000] [--rate 200] [--duration 10]

Starts gunicorn with one gevent worker (README's production command) on a Flask-SocketIO app of a few lines: a
``submit`` event answered with an ack, and each batch of 30 ms told to three listeners (a projector and two consoles)
in one message, as the app's entry writer does. Phones connect the way the bench's light clients do (one websocket
each, the Engine.IO and Socket.IO handshakes, a pong for every ping); the writers among them send ``submit`` at
``--rate`` in total and wait for its ack. Prints the server's CPU per entry over the burst, measured as
``bench.load`` measures it (the serving process's /proc, from the first submission to the last ack), so the two
figures can be set side by side: what the app adds is the difference.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import sys
import tempfile
import textwrap
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _breakdown, _server
from bench.load import finish_py_spy, latency_line, shares, start_py_spy

APP = textwrap.dedent(
    """
    from gevent import monkey

    monkey.patch_all()

    from flask_socketio import SocketIO, join_room

    from facilitator.live.socket_requests import SocketAwareFlask
    from facilitator.web.compression import without_websocket_compression

    # Flask as the app runs it: without it each event's request context matches the socket's URL against the routes
    # again, which the app does once per server (live.socket_requests), and the floor would hold a cost the app has not.
    app = SocketAwareFlask(__name__)
    # No ping in the burst: bench.load's bursts begin before the first ping round (25 s after the connects), and this
    # one would meet it. Any origin: the listeners' client sends one.
    socketio = SocketIO(app, async_mode="gevent", cors_allowed_origins="*", ping_interval=120)
    app.wsgi_app = without_websocket_compression(app.wsgi_app)  # as the app serves its sockets
    batch = []

    # The server as the app's runs it (wsgi.py): one task pings every socket and checks their timeouts in passes
    # (live.pings), and what exists is frozen with no automatic full collection (live.gc_policy, whose task runs
    # them only when the process is quiet, never in a burst). Without them the libraries' own service task took
    # 6% of the burst and full collections 21% (--cpu-breakdown, 2026-11-30): costs the app does not have.
    from facilitator.live import gc_policy, pings

    pings.install()
    gc_policy.freeze_and_stop_full_collections()


    @app.get("/healthz")
    def healthz():
        return "ok"


    @socketio.on("connect")
    def connect(auth):
        if isinstance(auth, dict) and auth.get("view") == "listener":
            join_room("listeners")


    @socketio.on("submit")
    def submit(data):
        if not batch:
            socketio.start_background_task(tell)
        batch.append(data)
        return {"ok": True, "entry": {"id": len(batch), "text": data.get("text"), "state": "approved"}}


    def tell():
        socketio.sleep(0.03)
        entries = batch[:]
        batch.clear()
        socketio.emit("board", {"entries": entries}, to="listeners")
    """
)


# With --cpu-breakdown the libraries' parts are timed in the server, as bench.load times the app's.
BREAKDOWN = textwrap.dedent(
    """

    from bench._breakdown import install

    install(app, app_parts=False)
    """
)


def _phones(url: str, phones: int, writers: int, rate: float, start_at: float, duration: float, out) -> None:
    """One client process: ``phones`` websockets, the first ``writers`` of them submitting at ``rate``."""
    import aiohttp

    _server.no_full_collections()

    async def run() -> None:
        ws_url = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
        acks: dict[int, float] = {}
        sent: dict[int, float] = {}
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def phone(n: int, auth: dict) -> None:
                async with session.ws_connect(ws_url, autoping=False, max_msg_size=0) as ws:
                    await ws.receive()  # Engine.IO open
                    await ws.send_str("40" + json.dumps(auth))
                    async for message in ws:
                        data = message.data
                        if data == "2":
                            await ws.send_str("3")
                        elif data.startswith("43"):
                            ack_id = int(data[2 : data.index("[")])
                            acks[ack_id] = time.monotonic()
                        elif data.startswith("40"):
                            connected.append(n)
                            if n < writers:
                                writing[n] = ws

            connected: list[int] = []
            writing: dict[int, object] = {}
            tasks = []
            for n in range(phones):
                tasks.append(asyncio.create_task(phone(n, {"view": "phone"})))
                if n % 100 == 99:
                    await asyncio.sleep(0.05)
            while len(connected) < phones:
                await asyncio.sleep(0.1)
            out.put(("connected", len(connected)))
            await asyncio.sleep(max(0.0, start_at - time.time()))
            count = int(rate * duration)
            began = time.monotonic()
            sockets = list(writing.values())
            for i in range(count):
                await asyncio.sleep(max(0.0, began + i / rate - time.monotonic()))
                sent[i] = time.monotonic()
                payload = json.dumps(["submit", {"text": f"an idea for safer apps {i}", "client_key": str(i)}])
                await sockets[i % len(sockets)].send_str(f"42{i}{payload}")
            deadline = time.monotonic() + 10
            while len(acks) < count and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            out.put(("done", [acks[i] - sent[i] for i in sent if i in acks], count))
            for task in tasks:
                task.cancel()

    asyncio.run(run())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=5000)
    parser.add_argument("--writers", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--profile-dir", help="a py-spy raw profile of the server over the burst: DIR/bare-burst.txt")
    parser.add_argument(
        "--cpu-breakdown",
        action="store_true",
        help="time the socket libraries' parts in the server and print each one's CPU per entry (bench/_breakdown.py)",
    )
    args = parser.parse_args(argv)
    _server.raise_nofile()

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "bare_app.py").write_text(APP + (BREAKDOWN if args.cpu_breakdown else ""))
        server = _server.start_server(
            "gunicorn",
            {"PYTHONPATH": f"{folder}{os.pathsep}{_server.ROOT}"},
            workdir=Path(folder),
            wsgi="bare_app:app",
            cwd=Path(folder),
        )
        try:
            out: multiprocessing.Queue = multiprocessing.Queue()
            listeners = multiprocessing.Process(target=_listeners, args=(server.url, out), daemon=True)
            listeners.start()
            assert out.get(timeout=60) == "listening"
            start_at = time.time() + 10 + args.phones / 400
            workers = [
                multiprocessing.Process(
                    target=_phones,
                    args=(server.url, phones, writers, args.rate / args.processes, start_at, args.duration, out),
                )
                for phones, writers in zip(
                    shares(args.phones, args.processes), shares(args.writers, args.processes), strict=True
                )
            ]
            for process in workers:
                process.start()
            connected = sum(out.get(timeout=600)[1] for _ in workers)
            print(f"phones connected            {connected} ({args.writers} write)", flush=True)
            time.sleep(max(0.0, start_at - time.time()))
            if args.cpu_breakdown:
                _breakdown.reset(server.url)
            cpu_before, t_before = _server.cpu_seconds(server.pid), time.monotonic()
            spy = None
            if args.profile_dir:
                profile = argparse.Namespace(
                    profile_dir=args.profile_dir,
                    profile_timeline=False,
                    profile_native=False,
                    profile_idle=False,
                    profile_rate=500,
                )
                spy = start_py_spy(profile, server.pid, "bare-burst", args.duration)
            results = [out.get(timeout=args.duration + 120) for _ in workers]
            cpu = _server.cpu_seconds(server.pid) - cpu_before
            seconds = time.monotonic() - t_before
            parts = _breakdown.read(server.url) if args.cpu_breakdown else None
            if spy is not None:
                finish_py_spy(spy)
            latencies = [latency for _, got, _ in results for latency in got]
            submitted = sum(count for _, _, count in results)
            for process in workers:
                process.terminate()
            listeners.terminate()
        finally:
            server.stop()
    print(f"entries acknowledged        {len(latencies)} of {submitted}")
    print(latency_line("submit→ack", latencies))
    print(
        f"server CPU during burst      {100 * cpu / seconds:.1f}% = {1000 * cpu / max(len(latencies), 1):.2f} ms CPU "
        "per entry (the libraries alone)"
    )
    if parts is not None:
        for line in _breakdown.lines(parts, len(latencies), cpu, app_parts=False):
            print(line)
    return 0


def _listeners(url: str, out) -> None:
    """A projector and two consoles: three sockets in the room every batch is told to, before any phone."""
    import socketio

    clients = []
    for _ in range(3):
        client = socketio.Client(reconnection=False)
        client.connect(url, auth={"view": "listener"}, transports=["websocket"], wait_timeout=30)
        clients.append(client)
    out.put("listening")
    clients[0].wait()


if __name__ == "__main__":
    sys.exit(main())
