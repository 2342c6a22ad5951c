"""One device floods the room (issue 15, finding 1): a script that re-joins as fast as the app lets it (its
participant cookie dropped each time, so each join is a new participant) and sends distress text after each
join, for ten seconds, against a real server. Meanwhile a real child's phone sends one disclosure, a moderator
approves an ordinary entry, and well-behaved phones keep writing.

What must hold: the safeguarding lead's first screen (Chromium at 1280x720, no scrolling) shows the disclosure,
however many flood alerts arrived; the moderation queue keeps working (the approved entry reaches the projector);
the other phones' acks stay under 100 ms.

On timing, on a shared 2-core machine: the server, the flooder, six phones, a console, a projector and Chromium
all share the same cores here (and CI may run other jobs beside them), where in a hall the flooder's, the phones'
and the lead's work is done on their own devices. So:
- the flooder runs in a process of its own, so the phones' timing here never waits for its interpreter lock;
- the promise is asserted on the 95th percentile of every ack, not on the slowest one (which only has a generous
  ceiling that a stalled phone would break);
- the machine's share in the delay is measured, not guessed: the kernel counts how long the server's threads
  were ready to run but waited for a CPU taken by other processes (/proc/<pid>/task/*/schedstat). The 100 ms are
  held as server time: the budget is 100 ms times (time run + time waited) / time run over the flood, so exactly
  100 ms on a machine that gives the server its CPU, and proportionally more on one that does not;
- p50/p95/max, calm and under the flood, and the server's wait are printed for the record.
"""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
import statistics
import threading
import time
import urllib.error
import uuid
from contextlib import closing
from pathlib import Path

import pytest
import socketio
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch, screenshot
from tests.servers import CHILDRENS_BOARD, Browserless, close_client, open_activity, start_server

pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.timing]

FLOOD_SECONDS = 10.0
PHONES = 6
PHONE_INTERVAL_SECONDS = 1.1  # under the per-participant limit (10 entries in 10 s): well-behaved phones
ACK_PROMISE_MS = 100  # the issue: "other phones' acks stay under 100 ms"
CALM_SECONDS = 5.0  # the same phones first, with no flood: what the flood changes
ACK_CEILING_MS = 2000  # no single ack may take this long, whatever else the machine does: that is a phone stalled
DISCLOSURE = "My uncle touches me at night and says it is our secret, I am scared to go home"
# The flood's text: distress, varied as a script would vary it to slip past a filter of exact repeats.
FLOOD_TEXTS = (
    "I want to kill myself tonight",
    "nataka kujiua leo",
    "I am going to end my life",
)


# A word added to each: enough to make every alert's text distinct, so no collapsing of near-identical text helps.
FILLER = ("please", "now", "today", "really", "sasa", "tafadhali", "kweli", "Brian", "Amina", "at school", "at home")


def vary(text: str, rng: random.Random) -> str:
    """A script's variation: case, a word, digits, punctuation."""
    text = text.upper() if rng.random() < 0.3 else text
    return f"{text} {rng.choice(FILLER)}{rng.choice(['', '!', '!!!', '...', ' ' + str(rng.randint(1, 999))])}"


class Flooder:
    """One client with no participant cookie after each join: a new participant every time, as fast as the
    server answers. It keeps its form token (the Flask session cookie): the fewest requests per identity."""

    def __init__(self, url: str, code: str, activity_id: int, lane: str):
        self.client = Browserless(url)
        self.code = code
        self.activity_id = activity_id
        self.lane = lane
        self.rng = random.Random(15)
        self.joins = self.join_refusals = self.entries = self.entry_refusals = 0
        self.errors: list[str] = []

    def _forget_identity(self) -> None:
        for cookie in list(self.client.jar):
            if cookie.name != "session":
                self.client.jar.clear(cookie.domain, cookie.path, cookie.name)

    def run(self, seconds: float, ready) -> None:
        token = self.client.csrf(f"/j/{self.code}")
        ready.put("ready")
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            self._forget_identity()
            try:
                self.client.post("/join", {"code": self.code, "group": "child", "csrf_token": token})
            except urllib.error.HTTPError as error:
                self.join_refusals += error.code == 429
                if error.code != 429:
                    self.errors.append(f"join {error.code}")
                continue
            self.joins += 1
            try:
                self.client.post(
                    f"/e/{self.code}/submit",
                    {
                        "activity_id": self.activity_id,
                        "lane": self.lane,
                        "text": vary(self.rng.choice(FLOOD_TEXTS), self.rng),
                        "client_key": uuid.uuid4().hex,
                        "csrf_token": token,
                    },
                )
                self.entries += 1
            except urllib.error.HTTPError as error:
                self.entry_refusals += 1
                if error.code != 429:
                    self.errors.append(f"submit {error.code}")


def flood(url: str, code: str, activity_id: int, lane: str, seconds: float, results) -> None:
    """The flooder in a process of its own: its work is another device's, and must not hold this process's
    interpreter lock while the phones here time their acks."""
    flooder = Flooder(url, code, activity_id, lane)
    flooder.run(seconds, results)
    results.put({k: getattr(flooder, k) for k in ("joins", "join_refusals", "entries", "entry_refusals", "errors")})


class Phone:
    """A well-behaved phone on a socket: an ordinary entry every PHONE_INTERVAL_SECONDS, every ack timed."""

    def __init__(self, index: int, url: str, code: str, activity_id: int, lane: str):
        self.index = index
        self.activity_id = activity_id
        self.lane = lane
        self.cookie = Browserless(url).join(code).cookie_header()
        self.client = socketio.Client(reconnection=False)
        self.client.connect(
            url, auth={"view": "participant"}, headers={"Cookie": self.cookie}, transports=["websocket"]
        )
        self.ack_ms: list[float] = []  # where submit() records: the calm phase's list, then the flood's
        self.failures: list = []
        self.sent = 0

    def submit(self, text: str) -> dict:
        started = time.perf_counter()
        ack = self.client.call(
            "participant:submit",
            {"activity_id": self.activity_id, "lane": self.lane, "text": text, "client_key": uuid.uuid4().hex},
            timeout=10,
        )
        self.ack_ms.append((time.perf_counter() - started) * 1000)
        if not ack.get("ok"):
            self.failures.append(ack)
        return ack

    def run(self, until: float, ack_ms: list[float]) -> None:
        self.ack_ms = ack_ms
        time.sleep(self.index * PHONE_INTERVAL_SECONDS / PHONES)  # not all at the same moment
        while time.monotonic() < until:
            self.sent += 1
            self.submit(f"Phone {self.index} idea {self.sent}: teach parents how privacy settings work")
            time.sleep(PHONE_INTERVAL_SECONDS)


def staff_socket(server, staff: Browserless, view: str = "console") -> socketio.Client:
    client = socketio.Client(reconnection=False)
    client.connect(
        server.url,
        auth={"view": view, "event_id": int(server.demo["console"])},
        headers={"Cookie": staff.cookie_header()},
        transports=["websocket"],
        wait_timeout=10,
    )
    return client


def ran_and_waited(pid: int) -> tuple[int, int]:
    """Nanoseconds the process's threads ran on a CPU, and waited for one while ready to run (Linux schedstat)."""
    ran = waited = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            on_cpu, on_queue, _slices = (int(n) for n in (task / "schedstat").read_text().split())
        except (OSError, ValueError):
            continue  # a thread that ended meanwhile
        ran, waited = ran + on_cpu, waited + on_queue
    return ran, waited


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@pytest.mark.parametrize("async_mode", ["gevent", "eventlet"])
def test_one_device_rejoining_to_flood_buries_no_disclosure_and_slows_no_phone(async_mode, tmp_path):
    db_path = str(tmp_path / "flood.db")
    server = start_server(async_mode, {"DATABASE_URL": f"sqlite:///{db_path}"})
    demo = server.demo
    clients: list[socketio.Client] = []
    threads: list[threading.Thread] = []
    try:
        open_activity(server, CHILDRENS_BOARD)
        staff = Browserless(server.url).sign_in("facilitator@demo.local", demo["password"])
        console = staff_socket(server, staff)
        clients.append(console)
        state = console.call("console:sync", {}, timeout=10)
        board = next(a for s in state["agenda"] for a in s["activities"] if a["title"] == CHILDRENS_BOARD)
        lanes = console.call("console:sync", {"activity_id": board["id"]}, timeout=10)["focus"]["lanes"]
        lane = lanes[0]["key"]

        projected: dict[int, float] = {}
        projector = socketio.Client(reconnection=False)
        projector.on(
            "board",
            lambda update: projected.update({card["id"]: time.monotonic() for card in update.get("cards", [])}),
        )
        projector.connect(server.url, auth={"view": "projector", "token": demo["projector"]}, transports=["websocket"])
        clients.append(projector)
        projector.call("projector:sync", {}, timeout=10)

        # The child who will disclose joined with everyone else, at the start of the session, well before the flood.
        child = Phone(99, server.url, demo["join_code"], board["id"], lane)
        phones = [Phone(i, server.url, demo["join_code"], board["id"], lane) for i in range(PHONES)]
        clients.extend(p.client for p in [child, *phones])
        with closing(sqlite3.connect(db_path)) as conn, conn:
            conn.execute(
                "UPDATE participants SET created_at = strftime('%Y-%m-%d %H:%M:%f', created_at, '-20 minutes')"
            )

        with sync_playwright() as playwright:
            browser = launch(playwright)
            lead = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
            lead.goto(f"{server.url}/staff/login")
            lead.fill("#email", "facilitator@demo.local")
            lead.fill("#password", demo["password"])
            lead.click("button[type=submit]")
            lead.goto(f"{server.url}/console/{demo['console']}/safeguarding/")
            expect(lead.locator("#status")).to_have_text("Live.")

            # The same phones without a flood first: what this machine gives right now, for comparison.
            calm: list[float] = []
            calm_until = time.monotonic() + CALM_SECONDS
            threads = [threading.Thread(target=p.run, args=(calm_until, calm), daemon=True) for p in phones]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(CALM_SECONDS + 30)

            spawn = multiprocessing.get_context("spawn")
            results = spawn.Queue()
            flooder = spawn.Process(
                target=flood, args=(server.url, demo["join_code"], board["id"], lane, FLOOD_SECONDS, results)
            )
            flooder.start()
            assert results.get(timeout=60) == "ready"
            server_before = ran_and_waited(server.process.pid)
            started = time.monotonic()
            until = started + FLOOD_SECONDS
            acks: list[float] = []
            threads = [threading.Thread(target=p.run, args=(until, acks), daemon=True) for p in phones]
            for thread in threads:
                thread.start()

            # A third of the way in, the child discloses; halfway, a moderator approves an ordinary entry.
            time.sleep(FLOOD_SECONDS / 3)
            disclosed = child.submit(DISCLOSURE)
            assert disclosed["ok"] and disclosed["support"] is True, disclosed
            time.sleep(FLOOD_SECONDS / 6)
            idea = child.submit("Schools should teach how to report a fake account")
            assert idea["ok"] and idea["entry"]["state"] == "waiting", idea
            approved_at = time.monotonic()
            approval = console.call(
                "console:moderate", {"response_id": idea["entry"]["id"], "action": "approve"}, timeout=10
            )
            assert approval["ok"], approval
            flood_was_on = time.monotonic() < until

            for thread in threads:
                thread.join(FLOOD_SECONDS + 30)
            assert not any(t.is_alive() for t in threads)
            server_after = ran_and_waited(server.process.pid)
            flooded = results.get(timeout=60)
            flooder.join(10)
            flooded_for = time.monotonic() - started

            deadline = time.monotonic() + 10
            while idea["entry"]["id"] not in projected and time.monotonic() < deadline:
                time.sleep(0.05)

            # The lead's first screen, once every alert of the flood has arrived: the disclosure, without scrolling.
            flags = lead.locator("#flags > li")
            expect(flags.first).to_be_visible()
            # Every flag reached the lead's list: each of the flood's, and the disclosure.
            expect(lead.locator("#open-count")).to_have_text(str(flooded["entries"] + 1), timeout=20_000)
            screenshot(lead, f"flood-lead-first-screen-{async_mode}")
            disclosure_item = lead.locator("#flags > li", has_text=DISCLOSURE)
            expect(disclosure_item).to_be_visible()
            box = disclosure_item.bounding_box()
            scrolled = lead.evaluate("window.scrollY")
            listed = flags.count()
            first_screen = lead.evaluate(
                "Array.from(document.querySelectorAll('#flags > li'))"
                ".filter(li => li.getBoundingClientRect().top < window.innerHeight)"
                ".map(li => li.querySelector('.entry-text').textContent.slice(0, 40) + ' ' + "
                "li.querySelector('.flags').textContent)"
            )
            browser.close()
    finally:
        for client in clients:
            close_client(client)
        server.stop()

    p50, p95, slowest = statistics.median(acks), percentile(acks, 0.95), max(acks)
    calm_p95 = percentile(calm, 0.95)
    ran, waited = (after - before for after, before in zip(server_after, server_before, strict=True))
    budget = ACK_PROMISE_MS * (ran + waited) / ran  # see the module's docstring
    to_projector_ms = (projected.get(idea["entry"]["id"], float("nan")) - approved_at) * 1000
    print(
        f"\n{async_mode}: flooder joined {flooded['joins']} times in {FLOOD_SECONDS:.0f} s "
        f"({flooded['join_refusals']} joins refused), sent {flooded['entries']} entries "
        f"({flooded['entry_refusals']} refused), flood lasted {flooded_for:.1f} s\n"
        f"lead's list: {listed} items for {flooded['entries'] + 1} open flags; disclosure at "
        f"y={box and box['y']:.0f}-{box and box['y'] + box['height']:.0f} of 720; first screen: {first_screen}\n"
        f"{len(calm)} calm acks: p50 {statistics.median(calm):.1f} ms, p95 {calm_p95:.1f} ms, max {max(calm):.1f} ms; "
        f"{len(acks)} acks under the flood: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {slowest:.1f} ms "
        f"(budget for p95 {budget:.0f} ms: the server ran {ran / 1e9:.1f} s and waited {waited / 1e9:.1f} s for a CPU "
        f"over the flood); approved card on the projector after {to_projector_ms:.0f} ms"
    )
    assert not flooded["errors"], flooded["errors"][:5]
    assert flooded["joins"] >= 20, "the flood never got going"
    # The lead's first screen shows the disclosure.
    assert scrolled == 0
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 720, first_screen
    # The moderation queue kept working: approved during the flood, on the projector.
    assert flood_was_on
    assert idea["entry"]["id"] in projected
    # Other phones were not slowed.
    assert all(not p.failures for p in phones), [p.failures for p in phones]
    assert len(acks) >= PHONES * 5
    assert p95 < budget, f"p95 {p95:.1f} ms"
    assert slowest < ACK_CEILING_MS, f"max {slowest:.1f} ms"
