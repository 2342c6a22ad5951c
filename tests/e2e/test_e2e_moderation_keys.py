"""In real Chromium: a moderator works the queue with the keyboard and in bulk, word-cloud words are approved
together, and the projector never sticks after "Project" on another activity."""

import uuid

import pytest
import socketio
from playwright.sync_api import expect

from tests.browser import screenshot
from tests.e2e.test_e2e_live_board import open_childrens_board, sign_in_and_get_ready
from tests.servers import Browserless, close_client

pytestmark = [pytest.mark.browser, pytest.mark.server]

WORD_CLOUD = "Apps we use most"
CARDS = ["Report buttons that work", "Teachers who know the apps", "Privacy in Kiswahili", "Less betting adverts"]


def phone_socket(server):
    http = Browserless(server.url).join(server.demo["join_code"])
    client = socketio.Client(reconnection=False)
    client.connect(server.url, auth={"view": "participant"}, headers={"Cookie": http.cookie_header()}, wait_timeout=10)
    return client


def submit(phone, activity_id, lane, text):
    ack = phone.call(
        "participant:submit",
        {"activity_id": activity_id, "lane": lane, "text": text, "client_key": uuid.uuid4().hex},
        timeout=10,
    )
    assert ack["ok"], ack


def test_keyboard_and_bulk_moderation_and_a_projector_that_follows(server, chromium):
    demo = server.demo
    staff = chromium.new_context(viewport={"width": 1366, "height": 900})
    console = staff.new_page()
    sign_in_and_get_ready(console, server)
    open_childrens_board(console)
    projector = chromium.new_context(viewport={"width": 1280, "height": 720}).new_page()
    projector.goto(f"{server.url}/p/{demo['projector']}")
    expect(console.locator("#on-screen-title")).to_have_text(
        "On screen now: The internet we have and the internet we want"
    )

    phone = phone_socket(server)
    try:
        board_id = int(console.locator(".agenda-activity.current").get_attribute("data-activity-id"))
        # The lane chosen for a paper entry stays chosen while the phones' entries arrive.
        console.evaluate("() => { document.querySelector('#paper-lane').value = 'want'; }")
        for n, text in enumerate(CARDS):
            submit(phone, board_id, "want" if n % 2 else "have", text)
        queue = console.locator("#queue .entry")
        expect(queue).to_have_count(len(CARDS))
        expect(console.locator("#counts")).to_contain_text(f"{len(CARDS)} received")
        assert console.evaluate("() => document.querySelector('#paper-lane').value") == "want"
        expect(console.locator("#keys")).to_contain_text("A approve")

        # N puts the cursor on the first waiting card; A approves it and the cursor moves on.
        console.keyboard.press("n")
        expect(console.locator(".entry.cursor")).to_contain_text(CARDS[0])
        console.keyboard.press("a")
        expect(projector.locator(".card", has_text=CARDS[0])).to_be_visible()
        expect(console.locator(".entry.cursor")).to_contain_text(CARDS[1])
        # X selects the card under the cursor, N moves on, X again: H hides both in one go.
        console.keyboard.press("x")
        console.keyboard.press("n")
        console.keyboard.press("x")
        expect(console.locator("#selected-count")).to_have_text("2 selected")
        console.keyboard.press("h")
        expect(console.locator("#hidden-count")).to_have_text("2")
        console.get_by_role("button", name="Approve all waiting").click()
        expect(console.locator("#board-count")).to_have_text("2")
        expect(projector.locator(".card")).to_have_count(2)
        # P pins the approved card under the cursor: the projector shows it pinned, first.
        console.keyboard.press("n")
        while CARDS[3] not in console.locator(".entry.cursor").inner_text():
            console.keyboard.press("n")
        console.keyboard.press("p")
        expect(projector.locator(".card.pinned")).to_contain_text(CARDS[3])
        expect(projector.locator(".lane").nth(1).locator(".card").first).to_contain_text(CARDS[3])
        screenshot(console, "console-keyboard-moderation")

        # "Project" another activity; "Follow the open activity" brings the screen back in one click.
        cloud_row = console.locator(".agenda-activity", has_text=WORD_CLOUD)
        cloud_row.get_by_role("button", name="Project").click()
        expect(projector.locator("#title")).to_have_text(WORD_CLOUD)
        expect(console.locator("#on-screen-title")).to_contain_text(f"On screen now: {WORD_CLOUD}")
        console.get_by_role("button", name="Follow the open activity").click()
        expect(projector.locator("#title")).to_have_text("The internet we have and the internet we want")
        expect(console.get_by_role("button", name="Follow the open activity")).to_be_hidden()
        # Project something else, then Open the word cloud: the projector follows the opened activity.
        console.locator(".agenda-activity", has_text="Who is in the room?").get_by_role(
            "button", name="Project"
        ).click()
        expect(projector.locator("#title")).to_have_text("Who is in the room?")
        cloud_row.get_by_role("button", name="Open").click()
        expect(projector.locator("#title")).to_have_text(WORD_CLOUD)
        expect(console.locator("#on-screen-title")).to_have_text(f"On screen now: {WORD_CLOUD}")

        # Word-cloud words from many phones: one row a word, approved together.
        cloud_id = int(cloud_row.get_attribute("data-activity-id"))
        lane = console.evaluate("() => document.querySelector('#paper-lane option')?.value || 'main'")
        phones = [phone] + [phone_socket(server) for _ in range(4)]
        try:
            for word, count in (("TikTok", 3), ("WhatsApp", 2)):
                for i in range(count):
                    submit(phones[i], cloud_id, lane, word if i else word.lower())
            group = console.locator("#queue .word-group", has_text="TikTok")
            expect(group).to_contain_text("×3")
            group.get_by_role("button", name="Approve all 3").click()
            expect(console.locator("#queue .word-group")).to_have_count(1)
            expect(console.locator("#board-count")).to_have_text("3")
            console.locator(".toggle", has_text="Results on projector").locator("input").check()
            expect(projector.locator(".cloud .word", has_text="tiktok")).to_be_visible()
            screenshot(console, "console-word-groups")
            # Next after a Project of another activity also brings the projector back.
            console.locator(".agenda-activity", has_text="Who is in the room?").get_by_role(
                "button", name="Project"
            ).click()
            expect(projector.locator("#title")).to_have_text("Who is in the room?")
            console.get_by_role("button", name="Next activity ▶").click()
            after_cloud = "How safe do you feel online?"  # the next activity of the demo's agenda
            expect(console.locator("#on-screen-title")).to_have_text(f"On screen now: {after_cloud}")
            expect(projector.locator("#title")).to_have_text(after_cloud)
            expect(console.get_by_role("button", name="Follow the open activity")).to_be_hidden()
        finally:
            for other in phones[1:]:
                close_client(other)
    finally:
        close_client(phone)
