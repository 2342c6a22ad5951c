"""What the safeguarding lead sees of a flag."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from facilitator.agenda.models import Activity
from facilitator.board.models import Entry
from facilitator.events.models import Participant
from facilitator.extensions import db
from facilitator.safeguarding.models import SafeguardingFlag
from facilitator.staff.models import StaffUser

# A participant who joined this shortly before their flag: a burst of flags from such fresh identities is how one
# device floods the lead (each re-join used to mint a participant), so the lead's view marks them.
NEW_IDENTITY_SECONDS = 120
# A burst: this many open flags from newly joined phones within this many seconds of one another. The lead's list
# puts a burst after every other concern and marks it: a script that re-joins to write each alert from a fresh
# phone makes every text distinct with a word or two, so collapsing near-identical text alone would not keep a
# child's disclosure on the lead's first screen. A single child who joined late is no burst.
BURST_FLAGS = 5
BURST_SECONDS = 60


def burst_settings() -> dict[str, int]:
    """What the lead's page needs to find bursts among the flags it holds."""
    return {"flags": BURST_FLAGS, "seconds": BURST_SECONDS}


def similarity_key(text: str) -> str:
    """Near-identical texts share a key: case, digits, punctuation, repeated letters and spacing do not count.
    A flood of one message, varied a little to slip past a filter, collapses into one alert with a count."""
    letters = "".join(ch if ch.isalpha() else " " for ch in text.casefold())
    squeezed = re.sub(r"(\w)\1{2,}", r"\1", letters)
    return " ".join(squeezed.split())


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
    participant = db.session.get(Participant, flag.participant_id) if flag.participant_id else None
    new_identity = participant is not None and (flag.created_at - participant.created_at).total_seconds() < (
        NEW_IDENTITY_SECONDS
    )
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
            "source": response.source,  # "sms": the lead knows the child wrote from a phone without data
        }
        if response
        else None,
        "activity": activity.title if activity else None,
        "other_entries": others,
        "similar_key": similarity_key(response.text) if response else None,
        "new_identity": new_identity,
    }
