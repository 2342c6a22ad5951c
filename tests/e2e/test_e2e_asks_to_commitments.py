"""End to end in Chromium: cards → a theme → an ask → a duty bearer answers with a commitment → the
projector shows it → two phones rate it → the commitments register lists it."""

import re

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch, screenshot
from tests.e2e.test_e2e_live_board import open_childrens_board, sign_in_and_get_ready

pytestmark = pytest.mark.browser


def join(browser, server, text=None):
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    phone.goto(f"{server.url}/j/{server.demo['join_code']}")
    phone.select_option("#group", "child")
    phone.select_option("#age_band", "14-15")
    phone.locator("form.join-form button[type=submit]").click()
    if text:
        phone.fill("#text-want", text)
        phone.locator('.lane-form[data-lane="want"] button[type=submit]').click()
        expect(phone.locator("#entries li", has_text=text)).to_be_visible()
    return phone


def test_from_childrens_cards_to_the_commitments_register(server):
    demo = server.demo
    event = demo["console"]
    with sync_playwright() as playwright:
        browser = launch(playwright)
        console = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
        sign_in_and_get_ready(console, server)
        open_childrens_board(console)
        phones = [
            join(browser, server, text)
            for text in ("Reporting abuse should be easy and fast", "Reporting buttons in Kiswahili")
        ]
        expect(console.locator("#queue .entry")).to_have_count(2)  # both arrived before approving
        for left in (1, 0):
            console.locator("#queue .entry").first.get_by_role("button", name="Approve").click()
            expect(console.locator("#queue .entry")).to_have_count(left)

        # Themes & asks: accept the suggested theme, word an ask, add an organisation, put the ask to it.
        asks = console.context.new_page()
        asks.goto(f"{server.url}/console/{event}/asks/")
        suggestion = asks.locator(".suggestions li").first
        suggestion.locator("input[name=name]").fill("Reporting")
        suggestion.get_by_role("button", name="Accept").click()
        expect(asks.locator(".theme input[name=name]").first).to_have_value("Reporting")
        asks.locator(".theme").first.locator("input[name=text]").fill(
            "Make reporting abuse easy, fast and in our language"
        )
        asks.locator(".theme").first.get_by_role("button", name="Make an ask").click()
        asks.locator("#organisations input[name=name]").fill("Safaricom")
        asks.locator("#organisations select[name=sector]").select_option("isp_telco")
        asks.get_by_role("button", name="Add organisation").click()
        ask = asks.locator(".ask").first
        ask.get_by_label("Safaricom").check()
        ask.get_by_role("button", name="Save").click()
        expect(asks.locator(".ask").first.get_by_label("Safaricom")).to_be_checked()
        answer_link = re.search(r"(/d/\S+)", asks.locator(".link-text").first.inner_text()).group(1)
        asks.locator(".ask").first.get_by_role("button", name="Show this ask for answers").click()
        screenshot(asks, "asks-page")

        # The response activity is on: the projector shows the ask; the phones follow.
        console.bring_to_front()
        console.locator(".agenda-activity", has_text="Duty bearers respond").get_by_role("button", name="Open").click()
        projector = browser.new_context(viewport={"width": 1600, "height": 900}).new_page()
        projector.goto(f"{server.url}/p/{demo['projector']}")
        expect(projector.locator(".ask-banner")).to_contain_text("Make reporting abuse easy")

        # The duty bearer answers with a commitment, on their own link.
        duty = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        duty.goto(server.url + answer_link)
        card = duty.locator(".ask-card").first
        card.locator("textarea[name=text]").fill("We will add a one-tap report button with Kiswahili support.")
        card.locator("textarea[name=what]").fill("One-tap reporting in Kiswahili in the app")
        card.locator("input[name=owner]").fill("Head of Trust & Safety")
        card.locator("input[name=due_on]").fill("2027-06-30")
        card.locator("button[type=submit]").click()
        expect(duty.locator(".saved")).to_be_visible()

        # A moderator approves it in the console; it arrives on the projector live.
        expect(console.locator("#answers .entry", has_text="Safaricom")).to_be_visible()
        console.locator("#answers .entry", has_text="Safaricom").get_by_role("button", name="Approve").click()
        expect(projector.locator(".answer .org")).to_contain_text("Safaricom")
        expect(projector.locator(".answer .commitment")).to_contain_text("One-tap reporting in Kiswahili")

        # Two phones rate it.
        for phone, rating in zip(phones, ("Satisfied", "Not sure"), strict=True):
            expect(phone.locator(".answer")).to_contain_text("one-tap report button")
            phone.locator(".answer").get_by_role("button", name=rating, exact=True).click()
            expect(phone.locator(".answer").get_by_role("button", name=rating, exact=True)).to_have_attribute(
                "aria-pressed", "true"
            )
        expect(projector.locator(".rating-legend")).to_contain_text("1 satisfied")
        expect(projector.locator(".rating-legend")).to_contain_text("1 not sure")
        screenshot(projector, "projector-response")
        screenshot(phones[0], "phone-rating")

        # The register lists the commitment.
        register = console.context.new_page()
        register.goto(f"{server.url}/console/{event}/commitments")
        expect(register.locator("body")).to_contain_text("One-tap reporting in Kiswahili in the app")
        expect(register.locator("body")).to_contain_text("Head of Trust & Safety")
        screenshot(register, "commitments-register")
        browser.close()
