"""The organisers' pages: a refused form comes back with the reason and what was typed; nothing is saved."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import func, select

from facilitator.agenda.models import AgendaSession
from facilitator.events.models import Event
from facilitator.extensions import db
from tests.conftest import csrf_token
from tests.reports.test_reports import sign_in

FORM = {
    "title": "Roundtable 2027",
    "organisers": "Watoto Online Trust",
    "venue": "KICC, Nairobi",
    "starts_on": "2027-03-10",
    "ends_on": "2027-03-11",
    "time_zone": "Africa/Nairobi",
    "languages": ["en", "sw"],
    "template": "roundtable",
}


@pytest.fixture
def organiser_client(app, event, facilitator):
    client = app.test_client()
    sign_in(client, *facilitator)
    return client


def _events() -> int:
    return db.session.scalar(select(func.count()).select_from(Event))


def _post(client, url, form):
    token = csrf_token(client.get("/console/new").get_data(as_text=True))
    return client.post(url, data={**form, "csrf_token": token})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "Title is empty"),
        ({"ends_on": "2027-03-01"}, "The last day is before the first day."),
        ({"time_zone": "Nairobi/Kenya"}, "Nairobi/Kenya is not a known time zone"),
    ],
)
def test_a_refused_new_event_keeps_what_was_typed(app, organiser_client, change, message):
    with app.app_context():
        before = _events()
    reply = _post(organiser_client, "/console/new", {**FORM, **change})
    page = html.unescape(reply.get_data(as_text=True))
    assert reply.status_code in (400, 409) and message in page
    assert 'value="KICC, Nairobi"' in page and 'value="Watoto Online Trust"' in page
    assert f'value="{change.get("time_zone", FORM["time_zone"])}"' in page
    with app.app_context():
        assert _events() == before


def test_an_event_created_from_the_page_lands_on_its_set_up(app, organiser_client):
    reply = _post(organiser_client, "/console/new", FORM)
    assert reply.status_code == 303
    page = organiser_client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "Roundtable 2027" in page and "Day 2" in page and "Africa/Nairobi" in page
    with app.app_context():
        event = db.session.scalar(select(Event).where(Event.title == "Roundtable 2027"))
        assert event.venue == "KICC, Nairobi" and len(event.sessions) > 3


def test_an_overlapping_session_is_refused_on_the_page_with_its_times_kept(app, organiser_client, event):
    url = f"/console/{event.id}/setup/sessions"
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(AgendaSession))
    reply = _post(organiser_client, url, {"title": "Clash", "day": "1", "starts_at": "09:30", "ends_at": "11:00"})
    page = html.unescape(reply.get_data(as_text=True))
    assert reply.status_code == 409 and "overlaps “Children's voices”" in page
    assert 'value="Clash"' in page and 'value="09:30"' in page and 'value="11:00"' in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AgendaSession)) == before


def test_the_set_up_page_is_an_organisers_only(app, event):
    from tests import factories

    with app.app_context():
        moderator = factories.staff_user(event.id, "moderator")
    client = app.test_client()
    sign_in(client, *moderator)
    assert client.get(f"/console/{event.id}/setup").status_code == 404
    assert client.get("/console/new").status_code == 404
    assert "New event" not in client.get("/console/").get_data(as_text=True)


def test_refused_details_on_the_set_up_page_keep_what_was_typed_and_change_nothing(app, organiser_client, event):
    reply = _post(
        organiser_client,
        f"/console/{event.id}/setup/details",
        {"title": "Renamed", "venue": "Mombasa", "time_zone": "Africa/Mombasa", "languages": ["en"]},
    )
    page = html.unescape(reply.get_data(as_text=True))
    assert reply.status_code == 400 and "Africa/Mombasa is not a known time zone" in page
    assert 'value="Renamed"' in page and 'value="Mombasa"' in page
    with app.app_context():
        stored = db.session.get(Event, event.id)
        assert (stored.title, stored.venue, stored.time_zone) == ("Test roundtable", None, "Africa/Nairobi")
