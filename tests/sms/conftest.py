"""Fixtures for SMS and USSD: the installation's callback secret, a fake gateway for replies, an event with both
turned on, and the gateway's callbacks posted as Africa's Talking posts them."""

from __future__ import annotations

import time
import uuid

import pytest

from facilitator.agenda.models import Activity
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.sms import replies
from tests import factories
from tests.sms.gateway import FakeGateway

SECRET = "callback-secret-0123456789abcdef"
NUMBER = "+254712345678"


@pytest.fixture(scope="session")
def gateway():
    running = FakeGateway()
    yield running
    running.close()


@pytest.fixture(autouse=True)
def sms_config(app, gateway):
    settings = {
        "SMS_CALLBACK_SECRET": SECRET,
        "SMS_NUMBER": "40404",
        "USSD_CODE": "*384*1234#",
        "AFRICASTALKING_USERNAME": "sandbox",
        "AFRICASTALKING_API_KEY": "test-api-key",
        "AFRICASTALKING_API_URL": gateway.url + "/version1",
        "SMS_REPLY_RETRY_SECONDS": 0.05,
    }
    saved = {name: app.config[name] for name in settings}
    app.config.update(settings)
    gateway.sent.clear()
    gateway.fail_next, gateway.delay, gateway.attempts = 0, 0.0, 0
    yield
    deadline = time.monotonic() + 30  # every reply of this test sent (or given up) before the next test counts
    while replies.replies_busy() and time.monotonic() < deadline:
        time.sleep(0.02)
    app.config.update(saved)


@pytest.fixture
def sms_event(app):
    """The small test event with its children's board open, SMS and USSD on."""
    with app.app_context():
        event = factories.event_with_open_board()
        db.session.get(Event, event.id).sms_enabled = True
        db.session.get(Event, event.id).ussd_enabled = True
        db.session.commit()
        return db.session.get(Event, event.id)


def open_poll(app, event_id: int, options: list[tuple[str, str]] | None = None, *, title: str = "Which app?") -> int:
    """Add a poll to the event's first session, open it, and make it the phones' activity."""
    with app.app_context():
        event = db.session.get(Event, event_id)
        session = event.sessions[0]
        options = options or [("WhatsApp", "WhatsApp"), ("TikTok", "TikTok"), ("YouTube", "YouTube")]
        poll = Activity(
            event_id=event.id,
            session_id=session.id,
            position=len(session.activities),
            kind="poll",
            title=title,
            title_sw="Programu gani?",
            state="open",
            settings={"options": [{"text": en, "text_sw": sw} for en, sw in options]},
        )
        db.session.add(poll)
        db.session.flush()
        event.current_activity_id = poll.id
        db.session.commit()
        return poll.id


def sms(client, text, *, number=NUMBER, message_id=None, secret=SECRET):
    """Post Africa's Talking's incoming-message callback, with its exact form fields."""
    return client.post(
        f"/sms/{secret}/africastalking/incoming",
        data={
            "from": number,
            "to": "40404",
            "text": text,
            "date": "2026-11-29 10:15:00",
            "id": f"ATXid_{uuid.uuid4().hex}" if message_id is None else message_id,
            "linkId": f"SampleLinkId{uuid.uuid4().hex[:6]}",
        },
    )


def ussd(client, text, *, number=NUMBER, session_id="ATUid_session1", secret=SECRET):
    """Post Africa's Talking's USSD callback, with its exact form fields."""
    return client.post(
        f"/sms/{secret}/africastalking/ussd",
        data={"sessionId": session_id, "serviceCode": "*384*1234#", "phoneNumber": number, "text": text},
    )
