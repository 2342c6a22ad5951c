"""A flaky network (DESIGN.md §4 outbox, state snapshot on reconnect; §5 nothing lost): phones and the
projector reach a real server through a proxy that cuts connections at random, and phones also drop and
reconnect by themselves, while they submit. Each phone keeps an outbox and re-sends what was not
acknowledged, with the same client key. In the end nothing is lost, nothing is duplicated, and the
projector's board after its reconnects (projector:sync) equals the database's approved entries.
Randomness is seeded; every loop is bounded in count and time.
"""

from __future__ import annotations

import random
import socket
import sqlite3
import threading
import time
from contextlib import closing

import pytest
import socketio

from tests.servers import Browserless, close_client, post_moderated_board, start_server

pytestmark = pytest.mark.server


SEED = 9090
PHONES = 8
ENTRIES_PER_PHONE = 25
CHAOS_SECONDS = 8.0


class ChaosProxy:
    """A TCP proxy on 127.0.0.1 that can cut any of its connections, abruptly, on both sides."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.lock = threading.Lock()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.threads: list[threading.Thread] = []
        self.stopping = threading.Event()
        self.cuts = 0
        self.acceptor = threading.Thread(target=self._accept, daemon=True)
        self.acceptor.start()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                downstream, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                downstream.close()
                continue
            upstream.settimeout(None)
            downstream.settimeout(None)
            with self.lock:
                self.pairs.append((downstream, upstream))
            for a, b in ((downstream, upstream), (upstream, downstream)):
                thread = threading.Thread(target=self._pump, args=(a, b), daemon=True)
                thread.start()
                self.threads.append(thread)

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        self._close_pair_of(source)

    def _close_pair_of(self, sock: socket.socket) -> None:
        with self.lock:
            pair = next((p for p in self.pairs if sock in p), None)
            if pair is not None:
                self.pairs.remove(pair)
        if pair is not None:
            for s in pair:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def cut(self, rng: random.Random, fraction: float) -> int:
        """Cut a random share of the live connections, as a Wi-Fi drop would."""
        with self.lock:
            live = list(self.pairs)
        chosen = [p for p in live if rng.random() < fraction]
        for downstream, _ in chosen:
            self._close_pair_of(downstream)
        self.cuts += len(chosen)
        return len(chosen)

    def close(self) -> None:
        self.stopping.set()
        self.acceptor.join(5)
        self.listener.close()
        with self.lock:
            live = list(self.pairs)
        for downstream, _ in live:
            self._close_pair_of(downstream)
        for thread in self.threads:
            thread.join(5)


class FlakyPhone:
    def __init__(self, index: int, cookie: str, activity_id: int, lane: str):
        self.index = index
        self.cookie = cookie
        self.rng = random.Random(SEED * 100 + index)
        self.outbox = [
            {
                "activity_id": activity_id,
                "lane": lane,
                "client_key": f"flaky{index:02d}{self.rng.getrandbits(64):016x}",
                "text": f"Phone {chr(97 + index)} says idea {n} keeps children safer",
            }
            for n in range(ENTRIES_PER_PHONE)
        ]
        self.keys = [e["client_key"] for e in self.outbox]
        self.acked: dict[str, int] = {}
        self.mismatched: list[tuple] = []
        self.duplicates = 0
        self.drops = 0
        self.connects = 0
        self.errors: list = []
        self.client: socketio.Client | None = None

    def close(self) -> None:
        if self.client is not None:
            close_client(self.client)
            self.client = None

    def run(self, url: str, deadline: float, chaos_until: float, acked_ids: list, lock: threading.Lock) -> None:
        while self.outbox and time.monotonic() < deadline:
            if self.client is None or not self.client.connected:
                self.close()
                client = socketio.Client(reconnection=False)
                try:
                    client.connect(
                        url,
                        auth={"view": "participant"},
                        headers={"Cookie": self.cookie},
                        transports=["websocket"],
                        wait_timeout=3,
                    )
                except socketio.exceptions.ConnectionError:
                    close_client(client)
                    time.sleep(0.05)
                    continue
                self.client = client
                self.connects += 1
            if time.monotonic() < chaos_until and self.rng.random() < 0.08:
                self.drops += 1  # the phone drops by itself (screen off, lift, tunnel), then comes back
                self.close()
                time.sleep(self.rng.uniform(0, 0.2))
                continue
            entry = self.outbox[0]
            try:
                ack = self.client.call("participant:submit", entry, timeout=2)
            except (
                socketio.exceptions.TimeoutError,
                socketio.exceptions.BadNamespaceError,
                socketio.exceptions.DisconnectedError,
            ):
                self.close()
                continue
            if not ack or not ack.get("ok"):
                self.errors.append(ack)
                time.sleep(0.05)
                continue
            key, entry_id = entry["client_key"], ack["entry"]["id"]
            if key in self.acked and self.acked[key] != entry_id:
                self.mismatched.append((key, self.acked[key], entry_id))
            self.acked[key] = entry_id
            self.duplicates += bool(ack.get("duplicate"))
            with lock:
                acked_ids.append(entry_id)
            self.outbox.pop(0)
            time.sleep(self.rng.uniform(0.005, 0.03))
        self.close()


class Projector:
    """The projector's board as it keeps it: a snapshot after every (re)connect, live cards in between.
    The snapshot is applied in the client's read thread, in order with the live events."""

    def __init__(self, url: str, token: str):
        self.url = url
        self.token = token
        self.lock = threading.Lock()
        self.cards: dict[int, dict] = {}
        self.activity_id = None
        self.client: socketio.Client | None = None
        self.connects = 0
        self.synced = threading.Event()

    def _on_board(self, update):
        with self.lock:
            if update.get("activity_id") != self.activity_id:
                return
            for card in update["cards"]:
                self.cards[card["id"]] = card
            for removed in update["removed"]:
                self.cards.pop(removed, None)

    def _on_snapshot(self, snapshot):
        with self.lock:
            self.activity_id = (snapshot.get("activity") or {}).get("id")
            self.cards = {c["id"]: c for c in snapshot.get("cards", [])}
        self.synced.set()

    def ensure_connected(self) -> bool:
        if self.client is not None and self.client.connected:
            return True
        self.close()
        client = socketio.Client(reconnection=False)
        client.on("board", self._on_board)
        try:
            client.connect(
                self.url, auth={"view": "projector", "token": self.token}, transports=["websocket"], wait_timeout=3
            )
        except socketio.exceptions.ConnectionError:
            close_client(client)
            return False
        self.client = client
        self.connects += 1
        self.synced.clear()
        client.emit("projector:sync", {}, callback=self._on_snapshot)
        return True

    def keep_up(self, until: float, stop: threading.Event) -> None:
        while time.monotonic() < until and not stop.is_set():
            if not self.ensure_connected():
                time.sleep(0.05)
                continue
            time.sleep(0.05)

    def close(self) -> None:
        if self.client is not None:
            close_client(self.client)
            self.client = None


@pytest.mark.parametrize("async_mode", ["gevent", "eventlet"])
def test_random_drops_lose_nothing_duplicate_nothing_and_the_projector_matches_the_database(async_mode, tmp_path):
    db_path = str(tmp_path / "flaky.db")
    server = start_server(async_mode, {"DATABASE_URL": f"sqlite:///{db_path}", "RATE_LIMIT_SUBMISSIONS": "1000"})
    proxy = ChaosProxy(int(server.url.rsplit(":", 1)[1]))
    phones: list[FlakyPhone] = []
    projector = Projector(proxy.url, server.demo["projector"])
    console = socketio.Client(reconnection=False)
    stop = threading.Event()
    threads: list[threading.Thread] = []
    hidden: list[int] = []
    try:
        demo = server.demo
        activity_id, lane = post_moderated_board(db_path, int(demo["console"]))
        staff = Browserless(server.url).sign_in("facilitator@demo.local", demo["password"])
        console.connect(
            server.url,
            auth={"view": "console", "event_id": int(demo["console"])},
            headers={"Cookie": staff.cookie_header()},
            wait_timeout=10,
        )
        assert console.call("console:open_activity", {"activity_id": activity_id}, timeout=10)["ok"]
        assert projector.ensure_connected() and projector.synced.wait(10)

        phones = [
            FlakyPhone(i, Browserless(server.url).join(demo["join_code"]).cookie_header(), activity_id, lane)
            for i in range(PHONES)
        ]
        acked_ids: list[int] = []
        lock = threading.Lock()
        started = time.monotonic()
        deadline, chaos_until = started + 45, started + CHAOS_SECONDS
        threads = [
            threading.Thread(target=p.run, args=(proxy.url, deadline, chaos_until, acked_ids, lock), daemon=True)
            for p in phones
        ]
        threads.append(threading.Thread(target=projector.keep_up, args=(deadline, stop), daemon=True))
        for thread in threads:
            thread.start()

        # Chaos: cut a random share of the proxy's connections at random moments; a moderator hides a few
        # entries meanwhile (so the board is not simply "everything").
        rng = random.Random(SEED)
        while time.monotonic() < chaos_until:
            time.sleep(rng.uniform(0.3, 0.8))
            proxy.cut(rng, fraction=0.5)
            with lock:
                candidates = [i for i in acked_ids if i not in hidden]
            if candidates and len(hidden) < 8:
                victim = rng.choice(sorted(candidates))
                assert console.call("console:moderate", {"response_id": victim, "action": "hide"}, timeout=10)["ok"]
                hidden.append(victim)

        for thread in threads[:-1]:
            thread.join(max(1.0, deadline - time.monotonic()))
        assert not any(t.is_alive() for t in threads[:-1]), "phones did not get every entry through in time"
        # The network is calm again: the projector reconnects if it has to, then settles.
        settle = time.monotonic() + 10
        while time.monotonic() < settle and not (
            projector.client and projector.client.connected and projector.synced.is_set()
        ):
            time.sleep(0.05)
        time.sleep(1.0)
        stop.set()
        threads[-1].join(5)
        assert projector.ensure_connected()
        snapshot = projector.client.call("projector:sync", {}, timeout=10)
        with projector.lock:
            live_board = set(projector.cards)
    finally:
        stop.set()
        for phone in phones:
            phone.close()
        projector.close()
        close_client(console)
        proxy.close()
        server.stop()

    print(
        f"\n{async_mode}: proxy cut {proxy.cuts} connections, phones dropped {sum(p.drops for p in phones)} times "
        f"and connected {sum(p.connects for p in phones)} times, {sum(p.duplicates for p in phones)} re-sends "
        f"were known keys, projector connected {projector.connects} times, {len(hidden)} entries hidden"
    )
    assert proxy.cuts > 0 and sum(p.drops for p in phones) > 0, "the network was not flaky at all"
    assert sum(p.connects for p in phones) > PHONES, "no phone ever reconnected"
    for phone in phones:
        assert not phone.errors, phone.errors
        assert not phone.mismatched, phone.mismatched
        assert not phone.outbox

    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute(
            "SELECT client_key, id, status FROM responses WHERE activity_id = ?", (activity_id,)
        ).fetchall()
    all_keys = [key for phone in phones for key in phone.keys]
    stored_keys = [key for key, _, _ in rows]
    # No loss and no duplicate: every entry exactly once, and nothing else.
    assert sorted(stored_keys) == sorted(all_keys)
    assert len(set(stored_keys)) == len(stored_keys) == PHONES * ENTRIES_PER_PHONE
    assert {key: i for key, i, _ in rows} == {k: i for phone in phones for k, i in phone.acked.items()}
    approved = {i for _, i, status in rows if status == "approved"}
    assert {i for _, i, status in rows if status == "hidden"} == set(hidden)
    # The projector after its reconnects shows exactly the database's approved entries, each once.
    snapshot_ids = [c["id"] for c in snapshot["cards"]]
    assert len(snapshot_ids) == len(set(snapshot_ids))
    assert set(snapshot_ids) == approved
    assert live_board == approved
