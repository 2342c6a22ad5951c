"""The duty bearer's answering page, /d/<answer token>, through HTTP: organisations answer the children's
asks on record, with a commitment, and the answer waits for a moderator."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from html import unescape

import pytest
from sqlalchemy import select

from facilitator.asks import answers, asks
from facilitator.asks.models import Commitment, DutyBearerAnswer, Organisation
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.staff.models import StaffUser
from facilitator.web import ratelimit
from tests import factories
from tests.clocks import frozen_limit
from tests.conftest import csrf_token, received


@dataclass
class Room:
    """An event with three organisations and three asks: the first put to the ministry and TikTok, the
    second to Safaricom, the third to nobody."""

    event_id: int
    join_code: str
    actor_id: int
    asks: list[int]
    organisations: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)


def build_room(app, event, facilitator) -> Room:
    with app.app_context():
        current = db.session.get(Event, event.id)
        actor = db.session.get(StaffUser, facilitator[0].id)
        ministry = asks.add_organisation(current, actor, "Ministry of ICT", "government")
        telco = asks.add_organisation(current, actor, "Safaricom", "isp_telco")
        social = asks.add_organisation(current, actor, "TikTok", "social_media")
        reporting = asks.create_ask(
            current, actor, "Make reporting abuse easy and fast", text_sw="Kuripoti unyanyasaji kuwe rahisi na haraka"
        )
        betting = asks.create_ask(
            current, actor, "Stop betting adverts reaching children", text_sw="Komesheni matangazo ya kamari kwa watoto"
        )
        parents = asks.create_ask(current, actor, "Teach parents about online safety")
        asks.assign(current, actor, reporting.id, [ministry.id, social.id])
        asks.assign(current, actor, betting.id, [telco.id])
        organisations = {o.name: o for o in (ministry, telco, social)}
        return Room(
            event.id,
            current.join_code,
            actor.id,
            [reporting.id, betting.id, parents.id],
            {name: o.id for name, o in organisations.items()},
            {name: o.answer_token for name, o in organisations.items()},
        )


def give_answer(
    app,
    room: Room,
    organisation: str,
    ask_index: int,
    text: str,
    commitment: dict | None = None,
    *,
    moderate: str | None = "approve",
) -> int:
    """An organisation's answer through the service, moderated as asked; returns the answer's id."""
    from facilitator.asks.models import Organisation

    with app.app_context():
        event = db.session.get(Event, room.event_id)
        answer = answers.submit_answer(
            event,
            db.session.get(Organisation, room.organisations[organisation]),
            room.asks[ask_index],
            text,
            commitment,
        )
        if moderate:
            answers.moderate_answer(event, db.session.get(StaffUser, room.actor_id), answer.id, moderate)
        return answer.id


@pytest.fixture(autouse=True)
def fresh_answer_limits():
    ratelimit.answer_limits.configure(limit=30, window=600)
    yield
    ratelimit.answer_limits.configure(limit=30, window=600)


@pytest.fixture
def room(app, event, facilitator) -> Room:
    return build_room(app, event, facilitator)


def answer_form(client, token: str) -> str:
    reply = client.get(f"/d/{token}")
    assert reply.status_code == 200
    return csrf_token(reply.get_data(as_text=True))


def post_answer(client, token, ask_id, *, csrf=None, **fields):
    data = {"text": "", "what": "", "owner": "", "due_on": "", **fields}
    if csrf is not False:
        data["csrf_token"] = csrf or answer_form(client, token)
    return client.post(f"/d/{token}/asks/{ask_id}", data=data)


def stored_answers(app):
    with app.app_context():
        return [(a.organisation_id, a.ask_id, a.text, a.status) for a in db.session.scalars(select(DutyBearerAnswer))]


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_unknown_or_malformed_link_is_not_found_with_a_clear_message(app, client, room):
    for token in (secrets.token_urlsafe(24), "short", "x" * 80):
        reply = client.get(f"/d/{token}")
        assert reply.status_code == 404
        assert "This answering link is not valid" in reply.get_data(as_text=True)
    csrf = answer_form(client, room.tokens["TikTok"])
    reply = client.post(f"/d/{secrets.token_urlsafe(24)}/asks/{room.asks[0]}", data={"text": "x", "csrf_token": csrf})
    assert reply.status_code == 404 and "This answering link is not valid" in reply.get_data(as_text=True)
    assert stored_answers(app) == []


def test_page_shows_event_organisation_and_every_ask_with_theirs_first(client, room):
    html = client.get(f"/d/{room.tokens['Safaricom']}").get_data(as_text=True)
    page = text_of(html)
    assert "Test roundtable" in page and "Safaricom" in page and "Internet / telecom provider" in page
    assert "public and on record" in page and "organisation's name" in page
    # The ask put to Safaricom comes first and is marked; the others follow in the children's priority order.
    positions = [html.index(f'id="ask-{ask_id}"') for ask_id in (room.asks[1], room.asks[0], room.asks[2])]
    assert positions == sorted(positions)
    put_to_you = html[html.index(f'id="ask-{room.asks[1]}"') : html.index(f'id="ask-{room.asks[0]}"')]
    assert "Put to you" in put_to_you and "Ask 2" in put_to_you
    assert "Kuripoti unyanyasaji kuwe rahisi na haraka" in page and 'lang="sw"' in html
    assert page.count("Not answered yet") == 3
    assert html.count('name="csrf_token"') == 3 and html.count('type="date"') == 3
    assert "<script" not in html and "style=" not in html


def test_answer_with_commitment_is_stored_waits_for_moderator_and_reaches_staff(app, client, room, console):
    received(console, "answer")
    reply = post_answer(
        client,
        room.tokens["Safaricom"],
        room.asks[1],
        text="We will block betting adverts for under-18s.",
        what="Age-gate betting adverts",
        owner="Head of Trust & Safety",
        due_on="2027-06-30",
    )
    assert reply.status_code == 302
    assert reply.headers["Location"].endswith(f"/d/{room.tokens['Safaricom']}?saved={room.asks[1]}#ask-{room.asks[1]}")
    with app.app_context():
        answer = db.session.scalar(select(DutyBearerAnswer))
        commitment = db.session.scalar(select(Commitment))
        assert (answer.ask_id, answer.organisation_id, answer.status) == (
            room.asks[1],
            room.organisations["Safaricom"],
            "pending",
        )
        assert (commitment.what, commitment.owner, commitment.due_on.isoformat(), commitment.status) == (
            "Age-gate betting adverts",
            "Head of Trust & Safety",
            "2027-06-30",
            "planned",
        )
    staff_news = received(console, "answer")
    assert staff_news and staff_news[-1]["answer"]["organisation"] == "Safaricom"

    page = text_of(client.get(reply.headers["Location"]).get_data(as_text=True))
    assert "Saved. A moderator will check your answer" in page
    assert "Waiting for the moderator" in page and "Age-gate betting adverts" in page and "30 June 2027" in page


def test_changing_an_answer_updates_it_and_sends_it_back_to_the_moderator(app, client, room):
    give_answer(app, room, "TikTok", 0, "We have a report button.", moderate="approve")
    assert "Shown: children can see this answer" in text_of(
        client.get(f"/d/{room.tokens['TikTok']}").get_data(as_text=True)
    )
    reply = post_answer(
        client,
        room.tokens["TikTok"],
        room.asks[0],
        text="Reporting in Kiswahili by June.",
        what="Kiswahili reporting",
        owner="Policy lead, East Africa",
    )
    assert reply.status_code == 302
    assert stored_answers(app) == [
        (room.organisations["TikTok"], room.asks[0], "Reporting in Kiswahili by June.", "pending")
    ]
    with app.app_context():
        assert db.session.scalar(select(Commitment)).due_on is None


def test_hidden_answer_reads_not_shown(app, client, room):
    give_answer(app, room, "Ministry of ICT", 0, "No comment.", moderate="hide")
    page = text_of(client.get(f"/d/{room.tokens['Ministry of ICT']}").get_data(as_text=True))
    assert "Not shown: the moderator did not show this answer" in page


def test_missing_csrf_token_is_refused(app, client, room):
    reply = post_answer(client, room.tokens["Safaricom"], room.asks[1], csrf=False, text="An answer")
    assert reply.status_code == 400
    assert stored_answers(app) == []


def test_bad_due_date_is_explained_and_the_text_is_kept(app, client, room):
    reply = post_answer(
        client,
        room.tokens["Safaricom"],
        room.asks[1],
        text="We will act on <betting> adverts.",
        what="Stop the adverts",
        owner="CEO",
        due_on="30/06/2027",
    )
    assert reply.status_code == 400
    html = reply.get_data(as_text=True)
    assert "Give the due date as YYYY-MM-DD." in html
    assert "We will act on &lt;betting&gt; adverts.</textarea>" in html  # kept, and escaped
    assert 'value="30/06/2027"' in html and "Stop the adverts</textarea>" in html
    form = html[html.index(f'id="ask-{room.asks[1]}"') :]
    assert '<details class="answer-form" open>' in form[: form.index("</section>")]
    assert stored_answers(app) == []


def test_commitment_without_an_owner_and_empty_or_long_answers_are_refused(app, client, room):
    token, ask_id = room.tokens["Safaricom"], room.asks[1]
    no_owner = post_answer(client, token, ask_id, text="We will act.", what="Act")
    assert no_owner.status_code == 400 and "Who owns it" in unescape(no_owner.get_data(as_text=True))
    empty = post_answer(client, token, ask_id, text="   ")
    assert empty.status_code == 400 and "The answer is empty: please write something first." in empty.get_data(
        as_text=True
    )
    long = post_answer(client, token, ask_id, text="x" * 2001)
    assert long.status_code == 400 and "at most 2000 characters" in long.get_data(as_text=True)
    assert stored_answers(app) == []


def test_unknown_ask_or_another_events_ask_is_not_found(app, client, room, facilitator):
    with app.app_context():
        other = factories.event_with_open_board()
        other_ask = asks.create_ask(
            db.session.get(Event, other.id), db.session.get(StaffUser, facilitator[0].id), "Another event's ask"
        )
        other_ask_id = other_ask.id
    for ask_id in (999_999, other_ask_id):
        reply = post_answer(client, room.tokens["Safaricom"], ask_id, text="An answer")
        assert reply.status_code == 404
        assert "That ask does not exist in this event." in reply.get_data(as_text=True)
    assert stored_answers(app) == []


def test_answers_are_rate_limited_per_organisation(app, client, room):
    frozen_limit(ratelimit.answer_limits, limit=3, window=600)
    token = room.tokens["Safaricom"]
    for n in range(3):
        assert post_answer(client, token, room.asks[1], text=f"Answer {n}").status_code == 302
    limited = post_answer(client, token, room.asks[1], text="The fourth answer")
    assert limited.status_code == 429
    html = limited.get_data(as_text=True)
    assert "Wait a few minutes" in html and "The fourth answer</textarea>" in html
    # Another organisation is not held back by Safaricom's sending.
    assert post_answer(client, room.tokens["TikTok"], room.asks[0], text="Ours").status_code == 302


def test_renewed_link_revokes_the_old_one(app, client, room):
    old = room.tokens["TikTok"]
    with app.app_context():
        event = db.session.get(Event, room.event_id)
        new = asks.renew_answer_link(
            event, db.session.get(StaffUser, room.actor_id), room.organisations["TikTok"]
        ).answer_token
    assert client.get(f"/d/{old}").status_code == 404
    assert client.get(f"/d/{new}").status_code == 200


def test_no_asks_yet_says_so(app, client, event, facilitator):
    with app.app_context():
        organisation = asks.add_organisation(
            db.session.get(Event, event.id),
            db.session.get(StaffUser, facilitator[0].id),
            "Ministry of ICT",
            "government",
        )
        token = organisation.answer_token
    assert "not ready yet" in client.get(f"/d/{token}").get_data(as_text=True)


def test_an_answer_in_kiswahili_is_stored_with_its_language_and_an_unknown_language_is_refused(app, client, room):
    token = room.tokens["Safaricom"]
    page = client.get(f"/d/{token}").get_data(as_text=True)
    assert 'name="language" value="sw"' in page and 'name="language" value="en"' in page
    refused = post_answer(client, token, room.asks[1], text="Tutazuia matangazo ya kamari.", language="fr")
    assert refused.status_code == 400 and "language" in text_of(refused.get_data(as_text=True))
    assert "Tutazuia matangazo ya kamari." in refused.get_data(as_text=True)  # what was typed stays
    assert stored_answers(app) == []
    post_answer(client, token, room.asks[1], text="Tutazuia matangazo ya kamari.", language="sw")
    with app.app_context():
        assert db.session.scalar(select(DutyBearerAnswer.language)) == "sw"
    again = client.get(f"/d/{token}").get_data(as_text=True)
    assert 'value="sw" lang="sw" checked' in again and "In Kiswahili" in text_of(again)


def test_children_read_an_answer_in_the_other_language_marked_as_such(app, room, phone):
    from facilitator.agenda import editing, running
    from facilitator.asks import asks as ask_service

    give_answer(app, room, "Safaricom", 1, "We will block betting adverts for under-18s.")
    with app.app_context():
        event = db.session.get(Event, room.event_id)
        actor = db.session.get(StaffUser, room.actor_id)
        # The ministry answers the same ask in Kiswahili.
        ministry = db.session.get(Organisation, room.organisations["Ministry of ICT"])
        kiswahili = answers.submit_answer(event, ministry, room.asks[1], "Tutaweka sheria mpya.", language="sw")
        answers.moderate_answer(event, actor, kiswahili.id, "approve")
        response = editing.add_activity(event, actor, event.sessions[0].id, {"kind": "response", "title": "Answers"})
        ask_service.show_ask(event, actor, response.id, room.asks[1])
        running.open_activity(event, actor, response.id)
    english_phone = text_of(phone.http.get(f"/e/{room.join_code}/activity").get_data(as_text=True))
    assert "Tutaweka sheria mpya. This answer was written in Kiswahili." in english_phone
    assert "This answer was written in English." not in english_phone
    token = csrf_token(phone.http.get(f"/e/{room.join_code}").get_data(as_text=True))
    phone.http.post("/lang", data={"lang": "sw", "next": f"/e/{room.join_code}", "csrf_token": token})
    kiswahili_phone = phone.http.get(f"/e/{room.join_code}/activity").get_data(as_text=True)
    assert '<p lang="sw" data-as-written>Tutaweka sheria mpya.</p>' in kiswahili_phone
    assert "Jibu hili liliandikwa kwa Kiingereza." in text_of(kiswahili_phone)
    assert "liliandikwa kwa Kiswahili" not in kiswahili_phone
