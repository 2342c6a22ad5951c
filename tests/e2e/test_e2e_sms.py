"""End to end in real Chromium: a facilitator turns SMS on, the projector's join card shows the number and the
lane keywords, a child's text message (Africa's Talking's callback, posted to the running server) waits in
the console's queue marked SMS, and once approved appears on the projector. The reply goes through the
official SDK to a local stand-in of the gateway."""

import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser import launch, screenshot
from tests.e2e.test_e2e_live_board import open_childrens_board, sign_in_and_get_ready
from tests.servers import start_server
from tests.sms.gateway import FakeGateway

pytestmark = pytest.mark.browser

SECRET = "e2e-callback-secret-0123456789"
NUMBER = "+254722000111"


@pytest.fixture
def gateway():
    running = FakeGateway()
    yield running
    running.close()


@pytest.fixture
def sms_server(tmp_path, gateway):
    running = start_server(
        "gevent",
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}",
            "SMS_CALLBACK_SECRET": SECRET,
            "SMS_NUMBER": "40404",
            "USSD_CODE": "*384*1234#",
            "AFRICASTALKING_USERNAME": "sandbox",
            "AFRICASTALKING_API_KEY": "test-api-key",
            "AFRICASTALKING_API_URL": gateway.url + "/version1",
        },
    )
    yield running
    running.stop()


def send_sms(server, text: str, message_id: str) -> int:
    fields = {
        "from": NUMBER,
        "to": "40404",
        "text": text,
        "date": "2026-11-29 10:15:00",
        "id": message_id,
        "linkId": "x1",
    }
    request = urllib.request.Request(
        f"{server.url}/sms/{SECRET}/africastalking/incoming", data=urllib.parse.urlencode(fields).encode()
    )
    with urllib.request.urlopen(request, timeout=5) as reply:
        return reply.status


def test_an_sms_answer_approved_in_the_console_appears_on_the_projector(sms_server, gateway):
    demo = sms_server.demo
    with sync_playwright() as playwright:
        browser = launch(playwright)
        console = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
        sign_in_and_get_ready(console, sms_server)
        open_childrens_board(console)
        console.check("#sms-on")
        console.locator(".sms-form button[type=submit]").click()
        expect(console.locator("#sms-card")).to_contain_text("40404")
        expect(console.locator("#sms-card")).to_contain_text("WANT/TUNATAKA")

        projector = browser.new_context(viewport={"width": 1600, "height": 900}).new_page()
        projector.goto(f"{sms_server.url}/p/{demo['projector']}")
        expect(projector.locator("#join-sms")).to_contain_text("40404")
        expect(projector.locator("#join-sms")).to_contain_text("TUNATAKA")
        expect(projector.locator(".card")).to_have_count(0)

        assert (
            send_sms(sms_server, f"{demo['join_code']} TUNATAKA michezo bila watu wasiojulikana", "ATXid_e2e1") == 200
        )
        queued = console.locator("#queue .entry", has_text="michezo bila watu wasiojulikana")
        expect(queued).to_be_visible()
        expect(queued.locator(".entry-meta")).to_contain_text("SMS")
        screenshot(console, "console-sms-queue")
        queued.get_by_role("button", name="Approve").click()

        card = projector.locator(".card", has_text="michezo bila watu wasiojulikana")
        expect(card).to_be_visible()
        expect(card.locator(".sms-tag")).to_be_visible()
        lane = projector.locator(".lane", has=card)
        expect(lane.locator(".lane-name")).to_contain_text("The internet we want")
        screenshot(projector, "projector-sms-card")
        browser.close()
    [reply] = gateway.wait_for(1)
    assert reply["to"] == NUMBER and reply["message"].startswith("Asante, jibu lako limepokelewa")
