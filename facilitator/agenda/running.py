"""Running the agenda: which activity phones are on, and what the projector shows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select

from facilitator import audit, validation
from facilitator.agenda.models import Activity, AgendaSession
from facilitator.agenda.views import get_activity
from facilitator.board.models import Entry
from facilitator.columns import utcnow
from facilitator.errors import Conflict, InvalidInput
from facilitator.events.models import Event
from facilitator.events.service import bump_version
from facilitator.extensions import db
from facilitator.live import broadcast
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.safeguarding.models import SafeguardingFlag
from facilitator.safeguarding.service import require_ready_for_children
from facilitator.staff.models import StaffUser
from facilitator.voting.models import Vote


def open_activity(event: Event, actor: StaffUser, activity_id: Any) -> Activity:
    """Open an activity and send every phone and the projector to it. The activity phones were on closes: one
    thing at a time. Opening ends a "Project" of another activity: the facilitator's last move is what the room
    sees (left set, the projector stuck on the projected one and ignored every Open and Next after it)."""
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    require_ready_for_children(event, activity)
    if event.current_activity_id and event.current_activity_id != activity.id:
        previous = db.session.get(Activity, event.current_activity_id)
        if previous is not None and previous.state == "open":
            previous.state = "closed"
    activity.state = "open"
    if activity.first_opened_at is None:
        activity.first_opened_at = utcnow()
    event.current_activity_id = activity.id
    event.projector_activity_id = None
    audit.record(event.id, actor, "open_activity", f"activity:{activity.id}")
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return activity


def activities_in_order(event: Event) -> list[Activity]:
    return list(
        db.session.scalars(
            select(Activity)
            .join(AgendaSession, AgendaSession.id == Activity.session_id)
            .where(Activity.event_id == event.id)
            .order_by(AgendaSession.position, Activity.position)
        )
    )


def open_next_activity(event: Event, actor: StaffUser) -> Activity:
    """'Next': open the activity after the current one in the agenda."""
    ordered = activities_in_order(event)
    if not ordered:
        raise Conflict("no_activities", "The agenda has no activities.")
    ids = [a.id for a in ordered]
    position = ids.index(event.current_activity_id) + 1 if event.current_activity_id in ids else 0
    if position >= len(ordered):
        raise Conflict("end_of_agenda", "That was the last activity of the agenda.")
    return open_activity(event, actor, ordered[position].id)


# Facilitator controls of one activity: name -> (attribute, what a phone or the projector sees change)
CONTROLS = {
    "locked": "locked",
    "results_on_projector": "results_on_projector",
    "results_on_phones": "results_on_phones",
}
# Kept in the activity's settings: upvotes on cards, and a board shown grouped by theme on the projector.
SETTING_CONTROLS = {"upvotes", "group_by_theme"}


def set_controls(event: Event, actor: StaffUser, activity_id: Any, changes: Any) -> Activity:
    """Lock or unlock voting, show or hide results on the projector and on phones, turn upvotes on or off."""
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    if not isinstance(changes, dict) or not changes or not set(changes) <= set(CONTROLS) | SETTING_CONTROLS:
        raise InvalidInput("invalid_controls", "Unknown activity setting.")
    if not all(isinstance(value, bool) for value in changes.values()):
        raise InvalidInput("invalid_controls", "Activity settings are on or off.")
    for name, value in changes.items():
        if name in SETTING_CONTROLS:
            activity.settings = {**activity.settings, name: value}
        else:
            setattr(activity, CONTROLS[name], value)
    audit.record(event.id, actor, "activity_controls", f"activity:{activity.id}", **changes)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    send_after_commit(broadcast.results_changed, event, activity)
    commit()
    return activity


MAX_TIMER_SECONDS = 3 * 3600


def set_timer(event: Event, actor: StaffUser, activity_id: Any, seconds: Any) -> Activity:
    """Start a countdown of ``seconds``, or clear it with ``None``. Phones show it; nothing closes by itself."""
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    if seconds is None:
        activity.timer_ends_at = None
    else:
        seconds = validation.positive_int(seconds, field="Timer")
        if seconds > MAX_TIMER_SECONDS:
            raise InvalidInput("invalid_timer", "A timer can be at most three hours.")
        activity.timer_ends_at = utcnow() + timedelta(seconds=seconds)
    audit.record(event.id, actor, "activity_timer", f"activity:{activity.id}", seconds=seconds)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return activity


def reset_activity(event: Event, actor: StaffUser, activity_id: Any, confirm: Any) -> Activity:
    """Remove every vote and entry of an activity (a rehearsal, a false start). Entries held for
    safeguarding are never removed: the safeguarding lead still needs them."""
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    if confirm != activity.title:
        raise InvalidInput("not_confirmed", "To reset, confirm with the activity's exact title.")
    votes = cast("CursorResult[Any]", db.session.execute(delete(Vote).where(Vote.activity_id == activity.id))).rowcount
    flagged = select(SafeguardingFlag.response_id).where(SafeguardingFlag.response_id.is_not(None))
    entries = cast(
        "CursorResult[Any]",
        db.session.execute(
            delete(Entry).where(Entry.activity_id == activity.id, Entry.status != "held", Entry.id.not_in(flagged))
        ),
    ).rowcount
    activity.timer_ends_at = None
    # A false start did not run: unless it is open now, the report leaves it out again.
    activity.first_opened_at = utcnow() if activity.state == "open" else None
    audit.record(event.id, actor, "reset_activity", f"activity:{activity.id}", votes=votes, entries=entries)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    send_after_commit(broadcast.results_changed, event, activity)
    commit()
    return activity


def close_activity(event: Event, actor: StaffUser, activity_id: Any) -> Activity:
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    if activity.state != "open":
        raise Conflict("not_open", "That activity is not open.")
    activity.state = "closed"
    audit.record(event.id, actor, "close_activity", f"activity:{activity.id}")
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return activity


def show_on_projector(event: Event, actor: StaffUser, activity_id: Any) -> Activity | None:
    """Show this activity on the projector; ``None`` makes the projector follow the open activity."""
    activity = None
    if activity_id is not None:
        activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    event.projector_activity_id = activity.id if activity else None
    audit.record(event.id, actor, "project_activity", f"activity:{activity.id}" if activity else None)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return activity
