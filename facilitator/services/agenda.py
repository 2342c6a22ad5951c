"""Running the agenda: which activity phones are on, and what the projector shows."""

from __future__ import annotations

from typing import Any

from facilitator import validation
from facilitator.errors import Conflict
from facilitator.extensions import db
from facilitator.models import Activity, Event, StaffUser
from facilitator.services import audit
from facilitator.services.events import bump_version, get_activity
from facilitator.services.safeguarding import require_ready_for_children


def open_activity(event: Event, actor: StaffUser, activity_id: Any) -> Activity:
    """Open an activity and send every phone to it. The activity phones were on closes: one thing at a time."""
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    require_ready_for_children(event, activity)
    if event.current_activity_id and event.current_activity_id != activity.id:
        previous = db.session.get(Activity, event.current_activity_id)
        if previous is not None and previous.state == "open":
            previous.state = "closed"
    activity.state = "open"
    event.current_activity_id = activity.id
    audit.record(event.id, actor, "open_activity", f"activity:{activity.id}")
    bump_version(event)
    db.session.commit()
    return activity


def close_activity(event: Event, actor: StaffUser, activity_id: Any) -> Activity:
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    if activity.state != "open":
        raise Conflict("not_open", "That activity is not open.")
    activity.state = "closed"
    audit.record(event.id, actor, "close_activity", f"activity:{activity.id}")
    bump_version(event)
    db.session.commit()
    return activity


def show_on_projector(event: Event, actor: StaffUser, activity_id: Any) -> Activity | None:
    """Show this activity on the projector; ``None`` makes the projector follow the open activity."""
    activity = None
    if activity_id is not None:
        activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    event.projector_activity_id = activity.id if activity else None
    audit.record(event.id, actor, "project_activity", f"activity:{activity.id}" if activity else None)
    bump_version(event)
    db.session.commit()
    return activity


def current_activity(event: Event) -> Activity | None:
    return db.session.get(Activity, event.current_activity_id) if event.current_activity_id else None


def projected_activity(event: Event) -> Activity | None:
    activity_id = event.projected_activity_id
    return db.session.get(Activity, activity_id) if activity_id else None


def activity_view(activity: Activity | None) -> dict | None:
    """An activity as phones and the projector see it."""
    if activity is None:
        return None
    return {
        "id": activity.id,
        "kind": activity.kind,
        "state": activity.state,
        "title": activity.title,
        "title_sw": activity.title_sw,
        "prompt": activity.prompt,
        "prompt_sw": activity.prompt_sw,
        "lanes": [
            {"key": lane["key"], "name": lane.get("name", ""), "name_sw": lane.get("name_sw")}
            for lane in activity.lanes
        ],
        "moderation": activity.moderation,
    }
