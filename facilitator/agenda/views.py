"""What the live views show of the agenda: the open activity, the projected one, and an activity as every view
sees it."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from facilitator.agenda.models import Activity, AgendaSession
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.lookups import get_in_event


def current_activity(event: Event) -> Activity | None:
    return db.session.get(Activity, event.current_activity_id) if event.current_activity_id else None


def projected_activity(event: Event) -> Activity | None:
    activity_id = event.projected_activity_id
    return db.session.get(Activity, activity_id) if activity_id else None


def activity_view(activity: Activity | None) -> dict[str, Any] | None:
    """An activity as phones and the projector see it."""
    if activity is None:
        return None
    return {
        "id": activity.id,
        "kind": activity.kind,
        "state": activity.state,
        "locked": activity.locked,
        "results_on_projector": activity.results_on_projector,
        "results_on_phones": activity.results_on_phones,
        "upvotes": activity.upvotes_enabled,
        "group_by_theme": bool(activity.settings.get("group_by_theme")),
        "timer_ends_at": activity.timer_ends_at.isoformat() if activity.timer_ends_at else None,
        "options": [{"text": o.get("text", ""), "text_sw": o.get("text_sw")} for o in activity.options],
        "multiple": bool(activity.settings.get("multiple")),
        "scale": activity.settings.get("scale"),
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


def get_activity(event: Event, activity_id: Any) -> Activity:
    return get_in_event(
        Activity,
        event.id,
        activity_id,
        field=_l("Activity"),
        code="unknown_activity",
        message="That activity does not exist in this event.",
    )


def next_position(session: AgendaSession) -> int:
    """Where an activity added to the session goes: after its last one."""
    last = db.session.scalar(select(func.max(Activity.position)).where(Activity.session_id == session.id))
    return (last or 0) + 1


def get_session(event: Event, session_id: Any) -> AgendaSession:
    return get_in_event(
        AgendaSession,
        event.id,
        session_id,
        field="Session",
        code="unknown_session",
        message="That session does not exist in this event.",
    )
