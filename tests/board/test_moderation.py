import pytest
from sqlalchemy import select

from facilitator.audit import AuditEntry
from facilitator.board import entries, moderation
from facilitator.errors import Conflict, InvalidInput
from facilitator.events import participants
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.staff.models import StaffUser
from tests import factories


@pytest.fixture
def entry(ctx, event):
    participant, _ = participants.join(event.join_code)
    return entries.submit_entry(
        db.session.get(Event, event.id),
        activity_id=event.current_activity_id,
        lane="want",
        text="Reporting should be eazy",
        client_key=factories.new_key(),
        participant=participant,
    ).response


@pytest.fixture
def actor(ctx, facilitator):
    return db.session.get(StaffUser, facilitator[0].id)


def test_approve_pin_star_and_hide_are_audited(event, entry, actor):
    current = db.session.get(Event, event.id)
    for action in ("approve", "pin", "star"):
        moderation.moderate(current, actor, entry.id, action)
    assert (entry.status, entry.pinned, entry.starred) == ("approved", True, True)
    moderation.moderate(current, actor, entry.id, "hide")
    assert entry.status == "hidden"
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["approve", "pin", "star", "hide"]


def test_edit_keeps_the_original_in_the_audit_log(event, entry, actor):
    moderation.edit_text(db.session.get(Event, event.id), actor, entry.id, "Reporting should be easy")
    assert entry.text == entry.shown_text == "Reporting should be easy"
    audit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "edit"))
    assert audit.detail["before"] == "Reporting should be eazy"
    assert audit.actor_id == actor.id


def test_held_entry_can_never_be_approved(event, ctx, actor):
    participant, _ = participants.join(event.join_code)
    held = entries.submit_entry(
        db.session.get(Event, event.id),
        activity_id=event.current_activity_id,
        lane="have",
        text="nataka kujiua",
        client_key=factories.new_key(),
        participant=participant,
    ).response
    assert held.status == "held"
    with pytest.raises(Conflict):
        moderation.moderate(db.session.get(Event, event.id), actor, held.id, "approve")


def test_unknown_action_and_other_events_entry_are_refused(event, entry, actor):
    with pytest.raises(InvalidInput):
        moderation.moderate(db.session.get(Event, event.id), actor, entry.id, "delete")
    other = factories.event_with_open_board()
    with pytest.raises(Exception) as refused:
        moderation.moderate(db.session.get(Event, other.id), actor, entry.id, "approve")
    assert refused.value.code == "unknown_response"
