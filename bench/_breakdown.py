"""Where a server's CPU goes in a burst, measured inside the server: ``--cpu-breakdown`` of bench.load and
bench.bare_socketio.

py-spy's samples of a busy gevent process follow where the process was when the kernel took the CPU away as well as
what costs CPU (bench/README.md, fifth session: the URL match at 17% of one profile, ``Packet.data_is_binary`` at 18%
of the next). Here the server measures itself, two ways, and the bench prints both beside the /proc figure:

- each part named in ``LIBRARY_PARTS`` and ``APP_PARTS`` is timed with ``time.process_time`` around every call. A
  part's figure includes the parts called inside it (the screen inside the writer's batch). Exact only for a part
  that never waits: one process on SQLite, no message queue; a part that waits (the database under PostgreSQL,
  Redis for several processes) counts whatever ran while it waited;
- greenlet's trace function, called at every switch, gives the CPU since the last switch to the greenlet switched
  from: all of the process's CPU, by the kind of task it ran in (``TASK_KINDS``), waits or not.

Each call and switch adds ~1 µs of its own. Served by ``bench._breakdown_wsgi`` (the app) or the bare app, which call
``install``; read over two bench-only routes, never part of the app.
"""

from __future__ import annotations

import gc
import importlib
import json
import time
import urllib.request
import weakref
from collections.abc import Callable
from typing import Any, NamedTuple

import gevent
import greenlet

# (module, attribute path, what it is, whether it can run inside another part). Top-level parts never run inside
# one another, so their sum is what the parts account for; nested ones are shown under them.
LIBRARY_PARTS: list[tuple[str, str, str, bool]] = [
    ("simple_websocket.ws", "Base._handle_events", "websocket frames read (wsproto) and handed on", False),
    ("engineio.socket", "Socket.receive", "Engine.IO and Socket.IO packets decoded, a handler task started", False),
    ("flask.ctx", "RequestContext.push", "Flask's request context pushed for a socket event", False),
    ("flask.ctx", "RequestContext.pop", "Flask's request context popped", False),
    ("socketio.server", "Server._send_packet", "acks encoded and queued", False),
    ("simple_websocket.ws", "Base.send", "websocket frames written (wsproto, the send call)", False),
    ("socketio.server", "Server.emit", "room messages encoded and queued (inside the writer's batches too)", True),
]
APP_PARTS: list[tuple[str, str, str, bool]] = [
    ("facilitator.validation", "payload", "socket payloads checked", False),
    ("facilitator.live.entry_writer", "EntryWriter._store_and_tell", "the entry writer's batches", False),
    ("facilitator.board.entries", "batch_reads", "the batch's reads (version, writers)", True),
    ("facilitator.board.entries", "store_entries", "stored, committed and told (the screen included)", True),
    ("facilitator.safety", "screen", "the safety screen", True),
]
GC_LABEL = "garbage collection (inside whatever part allocated)"

RESET_PATH = "/_bench/breakdown/reset"
READ_PATH = "/_bench/breakdown"


class Measured(NamedTuple):
    parts: dict[str, tuple[float, int]]  # label -> (CPU seconds, calls)
    tasks: dict[str, float]  # kind of task -> CPU seconds


class _Totals:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    def add(self, label: str, seconds: float) -> None:
        self.seconds[label] = self.seconds.get(label, 0.0) + seconds
        self.calls[label] = self.calls.get(label, 0) + 1


def _timed(totals: _Totals, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    clock = time.process_time

    def timed(*args: Any, **kwargs: Any) -> Any:
        began = clock()
        try:
            return function(*args, **kwargs)
        finally:
            totals.add(label, clock() - began)

    return timed


def install(app: Any, *, app_parts: bool = True) -> None:
    """Time every part in the server process that serves ``app`` (a Flask app), and add the two routes."""
    totals = _Totals()
    for module_name, path, label, _nested in LIBRARY_PARTS + (APP_PARTS if app_parts else []):
        owner: Any = importlib.import_module(module_name)
        *owners, name = path.split(".")
        for attribute in owners:
            owner = getattr(owner, attribute)
        setattr(owner, name, _timed(totals, label, getattr(owner, name)))

    collecting: list[float] = []

    def on_collection(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            collecting.append(time.process_time())
        elif collecting:
            totals.add(GC_LABEL, time.process_time() - collecting.pop())

    gc.callbacks.append(on_collection)
    by_task = _TaskClock()
    greenlet.settrace(by_task.switched)

    def reset() -> str:
        totals.seconds.clear()
        totals.calls.clear()
        by_task.seconds.clear()
        return "reset"

    def read() -> dict[str, Any]:
        return {
            "parts": {label: [totals.seconds[label], totals.calls[label]] for label in totals.seconds},
            "tasks": dict(by_task.seconds),
        }

    app.add_url_rule(RESET_PATH, "bench_breakdown_reset", reset)
    app.add_url_rule(READ_PATH, "bench_breakdown_read", read)


class _TaskClock:
    """The process's CPU by the kind of greenlet it ran in: greenlet's trace function is called at every switch, and
    the CPU since the last switch goes to the greenlet switched from. A kind is the function the greenlet was started
    with (a patched thread's target), as first seen: gevent forgets it once the greenlet ends."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.kinds: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
        self.last = time.process_time()
        self.hub = gevent.get_hub()

    def kind(self, task: Any) -> str:
        kind = self.kinds.get(task)
        if kind is None:
            kind = self.kinds[task] = self._kind(task)
        return kind

    def _kind(self, task: Any) -> str:
        if task is self.hub:
            return "gevent's hub (its loop, callbacks and timers)"
        run = getattr(task, "_run", None) or getattr(task, "run", None)
        target = getattr(getattr(run, "__self__", None), "_target", None) or run  # a patched thread: its target
        function = getattr(target, "func", target)  # a functools.partial
        function = getattr(function, "__func__", function)
        name = getattr(function, "__qualname__", None) or type(task).__name__
        return TASK_KINDS.get(name, name)

    def switched(self, _event: str, args: tuple[Any, Any]) -> None:
        now = time.process_time()
        origin, target = args
        self.kind(target)  # named now, while gevent still holds what it was started with: it may end unseen
        kind = self.kind(origin)
        self.seconds[kind] = self.seconds.get(kind, 0.0) + now - self.last
        self.last = now


# What the greenlets a server runs are, by the function they were started with.
TASK_KINDS = {
    "_handle_and_close_when_done": "connections' tasks (Engine.IO's receive loop of each socket; HTTP requests)",
    "Server._service_task": "Engine.IO's service task (ping timeouts)",
    "_service_task": "ping timeouts checked in passes (live.pings)",
    "Base._thread": "simple-websocket's reading threads (recv, wsproto's parsing)",
    "Socket._websocket_handler.<locals>.writer": "Engine.IO's writing tasks (one a socket: frames written)",
    "Server._handle_event_internal": "Socket.IO event handlers (Flask's context, the handler, the ack)",
    "Server._handle_connect": "Socket.IO connects",
    "EntryWriter._write_forever": "the entry writer",
    "Pinger._ping_forever": "pings",
}


def reset(url: str) -> None:
    with urllib.request.urlopen(url + RESET_PATH, timeout=10) as reply:
        reply.read()


def read(url: str) -> Measured:
    with urllib.request.urlopen(url + READ_PATH, timeout=10) as reply:
        read = json.loads(reply.read())
    parts = {label: (seconds, int(calls)) for label, (seconds, calls) in read["parts"].items()}
    return Measured(parts, read["tasks"])


def lines(measured: Measured, entries: int, cpu_seconds: float, *, app_parts: bool = True) -> list[str]:
    """The tables the bench prints: each part's and each kind of task's CPU per entry, and share of the server's CPU
    over the burst (the /proc figure, ``cpu_seconds``)."""
    entries = max(entries, 1)
    cpu_seconds = max(cpu_seconds, 1e-9)

    def row(seconds: float, calls: str, label: str) -> str:
        return f"  {1e6 * seconds / entries:7.0f} {100 * seconds / cpu_seconds:4.0f}% {calls:>7}  {label}"

    parts = measured.parts
    out = [
        "where the server's CPU went   µs per entry, share of the burst's CPU, calls (timed in the server; "
        "a part includes the parts under it)"
    ]
    accounted = 0.0
    for _module, _path, label, nested in LIBRARY_PARTS + (APP_PARTS if app_parts else []):
        seconds, calls = parts.get(label, (0.0, 0))
        if not nested:
            accounted += seconds
        out.append(row(seconds, str(calls), ("    " if nested else "  ") + label))
    seconds, calls = parts.get(GC_LABEL, (0.0, 0))
    out.append(row(seconds, str(calls), "    " + GC_LABEL))
    out.append(row(cpu_seconds - accounted, "", "  in no part above"))
    out.append("  by the task it ran in (greenlets, by the function each was started with):")
    tasks = sorted(measured.tasks.items(), key=lambda item: -item[1])
    for label, seconds in tasks:
        out.append(row(seconds, "", "  " + label))
    out.append(row(cpu_seconds - sum(measured.tasks.values()), "", "  not seen by the task clock"))
    return out
