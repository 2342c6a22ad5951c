"""Rapporteur notes: saved while typed (idempotent, never overwritten by an older save), audited, on a page
every console role can use, with and without JavaScript."""

import re

import pytest
from sqlalchemy import func, select

from facilitator.agenda.models import AgendaSession
from facilitator.audit import AuditEntry
from facilitator.events import service as event_service
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.notes import service as notes_service
from facilitator.notes.models import Note
from facilitator.staff.models import StaffUser
from tests import factories
from tests.conftest import csrf_token

TWO_SESSIONS = {
    "title": "Notes roundtable",
    "sessions": [
        {
            "day": 1,
            "start": "09:00",
            "end": "10:00",
            "kind": "evidence",
            "title": "Evidence sharing",
            "activities": [
                {"kind": "poll", "title": "Biggest risk", "options": [{"text": "Scams"}, {"text": "Bullying"}]}
            ],
        },
        {
            "day": 1,
            "start": "10:00",
            "end": "11:00",
            "kind": "childrens_voices",
            "title": "The internet we want",
            "activities": [
                {
                    "kind": "board",
                    "title": "Our asks",
                    "audience": "children",
                    "lanes": [{"key": "main", "name": "Asks"}],
                }
            ],
        },
    ],
}


@pytest.fixture
def room(app):
    """An event whose second session is running, and its rapporteur. (No app context stays pushed: a request
    made while one is would share ``g``, and with it the CSRF token, with the requests before it.)"""
    with app.app_context():
        event = event_service.create_event_from_template(TWO_SESSIONS)
        db.session.flush()
        running = event.sessions[1].activities[0]
        running.state = "open"
        event.current_activity_id = running.id
        db.session.commit()
        user, password = factories.staff_user(event.id, "rapporteur")
        return event.id, [s.id for s in event.sessions], user, password


def _event(event_id):
    return db.session.get(Event, event_id)


def _actor(user):
    return db.session.get(StaffUser, user.id)


def sign_in(client, user, password):
    page = client.get("/staff/login").get_data(as_text=True)
    reply = client.post(
        "/staff/login", data={"email": user.email, "password": password, "csrf_token": csrf_token(page)}
    )
    assert reply.status_code == 302


def test_a_resent_save_is_a_no_op_and_audited_once(ctx, room):
    event_id, sessions, user, _ = room
    fields = dict(
        session_id=sessions[0],
        client_key=factories.new_key(),
        text="Children asked for Kiswahili reporting.",
        kind="key_point",
        revision=1,
    )
    first = notes_service.save_note(_event(event_id), _actor(user), **fields)
    again = notes_service.save_note(_event(event_id), _actor(user), **fields)
    assert first.created and not again.created and not again.changed
    assert db.session.scalar(select(func.count(Note.id))) == 1
    assert db.session.scalars(select(AuditEntry.action)).all() == ["create_note"]


def test_an_older_save_never_overwrites_a_newer_one(ctx, room):
    event_id, sessions, user, _ = room
    key = factories.new_key()

    def save(text: str, revision: int):
        return notes_service.save_note(
            _event(event_id), _actor(user), session_id=sessions[0], client_key=key, text=text, revision=revision
        )

    save("First words", 1)
    save("First words and more", 5)
    with pytest.raises(notes_service.StaleNote):
        save("First words and", 3)  # a late arrival from before revision 5
    assert save("First words and more", 4).changed is False  # the same text: a re-send, fine
    assert db.session.scalar(select(Note.text)) == "First words and more"


def test_an_empty_new_note_stores_nothing_and_bad_input_is_refused(ctx, room):
    event_id, sessions, user, _ = room
    saved = notes_service.save_note(
        _event(event_id), _actor(user), session_id=sessions[0], client_key=factories.new_key(), text="   "
    )
    assert saved.note is None and db.session.scalar(select(func.count(Note.id))) == 0
    for bad in (
        {"text": "x" * 10_001},
        {"kind": "gossip"},
        {"action_due_on": "next week"},
        {"session_id": 999999},
        {"client_key": "short"},
    ):
        fields = {"session_id": sessions[0], "client_key": factories.new_key(), "text": "Fine", **bad}
        with pytest.raises(Exception) as refused:
            notes_service.save_note(_event(event_id), _actor(user), **fields)
        assert refused.value.status in (400, 404)


def test_edits_are_audited_per_editor_with_the_text_before(ctx, room):
    event_id, sessions, user, _ = room
    other, _ = factories.staff_user(event_id, "facilitator")
    key = factories.new_key()
    notes_service.save_note(
        _event(event_id), _actor(user), session_id=sessions[0], client_key=key, text="Draft", revision=1
    )
    notes_service.save_note(
        _event(event_id), _actor(user), session_id=sessions[0], client_key=key, text="Draft two", revision=2
    )  # the same person, typing on: one spell, no new audit entry
    notes_service.save_note(
        _event(event_id),
        _actor(other),
        session_id=sessions[0],
        client_key=key,
        text="Reviewed",
        kind="recommendation",
        revision=3,
    )
    notes_service.delete_note(_event(event_id), _actor(other), key)
    audit = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [a.action for a in audit] == ["create_note", "edit_note", "delete_note"]
    assert audit[1].detail["before"]["text"] == "Draft two" and audit[1].actor_id == other.id
    assert audit[2].detail["before"]["kind"] == "recommendation"


def test_personal_details_in_a_note_are_redacted_for_exports(ctx, room):
    event_id, sessions, user, _ = room
    saved = notes_service.save_note(
        _event(event_id),
        _actor(user),
        session_id=sessions[0],
        client_key=factories.new_key(),
        text="Follow up with the girl, 0712 345 678",
    )
    assert "0712" in saved.note.text and "0712" not in saved.note.shown_text


def test_the_notes_page_opens_on_the_running_session(app, client, room):
    event_id, sessions, user, password = room
    sign_in(client, user, password)
    page = client.get(f"/console/{event_id}/notes/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    current = re.search(r'<a href="[^"]*session=(\d+)"\s+aria-current="page"', html)
    assert current and int(current.group(1)) == sessions[1]
    assert "The internet we want" in html and 'name="csrf_token"' in html
    assert "<script src=" in html and "<script>" not in html and 'style="' not in html
    other = client.get(f"/console/{event_id}/notes/?session={sessions[0]}").get_data(as_text=True)
    assert re.search(rf'session={sessions[0]}"\s+aria-current="page"', other)


def test_autosave_posts_json_with_the_csrf_token_in_a_header(app, client, room):
    event_id, sessions, user, password = room
    sign_in(client, user, password)
    token = csrf_token(client.get(f"/console/{event_id}/notes/").get_data(as_text=True))
    key = factories.new_key()
    body = {
        "session_id": sessions[1],
        "client_key": key,
        "text": "Asks: reporting in Kiswahili",
        "kind": "note",
        "revision": 1,
    }
    refused = client.post(f"/console/{event_id}/notes/save", json=body)
    assert refused.status_code == 400
    saved = client.post(f"/console/{event_id}/notes/save", json=body, headers={"X-CSRFToken": token})
    assert saved.status_code == 200 and saved.json["ok"] and saved.json["created"]
    resent = client.post(f"/console/{event_id}/notes/save", json=body, headers={"X-CSRFToken": token})
    assert resent.json["created"] is False and resent.json["changed"] is False
    assert resent.json["note"]["id"] == saved.json["note"]["id"]
    stale = client.post(
        f"/console/{event_id}/notes/save", json={**body, "text": "older"}, headers={"X-CSRFToken": token}
    )
    assert stale.status_code == 409 and stale.json["note"]["text"] == body["text"]
    action = client.post(
        f"/console/{event_id}/notes/save",
        headers={"X-CSRFToken": token},
        json={**body, "revision": 2, "kind": "action", "action_owner": "CA Kenya", "action_due_on": "2027-02-01"},
    )
    assert action.json["note"]["kind"] == "action" and action.json["note"]["action_due_on"] == "2027-02-01"
    bad = client.post(
        f"/console/{event_id}/notes/save",
        headers={"X-CSRFToken": token},
        json={**body, "revision": 3, "action_due_on": "soon"},
    )
    assert bad.status_code == 400 and bad.json["error"] == "invalid_date"
    with app.app_context():
        assert db.session.scalar(select(func.count(Note.id))) == 1


def test_notes_work_as_plain_forms_without_javascript(app, client, room):
    event_id, sessions, user, password = room
    sign_in(client, user, password)
    page = client.get(f"/console/{event_id}/notes/?session={sessions[0]}").get_data(as_text=True)
    key = re.search(r'name="client_key" value="([0-9a-f]{32})"', page).group(1)
    reply = client.post(
        f"/console/{event_id}/notes/save",
        data={
            "csrf_token": csrf_token(page),
            "session_id": sessions[0],
            "client_key": key,
            "revision": "1",
            "kind": "recommendation",
            "text": "<b>Teach</b> online safety in schools",
            "action_owner": "",
            "action_due_on": "",
        },
    )
    assert reply.status_code == 302 and f"session={sessions[0]}" in reply.headers["Location"]
    shown = client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "&lt;b&gt;Teach&lt;/b&gt; online safety" in shown and "<b>Teach" not in shown
    assert 'value="recommendation" selected' in shown
    # Posting the same form twice (a double click, a reload) is one note.
    client.post(
        f"/console/{event_id}/notes/save",
        data={
            "csrf_token": csrf_token(page),
            "session_id": sessions[0],
            "client_key": key,
            "revision": "1",
            "kind": "recommendation",
            "text": "<b>Teach</b> online safety in schools",
        },
    )
    bad = client.post(
        f"/console/{event_id}/notes/save",
        data={
            "csrf_token": csrf_token(page),
            "session_id": sessions[0],
            "client_key": factories.new_key(),
            "revision": "1",
            "kind": "action",
            "text": "Send the asks",
            "action_due_on": "31/01/2027",
        },
    )
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.get_data(as_text=True)
    assert "Send the asks" in bad.get_data(as_text=True)  # what was typed is kept
    deleted = client.post(
        f"/console/{event_id}/notes/delete",
        data={"csrf_token": csrf_token(page), "session_id": sessions[0], "client_key": key},
    )
    assert deleted.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count(Note.id))) == 0


@pytest.mark.parametrize("role", ["facilitator", "moderator", "safeguarding", "rapporteur"])
def test_every_console_role_may_take_notes(app, client, room, role):
    event_id, sessions, *_ = room
    with app.app_context():
        user, password = factories.staff_user(event_id, role)
    sign_in(client, user, password)
    assert client.get(f"/console/{event_id}/notes/").status_code == 200


def test_participants_outsiders_and_duty_bearers_get_nothing(app, client, room):
    event_id, sessions, *_ = room
    assert client.get(f"/console/{event_id}/notes/").status_code == 302  # to staff sign-in
    with app.app_context():
        other = event_service.create_event_from_template(TWO_SESSIONS)
        db.session.commit()
        outsider, password = factories.staff_user(other.id, "rapporteur")
        duty, duty_password = factories.staff_user(event_id, "duty_bearer")
    for user, secret in ((outsider, password), (duty, duty_password)):
        http = app.test_client()
        sign_in(http, user, secret)
        assert http.get(f"/console/{event_id}/notes/").status_code == 404
        page = http.get("/staff/login").get_data(as_text=True)
        reply = http.post(
            f"/console/{event_id}/notes/save",
            data={
                "csrf_token": csrf_token(page),
                "session_id": sessions[0],
                "client_key": factories.new_key(),
                "text": "sneaky",
            },
        )
        assert reply.status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count(Note.id))) == 0


def test_a_session_of_another_event_is_refused(app, room):
    event_id, sessions, user, _ = room
    with app.app_context():
        other = event_service.create_event_from_template(TWO_SESSIONS)
        db.session.commit()
        foreign = db.session.scalar(select(AgendaSession.id).where(AgendaSession.event_id == other.id))
        with pytest.raises(Exception) as refused:
            notes_service.save_note(
                _event(event_id), _actor(user), session_id=foreign, client_key=factories.new_key(), text="misfiled"
            )
        assert refused.value.code == "unknown_session"
