"""Closing joining once everyone is in: no new participant, while every phone that joined keeps its place;
a purged event takes no one."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from facilitator.audit import AuditEntry
from facilitator.errors import InvalidInput
from facilitator.events import service as event_service
from facilitator.events.models import Event, Participant
from facilitator.extensions import db
from facilitator.staff.models import StaffUser
from tests import factories
from tests.conftest import Phone, csrf_token, received


def join(client, event, **fields):
    page = client.get(f"/j/{event.join_code}").get_data(as_text=True)
    return client.post("/join", data={"code": event.join_code, "csrf_token": csrf_token(page), **fields})


def close_joining(app, event, facilitator):
    with app.app_context():
        actor = db.session.get(StaffUser, facilitator[0].id)
        event_service.set_joining(db.session.get(Event, event.id), actor, open_=False)


def test_closed_joining_refuses_a_new_phone_in_its_language_and_keeps_those_in(app, event, facilitator, phone):
    close_joining(app, event, facilitator)
    newcomer = app.test_client()
    page = newcomer.get("/").get_data(as_text=True)
    newcomer.post("/lang", data={"lang": "sw", "next": "/", "csrf_token": csrf_token(page)})
    refused = join(newcomer, event, language="sw")
    assert refused.status_code == 403
    assert "Kujiunga na tukio hili kumefungwa" in refused.get_data(as_text=True)
    english = join(app.test_client(), event)
    assert "Joining this event is closed" in english.get_data(as_text=True)
    # The phone that joined before keeps its participant: its page opens and it writes on.
    assert phone.http.get(f"/e/{event.join_code}").status_code == 200
    assert phone.submit("still here")["ok"]
    with app.app_context():
        assert db.session.scalar(select(func.count(Participant.id))) == 1
        assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.action == "joining_closed"))


def test_the_projector_hears_that_joining_closed_and_reopened(app, event, facilitator, projector):
    close_joining(app, event, facilitator)
    assert received(projector, "projector")[-1]["joining_open"] is False
    with app.app_context():
        actor = db.session.get(StaffUser, facilitator[0].id)
        event_service.set_joining(db.session.get(Event, event.id), actor, open_=True, expected="80")
        assert db.session.get(Event, event.id).expected_participants == 80
    assert received(projector, "projector")[-1]["joining_open"] is True
    assert join(app.test_client(), event).status_code == 302


@pytest.mark.parametrize(
    ("open_", "expected", "code"),
    [
        ("no", None, "invalid_input"),
        (1, None, "invalid_input"),
        (True, "lots", "invalid_id"),
        (True, -5, "invalid_id"),
        (True, 10**9, "too_large"),
        (True, 2**70, "invalid_id"),
    ],
)
def test_bad_joining_settings_are_refused_and_change_nothing(app, event, facilitator, open_, expected, code):
    with app.app_context():
        actor = db.session.get(StaffUser, facilitator[0].id)
        current = db.session.get(Event, event.id)
        with pytest.raises(InvalidInput) as refused:
            event_service.set_joining(current, actor, open_=open_, expected=expected)
        assert refused.value.code == code
        db.session.rollback()
        current = db.session.get(Event, event.id)
        assert current.joining_open is True and current.expected_participants is None


def test_the_console_form_closes_joining(app, event, facilitator):
    user, password = facilitator
    client = app.test_client()
    login = client.get("/staff/login").get_data(as_text=True)
    client.post("/staff/login", data={"email": user.email, "password": password, "csrf_token": csrf_token(login)})
    page = client.get(f"/console/{event.id}").get_data(as_text=True)
    assert "Close joining" in page
    reply = client.post(
        f"/console/{event.id}/joining", data={"joining": "closed", "expected": "50", "csrf_token": csrf_token(page)}
    )
    assert reply.status_code == 302
    page = client.get(f"/console/{event.id}").get_data(as_text=True)
    assert "Joining is closed" in page and "Reopen joining" in page and 'value="50"' in page
    bad = client.post(
        f"/console/{event.id}/joining", data={"joining": "open", "expected": "many", "csrf_token": csrf_token(page)}
    )
    assert bad.status_code == 302
    assert "Expected participants" in client.get(f"/console/{event.id}").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Event, event.id).joining_open is False  # the refused form changed nothing


def test_a_purged_event_takes_no_new_participant(app, event):
    with app.app_context():
        current = db.session.get(Event, event.id)
        factories.close_every_activity(current)
        from facilitator.safeguarding import service as safeguarding_service

        safeguarding_service.purge_event(current, None, reason="test")
    with pytest.raises(AssertionError):
        Phone(app, event)
    assert join(app.test_client(), event).status_code == 403


def test_the_projector_page_says_joining_is_closed(app, client, event, facilitator):
    assert "joining-closed" not in client.get(f"/p/{event.projector_token}").get_data(as_text=True).split("<main")[0]
    close_joining(app, event, facilitator)
    page = client.get(f"/p/{event.projector_token}").get_data(as_text=True)
    assert '<body class="projector joining-closed">' in page and "Joining is closed" in page
