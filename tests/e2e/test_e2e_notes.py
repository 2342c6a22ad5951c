"""End to end in Chromium: a rapporteur's notes save as they are typed, survive a dropped connection and a
reload before the server had them, and the reports page offers the exports."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch, screenshot

pytestmark = pytest.mark.browser


def watch_for_errors(page) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error"
            and "favicon" not in message.location.get("url", "")
            and "net::ERR_INTERNET_DISCONNECTED" not in message.text
            and "Failed to load resource" not in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def sign_in(page, server) -> str:
    page.goto(f"{server.url}/staff/login")
    page.get_by_label("E-mail").fill("facilitator@demo.local")
    page.get_by_label("Password").fill(server.demo["password"])
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    return f"{server.url}/console/{server.demo['console']}"


def test_notes_autosave_survive_offline_and_reload(server):
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors = watch_for_errors(page)
        console = sign_in(page, server)
        page.goto(f"{console}/notes/")
        expect(page.locator("h1")).to_contain_text("Preliminaries")

        first = page.locator("form.note").last
        first.locator("textarea").fill("Children asked for reporting in Kiswahili.")
        expect(first.locator(".save-state")).to_contain_text("Saved", timeout=10_000)

        # Marked as an action: owner and due date appear and are saved with it.
        first.locator("select[name=kind]").select_option("action")
        expect(first.locator("input[name=action_owner]")).to_be_visible()
        first.locator("input[name=action_owner]").fill("Communications Authority of Kenya")
        first.locator("input[name=action_due_on]").fill("2027-03-31")
        expect(first.locator(".save-state")).to_contain_text("Saved", timeout=10_000)

        # The connection drops while the next note is written: it waits on this device and goes when back.
        page.get_by_role("button", name=re.compile("Another note")).click()
        second = page.locator("form.note").last
        context.set_offline(True)
        second.locator("textarea").fill("Betting adverts were mentioned most after bullying.")
        expect(second.locator(".save-state")).to_contain_text("device", timeout=10_000)
        context.set_offline(False)
        page.evaluate("window.dispatchEvent(new Event('online'))")
        expect(second.locator(".save-state")).to_contain_text("Saved", timeout=15_000)

        # The server never answers the next save; the page is reloaded: the draft is restored and sent.
        page.route("**/notes/save", lambda route: route.abort())
        page.get_by_role("button", name=re.compile("Another note")).click()
        third = page.locator("form.note").last
        third.locator("textarea").fill("Recommendation: acknowledge every report within 48 hours.")
        expect(third.locator(".save-state")).to_contain_text("device", timeout=10_000)
        page.unroute("**/notes/save")
        page.reload()
        restored = page.locator("#new-notes form.note").last
        expect(restored.locator("textarea")).to_have_value(re.compile("acknowledge every report"), timeout=10_000)
        expect(restored.locator(".save-state")).to_contain_text("Saved", timeout=15_000)
        page.reload()
        texts = page.locator("#note-list textarea").evaluate_all("(areas) => areas.map((a) => a.value)")
        assert texts == [
            "Children asked for reporting in Kiswahili.",
            "Betting adverts were mentioned most after bullying.",
            "Recommendation: acknowledge every report within 48 hours.",
        ]
        assert page.locator("#note-list select[name=kind]").first.input_value() == "action"
        assert (
            page.evaluate(
                "Object.keys(JSON.parse(localStorage.getItem("
                f"'facilitator-notes:{server.demo['console']}') || '{{}}')).length"
            )
            == 0
        )
        screenshot(page, "rapporteur-notes")

        page.goto(f"{console}/reports/")
        expect(page.locator("h1")).to_have_text("Reports and exports")
        with page.expect_download() as download:
            page.get_by_role("button", name="Word report (DOCX)").click()
        assert re.fullmatch(
            r"roundtable-on-child-online-safety-in-kenya-\d{4}-\d{2}-\d{2}\.docx", download.value.suggested_filename
        )
        screenshot(page, "reports-page")
        assert errors == []
        browser.close()
