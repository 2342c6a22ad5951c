"""Pings for thousands of phones from one task per server process.

python-engineio pings each connection from a task of its own: after every pong it starts a task that sleeps out
the ping interval, then sends the next ping. With 5,000 phones that is 5,000 sleeping tasks (a greenlet each,
with its stack and its timer) and 200 new ones a second, each a spawn, a timer and a switch. Here one task keeps
the sockets waiting for their next ping in the order they fall due (the interval is the same for every socket,
so that is the order they were scheduled in) and sends each ping when it is due. What a ping means is the
library's, unchanged: the same interval, ``last_ping`` set as it is sent, the timeout checked by the library.

The library's service task, which lets go of phones that stopped answering, woke once per socket: it walks every
socket once in each ping timeout (20 s), sleeping ``ping_timeout / sockets`` between two (4 ms with 5,000 phones:
250 wake-ups a second, each a timer and two switches, ~70 µs of CPU measured alone, ~2% of a core). Here one pass
checks every socket each ``SERVICE_PASS_SECONDS``, with the library's own ``check_ping_timeout``: a silent phone is
let go no later than the library's walk would (each socket is checked every 5 s instead of every 20 s).

Only server processes install it (wsgi.py, ``facilitator serve``), before serving.
"""

from __future__ import annotations

import collections
import logging
import time
from typing import Any

import engineio.server
import engineio.socket
from engineio import packet

log = logging.getLogger(__name__)

# A ping sent up to this late is harmless (the phone allows the interval plus the timeout, 45 s); sleeping at
# least this long keeps the task from waking for every single socket.
GRANULARITY_SECONDS = 0.05
IDLE_SLEEP_SECONDS = 1.0
SERVICE_PASS_SECONDS = 5.0
SERVICE_YIELD_EVERY = 500  # sockets checked between two yields, so a pass that closes many does not hold the room up


class Pinger:
    """The sockets of one engine.io server, each waiting for its next ping."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.waiting: collections.deque[tuple[float, Any]] = collections.deque()  # (monotonic when due, socket)
        self.running = False

    def schedule(self, socket: Any) -> None:
        self.waiting.append((time.monotonic() + self.server.ping_interval, socket))
        if not self.running:
            self.running = True
            self.server.start_background_task(self._ping_forever)

    def ping_due(self, now: float) -> int:
        """Ping every open socket due by ``now``; returns how many were pinged."""
        pinged = 0
        while self.waiting and self.waiting[0][0] <= now:
            _, socket = self.waiting.popleft()
            if socket.closing or socket.closed:
                continue
            try:
                socket.last_ping = time.time()  # as python-engineio's own ping task sets it
                socket.send(packet.Packet(packet.PING))
                pinged += 1
            except Exception:  # one socket's failure must not stop the pings of the others
                log.exception("pinging a socket failed")
        return pinged

    def _ping_forever(self) -> None:
        while True:
            now = time.monotonic()
            self.ping_due(now)
            wait = self.waiting[0][0] - now if self.waiting else IDLE_SLEEP_SECONDS
            self.server.sleep(min(max(wait, GRANULARITY_SECONDS), IDLE_SLEEP_SECONDS))


def pinger_of(server: Any) -> Pinger:
    pinger: Pinger | None = getattr(server, "_facilitator_pinger", None)
    if pinger is None:
        pinger = server._facilitator_pinger = Pinger(server)
    return pinger


def _schedule_ping(socket: Any) -> None:
    # python-engineio's Socket.schedule_ping, with the shared task in place of a task per socket.
    if socket.last_ping:
        socket.last_ping = None
        pinger_of(socket.server).schedule(socket)


def check_timeouts(server: Any) -> int:
    """One pass of the service task: forget closed sockets, let go of those whose pong is overdue (the library's
    ``check_ping_timeout``, which closes them). Returns how many sockets were checked."""
    checked = 0
    for socket in list(server.sockets.values()):
        try:
            if socket.closed:
                server.sockets.pop(socket.sid, None)
            elif not socket.closing:
                socket.check_ping_timeout()
        except Exception:  # one socket's failure must not keep the others from being checked
            log.exception("checking a socket's ping timeout failed")
        checked += 1
        if checked % SERVICE_YIELD_EVERY == 0:
            server.sleep(0)
    return checked


def _service_task(server: Any) -> None:
    # python-engineio's Server._service_task, in passes: the same event stops it (Server.shutdown).
    server.service_task_event = server.create_event()
    while not server.service_task_event.wait(timeout=SERVICE_PASS_SECONDS):
        check_timeouts(server)


def install() -> bool:
    """Ping from one task per server instead of a task per socket, and check ping timeouts in passes. Returns
    False, changing nothing, if python-engineio no longer pings the way this replaces (a new version: its own pings
    and checks go on as before)."""
    socket_class: Any = engineio.socket.Socket
    server_class: Any = engineio.server.Server
    replaced = ("schedule_ping", "_send_ping", "check_ping_timeout")
    if not all(callable(getattr(socket_class, name, None)) for name in replaced) or not callable(
        getattr(server_class, "_service_task", None)
    ):
        log.warning("python-engineio's pings have changed: each socket keeps its own ping task")
        return False
    socket_class.schedule_ping = _schedule_ping
    server_class._service_task = _service_task
    return True
