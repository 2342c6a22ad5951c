"""Organisers setting an event up: details, days and sessions, next year's copy; refused input saves nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from facilitator.agenda import running
from facilitator.agenda.models import Activity, AgendaSession
from facilitator.audit import AuditEntry
from facilitator.board import entries
from facilitator.errors import ServiceError
from facilitator.events import participants, setup, times
from facilitator.events.models import Event, Participant
from facilitator.extensions import db
from facilitator.safeguarding import service as safeguarding_service
from facilitator.safeguarding.models import READINESS_ITEMS
from facilitator.staff import service as staff_service
from facilitator.staff.models import StaffUser
from tests import factories

DETAILS = {
    "title": "Roundtable 2026",
    "organisers": "Watoto Online Trust; Ministry of ICT",
    "venue": "KICC, Nairobi",
    "starts_on": "2026-12-03",
    "ends_on": "2026-12-04",
    "time_zone": "Africa/Nairobi",
    "languages": ["en", "sw"],
}


def ready_for_children(event, actor) -> None:
    for item in READINESS_ITEMS:
        safeguarding_service.confirm_readiness(event, actor, item, "done")
    db.session.commit()


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def organiser(ctx):
    user = staff_service.create_user("organiser@example.org", "Organiser", "a-long-test-password")
    db.session.commit()
    return user


def test_an_event_from_the_roundtable_template_has_its_details_and_a_draft_agenda(organiser):
    event = setup.create_event(DETAILS, template="roundtable", organiser=organiser)
    assert (event.title, event.venue, event.organisers, event.time_zone) == (
        "Roundtable 2026",
        "KICC, Nairobi",
        "Watoto Online Trust; Ministry of ICT",
        "Africa/Nairobi",
    )
    assert (event.starts_on, event.ends_on, event.languages) == (date(2026, 12, 3), date(2026, 12, 4), "en,sw")
    activities = db.session.scalars(select(Activity).where(Activity.event_id == event.id)).all()
    assert len(activities) > 5 and {a.state for a in activities} == {"draft"}
    assert {s.day for s in event.sessions} == {1, 2}
    assert staff_service.roles_in_event(organiser.id, event.id) == {"facilitator"}
    assert staff_service.is_owner(organiser.id, event.id)


def test_a_blank_event_has_no_agenda_and_only_the_languages_chosen(organiser):
    event = setup.create_event({**DETAILS, "languages": "sw", "starts_on": "", "ends_on": ""}, template="blank")
    assert event.sessions == [] and event.languages == "sw" and event.starts_on is None


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"title": "   "}, "empty_text"),
        ({"ends_on": "2026-12-01"}, "end_before_start"),
        ({"time_zone": "Africa/Atlantis"}, "unknown_time_zone"),
        ({"time_zone": "EAT+3"}, "unknown_time_zone"),
        ({"starts_on": "3 December"}, "invalid_date"),
        ({"languages": []}, "no_language"),
        ({"languages": ["fr"]}, "invalid_choice"),
        # The roundtable's agenda has two days: a one-day event cannot take it.
        ({"ends_on": "2026-12-03"}, "sessions_beyond_last_day"),
    ],
)
def test_a_refused_new_event_says_why_and_saves_nothing(organiser, change, code):
    before = (_count(Event), _count(AgendaSession), _count(Activity), _count(AuditEntry))
    with pytest.raises(ServiceError) as refused:
        setup.create_event({**DETAILS, **change}, template="roundtable", organiser=organiser)
    db.session.rollback()
    assert refused.value.code == code and refused.value.message
    assert (_count(Event), _count(AgendaSession), _count(Activity), _count(AuditEntry)) == before


def test_sessions_are_added_in_time_order_and_overlaps_are_refused(organiser):
    event = setup.create_event(DETAILS, template="blank", organiser=organiser)
    late = setup.add_session(
        event, organiser, {"title": "Way forward", "day": "1", "starts_at": "14:00", "ends_at": "15:00"}
    )
    early = setup.add_session(
        event, organiser, {"title": "Opening", "day": "1", "starts_at": "09:00", "ends_at": "09:30"}
    )
    second_day = setup.add_session(
        event, organiser, {"title": "Recap", "day": "2", "starts_at": "09:00", "ends_at": "10:00"}
    )
    assert [s.id for s in sorted(event.sessions, key=lambda s: s.position)] == [early.id, late.id, second_day.id]
    for form, code in (
        ({"title": "Clash", "day": "1", "starts_at": "14:30", "ends_at": "16:00"}, "sessions_overlap"),
        ({"title": "Same start", "day": "1", "starts_at": "09:00"}, "sessions_overlap"),
        ({"title": "Backwards", "day": "1", "starts_at": "11:00", "ends_at": "10:00"}, "end_before_start"),
        ({"title": "", "day": "1", "starts_at": "11:00"}, "empty_text"),
        ({"title": "Day three", "day": "3", "starts_at": "11:00"}, "day_outside_event"),
        ({"title": "Bad time", "day": "1", "starts_at": "25:00"}, "invalid_time"),
    ):
        with pytest.raises(ServiceError) as refused:
            setup.add_session(event, organiser, form)
        db.session.rollback()
        assert refused.value.code == code, form
    assert _count(AgendaSession) == 3
    # Editing a session against itself is no overlap; against another one it is.
    setup.edit_session(
        event, organiser, late.id, {"title": "Way forward", "day": "1", "starts_at": "14:00", "ends_at": "16:00"}
    )
    with pytest.raises(ServiceError) as refused:
        setup.edit_session(
            event, organiser, late.id, {"title": "Way forward", "day": "1", "starts_at": "09:15", "ends_at": "10:00"}
        )
    db.session.rollback()
    assert refused.value.code == "sessions_overlap"
    assert db.session.get(AgendaSession, late.id).ends_at == "16:00"


def test_moving_a_session_keeps_the_lengths_and_the_break_between_within_the_day(organiser):
    event = setup.create_event(DETAILS, template="blank", organiser=organiser)
    recap = setup.add_session(
        event, organiser, {"title": "Recap", "day": "1", "starts_at": "09:00", "ends_at": "09:30"}
    )
    evidence = setup.add_session(
        event, organiser, {"title": "Evidence", "day": "1", "starts_at": "09:45", "ends_at": "10:45"}
    )
    other_day = setup.add_session(event, organiser, {"title": "C", "day": "2", "starts_at": "09:00"})
    setup.move_session(event, organiser, evidence.id, "up")
    assert (evidence.position, evidence.starts_at, evidence.ends_at) == (0, "09:00", "10:00")
    assert (recap.position, recap.starts_at, recap.ends_at) == (1, "10:15", "10:45")
    setup.move_session(event, organiser, evidence.id, "down")
    assert (recap.starts_at, recap.ends_at, evidence.starts_at, evidence.ends_at) == (
        "09:00",
        "09:30",
        "09:45",
        "10:45",
    )
    with pytest.raises(ServiceError) as refused:
        setup.move_session(event, organiser, other_day.id, "up")
    assert refused.value.code == "cannot_move"


def test_a_session_whose_activities_ran_cannot_be_deleted(app, organiser):
    event = setup.create_event(DETAILS, template="roundtable", organiser=organiser)
    session = event.sessions[0]
    activity = session.activities[0]
    ready_for_children(event, organiser)
    running.open_activity(event, organiser, activity.id)
    with pytest.raises(ServiceError) as refused:
        setup.delete_session(event, organiser, session.id)
    assert refused.value.code == "session_ran"
    never_ran = next(s for s in event.sessions if s.activities and all(a.first_opened_at is None for a in s.activities))
    setup.delete_session(event, organiser, never_ran.id)
    assert db.session.get(AgendaSession, never_ran.id) is None


def test_another_events_session_is_not_found(organiser):
    mine = setup.create_event(DETAILS, template="blank", organiser=organiser)
    theirs = setup.create_event(DETAILS, template="roundtable")
    with pytest.raises(ServiceError) as refused:
        setup.edit_session(mine, organiser, theirs.sessions[0].id, {"title": "Mine now", "day": "1"})
    assert refused.value.code == "unknown_session"


def test_details_cannot_shorten_the_event_below_its_sessions(organiser):
    event = setup.create_event(DETAILS, template="roundtable", organiser=organiser)
    with pytest.raises(ServiceError) as refused:
        setup.update_details(event, organiser, {**DETAILS, "ends_on": "2026-12-03", "venue": "Elsewhere"})
    db.session.rollback()
    assert refused.value.code == "sessions_beyond_last_day"
    assert db.session.get(Event, event.id).venue == "KICC, Nairobi"


def test_next_years_copy_has_the_agenda_a_year_later_and_nothing_of_the_people(app, organiser):
    event = setup.create_event(DETAILS, template="roundtable", organiser=organiser)
    board = db.session.scalar(select(Activity).where(Activity.event_id == event.id, Activity.kind == "board"))
    ready_for_children(event, organiser)
    running.open_activity(event, organiser, board.id)
    child, _ = participants.join(event.join_code, group="child", age_band="14-15")
    entries.submit_entry(
        event,
        activity_id=board.id,
        lane=board.lanes[0]["key"],
        text="Ads everywhere",
        client_key=factories.new_key(),
        participant=child,
    )
    db.session.commit()
    copy_ = setup.duplicate_event(event, organiser)
    assert (copy_.starts_on, copy_.ends_on) == (date(2027, 12, 3), date(2027, 12, 4))
    assert copy_.join_code != event.join_code and copy_.projector_token != event.projector_token
    assert [(s.title, s.day, s.starts_at) for s in copy_.sessions] == [
        (s.title, s.day, s.starts_at) for s in event.sessions
    ]
    copied = db.session.scalars(select(Activity).where(Activity.event_id == copy_.id)).all()
    assert len(copied) == _count_activities(event) and {a.state for a in copied} == {"draft"}
    assert all(a.first_opened_at is None for a in copied)
    assert db.session.scalar(select(func.count()).where(Participant.event_id == copy_.id)) == 0
    assert staff_service.roles_in_event(organiser.id, copy_.id) == {"facilitator"}
    assert copy_.current_activity_id is None


def _count_activities(event: Event) -> int:
    return db.session.scalar(select(func.count()).where(Activity.event_id == event.id))


def test_times_are_shown_in_the_events_zone(organiser):
    event = setup.create_event(DETAILS, template="blank")
    moment = datetime(2026, 12, 3, 6, 5, tzinfo=UTC)
    assert times.event_time(moment, event) == "03 Dec 2026, 09:05 EAT"
    event.time_zone = "UTC"
    assert times.event_time(moment, event, "%H:%M") == "06:05 UTC"


def test_organisers_may_create_events_and_others_may_not(organiser):
    assert not staff_service.may_create_events(organiser.id)
    event = setup.create_event(DETAILS, template="blank", organiser=organiser)
    assert staff_service.may_create_events(organiser.id)
    moderator = staff_service.create_user("mod@example.org", "Mod", "a-long-test-password")
    staff_service.grant_role(moderator, event.id, "moderator")
    db.session.commit()
    assert not staff_service.may_create_events(db.session.get(StaffUser, moderator.id).id)
