"""End to end in real Chromium: a phone joins and submits, a moderator approves, the projector shows
the card without a reload."""

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch, screenshot
from tests.servers import start_server

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path):
    running = start_server("gevent", {"DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}"})
    yield running
    running.stop()


def test_phone_moderator_projector(server):
    demo = server.demo
    with sync_playwright() as playwright:
        browser = launch(playwright)
        staff = browser.new_context(viewport={"width": 1366, "height": 900})
        console = staff.new_page()
        console.goto(f"{server.url}/staff/login")
        console.fill("#email", "facilitator@demo.local")
        console.fill("#password", demo["password"])
        console.click("button[type=submit]")
        console.goto(f"{server.url}/console/{demo['console']}")
        expect(console.locator("#status")).to_have_text("Live.")
        board_row = console.locator(".agenda-activity", has_text="The internet we have and the internet we want")
        board_row.get_by_role("button", name="Open").click()
        expect(board_row.locator(".state-open")).to_be_visible()

        projector = browser.new_context(viewport={"width": 1600, "height": 900}).new_page()
        projector.goto(f"{server.url}/p/{demo['projector']}")
        expect(projector.locator(".lane-name").first).to_contain_text("The internet we have")

        phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True).new_page()
        phone.goto(f"{server.url}/j/{demo['join_code']}")
        phone.select_option("#group", "child")
        phone.select_option("#age_band", "14-15")
        phone.get_by_role("button", name="Join").click()
        expect(phone.locator("#text-want")).to_be_visible()
        phone.fill("#text-want", "Apps that explain privacy in Kiswahili")
        phone.locator('.lane-form[data-lane="want"] button[type=submit]').click()
        mine = phone.locator("#entries li", has_text="Apps that explain privacy in Kiswahili")
        expect(mine.locator(".state")).to_have_text("Waiting for the moderator")
        expect(projector.locator(".card")).to_have_count(0)

        queued = console.locator("#queue .entry", has_text="Apps that explain privacy in Kiswahili")
        expect(queued).to_be_visible()
        screenshot(console, "console-queue")
        queued.get_by_role("button", name="Approve").click()

        card = projector.locator(".card", has_text="Apps that explain privacy in Kiswahili")
        expect(card).to_be_visible()
        expect(projector.locator("#counts")).to_have_text("1 received · 1 on the board")
        expect(mine.locator(".state")).to_have_text("On the board")
        expect(console.locator("#board .entry", has_text="Apps that explain privacy")).to_be_visible()

        screenshot(phone, "phone-activity")
        screenshot(projector, "projector-board")
        screenshot(console, "console-approved")
        browser.close()


def test_phone_without_javascript_joins_and_submits(server):
    demo = server.demo
    with sync_playwright() as playwright:
        browser = launch(playwright)
        staff = browser.new_context().new_page()
        staff.goto(f"{server.url}/staff/login")
        staff.fill("#email", "facilitator@demo.local")
        staff.fill("#password", demo["password"])
        staff.click("button[type=submit]")
        staff.goto(f"{server.url}/console/{demo['console']}")
        expect(staff.locator("#status")).to_have_text("Live.")
        staff.locator(".agenda-activity", has_text="The internet we have and the internet we want") \
            .get_by_role("button", name="Open").click()
        expect(staff.locator("#focus-title")).to_contain_text("The internet we have")

        phone = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640}).new_page()
        phone.goto(f"{server.url}/")
        phone.fill("#code", demo["join_code"].lower())
        phone.get_by_role("button", name="Join").click()
        phone.fill("#text-have", "Too many strangers add me")
        phone.locator('.lane-form[data-lane="have"] button[type=submit]').click()
        expect(phone.locator("#announce")).to_have_text("Sent. Thank you!")
        expect(phone.locator("#entries li", has_text="Too many strangers add me")).to_be_visible()
        screenshot(phone, "phone-no-javascript-320px")
        expect(staff.locator("#queue .entry", has_text="Too many strangers add me")).to_be_visible()
        browser.close()
