"""Pings for thousands of phones from one task per server process.

python-engineio pings each connection from a task of its own: after every pong it starts a task that sleeps out
the ping interval, then sends the next ping. With 5,000 phones that is 5,000 sleeping tasks (a greenlet each,
with its stack and its timer) and 200 new ones a second, each a spawn, a timer and a switch. Here one task keeps
the sockets waiting for their next ping in the order they fall due (the interval is the same for every socket,
so that is the order they were scheduled in) and sends each ping when it is due. What a ping means is the
library's, unchanged: the same interval, ``last_ping`` set as it is sent, the timeout checked by the library.

Only server processes install it (wsgi.py, ``facilitator serve``), before serving.
"""

from __future__ import annotations

import collections
import logging
import time
from typing import Any

import engineio.socket
from engineio import packet

log = logging.getLogger(__name__)

# A ping sent up to this late is harmless (the phone allows the interval plus the timeout, 45 s); sleeping at
# least this long keeps the task from waking for every single socket.
GRANULARITY_SECONDS = 0.05
IDLE_SLEEP_SECONDS = 1.0


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


def install() -> bool:
    """Ping from one task per server instead of a task per socket. Returns False, changing nothing, if
    python-engineio no longer pings the way this replaces (a new version: its own pings go on as before)."""
    socket_class: Any = engineio.socket.Socket
    replaced = ("schedule_ping", "_send_ping")
    if not all(callable(getattr(socket_class, name, None)) for name in replaced):
        log.warning("python-engineio's pings have changed: each socket keeps its own ping task")
        return False
    socket_class.schedule_ping = _schedule_ping
    return True
