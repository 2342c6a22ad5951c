"""A rehearsal of the room in real Chromium: 60 phones (57 Socket.IO clients, three real browser phones) put 200
cards on a two-lane board; the facilitator approves them all from the console in one go; on the projector at
1920x1080, 1280x720 and 1024x768 every approved card is fully on screen, at or above the readable floor, at
some moment of one paging cycle. Screenshots of each size go to test-artifacts/ (git-ignored)."""

from __future__ import annotations

import re
import time
import urllib.parse
import uuid

import pytest
import socketio
from playwright.sync_api import expect

from tests.browser import screenshot
from tests.servers import CHILDRENS_BOARD, Browserless, close_client

pytestmark = [pytest.mark.browser, pytest.mark.server]

SOCKET_PHONES = 57
BROWSER_PHONES = 3
CARDS = 200
FLOOR_AT_1080 = 22  # px: the projector's readable floor, scaled with the screen's shorter side (projector.css)
SIZES = [(1920, 1080), (1280, 720), (1024, 768)]
PAGE_SECONDS = 0.5

OPENINGS = [
    "Strangers add me on games and ask where I live",
    "Apps should explain privacy settings in Kiswahili",
    "My friends share passwords and then fights start",
    "Teachers should learn about the apps we use",
    "Reporting a fake account takes too long",
    "I want a safe place to ask about online problems",
    "Parents check our phones but do not explain why",
    "Data bundles are expensive so we use public Wi-Fi",
    "Cyberbullying in class groups after school",
    "Adverts for betting appear in children's videos",
]
TAILS = [
    "",
    " and nobody tells us what to do about it",
    " because we do not know who to talk to when it happens, and the adults around us do not use these apps"
    " themselves so they cannot help us much",
    " in our school",
]


def card_text(n: int) -> str:
    return f"{OPENINGS[n % len(OPENINGS)]}{TAILS[(n // len(OPENINGS)) % len(TAILS)]} (card {n + 1})"


# Reads, in one go, where every item on show is and how big its type is: the list an item is in clips it.
ON_SCREEN = """(items) => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const cards = [];
  document.querySelectorAll('.pageable').forEach((list) => {
    const clip = list.getBoundingClientRect();
    list.querySelectorAll(items).forEach((card) => {
      const box = card.getBoundingClientRect();
      if (card.closest('.off-page') || box.height === 0) return;
      const inside = box.top >= Math.max(0, clip.top) - 0.5 && box.bottom <= Math.min(vh, clip.bottom) + 0.5 &&
        box.left >= -0.5 && box.right <= vw + 0.5;
      cards.push({ id: Number(card.dataset.id), inside: inside, font: parseFloat(getComputedStyle(card).fontSize) });
    });
  });
  return { page: document.getElementById('page-of').textContent, cards: cards };
}"""


def join_socket_phone(url: str, code: str) -> socketio.Client:
    http = Browserless(url).join(code)
    client = socketio.Client(reconnection=False)
    client.connect(url, auth={"view": "participant"}, headers={"Cookie": http.cookie_header()}, wait_timeout=10)
    return client


def browser_phone_submits(browser, url: str, code: str, texts: list[str]):
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True).new_page()
    phone.goto(f"{url}/j/{code}")
    phone.get_by_role("button", name="Join").click()
    for n, text in enumerate(texts):
        lane = "want" if n % 2 else "have"
        phone.fill(f"#text-{lane}", text)
        phone.locator(f'.lane-form[data-lane="{lane}"] button[type=submit]').click()
        expect(phone.locator("#entries li", has_text=text)).to_be_visible()
    return phone


def one_paging_cycle(projector, width: int, height: int, items: str = ":scope > .card") -> dict[int, dict]:
    """Every card seen on show over one full cycle of pages, by id, with whether it was fully inside the
    viewport (and its lane) and its font size, at the first page it was seen whole."""
    seen: dict[int, dict] = {}
    pages: set[str] = set()
    total = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        state = projector.evaluate(ON_SCREEN, items)
        label = state["page"]
        if label:
            total = int(label.rsplit(" ", 1)[-1])
            pages.add(label)
        for card in state["cards"]:
            if card["inside"] or card["id"] not in seen:
                seen[card["id"]] = card
        if total is None or len(pages) == total:
            break
        time.sleep(PAGE_SECONDS / 4)
    assert total is None or len(pages) == total, f"{width}x{height}: saw {sorted(pages)} of {total} pages"
    return seen


def test_two_hundred_cards_fit_the_projector_at_every_size(server, chromium):
    demo, url = server.demo, server.url
    staff = Browserless(url).sign_in("facilitator@demo.local", demo["password"]).confirm_readiness(demo["console"])
    console = socketio.Client(reconnection=False)
    console.connect(
        url,
        auth={"view": "console", "event_id": int(demo["console"])},
        headers={"Cookie": staff.cookie_header()},
        wait_timeout=10,
    )
    phones = []
    try:
        state = console.call("console:sync", {}, timeout=10)
        board = next(a for s in state["agenda"] for a in s["activities"] if a["title"] == CHILDRENS_BOARD)
        assert console.call("console:open_activity", {"activity_id": board["id"]}, timeout=10)["ok"]

        texts = [card_text(n) for n in range(CARDS)]
        browser_texts, socket_texts = texts[: BROWSER_PHONES * 2], texts[BROWSER_PHONES * 2 :]
        phones = [join_socket_phone(url, demo["join_code"]) for _ in range(SOCKET_PHONES)]
        for n, text in enumerate(socket_texts):
            entry = {"activity_id": board["id"], "lane": "want" if n % 2 else "have", "text": text}
            ack = phones[n % SOCKET_PHONES].call("participant:submit", entry | {"client_key": uuid.uuid4().hex})
            assert ack["ok"], ack
        browser_phones = [
            browser_phone_submits(chromium, url, demo["join_code"], browser_texts[i * 2 : i * 2 + 2])
            for i in range(BROWSER_PHONES)
        ]

        # A browser phone lists its card at once, from its outbox: the server may store it a moment later.
        deadline = time.monotonic() + 15
        while True:
            state = console.call("console:sync", {}, timeout=10)
            waiting = [e["id"] for e in state["entries"] if e["status"] == "pending"]
            if len(waiting) == CARDS or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert len(waiting) == CARDS
        approved = console.call("console:moderate_many", {"response_ids": waiting, "action": "approve"}, timeout=10)
        assert approved["ok"] and len(approved["entries"]) == CARDS
        for phone in browser_phones:  # a child whose phone says "on the board" finds the card on the wall
            expect(phone.locator("#entries .state", has_text="On the board")).to_have_count(2)

        projector = chromium.new_context().new_page()
        for width, height in SIZES:
            # A projector opened at this size (a resize redraws too, but mid-cycle a reading could mix layouts).
            projector.set_viewport_size({"width": width, "height": height})
            projector.goto(f"{url}/p/{demo['projector']}?page_seconds={PAGE_SECONDS}")
            expect(projector.locator("#counts")).to_have_text(f"{CARDS} received · {CARDS} on the board")
            expect(projector.locator("#page-of")).to_have_text(re.compile(r"^page \d+ of \d+$"))
            # the cards fade in (0.4 s, projector.css): a screenshot taken sooner shows them half drawn
            projector.wait_for_timeout(600)
            screenshot(projector, f"rehearsal-projector-{width}x{height}")
            seen = one_paging_cycle(projector, width, height)
            floor = FLOOR_AT_1080 * min(width, height) / 1080
            missing = CARDS - len(seen)
            cut = [card_id for card_id, card in seen.items() if not card["inside"]]
            small = {card["font"] for card in seen.values() if card["font"] < floor - 0.01}
            assert (missing, cut, small) == (0, [], set()), f"{width}x{height}, floor {floor:.1f} px"

        # Grouped by theme (two large themes, the rest ungrouped): still every card, whole, in one cycle.
        event_id = demo["console"]
        for name, chosen in (("Reporting and help", waiting[:90]), ("Privacy", waiting[90:150])):
            form = [("board", board["id"]), ("name", name), ("csrf_token", staff.csrf(f"/console/{event_id}/asks/"))]
            data = urllib.parse.urlencode(form + [("response_id", i) for i in chosen]).encode()
            with staff.opener.open(f"{url}/console/{event_id}/asks/themes", data=data, timeout=10) as reply:
                assert reply.status == 200
                assert "created." in reply.read().decode()
        changes = {"group_by_theme": True, "results_on_projector": True}  # themes are the board's results
        assert console.call("console:activity_controls", {"activity_id": board["id"], "changes": changes})["ok"]
        expect(projector.locator(".theme-block").first).to_contain_text("Reporting and help")
        privacy = projector.locator(".theme-name").filter(has_text=re.compile(r"^Privacy")).first
        expect(privacy).to_contain_text("60")
        expect(projector.locator("#page-of")).to_have_text(re.compile(r"^page \d+ of \d+$"))
        screenshot(projector, "rehearsal-projector-themes-1024x768")
        seen = one_paging_cycle(projector, 1024, 768, ".card")
        floor = FLOOR_AT_1080 * 768 / 1080
        assert len(seen) == CARDS and all(c["inside"] and c["font"] >= floor - 0.01 for c in seen.values())
    finally:
        for phone in phones:
            close_client(phone)
        close_client(console)


def staff_console(server) -> socketio.Client:
    demo = server.demo
    staff = Browserless(server.url).sign_in("facilitator@demo.local", demo["password"])
    staff.confirm_readiness(demo["console"])
    console = socketio.Client(reconnection=False)
    console.connect(
        server.url,
        auth={"view": "console", "event_id": int(demo["console"])},
        headers={"Cookie": staff.cookie_header()},
        wait_timeout=10,
    )
    return console


def open_titled(console, title: str) -> int:
    state = console.call("console:sync", {}, timeout=10)
    activity = next(a for s in state["agenda"] for a in s["activities"] if a["title"] == title)
    assert console.call("console:open_activity", {"activity_id": activity["id"]}, timeout=10)["ok"]
    return activity["id"]


def test_join_screen_scale_ends_and_a_long_question_list(server, chromium):
    """Nothing on show: the join card fills the screen. A scale's two ends are laid out apart. Sixty questions
    page on a 1024x768 projector, every one fully on screen at some moment."""
    demo, url = server.demo, server.url
    projector = chromium.new_context(viewport={"width": 1024, "height": 768}).new_page()
    projector.goto(f"{url}/p/{demo['projector']}?page_seconds={PAGE_SECONDS}")
    expect(projector.locator("body.join-screen")).to_be_visible()
    expect(projector.locator("#title")).to_have_text("Roundtable on Child Online Safety in Kenya")
    qr_height, code_top, code_bottom = projector.evaluate(
        "() => { const qr = document.querySelector('.qr svg').getBoundingClientRect();"
        " const code = document.getElementById('join-code').getBoundingClientRect();"
        " return [qr.height, code.top, code.bottom]; }"
    )
    assert qr_height >= 768 / 3 and code_top >= 0 and code_bottom <= 768, (qr_height, code_top, code_bottom)
    assert code_bottom - code_top >= 768 / 12
    screenshot(projector, "projector-join-screen-1024x768")

    console = staff_console(server)
    phones = [join_socket_phone(url, demo["join_code"]) for _ in range(6)]
    try:
        scale_id = open_titled(console, "How safe do you feel online?")
        for n, phone in enumerate(phones):
            assert phone.call("participant:vote", {"activity_id": scale_id, "value": 1 + n % 5}, timeout=10)["ok"]
        changes = {"results_on_projector": True}
        assert console.call("console:activity_controls", {"activity_id": scale_id, "changes": changes}, timeout=10)[
            "ok"
        ]
        expect(projector.locator("body.join-screen")).to_have_count(0)
        low, high = projector.locator(".scale-low"), projector.locator(".scale-high")
        expect(low).to_contain_text("1 = Not safe at all")
        expect(high).to_contain_text("5 = Very safe")
        # Read together, in one go: a redraw (a late vote) replaces both nodes.
        low_right, high_left = projector.evaluate(
            "() => [document.querySelector('.scale-low').getBoundingClientRect().right,"
            " document.querySelector('.scale-high').getBoundingClientRect().left]"
        )
        assert low_right < high_left, (low_right, high_left)
        screenshot(projector, "projector-scale-1024x768")

        qna_id = open_titled(console, "Questions for the presenters")
        for n in range(60):
            question = f"Question {n + 1}: {OPENINGS[n % len(OPENINGS)]}, what will you do about it?"
            entry = {"activity_id": qna_id, "lane": "main", "text": question, "client_key": uuid.uuid4().hex}
            assert phones[n % len(phones)].call("participant:submit", entry, timeout=10)["ok"]
        waiting = [e["id"] for e in console.call("console:sync", {}, timeout=10)["entries"]]
        assert console.call("console:moderate_many", {"response_ids": waiting, "action": "approve"}, timeout=10)["ok"]
        assert console.call("console:moderate", {"response_id": waiting[-1], "action": "pin"}, timeout=10)["ok"]
        changes = {"results_on_projector": True}
        assert console.call("console:activity_controls", {"activity_id": qna_id, "changes": changes}, timeout=10)["ok"]
        expect(projector.locator(".question")).to_have_count(60)
        expect(projector.locator("#page-of")).to_have_text(re.compile(r"^page \d+ of \d+$"))
        screenshot(projector, "projector-questions-1024x768")
        seen = one_paging_cycle(projector, 1024, 768, ":scope > .question")
        assert len(seen) == 60 and all(q["inside"] for q in seen.values())
        assert min(q["font"] for q in seen.values()) >= FLOOR_AT_1080 * 768 / 1080 - 0.01
        # The pinned question stays in view on every page.
        for _ in range(3):
            expect(projector.locator(".question.pinned:not(.off-page)")).to_contain_text("Question 60")
            time.sleep(PAGE_SECONDS)
        # J shows the big join card over the activity for latecomers (no pages counted behind it); J again: back.
        projector.keyboard.press("j")
        expect(projector.locator("body.join-screen")).to_be_visible()
        expect(projector.locator(".page-of")).to_be_hidden()
        projector.keyboard.press("j")
        expect(projector.locator(".question").first).to_be_visible()
        expect(projector.locator("#page-of")).to_have_text(re.compile(r"^page \d+ of \d+$"))
    finally:
        for phone in phones:
            close_client(phone)
        close_client(console)
