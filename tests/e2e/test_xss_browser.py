"""Cross-site scripting, end to end in real Chromium: every payload of ``tests/e2e/xss_payloads.txt`` is sent as
a card by a phone through the real app, approved in the console, then every page that shows cards is
opened. No payload may open a dialog or set ``window.__xss``, and the text must read exactly as written.

The pages are opened with the Content Security Policy switched off (``bypass_csp``): the CSP forbids
inline script anyway, so with it on a payload could never fire and the test would prove nothing about
escaping. One more pass with the CSP on checks that no page even tries to break it.

To add a surface (theme names, asks, duty bearers' answers): make the payloads reach it in ``Run`` (as
``submit_cards`` does for cards) and add a ``Surface`` to ``SURFACES`` that opens the page, waits until the
texts are drawn, and names the texts it must show.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.servers import Browserless, start_server

PAYLOAD_FILE = Path(__file__).resolve().parent / "xss_payloads.txt"
MAX_ENTRY_CHARS = 280
# How long a page is given, after its texts are drawn, for anything delayed to fire (a failing image's
# onerror, an SVG animation's onbegin, an autofocus): generous, since each of those fires within a frame.
SETTLE_MS = 750


def load_payloads() -> list[str]:
    payloads = []
    for line in PAYLOAD_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line == "#" or line.startswith("# "):
            continue
        payloads.append(re.sub(r"\{U\+([0-9A-Fa-f]{4,6})\}", lambda m: chr(int(m.group(1), 16)), line))
    return payloads


PAYLOADS = load_payloads()


def test_the_corpus_is_large_and_each_payload_fits_a_card():
    assert len(PAYLOADS) >= 50
    assert len(set(PAYLOADS)) == len(PAYLOADS), "a payload is listed twice"
    too_long = [p for p in PAYLOADS if len(p) > MAX_ENTRY_CHARS]
    assert not too_long, f"longer than {MAX_ENTRY_CHARS} characters (the app refuses them): {too_long}"
    kinds = {"<script": 5, "onerror": 5, "javascript:": 5, "<svg": 4, "{{": 3, "\u202e": 1}
    for marker, at_least in kinds.items():
        assert sum(marker in p.lower() for p in PAYLOADS) >= at_least, marker


# --- the run: a real server, the payloads sent as cards and approved -----------------------------------


@dataclass
class Card:
    payload: str
    original: str  # as stored: cleaned (NFC, no control characters) but otherwise what the phone sent
    shown: str  # what non-staff views show: redacted when the safety checks found personal details
    status: str


@dataclass
class Run:
    url: str
    demo: dict
    staff: Browserless
    phone: Browserless
    activity_id: int = 0
    cards: list[Card] = field(default_factory=list)


def console_socket(run: Run):
    import socketio

    client = socketio.Client(reconnection=False)
    client.connect(
        run.url,
        headers={"Cookie": run.staff.cookie_header()},
        auth={"view": "console", "event_id": int(run.demo["console"])},
        wait_timeout=10,
    )
    return client


def call(client, name: str, payload: dict) -> dict:
    ack = client.call(name, payload, timeout=10)
    assert ack and ack["ok"], (name, ack)
    return ack


def open_a_board(run: Run, console) -> None:
    """Open the first board for everyone (children's activities wait for the safeguarding checklist)."""
    agenda = call(console, "console:sync", {})["agenda"]
    boards = [
        a
        for session in agenda
        for a in session["activities"]
        if a["kind"] == "board" and a.get("audience") == "everyone"
    ]
    run.activity_id = boards[0]["id"]
    call(console, "console:open_activity", {"activity_id": run.activity_id})


def submit_cards(run: Run, console) -> None:
    """Every payload as a card from the phone, through the page's own form (the no-JavaScript path)."""
    code = run.demo["join_code"]
    lanes = call(console, "console:sync", {"activity_id": run.activity_id})["focus"]["lanes"]
    for number, payload in enumerate(PAYLOADS):
        run.phone.post(
            f"/e/{code}/submit",
            {
                "csrf_token": run.phone.csrf(f"/e/{code}"),
                "activity_id": run.activity_id,
                "lane": lanes[number % len(lanes)]["key"],
                "text": payload,
                "client_key": uuid.uuid4().hex,
            },
        )


def approve_cards(run: Run, console) -> None:
    entries = call(console, "console:sync", {"activity_id": run.activity_id})["entries"]
    for entry in entries:
        if entry["status"] == "pending":
            call(console, "console:moderate", {"response_id": entry["id"], "action": "approve"})
    entries = call(console, "console:sync", {"activity_id": run.activity_id})["entries"]
    by_original = {entry["original"]: entry for entry in entries}
    for payload in PAYLOADS:
        entry = by_original.get(stored_form(payload))
        assert entry is not None, f"the card was not stored: {payload!r}"
        run.cards.append(Card(payload, entry["original"], entry["text"], entry["status"]))


def stored_form(payload: str) -> str:
    """The payload as the app stores it (facilitator.validation.clean_text), to find its card."""
    from facilitator import validation

    return validation.clean_text(payload, field="text", max_chars=MAX_ENTRY_CHARS)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    server = start_server(
        "gevent",
        {
            "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('xss') / 'xss.db'}",
            "RATE_LIMIT_SUBMISSIONS": "1000",  # one phone sends every payload in a few seconds
        },
    )
    try:
        staff = Browserless(server.url).sign_in("facilitator@demo.local", server.demo["password"])
        current = Run(server.url, server.demo, staff, Browserless(server.url).join(server.demo["join_code"]))
        console = console_socket(current)
        try:
            open_a_board(current, console)
            submit_cards(current, console)
            approve_cards(current, console)
        finally:
            console.disconnect()
        yield current
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


# --- the surfaces -------------------------------------------------------------------------------


def cookies_of(client: Browserless, url: str) -> list[dict]:
    return [{"name": c.name, "value": c.value, "url": url} for c in client.jar]


def drawn(page, selector: str, count: int) -> None:
    """Wait until at least ``count`` elements match. Locators, not wait_for_function: that one evaluates a
    string, which the CSP (no 'unsafe-eval') rightly refuses in the pass that keeps it on."""
    page.locator(selector).nth(count - 1).wait_for(state="attached", timeout=20_000)


def open_projector(context, run: Run):
    page = context.new_page()
    # A full board pages (a page a second here): every page is read in turn, see shown_text.
    page.goto(f"{run.url}/p/{run.demo['projector']}?page_seconds=1")
    drawn(page, ".card", sum(card.status == "approved" for card in run.cards))
    return page


def shown_text(page, timeout_ms: int = 60_000) -> str:
    """What the page shows; on a board that pages, what each of its pages shows, read until every page of the
    cycle has been seen (by its "page N of M"), however slowly a busy machine turns them."""
    shown = page.inner_text("body")
    if not page.is_visible(".page-of"):
        return shown
    seen: set[int] = set()
    total = None
    waited = 0
    while total is None or len(seen) < total:
        # The page number and the text in one read: a page may turn between two.
        page_of, text = page.evaluate("[document.getElementById('page-of').innerText, document.body.innerText]")
        paging = re.search(r"\b(\d+)\D+(\d+)\b", page_of)
        assert paging, "the projector pages but says no page number"
        number, total = int(paging.group(1)), int(paging.group(2))
        if number not in seen:
            seen.add(number)
            shown += "\n" + text
        assert waited < timeout_ms, f"saw pages {sorted(seen)} of {total}"
        page.wait_for_timeout(200)
        waited += 200
    return shown


def open_console(context, run: Run):
    context.add_cookies(cookies_of(run.staff, run.url))
    page = context.new_page()
    page.goto(f"{run.url}/console/{run.demo['console']}")
    page.locator("#status", has_text="Live.").wait_for(timeout=20_000)
    drawn(page, ".entry", len(run.cards))
    return page


def open_phone(context, run: Run):
    context.add_cookies(cookies_of(run.phone, run.url))
    page = context.new_page()
    page.goto(f"{run.url}/e/{run.demo['join_code']}")
    drawn(page, "#entries li", len(run.cards))
    return page


@dataclass(frozen=True)
class Surface:
    """A page that shows what people wrote: how to open it, and which texts it must show as written."""

    name: str
    open: Callable
    texts: Callable[[Run], list[str]]


SURFACES = [
    Surface("projector", open_projector, lambda run: [c.shown for c in run.cards if c.status == "approved"]),
    Surface("console", open_console, lambda run: [c.original for c in run.cards]),
    Surface("phone", open_phone, lambda run: [c.shown for c in run.cards]),
]


def watch(target) -> list[str]:
    """Every dialog a page, or any page of a context, opens: dismissed at once, so nothing blocks."""
    seen: list[str] = []

    def on_dialog(dialog):
        seen.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    target.on("dialog", on_dialog)
    return seen


def flattened(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.browser
def test_the_browser_would_catch_a_payload_that_ran(browser):
    """The detector works: with the CSP off, markup that does get parsed runs and is seen."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs = watch(page)
    page.set_content('<img src=x onerror="window.__xss=1"><img src=y onerror="alert(1)">')
    page.wait_for_timeout(SETTLE_MS)
    assert page.evaluate("window.__xss") == 1
    assert dialogs == ["alert: 1"]
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("surface", SURFACES, ids=[s.name for s in SURFACES])
def test_no_payload_runs_and_each_reads_as_written(run, browser, surface):
    assert len(run.cards) == len(PAYLOADS)
    context = browser.new_context(bypass_csp=True, viewport={"width": 1366, "height": 900})
    dialogs = watch(context)
    page = surface.open(context, run)
    context.on("page", lambda opened: dialogs.append(f"a window opened: {opened.url}"))
    page.wait_for_timeout(SETTLE_MS)
    assert dialogs == []
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("typeof window.parent.__xss") == "undefined"
    shown = flattened(shown_text(page))
    missing = [text for text in surface.texts(run) if flattened(text) not in shown]
    assert not missing, f"{surface.name} does not show these as written: {missing}"
    assert "{{7*7}}" in shown
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("surface", SURFACES, ids=[s.name for s in SURFACES])
def test_no_page_trips_the_content_security_policy(run, browser, surface):
    """With the CSP on, a payload that reached the markup would show up as a violation report."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script("""
        window.__violations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    """)
    page = surface.open(context, run)
    page.wait_for_timeout(SETTLE_MS)
    assert page.evaluate("window.__violations") == []
    context.close()
