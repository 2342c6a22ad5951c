"""What the safeguarding lead sees of a flag."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from facilitator.agenda.models import Activity
from facilitator.board.models import Entry
from facilitator.extensions import db
from facilitator.safeguarding.models import SafeguardingFlag
from facilitator.staff.models import StaffUser


def _activity_of(entry: Entry) -> Activity:
    activity = db.session.get(Activity, entry.activity_id)
    assert activity is not None  # an entry's activity_id is a foreign key
    return activity


def flag_view(flag: SafeguardingFlag) -> dict[str, Any]:
    """A flag with its context: the entry, the activity, the time, and the same participant's other
    entries. Never who they are: there is nothing stored that could say."""
    response = db.session.get(Entry, flag.response_id) if flag.response_id else None
    activity = db.session.get(Activity, response.activity_id) if response else None
    others = []
    if flag.participant_id:
        others = [
            {
                "text": r.text,
                "status": r.status,
                "created_at": r.created_at.isoformat(),
                "activity": _activity_of(r).title,
            }
            for r in db.session.scalars(
                select(Entry)
                .where(Entry.participant_id == flag.participant_id, Entry.id != (flag.response_id or 0))
                .order_by(Entry.id)
                .limit(50)
            )
        ]
    handler = db.session.get(StaffUser, flag.handled_by_id) if flag.handled_by_id else None
    return {
        "id": flag.id,
        "reasons": list(flag.reasons),
        "level": flag.level,
        "state": flag.state,
        "note": flag.note,
        "message": flag.message,
        "created_at": flag.created_at.isoformat(),
        "updated_at": flag.updated_at.isoformat() if flag.updated_at else None,
        "handled_by": handler.display_name if handler else None,
        "entry": {
            "id": response.id,
            "text": response.text,
            "lane": response.lane,
            "group": response.group,
            "age_band": response.age_band,
            "status": response.status,
        }
        if response
        else None,
        "activity": activity.title if activity else None,
        "other_entries": others,
    }
