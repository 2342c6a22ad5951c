"""The console's Themes & asks page: plain forms through Flask's test client."""

import re

import pytest
from sqlalchemy import select

from facilitator.asks.models import Ask, Organisation
from facilitator.board import entries
from facilitator.board.models import Entry, Theme
from facilitator.events import participants
from facilitator.events.models import Event
from facilitator.extensions import db
from tests import factories
from tests.conftest import csrf_token


def sign_in(client, user, password):
    page = client.get("/staff/login").get_data(as_text=True)
    client.post("/staff/login", data={"email": user.email, "password": password, "csrf_token": csrf_token(page)})


@pytest.fixture
def cards(app, event):
    with app.app_context():
        current = db.session.get(Event, event.id)
        child, _ = participants.join(current.join_code, group="child")
        ids = []
        for lane, text in [("want", "Reporting that works"), ("want", "Reporting in Kiswahili"), ("have", "Scams")]:
            card = entries.submit_entry(
                current,
                activity_id=current.current_activity_id,
                lane=lane,
                text=text,
                client_key=factories.new_key(),
                participant=child,
            ).response
            card.status = "approved"
            ids.append(card.id)
        db.session.commit()
        return ids


def test_facilitator_groups_cards_words_an_ask_and_puts_it_to_an_organisation(app, client, event, facilitator, cards):
    sign_in(client, *facilitator)
    page = client.get(f"/console/{event.id}/asks/").get_data(as_text=True)
    assert "Reporting that works" in page and "cards share" in page
    token = csrf_token(page)
    reply = client.post(
        f"/console/{event.id}/asks/themes",
        data={"csrf_token": token, "name": "Reporting", "board": event.current_activity_id, "response_id": cards[:2]},
    )
    assert reply.status_code == 302
    with app.app_context():
        theme = db.session.scalar(select(Theme))
        assert theme.name == "Reporting"
        assert [r.theme_id for r in db.session.scalars(select(Entry).order_by(Entry.id))] == [theme.id, theme.id, None]
        theme_id = theme.id
    client.post(
        f"/console/{event.id}/asks/organisations",
        data={"csrf_token": token, "name": "Safaricom", "sector": "isp_telco"},
    )
    client.post(
        f"/console/{event.id}/asks/",
        data={"csrf_token": token, "theme_id": theme_id, "text": "Make reporting easy, fast and in our language"},
    )
    with app.app_context():
        ask_id = db.session.scalar(select(Ask.id))
        organisation = db.session.scalar(select(Organisation))
        organisation_id, token_for_link = organisation.id, organisation.answer_token
    client.post(
        f"/console/{event.id}/asks/{ask_id}",
        data={"csrf_token": token, "text": "Make reporting easy and fast", "organisation_id": organisation_id},
    )
    page = client.get(f"/console/{event.id}/asks/").get_data(as_text=True)
    assert "Make reporting easy and fast" in page and f"/d/{token_for_link}" in page
    assert re.search(rf'name="organisation_id" value="{organisation_id}" checked', page)


def test_errors_are_flashed_and_nothing_changes(app, client, event, facilitator, cards):
    sign_in(client, *facilitator)
    token = csrf_token(client.get(f"/console/{event.id}/asks/").get_data(as_text=True))
    client.post(
        f"/console/{event.id}/asks/themes",
        data={"csrf_token": token, "name": "", "response_id": cards[:1], "board": event.current_activity_id},
    )
    page = client.get(f"/console/{event.id}/asks/").get_data(as_text=True)
    assert "Theme name is empty: please write something first." in page
    assert (
        client.post(f"/console/{event.id}/asks/themes", data={"name": "x", "response_id": cards[:1]}).status_code == 400
    )
    with app.app_context():
        assert db.session.scalar(select(Theme)) is None


def test_moderator_groups_but_cannot_word_asks_and_outsiders_see_nothing(app, client, event, cards):
    with app.app_context():
        user, password = factories.staff_user(event.id, "moderator")
        outsider = factories.staff_user(factories.event_with_open_board().id, "facilitator")
    sign_in(client, user, password)
    token = csrf_token(client.get(f"/console/{event.id}/asks/").get_data(as_text=True))
    assert (
        client.post(
            f"/console/{event.id}/asks/themes",
            data={"csrf_token": token, "name": "Scams", "board": event.current_activity_id, "response_id": cards[2:]},
        ).status_code
        == 302
    )
    with app.app_context():
        assert db.session.scalar(select(Theme.name)) == "Scams"
    assert client.post(f"/console/{event.id}/asks/", data={"csrf_token": token, "text": "x"}).status_code == 404
    other = app.test_client()
    sign_in(other, *outsider)
    assert other.get(f"/console/{event.id}/asks/").status_code == 404
