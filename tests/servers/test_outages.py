"""Blips in production (issue 20), with real processes: gunicorn (gevent) as deployed, a PostgreSQL instance
and a redis-server of the test's own (the machine's shared ones are never stopped).

- PostgreSQL stopped for 15 s in the middle of a burst of entries: every entry a phone was told is stored is
  stored exactly once, and every entry is stored in the end (phones re-send, as their outbox does); pages show
  the app's own "try again in a moment" in the reader's language; the log grows by lines, not tracebacks.
- Redis restarted in the middle of approvals: every card approved during the gap or just after it reaches the
  projector on the other process within 5 s of Redis's return (the listener's retry and the views' resync).
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
import socketio
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch
from tests.servers import Browserless, close_client, free_port
from tests.servers.production import demo_event, fresh_database, production_env, start_gunicorn

pytestmark = pytest.mark.server

PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
OUTAGE_SECONDS = 15
# HTTP in these tests (no proxy): the cookies may not be Secure, or the test clients would not send them back.
TRIAL_ON_HTTP = {"COOKIE_SECURE": "0", "RATE_LIMIT_SUBMISSIONS": "1000"}


def letters(n: int = 8) -> str:
    """Letters only: digits could read as a phone number and be redacted on the projector."""
    return "".join(secrets.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(n))


class PrivatePostgres:
    """A PostgreSQL cluster of this test's own, in a temporary folder, run as the postgres user."""

    def __init__(self):
        # Its own folder under /tmp, owned by postgres: pytest's folders are closed to other users.
        self.folder = Path(tempfile.mkdtemp(prefix="facilitator-pg-"))
        shutil.chown(self.folder, "postgres", "postgres")
        self.data = self.folder / "pgdata"
        self.port = free_port()
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(PG_BIN / program), *args], check=True, capture_output=True
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.data / "log"), "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


@contextmanager
def private_postgres():
    server = PrivatePostgres()
    try:
        server.start()
        yield server
    finally:
        try:
            server.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(server.folder, ignore_errors=True)


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while (
            subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).stdout.strip() != b"PONG"
        ):
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def connect(url: str, auth: dict, cookie: str = "") -> socketio.Client:
    client = socketio.Client(reconnection=False)
    client.connect(
        url, auth=auth, headers={"Cookie": cookie} if cookie else {}, transports=["websocket"], wait_timeout=10
    )
    return client


def open_board(url: str, demo: dict) -> tuple[socketio.Client, int, str]:
    """A facilitator signs in, confirms the checklist and opens the children's board (pre-moderated)."""
    staff = Browserless(url).sign_in("facilitator@demo.local", demo["password"]).confirm_readiness(demo["console"])
    console = connect(url, {"view": "console", "event_id": int(demo["console"])}, staff.cookie_header())
    state = console.call("console:sync", {}, timeout=10)
    board = next(
        a for s in state["agenda"] for a in s["activities"] if a["kind"] == "board" and a["audience"] == "everyone"
    )
    assert console.call("console:open_activity", {"activity_id": board["id"]}, timeout=10)["ok"]
    lane = console.call("console:sync", {"activity_id": board["id"]}, timeout=10)["focus"]["lanes"][0]["key"]
    return console, board["id"], lane


class Phone:
    """A phone that keeps each entry until the server acknowledges it, re-sending it (same client key) after an
    error or a timeout, as static/participant/phone.js's outbox does."""

    def __init__(self, url: str, join_code: str, activity_id: int, lane: str):
        http = Browserless(url).join(join_code)
        self.client = connect(url, {"view": "participant"}, http.cookie_header())
        self.activity_id, self.lane = activity_id, lane
        self.acknowledged: list[str] = []
        self.errors: Counter[str] = Counter()

    def send_until_stored(self, key: str, text: str, give_up_at: float) -> dict | None:
        while time.monotonic() < give_up_at:
            payload = {"activity_id": self.activity_id, "lane": self.lane, "text": text, "client_key": key}
            try:
                ack = self.client.call("participant:submit", payload, timeout=15)
            except socketio.exceptions.TimeoutError:
                ack = {"ok": False, "error": "timeout"}
            if ack["ok"]:
                self.acknowledged.append(key)
                return ack["entry"]
            self.errors[ack["error"]] += 1
            assert ack["error"] in {"unavailable", "busy", "timeout"}, ack
            time.sleep(0.3)
        return None


def page(url: str, language: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Accept-Language": language})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_postgresql_stopped_mid_burst():
    with private_postgres() as postgres, fresh_database(postgres.url) as database:
        env = production_env(database, "redis://127.0.0.1:6379/14", **TRIAL_ON_HTTP)
        server = start_gunicorn(env)
        demo = demo_event(env, server.url)
        phones: list[Phone] = []
        console = None
        try:
            console, activity_id, lane = open_board(server.url, demo)
            phones = [Phone(server.url, demo["join_code"], activity_id, lane) for _ in range(4)]
            sent: list[str] = []
            stop_sending = threading.Event()

            def burst(phone: Phone) -> None:
                while not stop_sending.is_set():
                    key = uuid.uuid4().hex
                    sent.append(key)
                    phone.send_until_stored(key, f"Safer apps {letters()}", give_up_at=time.monotonic() + 60)
                    time.sleep(0.1)

            threads = [threading.Thread(target=burst, args=(phone,)) for phone in phones]
            for thread in threads:
                thread.start()
            time.sleep(3)
            lines_before = len(server.output)
            postgres.stop()
            time.sleep(2)
            # Pages during the outage: the app's own page, in the reader's language, and 503 with Retry-After.
            status, body = page(f"{server.url}/j/{demo['join_code']}", "sw")
            assert status == 503 and "Jaribu tena baada ya muda mfupi" in body, (status, body[:500])
            status, body = page(f"{server.url}/j/{demo['join_code']}", "en")
            assert status == 503 and "Try again in a moment" in body, (status, body[:500])
            time.sleep(OUTAGE_SECONDS - 2)
            postgres.start()
            lines_during = server.output[lines_before:]
            time.sleep(5)
            stop_sending.set()
            for thread in threads:
                thread.join(90)

            errors = sum((phone.errors for phone in phones), Counter())
            acknowledged = [key for phone in phones for key in phone.acknowledged]
            assert errors["unavailable"] >= 20, errors  # the outage was felt, and said so
            assert len(acknowledged) == len(sent), "an entry was never stored"
            with psycopg.connect(database) as conn:
                stored = Counter(
                    key
                    for (key,) in conn.execute("SELECT client_key FROM responses WHERE client_key = ANY(%s)", (sent,))
                )
            assert set(stored) == set(acknowledged) and set(stored.values()) == {1}, "stored twice or not at all"
            # The log grew by a few lines, not a traceback per failure.
            log = "".join(server.output)
            assert "Traceback" not in log, log[-3000:]
            assert len(lines_during) < 40, "".join(lines_during)
            print(f"\n{len(acknowledged)} entries stored once; errors {dict(errors)}; {len(lines_during)} log lines")
        finally:
            for phone in phones:
                close_client(phone.client)
            if console is not None:
                close_client(console)
            server.stop()


def test_cards_approved_in_a_redis_gap_reach_the_other_process(tmp_path):
    redis = PrivateRedis()
    redis.start()
    with fresh_database() as database:
        env = production_env(database, redis.url, **TRIAL_ON_HTTP)
        first = start_gunicorn(env)
        second = start_gunicorn(env)
        demo = demo_event(env, first.url)
        clients: list[socketio.Client] = []
        try:
            console, activity_id, lane = open_board(first.url, demo)
            clients.append(console)
            phone = Phone(first.url, demo["join_code"], activity_id, lane)
            clients.append(phone.client)

            def approve_new_card() -> str:
                text = f"Card {letters()}"
                key = uuid.uuid4().hex
                entry = phone.send_until_stored(key, text, give_up_at=time.monotonic() + 20)
                assert entry is not None and entry["state"] == "waiting", entry
                assert console.call("console:moderate", {"response_id": entry["id"], "action": "approve"}, timeout=10)[
                    "ok"
                ]
                return text

            with sync_playwright() as playwright:
                browser = launch(playwright)
                projector = browser.new_page(viewport={"width": 1600, "height": 900})
                projector.goto(f"{second.url}/p/{demo['projector']}")
                before = approve_new_card()
                expect(projector.locator(".card", has_text=before)).to_be_visible()

                redis.stop()
                during = [approve_new_card(), approve_new_card()]
                time.sleep(3)
                redis.start()
                returned = time.monotonic()
                after = [approve_new_card()]
                time.sleep(1)
                after.append(approve_new_card())
                for text in during + after:
                    remaining_ms = max(0, (returned + 5 - time.monotonic()) * 1000)
                    expect(projector.locator(".card", has_text=text)).to_be_visible(timeout=remaining_ms)
                print(f"\nall cards on the projector {time.monotonic() - returned:.1f} s after Redis returned")
                browser.close()
        finally:
            for client in clients:
                close_client(client)
            first.stop()
            second.stop()
            redis.stop()
