"""End to end in Chromium: the facilitator moves through a word cloud, a poll and a scale; a phone
follows each without reloading; the projector draws each."""

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch, screenshot
from tests.e2e.test_e2e_live_board import sign_in_and_get_ready

pytestmark = pytest.mark.browser


def test_facilitator_moves_through_three_kinds_and_everyone_follows(server):
    demo = server.demo
    with sync_playwright() as playwright:
        browser = launch(playwright)
        console = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
        sign_in_and_get_ready(console, server)
        projector = browser.new_context(viewport={"width": 1600, "height": 900}).new_page()
        projector.goto(f"{server.url}/p/{demo['projector']}")
        phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
        phone.goto(f"{server.url}/j/{demo['join_code']}")
        phone.select_option("#group", "child")
        phone.get_by_role("button", name="Join").click()
        expect(phone.locator("h1")).to_have_text("Welcome!")
        phone.evaluate("window.__sameDocument = true")  # gone if the page ever reloads

        # 1. A word cloud (pre-moderated): the phone follows, the moderator approves, the cloud draws.
        console.locator(".agenda-activity", has_text="How do you feel online?").get_by_role(
            "button", name="Open"
        ).click()
        expect(phone.locator(".prompt-title")).to_have_text("How do you feel online?")
        for word in ("hopeful", "Hopeful!", "worried"):
            phone.fill("#text-main", word)
            phone.locator(".lane-form button[type=submit]").click()
            expect(phone.locator("#entries li", has_text=word)).to_be_visible()
        expect(console.locator("#queue .entry")).to_have_count(3)  # all arrived before approving
        for left in (2, 1, 0):
            console.locator("#queue .entry").first.get_by_role("button", name="Approve").click()
            expect(console.locator("#queue .entry")).to_have_count(left)  # the list redrew: no double click
        expect(projector.locator(".cloud .word").first).to_have_text("hopeful")
        expect(projector.locator(".cloud .word")).to_have_count(2)
        screenshot(projector, "projector-wordcloud")

        # 2. "Next": a poll. The phone follows without a reload and votes; the bars move.
        console.get_by_role("button", name="Next activity ▶").click()
        expect(phone.locator(".prompt-title")).to_have_text("Who is in the room?")
        phone.get_by_label("Child or young person (12-17)").check()
        phone.get_by_role("button", name="Vote").click()
        expect(phone.locator("#announce")).to_contain_text("Your vote is saved")
        expect(projector.locator(".bar-count").last).to_have_text("1")
        expect(projector.locator(".total")).to_have_text("1 voted")
        screenshot(phone, "phone-poll")
        screenshot(projector, "projector-poll")

        # 3. A children's scale answered with faces; results shown on phones too.
        console.locator(".agenda-activity", has_text="How safe do you feel online?").get_by_role(
            "button", name="Open"
        ).click()
        expect(phone.locator(".prompt-title")).to_have_text("How safe do you feel online?")
        # The toggles act on the activity the console shows: wait until it shows the scale (a click before the
        # console has redrawn would toggle the poll, as the facilitator would see on screen).
        expect(console.locator("#focus-title")).to_have_text("How safe do you feel online?")
        console.get_by_label("Results on phones").check()
        expect(phone.locator("#phone-results .average")).to_have_text("–")
        phone.locator("label.scale-point").nth(3).click()
        phone.get_by_role("button", name="Send").click()
        expect(projector.locator(".average")).to_have_text("4")
        expect(phone.locator("#phone-results .average")).to_have_text("4")
        assert phone.evaluate("window.__sameDocument") is True
        screenshot(phone, "phone-scale-faces")
        screenshot(projector, "projector-scale")
        screenshot(console, "console-scale-results")
        browser.close()
