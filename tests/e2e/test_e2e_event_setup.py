"""End to end in Chromium: an organiser creates an event from the page (a refused form first), edits its agenda,
opens and runs two activities with phones in the room, and exports the report: its cover names the organisers,
venue and dates, and it counts only what ran."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch, screenshot
from tests.e2e.test_e2e_notes import watch_for_errors
from tests.factories import new_key
from tests.servers import Browserless

pytestmark = pytest.mark.browser

ORGANISERS = "Watoto Online Trust; National Council for Children's Services"
VENUE = "Kenyatta International Convention Centre, Nairobi"


def _fill_details(page, *, ends_on: str) -> None:
    page.get_by_label("Title", exact=True).fill("Children's Online Safety Roundtable 2027")
    page.get_by_label("Organisers").fill(ORGANISERS)
    page.get_by_label("Venue", exact=True).fill(VENUE)
    page.get_by_label("First day").fill("2027-03-10")
    page.get_by_label("Last day").fill(ends_on)


def _session_row(page, title: str):
    return page.locator(".session-row").filter(has=page.locator(".session-title", has_text=title))


def _run_with_phones(server, code: str, activity_title: str, phones: list[Browserless], send) -> None:
    """Each phone answers the open activity through the page's plain form (the no-JavaScript way)."""
    for phone in phones:
        page = phone.get(f"/e/{code}")
        assert activity_title in page, page[:2000]
        activity_id = re.search(r'name="activity_id" value="(\d+)"', page).group(1)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        send(phone, activity_id, token)


def test_an_event_set_up_from_the_page_runs_and_its_report_counts_what_ran(server, tmp_path):
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
        errors = watch_for_errors(page)
        page.goto(f"{server.url}/staff/login")
        page.fill("#email", "facilitator@demo.local")
        page.fill("#password", server.demo["password"])
        page.click("button[type=submit]")

        # 1. A new event from the page. The last day before the first: refused, nothing lost.
        page.get_by_role("link", name="New event").click()
        _fill_details(page, ends_on="2027-03-09")
        page.get_by_role("button", name="Create the event").click()
        expect(page.get_by_role("alert")).to_have_text("The last day is before the first day.")
        expect(page.get_by_label("Venue", exact=True)).to_have_value(VENUE)
        expect(page.get_by_label("Organisers")).to_have_value(ORGANISERS)
        screenshot(page, "event-new-refused")
        page.get_by_label("Last day").fill("2027-03-11")
        page.get_by_role("button", name="Create the event").click()
        expect(page.locator("h1")).to_have_text("Set up the event")
        expect(page.get_by_role("status").first).to_contain_text("is created")
        event_id = re.search(r"/console/(\d+)/setup", page.url).group(1)
        code = page.locator(".code").inner_text()
        screenshot(page, "event-setup")
        page.locator("#agenda").scroll_into_view_if_needed()
        screenshot(page, "event-setup-agenda")

        # 2. The agenda edited: a session's times, a session added, an overlap refused, an empty break removed.
        first = _session_row(page, "Preliminaries")
        first.locator("summary").click()
        first.get_by_label("Starts").fill("08:30")
        first.get_by_role("button", name="Save session").click()
        expect(_session_row(page, "Preliminaries").locator(".when")).to_have_text("08:30–09:45")
        adding = page.locator("details.add-session")
        adding.locator("summary").click()
        adding.get_by_label("Title", exact=True).fill("Press briefing")
        adding.get_by_label("Day").fill("2")
        adding.get_by_label("Starts").fill("16:30")
        adding.get_by_label("Ends").fill("17:00")
        adding.get_by_role("button", name="Add the session").click()
        expect(_session_row(page, "Press briefing").locator(".when")).to_have_text("16:30–17:00")
        adding = page.locator("details.add-session")
        adding.locator("summary").click()
        adding.get_by_label("Title", exact=True).fill("Clash")
        adding.get_by_label("Starts").fill("09:50")
        adding.get_by_label("Ends").fill("10:10")
        adding.get_by_role("button", name="Add the session").click()
        expect(page.locator("#session-error")).to_contain_text("overlaps “Evidence sharing”")
        expect(page.locator("details.add-session").get_by_label("Title", exact=True)).to_have_value("Clash")
        expect(page.locator("#session-error")).to_be_in_viewport()  # the page opens where the refusal is
        screenshot(page, "event-setup-overlap-refused")
        page.goto(f"{server.url}/console/{event_id}/setup")
        page.get_by_role("button", name="Delete Afternoon tea").click()
        expect(_session_row(page, "Afternoon tea")).to_have_count(0)

        # 3. Run: two of the agenda's activities are opened; phones vote and write; the rest never open.
        phones = [Browserless(server.url).join(code) for _ in range(3)]
        page.goto(f"{server.url}/console/{event_id}")
        expect(page.locator("#status")).to_have_text("Live.")
        poll = page.locator(".agenda-activity", has_text="Who is in the room?")
        poll.get_by_role("button", name="Open").click()
        expect(poll.locator(".state-open")).to_be_visible()
        _run_with_phones(
            server,
            code,
            "Who is in the room?",
            phones,
            lambda phone, activity, token: phone.post(
                f"/e/{code}/vote", {"activity_id": activity, "choice": "0", "csrf_token": token}
            ),
        )
        cloud = page.locator(".agenda-activity", has_text="How do you feel online?")
        cloud.get_by_role("button", name="Open").click()
        expect(cloud.locator(".state-open")).to_be_visible()
        _run_with_phones(
            server,
            code,
            "How do you feel online?",
            phones[:2],
            lambda phone, activity, token: phone.post(
                f"/e/{code}/submit",
                {
                    "activity_id": activity,
                    "lane": "main",
                    "text": "hopeful",
                    "client_key": new_key(),
                    "csrf_token": token,
                },
            ),
        )
        cloud.get_by_role("button", name="Close").click()
        expect(cloud.locator(".state-closed")).to_be_visible()

        # 4. Export the Word report from the reports page.
        page.goto(f"{server.url}/console/{event_id}/reports/")
        with page.expect_download() as download:
            page.get_by_role("button", name="Word report (DOCX)").click()
        report = Document(io.BytesIO(download.value.path().read_bytes()))
        cover = "\n".join(p.text for p in report.paragraphs[:12])
        assert "Children's Online Safety Roundtable 2027" in cover
        assert f"Organised by: {ORGANISERS}" in cover and f"Venue: {VENUE}" in cover
        assert "Dates: 10–11 March 2027" in cover and "Times: Africa/Nairobi" in cover
        rows = {
            row.cells[0].text: row.cells[-1].text
            for table in report.tables
            for row in table.rows
            if len(row.cells) == 2
        }
        assert rows["Activities run"] == "2"
        assert int(rows["Activities planned but not run (listed in the last annex)"]) > 20
        assert rows["Votes cast in polls, scales and rankings"] == "3"
        headings = [p.text for p in report.paragraphs if p.style.name == "Heading 2"]
        assert "Who is in the room?" in headings and "How do you feel online?" in headings
        assert "The biggest risk" not in headings  # planned, never opened: only in the annex
        assert [p.text for p in report.paragraphs if p.style.name == "Heading 1"][-1] == (
            "Annex: activities planned but not run"
        )
        text = "\n".join(p.text for p in report.paragraphs)
        assert "No votes were cast" not in text

        # The printable report, as a rapporteur opens it, at 1280×720.
        with page.context.expect_page() as printable:
            page.get_by_role("button", name="Printable report").first.click()
        printed = printable.value
        printed.wait_for_load_state()
        expect(printed.locator("h1").first).to_contain_text("Roundtable 2027")
        screenshot(printed, "report-printable-cover")
        assert errors == [], errors
        browser.close()
