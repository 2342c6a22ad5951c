"""One task pings every phone (live/pings.py): each open socket gets its ping when its interval is over, in the
order they fell due, a closed one gets none, and one socket's failure does not stop the others' pings."""

from __future__ import annotations

import engineio.socket
import pytest
from engineio import packet

from facilitator.live import pings


class FakeServer:
    ping_interval = 25

    def __init__(self) -> None:
        self.tasks: list = []

    def start_background_task(self, target, *args):
        self.tasks.append(target)


class FakeSocket:
    def __init__(self, server: FakeServer, name: str, *, fails: bool = False) -> None:
        self.server, self.name, self.fails = server, name, fails
        self.last_ping: float | None = 1.0  # a pong has come back: the next ping may be scheduled
        self.closing = self.closed = False
        self.sent: list = []

    def send(self, pkt) -> None:
        if self.fails:
            raise OSError("the phone's connection broke")
        self.sent.append(pkt.packet_type)


@pytest.fixture
def installed(monkeypatch):
    monkeypatch.setattr(engineio.socket.Socket, "schedule_ping", engineio.socket.Socket.schedule_ping)
    assert pings.install()
    yield


def test_each_open_socket_is_pinged_once_its_interval_is_over_by_one_task(installed, monkeypatch):
    clock = {"now": 1000.0}
    monkeypatch.setattr(pings.time, "monotonic", lambda: clock["now"])
    server = FakeServer()
    first, broken, closed, last = (FakeSocket(server, n, fails=n == "broken") for n in ("a", "broken", "c", "d"))
    for socket in (first, broken, closed, last):
        engineio.socket.Socket.schedule_ping(socket)  # as the library does after a pong
        assert socket.last_ping is None
        clock["now"] += 1
    engineio.socket.Socket.schedule_ping(first)  # no second schedule before the ping went out
    assert len(server.tasks) == 1  # one task for every socket, not one per ping
    closed.closed = True
    pinger = pings.pinger_of(server)

    clock["now"] = 1000.0 + 25 + 0.5  # only the first is due
    assert pinger.ping_due(clock["now"]) == 1
    assert first.sent == [packet.PING] and first.last_ping is not None
    assert last.sent == []

    clock["now"] = 1000.0 + 25 + 10
    assert pinger.ping_due(clock["now"]) == 1  # the broken one raised, the closed one was skipped
    assert last.sent == [packet.PING] and closed.sent == []
    assert not pinger.waiting


def test_the_library_s_own_pings_go_on_if_it_changed(monkeypatch):
    monkeypatch.delattr(engineio.socket.Socket, "_send_ping")
    original = engineio.socket.Socket.schedule_ping
    assert pings.install() is False
    assert engineio.socket.Socket.schedule_ping is original
