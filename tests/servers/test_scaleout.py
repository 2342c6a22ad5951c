"""Scale-out for real (DESIGN.md §4): two server processes share one PostgreSQL database and a Redis
message queue. A phone on the first process submits; the console and the projector on the second see the
entry, the console approves it there, the projector shows the card, and the phone (back on the first)
hears of the approval and follows an activity switch made on the second.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid

import psycopg
import pytest
import socketio

from tests.servers import Browserless, start_server

pytestmark = pytest.mark.server

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
# Redis database numbers: nothing is stored there (pub/sub only), one per async mode all the same.
REDIS_DB = {"gevent": 11, "eventlet": 12}


@pytest.fixture
def database():
    name = f"facilitator_scaleout_{secrets.token_hex(4)}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def close_client(client: socketio.Client) -> None:
    client.disconnect()
    ws = getattr(client.eio, "ws", None)
    if ws is not None:
        ws.shutdown()


class Listener:
    """Collects one kind of event from a socket, and waits (bounded) for one that matches."""

    def __init__(self, client: socketio.Client, name: str):
        self.items: list = []
        self.condition = threading.Condition()
        client.on(name, self._add)

    def _add(self, payload):
        with self.condition:
            self.items.append(payload)
            self.condition.notify_all()

    def wait_for(self, predicate, timeout: float = 10):
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                found = next((item for item in self.items if predicate(item)), None)
                remaining = deadline - time.monotonic()
                if found is not None or remaining <= 0:
                    return found
                self.condition.wait(remaining)


def connect(url: str, auth: dict, cookie: str = "") -> socketio.Client:
    client = socketio.Client(reconnection=False)
    client.connect(
        url, auth=auth, headers={"Cookie": cookie} if cookie else {}, transports=["websocket"], wait_timeout=10
    )
    return client


@pytest.mark.parametrize("async_mode", ["gevent", "eventlet"])
def test_an_entry_crosses_between_two_processes(async_mode, database):
    env = {"DATABASE_URL": database, "SOCKETIO_MESSAGE_QUEUE": f"redis://127.0.0.1:6379/{REDIS_DB[async_mode]}"}
    first = start_server(async_mode, env)  # creates the demo event
    second = None
    clients: list[socketio.Client] = []
    try:
        second = start_server(async_mode, env, demo=False)  # the same database, no demo of its own
        demo = first.demo
        event_id = int(demo["console"])
        phone_http = Browserless(first.url).join(demo["join_code"])
        staff_http = Browserless(second.url).sign_in("facilitator@demo.local", demo["password"])

        phone = connect(first.url, {"view": "participant"}, phone_http.cookie_header())
        clients.append(phone)
        phone_activity = Listener(phone, "activity")
        phone_entries = Listener(phone, "own_entry")
        projector = connect(second.url, {"view": "projector", "token": demo["projector"]})
        clients.append(projector)
        projector_board = Listener(projector, "board")
        console = connect(second.url, {"view": "console", "event_id": event_id}, staff_http.cookie_header())
        clients.append(console)
        console_entries = Listener(console, "entries")

        # An activity switch on the second process reaches the phone on the first.
        state = console.call("console:sync", {}, timeout=10)
        boards = [
            a for s in state["agenda"] for a in s["activities"] if a["kind"] == "board" and a["audience"] == "everyone"
        ]
        board = boards[0]
        assert board["moderation"] == "pre"
        assert console.call("console:open_activity", {"activity_id": board["id"]}, timeout=10)["ok"]
        switched = phone_activity.wait_for(lambda m: (m.get("activity") or {}).get("id") == board["id"])
        assert switched is not None, "the activity switch did not cross from the second process to the first"

        # The phone submits on the first process; staff on the second see it waiting (pre-moderated).
        # Letters only: digits could read as an ID number and be redacted on the projector.
        text = "Cross process idea " + "".join(secrets.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(8))
        lane = console.call("console:sync", {"activity_id": board["id"]}, timeout=10)["focus"]["lanes"][0]["key"]
        ack = phone.call(
            "participant:submit",
            {"activity_id": board["id"], "lane": lane, "text": text, "client_key": uuid.uuid4().hex},
            timeout=10,
        )
        assert ack["ok"] and ack["entry"]["state"] == "waiting"
        entry_id = ack["entry"]["id"]
        # Matched by id and text: Redis pub/sub channels are shared by every app on this Redis (another
        # test run's event 1 would use the same room names).
        seen = console_entries.wait_for(
            lambda m: any(e["id"] == entry_id and e.get("original") == text for e in m["entries"])
        )
        assert seen is not None, "the entry did not reach the console on the other process"
        assert [(e["original"], e["status"]) for e in seen["entries"] if e["id"] == entry_id] == [(text, "pending")]

        # Approved on the second process: the projector there shows the card, the phone on the first hears.
        assert console.call("console:moderate", {"response_id": entry_id, "action": "approve"}, timeout=10)["ok"]
        card = projector_board.wait_for(lambda m: any(c["id"] == entry_id and c["text"] == text for c in m["cards"]))
        assert card is not None, "the approved card did not reach the projector on the other process"
        mine = phone_entries.wait_for(
            lambda m: m["entry"]["id"] == entry_id and m["entry"]["text"] == text and m["entry"]["state"] == "on_board"
        )
        assert mine is not None, "the approval did not cross back to the phone's process"

        # Either process answers from the same database.
        snapshot = projector.call("projector:sync", {}, timeout=10)
        assert [c["id"] for c in snapshot["cards"]] == [entry_id]
    finally:
        for client in clients:
            close_client(client)
        if second is not None:
            second.stop()
        first.stop()
