"""Nothing lost on a crash (DESIGN.md §4 "Persist, then broadcast", §5 "Nothing lost"): phones submit
continuously to a real server process on a SQLite file, the server is killed with SIGKILL mid-burst and
restarted on the same port and database, the phones reconnect and re-send their outboxes (every entry not
yet acknowledged, with the same client key). Every acknowledged entry must be in the database exactly
once, and so must every entry in the end, checked with sqlite3 directly.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import threading
import time
from contextlib import closing

import pytest
import socketio

from tests.servers import Browserless, close_client, post_moderated_board, start_server

pytestmark = pytest.mark.server


PHONES = 6
ENTRIES_PER_PHONE = 40
SEED = 20261127


class OutboxPhone:
    """A phone with an outbox: entries wait there until acknowledged, and are re-sent (same key) after any
    failure or reconnect, the way phone.js does."""

    def __init__(self, index: int, cookie: str, activity_id: int, lane: str, rng: random.Random):
        self.index = index
        self.cookie = cookie
        self.outbox = [
            {
                "activity_id": activity_id,
                "lane": lane,
                "client_key": f"crash{index:02d}{rng.getrandbits(64):016x}",
                "text": f"Phone {chr(97 + index)} idea {n} for safer apps",
            }
            for n in range(ENTRIES_PER_PHONE)
        ]
        self.keys = [e["client_key"] for e in self.outbox]
        self.acked: dict[str, int] = {}  # client key -> entry id, as acknowledged
        self.acked_before_kill: dict[str, int] = {}
        self.duplicates = 0
        self.connects = 0
        self.errors: list[str] = []
        self.client: socketio.Client | None = None

    def _connect(self, url: str) -> bool:
        client = socketio.Client(reconnection=False)
        try:
            client.connect(
                url,
                auth={"view": "participant"},
                headers={"Cookie": self.cookie},
                transports=["websocket"],
                wait_timeout=5,
            )
        except socketio.exceptions.ConnectionError:
            close_client(client)
            return False
        self.client = client
        self.connects += 1
        return True

    def close(self) -> None:
        if self.client is not None:
            close_client(self.client)
            self.client = None

    def run(self, url: str, deadline: float, killed: threading.Event) -> None:
        while self.outbox and time.monotonic() < deadline:
            if self.client is None or not self.client.connected:
                self.close()
                if not self._connect(url):
                    time.sleep(0.1)
                    continue
            entry = self.outbox[0]  # re-sent first after a reconnect: the outbox keeps its order
            try:
                ack = self.client.call("participant:submit", entry, timeout=5)
            except (
                socketio.exceptions.TimeoutError,
                socketio.exceptions.BadNamespaceError,
                socketio.exceptions.DisconnectedError,
            ):
                self.close()
                continue
            if not ack or not ack.get("ok"):
                self.errors.append(str(ack))
                time.sleep(0.1)
                continue
            key = entry["client_key"]
            self.acked[key] = ack["entry"]["id"]
            if not killed.is_set():
                self.acked_before_kill[key] = ack["entry"]["id"]
            self.duplicates += bool(ack.get("duplicate"))
            self.outbox.pop(0)
            time.sleep(0.01)
        self.close()


@pytest.mark.parametrize("async_mode", ["gevent", "eventlet"])
def test_acknowledged_entries_survive_kill_9_and_resends_are_never_duplicated(async_mode, tmp_path):
    db_path = str(tmp_path / "crash.db")
    env = {"DATABASE_URL": f"sqlite:///{db_path}", "RATE_LIMIT_SUBMISSIONS": "1000"}
    server = start_server(async_mode, env)
    port = int(server.url.rsplit(":", 1)[1])
    phones: list[OutboxPhone] = []
    threads: list[threading.Thread] = []
    killed = threading.Event()
    try:
        demo = server.demo
        activity_id, lane = post_moderated_board(db_path, int(demo["console"]))
        staff = Browserless(server.url).sign_in("facilitator@demo.local", demo["password"])
        console = socketio.Client(reconnection=False)
        console.connect(
            server.url,
            auth={"view": "console", "event_id": int(demo["console"])},
            headers={"Cookie": staff.cookie_header()},
            wait_timeout=10,
        )
        try:
            assert console.call("console:open_activity", {"activity_id": activity_id}, timeout=10)["ok"]
        finally:
            close_client(console)

        rng = random.Random(SEED)
        for index in range(PHONES):
            cookie = Browserless(server.url).join(demo["join_code"]).cookie_header()
            phones.append(OutboxPhone(index, cookie, activity_id, lane, rng))
        deadline = time.monotonic() + 40
        threads = [threading.Thread(target=p.run, args=(server.url, deadline, killed), daemon=True) for p in phones]
        for thread in threads:
            thread.start()

        # Mid-burst: once a good share (not all) of the entries are acknowledged, kill -9 the server.
        total = PHONES * ENTRIES_PER_PHONE
        wait_until = time.monotonic() + 20
        while time.monotonic() < wait_until and sum(len(p.acked) for p in phones) < total // 3:
            time.sleep(0.02)
        acked_at_kill = sum(len(p.acked) for p in phones)
        assert 0 < acked_at_kill < total, "the kill must land mid-burst"
        killed.set()
        server.stop(signal.SIGKILL)
        assert server.process.returncode == -signal.SIGKILL
        time.sleep(0.5)  # the phones notice, and keep trying (their outboxes hold what was not acknowledged)
        server = start_server(async_mode, env, port=port, demo=False)

        for thread in threads:
            thread.join(max(1.0, deadline - time.monotonic() + 5))
        assert not any(t.is_alive() for t in threads), "phones did not finish re-sending in time"
    finally:
        killed.set()
        for phone in phones:
            phone.close()
        server.stop()

    for phone in phones:
        assert not phone.errors, phone.errors
        assert not phone.outbox, f"phone {phone.index} still has {len(phone.outbox)} unsent entries"
        assert phone.connects >= 2, "every phone reconnected after the crash"

    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute(
            "SELECT client_key, id, COUNT(*) OVER (PARTITION BY client_key) FROM responses WHERE activity_id = ?",
            (activity_id,),
        ).fetchall()
    stored = {key: (entry_id, count) for key, entry_id, count in rows}
    all_keys = {key for phone in phones for key in phone.keys}
    before_kill = {key: i for phone in phones for key, i in phone.acked_before_kill.items()}
    acked = {key: i for phone in phones for key, i in phone.acked.items()}

    assert len(before_kill) >= acked_at_kill
    # Every entry acknowledged before the kill survived it, exactly once, as the entry the phone was told about.
    for key, entry_id in before_kill.items():
        assert stored.get(key) == (entry_id, 1), f"acknowledged entry {key} lost or changed by the crash"
    # In the end every entry landed exactly once, and nothing else did.
    assert set(stored) == all_keys
    assert len(rows) == len(all_keys) == PHONES * ENTRIES_PER_PHONE
    assert all(count == 1 for _, count in stored.values())
    assert {key: entry_id for key, (entry_id, _) in stored.items()} == acked
