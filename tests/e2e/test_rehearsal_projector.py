"""A rehearsal of the room in real Chromium: 60 phones (57 Socket.IO clients, three real browser phones) put 200
cards on a two-lane board; the facilitator approves them all from the console in one go; on the projector at
1920x1080, 1280x720 and 1024x768 every approved card is fully on screen, at or above the readable floor, at
some moment of one paging cycle. Screenshots of each size go to test-artifacts/ (git-ignored)."""

from __future__ import annotations

import re
import time
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


# Reads, in one go, where every card on show is and how big its type is: the list a card is in clips it.
ON_SCREEN = """() => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const cards = [];
  document.querySelectorAll('.lane .pageable').forEach((list) => {
    const clip = list.getBoundingClientRect();
    list.querySelectorAll(':scope > .card').forEach((card) => {
      const box = card.getBoundingClientRect();
      if (card.classList.contains('off-page') || box.height === 0) return;
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


def one_paging_cycle(projector, width: int, height: int) -> dict[int, dict]:
    """Every card seen on show over one full cycle of pages, by id, with whether it was fully inside the
    viewport (and its lane) and its font size, at the first page it was seen whole."""
    seen: dict[int, dict] = {}
    pages: set[str] = set()
    total = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        state = projector.evaluate(ON_SCREEN)
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

        state = console.call("console:sync", {}, timeout=10)
        waiting = [e["id"] for e in state["entries"] if e["status"] == "pending"]
        assert len(waiting) == CARDS
        approved = console.call("console:moderate_many", {"response_ids": waiting, "action": "approve"}, timeout=10)
        assert approved["ok"] and len(approved["entries"]) == CARDS
        for phone in browser_phones:  # a child whose phone says "on the board" finds the card on the wall
            expect(phone.locator("#entries .state", has_text="On the board")).to_have_count(2)

        projector = chromium.new_context(viewport={"width": 1920, "height": 1080}).new_page()
        projector.goto(f"{url}/p/{demo['projector']}?page_seconds={PAGE_SECONDS}")
        expect(projector.locator("#counts")).to_have_text(f"{CARDS} received · {CARDS} on the board")
        for width, height in SIZES:
            projector.set_viewport_size({"width": width, "height": height})
            expect(projector.locator("#page-of")).to_have_text(re.compile(r"^page \d+ of \d+$"))
            screenshot(projector, f"rehearsal-projector-{width}x{height}")
            seen = one_paging_cycle(projector, width, height)
            floor = FLOOR_AT_1080 * min(width, height) / 1080
            missing = CARDS - len(seen)
            cut = [card_id for card_id, card in seen.items() if not card["inside"]]
            small = {card["font"] for card in seen.values() if card["font"] < floor - 0.01}
            assert (missing, cut, small) == (0, [], set()), f"{width}x{height}, floor {floor:.1f} px"
    finally:
        for phone in phones:
            close_client(phone)
        close_client(console)
