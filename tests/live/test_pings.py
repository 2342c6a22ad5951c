"""One task pings every phone (live/pings.py): each open socket gets its ping when its interval is over, in the
order they fell due, a closed one gets none, and one socket's failure does not stop the others' pings; one pass
lets go of every socket whose pong is overdue."""

from __future__ import annotations

import engineio.server
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
    monkeypatch.setattr(engineio.server.Server, "_service_task", engineio.server.Server._service_task)
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


def test_one_pass_lets_go_of_silent_sockets_and_forgets_closed_ones(installed, monkeypatch):
    """The library's own check_ping_timeout, on every socket in one pass: a socket pinged longer than the timeout
    ago and not answered is closed (which tells the app it disconnected); an answered one stays; a closed one is
    forgotten; one that fails does not stop the pass."""

    class Server:
        ping_timeout = 20
        sleeps = 0

        def __init__(self) -> None:
            self.sockets: dict = {}

        def sleep(self, _seconds) -> None:
            self.sleeps += 1

    class Socket:
        check_ping_timeout = engineio.socket.Socket.check_ping_timeout

        def __init__(self, server, sid, last_ping) -> None:
            self.server, self.sid, self.last_ping = server, sid, last_ping
            self.closing = self.closed = False
            self.closed_for = None
            server.sockets[sid] = self

        def close(self, wait=True, abort=False, reason=None) -> None:
            self.closed_for = reason
            self.closed = True

    class Broken(Socket):
        def check_ping_timeout(self):
            raise RuntimeError("a socket in a strange state")

    monkeypatch.setattr(engineio.socket.time, "time", lambda: 1000.0)
    server = Server()
    server.logger = engineio.server.default_logger
    server.reason = engineio.server.Server.reason
    silent = Socket(server, "silent", last_ping=1000.0 - 21)  # pinged 21 s ago, no pong: gone
    answered = Socket(server, "answered", last_ping=None)  # its pong came back: waits for the next ping
    waiting = Socket(server, "waiting", last_ping=1000.0 - 5)  # pinged 5 s ago: still in time
    Broken(server, "broken", last_ping=None)
    gone = Socket(server, "gone", last_ping=None)
    gone.closed = True
    assert pings.check_timeouts(server) == 5
    assert silent.closed and silent.closed_for == engineio.server.Server.reason.PING_TIMEOUT
    assert not answered.closed and not waiting.closed
    assert "gone" not in server.sockets and "silent" in server.sockets  # forgotten on the next pass, as the library
    assert pings.check_timeouts(server) == 4 and "silent" not in server.sockets
    assert engineio.server.Server._service_task is pings._service_task
