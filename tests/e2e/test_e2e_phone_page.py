"""The phone page a 13-year-old reads at a glance (issue 16, part 4), in Chromium at 360x740, in English and
Kiswahili, for every activity kind: the box to write in (or the first choice) on the first screen; nothing in
the other language on screen; no button cutting a word in two; "Help" on screen without scrolling. And: "Before
you write" read once then folded; "Sent" and "Your vote is saved" only for their own activity; an entry sent
offline that stays in the child's list; a ranking tapped in order that cannot tie; the helpline box after a
disclosure that closes and does not come back on the next screen.

The data is made with the app's own services in the server's database (asks and an answer for the duty bearers'
response); the facilitator works from a console socket, as the console page does."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from contextlib import contextmanager

import pytest
import socketio
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from tests.browser import ARTIFACTS, screenshot
from tests.servers import ROOT, Browserless, start_server

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
SCREEN_HEIGHT = PHONE["viewport"]["height"]
TAP = 44  # a tap target's height: the control must show at least this much on the first screen

# One activity of each kind from the roundtable template, and where the child acts on it.
KINDS = {
    "board": ("The internet we have and the internet we want", "#live .lane-form textarea"),
    "wordcloud": ("Apps we use most", "#live .lane-form textarea"),
    "qna": ("Ask the panel", "#live .lane-form textarea"),
    "poll": ("Who do you tell?", "#live .choice"),
    "scale": ("How safe do you feel online?", "#live .scale-point"),
    "ranking": ("Children's top asks", "#live .rank-option"),
    "response": ("Duty bearers respond", "#live .rate"),
}
ASK = (
    "Make reporting abuse easy, fast and in our language",
    "Kuripoti unyanyasaji kuwe rahisi, haraka na kwa lugha yetu",
)
DISCLOSURE = "A man online keeps asking me for nude photos and says he will share them"


def seed() -> None:
    """Run in a separate process on the server's DATABASE_URL: an ask with its Kiswahili, put to one
    organisation, answered with a commitment and approved. Prints the ask's id as JSON."""
    from sqlalchemy import select

    from facilitator import create_app
    from facilitator.asks import answers, asks
    from facilitator.events.models import Event
    from facilitator.extensions import db
    from facilitator.staff.models import StaffUser

    app = create_app()
    with app.app_context():
        event = db.session.scalars(select(Event).order_by(Event.id)).first()
        actor = db.session.scalar(select(StaffUser).where(StaffUser.email == "facilitator@demo.local"))
        tiktok = asks.add_organisation(event, actor, "TikTok", "social_media")
        ask = asks.create_ask(event, actor, ASK[0], text_sw=ASK[1])
        asks.assign(event, actor, ask.id, [tiktok.id])
        answer = answers.submit_answer(
            event,
            tiktok,
            ask.id,
            "We will add a report button in Kiswahili and answer reports from children within 24 hours.",
            {"what": "Kiswahili reporting flow in the app", "owner": "Head of Trust & Safety", "due_on": "2027-06-30"},
        )
        answers.moderate_answer(event, actor, answer.id, "approve")
        print(json.dumps({"ask": ask.id}))


class Facilitator:
    """The console's socket, signed in, the safeguarding checklist confirmed (children's activities may open)."""

    def __init__(self, server):
        demo = server.demo
        staff = Browserless(server.url).sign_in("facilitator@demo.local", demo["password"])
        staff.confirm_readiness(demo["console"])
        self.socket = socketio.Client(reconnection=False)
        self.socket.connect(
            server.url,
            auth={"view": "console", "event_id": int(demo["console"])},
            headers={"Cookie": staff.cookie_header()},
            wait_timeout=10,
        )
        state = self.socket.call("console:sync", {}, timeout=10)
        self.ids = {a["title"]: a["id"] for s in state["agenda"] for a in s["activities"]}

    def call(self, event: str, payload: dict) -> dict:
        ack = self.socket.call(event, payload, timeout=10)
        assert ack["ok"], ack
        return ack

    def open(self, title: str) -> None:
        self.call("console:open_activity", {"activity_id": self.ids[title]})

    def open_kind(self, kind: str) -> None:
        self.open(KINDS[kind][0])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    database = {"DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('phone') / 'phone.db'}"}
    running = start_server("gevent", database)
    seeded = subprocess.run(
        [sys.executable, "-c", "from tests.e2e.test_e2e_phone_page import seed; seed()"],
        cwd=ROOT,
        env={**os.environ, **database},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert seeded.returncode == 0, seeded.stderr
    running.ask_id = json.loads(seeded.stdout.strip().splitlines()[-1])["ask"]
    yield running
    running.stop()


@pytest.fixture(scope="module")
def facilitator(server):
    console = Facilitator(server)
    console.call("console:show_ask", {"activity_id": console.ids[KINDS["response"][0]], "ask_id": server.ask_id})
    yield console
    console.socket.disconnect()


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


@contextmanager
def phone(browser, server, language: str = "en", **options):
    """A child's phone that has joined (as a child, in ``language``)."""
    ctx = browser.new_context(**{**PHONE, **options})
    try:
        page = ctx.new_page()
        page.goto(f"{server.url}/j/{server.demo['join_code']}")
        if language == "sw":
            page.locator('.lang-switch button[value="sw"]').click()
            expect(page.locator("html")).to_have_attribute("lang", "sw")
        page.select_option("#group", "child")
        page.locator(".join-form button[type=submit]").click()
        expect(page.locator("#activity")).to_be_attached()
        if options.get("java_script_enabled", True):
            expect(page.locator("#connection")).to_have_attribute("data-state", "live", timeout=15000)
        yield page
    finally:
        ctx.close()


# --- what a screen must be --------------------------------------------------------------------------------------


def _catalogue_pairs() -> list[tuple[str, str]]:
    """(English, Kiswahili) of every app string translated differently, and of the template's and the seeded
    content: what a screen in one language must not show of the other."""
    with (ROOT / "translations/sw/LC_MESSAGES/messages.po").open("rb") as po:
        pairs = [(m.id, m.string) for m in read_po(po, locale="sw") if m.id and isinstance(m.id, str)]
    template = json.loads((ROOT / "facilitator/agenda/roundtable.json").read_text())

    def content(node):
        if isinstance(node, dict):
            for english, swahili in (
                ("title", "title_sw"),
                ("prompt", "prompt_sw"),
                ("text", "text_sw"),
                ("name", "name_sw"),
                ("min_label", "min_label_sw"),
                ("max_label", "max_label_sw"),
            ):
                if node.get(english) and node.get(swahili):
                    yield node[english], node[swahili]
            for value in node.values():
                yield from content(value)
        elif isinstance(node, list):
            for value in node:
                yield from content(value)

    pairs += list(content(template)) + [ASK]
    # Markup and placeholders make a message no single text node; words spelled the same in both say nothing.
    return [(en, sw) for en, sw in pairs if en != sw and not re.search(r"<|%\(|\{", en + sw)]


OTHER_LANGUAGE_WORDS = {
    "en": {sw.strip() for _en, sw in _catalogue_pairs()},
    "sw": {en.strip() for en, _sw in _catalogue_pairs()},
}

VISIBLE_TEXT = """() => {
  const shown = (element) => {
    if (element.closest('.visually-hidden')) return false;
    const style = getComputedStyle(element);
    return element.getClientRects().length > 0 && style.visibility !== 'hidden' && style.opacity !== '0';
  };
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const text = node.data.replace(/\\s+/g, ' ').trim();
    if (!text || !node.parentElement || node.parentElement.closest('script, .lang-switch')) continue;
    if (shown(node.parentElement)) texts.push(text);
  }
  const page = document.documentElement.lang;
  const otherLang = [...document.body.querySelectorAll('[lang]')]
    .filter((element) => element.lang !== page && !element.closest('.lang-switch, [data-as-written]') && shown(element))
    .map((element) => `${element.tagName} lang=${element.lang}: ${element.textContent.trim().slice(0, 60)}`);
  return {texts, otherLang};
}"""

BROKEN_WORDS = """() => {
  const broken = [];
  for (const button of document.querySelectorAll('button, .button, summary')) {
    if (!button.getClientRects().length) continue;
    const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
      if (node.parentElement.closest('.visually-hidden')) continue;
      for (const word of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(`"${word[0]}" in "${button.textContent.trim()}"`);
      }
    }
  }
  return broken;
}"""


def assert_in_its_language_only(page, language: str, name: str) -> None:
    seen = page.evaluate(VISIBLE_TEXT)
    assert not seen["otherLang"], f"{name}: shown in the other language: {seen['otherLang']}"
    other = sorted(set(seen["texts"]) & OTHER_LANGUAGE_WORDS[language])
    assert not other, f"{name}: shown in the other language: {other}"


def assert_no_button_cuts_a_word(page, name: str) -> None:
    broken = page.evaluate(BROKEN_WORDS)
    assert not broken, f"{name}: a button cuts a word: {broken}"


def assert_on_first_screen(page, selector: str, name: str) -> None:
    page.evaluate("window.scrollTo(0, 0)")
    control = page.locator(selector).first
    expect(control).to_be_visible()  # a re-render of the activity may be swapping it in right now
    box = control.bounding_box()
    assert box is not None, f"{name}: {selector} not shown"
    assert 0 <= box["y"] and box["y"] + TAP <= SCREEN_HEIGHT, f"{name}: {selector} at {box['y']:.0f} px"


def assert_help_on_screen(page, name: str) -> None:
    """ "Help" in the header at the top, and still there after scrolling to the foot of the page."""
    help_link = page.locator(".bar .help-link")
    for where in ("top", "bottom"):
        page.evaluate("window.scrollTo(0, 0)" if where == "top" else "window.scrollTo(0, document.body.scrollHeight)")
        box = help_link.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= SCREEN_HEIGHT, f"{name} ({where})"
    page.evaluate("window.scrollTo(0, 0)")


def full_page(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-full.png"), full_page=True)


# --- every screen ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "sw"])
def test_every_activity_kind_fits_the_first_screen_in_its_language(browser, server, facilitator, language):
    facilitator.open_kind("board")
    with phone(browser, server, language) as page:
        page.reload()  # "Before you write" has been read on the first page: from now on it is folded
        expect(page.locator("#first-notice")).not_to_have_attribute("open", "")
        for kind, (_title, control) in KINDS.items():
            facilitator.open_kind(kind)
            expect(page.locator("#activity")).to_have_attribute("data-kind", kind)  # followed live
            expect(page.locator(control).first).to_be_visible()
            page.wait_for_timeout(300)  # phones re-fetch within spread_ms (one per phone here): settled
            name = f"phone-{kind}-{language}"
            assert_on_first_screen(page, control, name)
            assert_in_its_language_only(page, language, name)
            assert_no_button_cuts_a_word(page, name)
            assert_help_on_screen(page, name)
            screenshot(page, name)
            full_page(page, name)


@pytest.mark.parametrize("language", ["en", "sw"])
def test_before_you_write_is_read_once_then_folded(browser, server, facilitator, language):
    facilitator.open_kind("board")
    with phone(browser, server, language) as page:
        notice = page.locator("#first-notice")
        expect(notice).to_have_attribute("open", "")
        expect(notice).to_contain_text("Please don't write your name" if language == "en" else "Tafadhali usiandike")
        # Read in full, and the box to write in still on the first screen.
        assert_on_first_screen(page, KINDS["board"][1], f"first-page-{language}")
        assert_in_its_language_only(page, language, f"first-page-{language}")
        screenshot(page, f"phone-first-page-{language}")
        page.reload()
        expect(notice).not_to_have_attribute("open", "")
        expect(notice.locator("summary")).to_be_visible()
        notice.locator("summary").click()  # one tap to read it again
        expect(notice.locator("p")).to_be_visible()


def test_before_you_write_folds_once_the_child_moves_on(browser, server, facilitator):
    facilitator.open_kind("board")
    with phone(browser, server) as page:
        expect(page.locator("#first-notice")).to_have_attribute("open", "")
        facilitator.open_kind("wordcloud")
        expect(page.locator("#activity")).to_have_attribute("data-kind", "wordcloud")
        expect(page.locator("#first-notice")).not_to_have_attribute("open", "")


# --- state messages ----------------------------------------------------------------------------------------------


def test_sent_and_vote_saved_belong_to_their_own_activity(browser, server, facilitator):
    facilitator.open_kind("poll")
    with phone(browser, server) as page:
        announce = page.locator("#announce")
        expect(announce).to_be_empty()  # nothing is "saved" before the child votes
        page.locator("#live .choice").first.click()
        page.locator("#live .vote-form button[type=submit]").click()
        expect(announce).to_contain_text("Your vote is saved")

        facilitator.open_kind("scale")
        expect(page.locator("#activity")).to_have_attribute("data-kind", "scale")
        expect(announce).to_be_empty()

        facilitator.open_kind("wordcloud")
        expect(page.locator("#activity")).to_have_attribute("data-kind", "wordcloud")
        page.fill("#live textarea", "TikTok")
        page.locator("#live .lane-form button[type=submit]").click()
        expect(announce).to_have_text("Sent. Thank you!")

        facilitator.open_kind("qna")
        expect(page.locator("#activity")).to_have_attribute("data-kind", "qna")
        expect(announce).to_be_empty()
        page.reload()
        expect(announce).to_be_empty()


def test_without_javascript_sent_shows_only_on_its_own_activity(browser, server, facilitator):
    facilitator.open_kind("wordcloud")
    with phone(browser, server, java_script_enabled=False) as page:
        announce = page.locator("#announce")
        expect(announce).to_be_empty()
        page.fill("#live textarea", "WhatsApp")
        page.locator("#live .lane-form button[type=submit]").click()
        expect(announce).to_have_text("Sent. Thank you!")
        page.goto(page.url.split("#")[0])
        expect(announce).to_be_empty()  # said once, after the post


# --- an entry written offline -------------------------------------------------------------------------------------


def test_an_entry_sent_offline_stays_in_the_childs_list(browser, server, facilitator):
    facilitator.open_kind("board")
    with phone(browser, server) as page:
        text = "Written on the bus with no network"
        page.context.set_offline(True)
        expect(page.locator("#connection")).to_have_attribute("data-state", "offline")
        page.fill("#text-have", text)
        page.locator('.lane-form[data-lane="have"] button[type=submit]').click()
        mine = page.locator("#entries li", has_text=text)
        expect(mine).to_be_visible()
        expect(page.locator("#announce")).to_contain_text("Offline")

        # While away, the room moved on (another phone wrote): back online, the phone re-fetches its activity.
        # That copy is made here before the outbox's re-send is stored, and arrives after the re-send's ack.
        other = Browserless(server.url).join(server.demo["join_code"])
        html = other.get(f"/e/{server.demo['join_code']}")
        form = html.split('data-lane="want"', 1)[1].split("</form>", 1)[0]
        fields = {**dict(re.findall(r'name="(\w+)" value="([^"]*)"', form)), "text": "From another phone"}
        assert other.post(f"/e/{server.demo['join_code']}/submit", fields) == 200
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
        request = urllib.request.Request(
            f"{server.url}/e/{server.demo['join_code']}/activity", headers={"Cookie": cookies}
        )
        with urllib.request.urlopen(request, timeout=10) as reply:
            stale = reply.read().decode()
        assert text not in stale
        held = []
        page.route("**/activity", lambda route: held.append(route))

        page.context.set_offline(False)
        expect(page.locator("#connection")).to_have_attribute("data-state", "live", timeout=30000)
        expect(page.locator("#announce")).to_have_text("Sent. Thank you!")  # the re-send's ack
        page.wait_for_timeout(200)
        assert held, "the phone did not fetch its activity again"
        for route in held:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=stale)
        page.unroute("**/activity")
        expect(page.locator("#live .lane-form")).to_have_count(2)
        page.wait_for_timeout(300)
        expect(mine).to_be_visible()
        expect(mine.locator(".state")).to_have_text("Waiting for the moderator")
        page.reload()
        expect(page.locator("#entries li", has_text=text)).to_have_count(1)


# --- ranking --------------------------------------------------------------------------------------------------


def test_ranking_is_tapped_in_order_and_cannot_tie(browser, server, facilitator):
    facilitator.open_kind("ranking")
    with phone(browser, server) as page:
        options = page.locator("#live .rank-option")
        expect(options).to_have_count(7)
        expect(page.locator("#live ol.ranking")).to_be_hidden()  # no drop-downs to set to 1, 1, 1
        send = page.locator("#live .vote-form button[type=submit]")
        expect(send).to_be_disabled()
        order = [3, 0, 6, 1, 5, 2, 4]
        for option in order[:3]:
            options.nth(option).click()
        places = options.locator(".rank-place")
        expect(places.nth(3)).to_have_text("1")
        expect(places.nth(0)).to_have_text("2")
        expect(places.nth(6)).to_have_text("3")
        options.nth(0).click()  # taken back: the ones after it move up
        expect(places.nth(0)).to_have_text("")
        expect(places.nth(6)).to_have_text("2")
        options.nth(0).click()
        expect(places.nth(0)).to_have_text("3")
        for option in order[3:]:
            expect(send).to_be_disabled()
            options.nth(option).click()
        expect(send).to_be_enabled()
        assert [places.nth(i).inner_text() for i in range(7)] == ["3", "4", "6", "1", "7", "5", "2"]
        screenshot(page, "phone-ranking-tapped")
        send.click()
        expect(page.locator("#announce")).to_contain_text("Your vote is saved")

        page.reload()  # the saved order comes back as it was tapped
        expect(page.locator("#live .rank-option .rank-place").nth(3)).to_have_text("1")
        assert [places.nth(i).inner_text() for i in range(7)] == ["3", "4", "6", "1", "7", "5", "2"]
        expect(send).to_be_enabled()


def test_ranking_without_javascript_refuses_a_tie(browser, server, facilitator):
    facilitator.open_kind("ranking")
    with phone(browser, server, java_script_enabled=False) as page:
        for option in range(7):
            page.select_option(f"#rank-{option}", "1")
        page.locator("#live .vote-form button[type=submit]").click()
        expect(page.locator("#error")).to_have_text("Give each option a different place, from 1 to 7.")
        expect(page.locator("#announce")).to_be_empty()
        for option in range(7):
            page.select_option(f"#rank-{option}", str(7 - option))
        page.locator("#live .vote-form button[type=submit]").click()
        expect(page.locator("#announce")).to_contain_text("Your vote is saved")
        expect(page.locator("#rank-0")).to_have_value("7")


# --- help and the helpline box ------------------------------------------------------------------------------------


def test_help_is_one_tap_away_and_the_helpline_box_closes_for_good(browser, server, facilitator):
    facilitator.open_kind("board")
    with phone(browser, server) as page:
        page.fill("#text-have", DISCLOSURE)
        page.locator('.lane-form[data-lane="have"] button[type=submit]').click()
        support = page.locator("#support")
        expect(support).to_be_visible()
        expect(support).to_contain_text("Childline Kenya on 116")
        screenshot(page, "phone-helpline-box")
        support.get_by_role("button", name="Close").click()
        expect(support).to_be_hidden()

        # Still one tap away, under "Help", on this screen and the next.
        page.locator(".bar .help-link").click()
        expect(page.locator("#help a[href='tel:116']")).to_be_in_viewport()
        facilitator.open_kind("wordcloud")
        expect(page.locator("#activity")).to_have_attribute("data-kind", "wordcloud")
        expect(support).to_be_hidden()
        page.locator(".bar .help-link").click()
        expect(page.locator("#help a[href='tel:116']")).to_be_in_viewport()

        # Not closed: the next activity does not show it at the top of the screen either.
        facilitator.open_kind("board")
        expect(page.locator("#activity")).to_have_attribute("data-kind", "board")
        page.fill("#text-want", DISCLOSURE)
        page.locator('.lane-form[data-lane="want"] button[type=submit]').click()
        expect(support).to_be_visible()
        facilitator.open_kind("qna")
        expect(page.locator("#activity")).to_have_attribute("data-kind", "qna")
        expect(support).to_be_hidden()
        page.reload()
        expect(support).to_be_hidden()


def test_helpline_box_without_javascript_closes(browser, server, facilitator):
    facilitator.open_kind("board")
    with phone(browser, server, java_script_enabled=False) as page:
        page.fill("#text-have", DISCLOSURE)
        page.locator('.lane-form[data-lane="have"] button[type=submit]').click()
        support = page.locator("#support")
        expect(support).to_be_visible()
        support.get_by_role("button", name="Close").click()
        expect(support).to_be_hidden()
        expect(page.locator(".bar .help-link")).to_be_in_viewport()
        page.locator(".bar .help-link").click()
        expect(page.locator("#help a[href='tel:116']")).to_be_in_viewport()
