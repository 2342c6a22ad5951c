"""End to end in Chromium at 360 px: a duty bearer answers an ask with a commitment on their phone, and a
child reads the feedback page. The data is made with the app's own services in the server's database."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import ARTIFACTS, launch, screenshot
from tests.servers import ROOT, start_server

pytestmark = pytest.mark.browser


def seed() -> None:
    """Run in a separate process on the server's DATABASE_URL: organisations, asks, answers and
    commitments for the demo event, through the services. Prints the tokens as JSON."""
    from sqlalchemy import select

    from facilitator import create_app
    from facilitator.asks import answers, asks
    from facilitator.asks import register as commitments_register
    from facilitator.events.models import Event
    from facilitator.extensions import db
    from facilitator.staff.models import StaffUser

    app = create_app()
    with app.app_context():
        event = db.session.scalars(select(Event).order_by(Event.id)).first()
        actor = db.session.scalar(select(StaffUser).where(StaffUser.email == "facilitator@demo.local"))
        ministry = asks.add_organisation(
            event, actor, "Ministry of Information, Communications and the Digital Economy", "government"
        )
        telco = asks.add_organisation(event, actor, "Safaricom", "isp_telco")
        social = asks.add_organisation(event, actor, "TikTok", "social_media")
        reporting = asks.create_ask(
            event,
            actor,
            "Make reporting abuse easy, fast and in our language",
            text_sw="Kuripoti unyanyasaji kuwe rahisi, haraka na kwa lugha yetu",
        )
        betting = asks.create_ask(
            event,
            actor,
            "Stop betting adverts reaching children",
            text_sw="Komesheni matangazo ya kamari yanayowafikia watoto",
        )
        parents = asks.create_ask(
            event,
            actor,
            "Teach parents and teachers about online safety",
            text_sw="Wafundisheni wazazi na walimu kuhusu usalama mtandaoni",
        )
        asks.assign(event, actor, reporting.id, [ministry.id, social.id])
        asks.assign(event, actor, betting.id, [telco.id])
        asks.assign(event, actor, parents.id, [ministry.id])
        tiktok = answers.submit_answer(
            event,
            social,
            reporting.id,
            "We will add a report button in Kiswahili and answer reports from children within 24 hours.",
            {
                "what": "Kiswahili reporting flow in the app",
                "owner": "Head of Trust & Safety, East Africa",
                "due_on": "2027-06-30",
            },
        )
        answers.moderate_answer(event, actor, tiktok.id, "approve")
        guide = answers.submit_answer(
            event,
            ministry,
            parents.id,
            "We will publish a guide for parents.",
            {
                "what": "A parents' guide to online safety, in English and Kiswahili",
                "owner": "Director, Digital Literacy",
                "due_on": "2027-03-31",
            },
        )
        answers.moderate_answer(event, actor, guide.id, "approve")
        commitment = commitments_register.register(event)["commitments"][-1]
        answers.update_commitment(event, actor, commitment["id"], {"status": "in_progress"})
        print(json.dumps({"safaricom": telco.answer_token, "join_code": event.join_code, "betting": betting.id}))


@pytest.fixture
def server(tmp_path):
    database = {"DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}"}
    running = start_server("gevent", database)
    seeded = subprocess.run(
        [sys.executable, "-c", "from tests.e2e.test_e2e_duty_bearer_pages import seed; seed()"],
        cwd=ROOT,
        env={**os.environ, **database},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert seeded.returncode == 0, seeded.stderr
    running.seeded = json.loads(seeded.stdout.strip().splitlines()[-1])
    yield running
    running.stop()


def full_page(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-full.png"), full_page=True)


def watch_for_errors(page) -> list[str]:
    errors: list[str] = []
    # The browser's own request for /favicon.ico (there is none) is not the page's error.
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico")
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_duty_bearer_answers_on_a_phone(server):
    seeded = server.seeded
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
        errors = watch_for_errors(page)
        page.goto(f"{server.url}/d/{seeded['safaricom']}")
        expect(page.locator("h1")).to_have_text("Safaricom")
        card = page.locator(f"#ask-{seeded['betting']}")
        expect(card.locator(".tag.put")).to_have_text("Put to you")
        screenshot(page, "duty-bearer-answering-360")
        full_page(page, "duty-bearer-answering-360")

        card.get_by_label("Your answer").fill("We will stop betting adverts for anyone under 18 on our network.")
        card.get_by_label("What you will do").fill("Age-gate betting adverts on our ad network")
        card.get_by_label("Who owns it").fill("Head of Consumer Protection")
        card.get_by_label("Due date").fill("2027-09-30")
        card.get_by_role("button", name="Send answer").click()
        card = page.locator(f"#ask-{seeded['betting']}")
        expect(card.locator(".saved")).to_contain_text("A moderator will check your answer")
        expect(card.locator(".answer-state")).to_have_text("Waiting for the moderator")
        expect(card.locator(".commitment")).to_contain_text("30 September 2027")
        screenshot(page, "duty-bearer-answer-saved-360")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert errors == []
        browser.close()


def test_child_reads_the_feedback_page_on_a_phone(server):
    seeded = server.seeded
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
        errors = watch_for_errors(page)
        page.goto(f"{server.url}/f/{seeded['join_code']}")
        expect(page.locator("h1")).to_contain_text("What happened to your asks")
        expect(page.locator(".promise").first).to_contain_text("TikTok")
        expect(page.locator(".status-word").last).to_have_text("They are working on it")
        screenshot(page, "feedback-page-360")
        full_page(page, "feedback-page-360")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert errors == []
        browser.close()
