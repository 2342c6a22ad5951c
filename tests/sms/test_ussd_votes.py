"""Votes by USSD: Africa's Talking's USSD callback, posted to the real route, walks language, poll and choice,
and votes through the same service as the phone page."""

from __future__ import annotations

from sqlalchemy import select

from facilitator.agenda.models import Activity
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.voting.models import Vote
from tests import factories
from tests.sms.conftest import open_poll, ussd

SCREEN_MAX = 182


def votes(app, activity_id):
    with app.app_context():
        return [
            (v.participant_id, v.choice)
            for v in db.session.scalars(select(Vote).where(Vote.activity_id == activity_id))
        ]


def test_a_ussd_session_votes_and_a_second_session_changes_the_vote(app, client, sms_event):
    poll_id = open_poll(app, sms_event.id)
    first = ussd(client, "", session_id="s1").get_data(as_text=True)
    assert first.startswith("CON ") and "1. English" in first and "2. Kiswahili" in first
    menu = ussd(client, "1", session_id="s1").get_data(as_text=True)
    assert menu == "CON Which app?\n1. WhatsApp\n2. TikTok\n3. YouTube"
    done = ussd(client, "1*2", session_id="s1").get_data(as_text=True)
    assert done == "END Thank you, your vote was counted. Dial again to change it."
    [(voter, choice)] = votes(app, poll_id)
    assert choice == 1  # the second option

    assert ussd(client, "2", session_id="s2").get_data(as_text=True).startswith("CON Programu gani?")
    changed = ussd(client, "2*3", session_id="s2").get_data(as_text=True)
    assert changed.startswith("END Asante, kura yako imehesabiwa")
    assert votes(app, poll_id) == [(voter, 2)]  # the same phone, one vote, changed

    ussd(client, "1*1", number="+254700000009", session_id="s3")
    assert sorted(c for _, c in votes(app, poll_id)) == [0, 2]


def test_a_scale_is_a_menu_of_its_values(app, client, sms_event):
    with app.app_context():
        event = db.session.get(Event, sms_event.id)
        session = event.sessions[0]
        scale = Activity(
            event_id=event.id,
            session_id=session.id,
            position=9,
            kind="scale",
            title="How safe do you feel online?",
            state="open",
            settings={"scale": {"min": 1, "max": 5, "min_label": "not safe", "max_label": "very safe"}},
        )
        db.session.add(scale)
        db.session.flush()
        event.current_activity_id = scale.id
        db.session.commit()
        scale_id = scale.id
    menu = ussd(client, "1").get_data(as_text=True)
    assert "1. not safe" in menu and "5. very safe" in menu and "\n3. " in menu
    assert ussd(client, "1*4").get_data(as_text=True).startswith("END Thank you")
    assert [c for _, c in votes(app, scale_id)] == [4]


def test_a_closed_or_written_activity_says_no_vote_is_open(app, client, sms_event):
    assert ussd(client, "1").get_data(as_text=True).startswith("END No vote is open")  # a board is open
    poll_id = open_poll(app, sms_event.id)
    with app.app_context():
        db.session.get(Activity, poll_id).state = "closed"
        db.session.commit()
    assert ussd(client, "1*1").get_data(as_text=True).startswith("END No vote is open")
    assert votes(app, poll_id) == []


def test_a_wrong_choice_ends_clearly_and_counts_nothing(app, client, sms_event):
    poll_id = open_poll(app, sms_event.id)
    assert ussd(client, "1*9").get_data(as_text=True).startswith("END That is not one of the choices")
    assert ussd(client, "7").get_data(as_text=True).startswith("END ")
    assert ussd(client, "1*abc").get_data(as_text=True).startswith("END That is not one of the choices")
    assert votes(app, poll_id) == []


def test_long_options_fit_one_screen(app, client, sms_event):
    long_options = [(f"Option {n}: " + "a very long description of this choice " * 3, "") for n in range(8)]
    open_poll(app, sms_event.id, long_options, title="A long question " * 10)
    menu = ussd(client, "1").get_data(as_text=True)
    assert len(menu) <= SCREEN_MAX and menu.startswith("CON ")
    assert all(f"\n{n}. Option {n - 1}" in menu for n in range(1, 9))


def test_several_events_on_ussd_are_chosen_from_a_menu(app, client, sms_event):
    with app.app_context():
        other = factories.event_with_open_board()
        db.session.get(Event, other.id).ussd_enabled = True
        db.session.commit()
    poll_id = open_poll(app, sms_event.id)
    menu = ussd(client, "1").get_data(as_text=True)
    assert menu.startswith("CON Choose your event:\n1. ") and "\n2. " in menu
    assert ussd(client, "1*1").get_data(as_text=True).startswith("CON Which app?")
    assert ussd(client, "1*1*3").get_data(as_text=True).startswith("END Thank you")
    assert [c for _, c in votes(app, poll_id)] == [2]


def test_without_the_secret_nothing_is_voted(app, client, sms_event):
    poll_id = open_poll(app, sms_event.id)
    assert ussd(client, "1*1", secret="wrong-secret").status_code == 403
    assert votes(app, poll_id) == []
