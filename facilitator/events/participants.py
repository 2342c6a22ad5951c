"""Joining an event from a phone: a random token, and only what the participant chose to say."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from facilitator import validation
from facilitator.errors import Forbidden
from facilitator.events.models import AGE_BANDS, GROUPS, Event, Participant
from facilitator.events.service import event_by_join_code
from facilitator.extensions import db

LANGUAGES = ("en", "sw")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def join(
    join_code: Any, *, group: Any = None, age_band: Any = None, language: Any = "en", token: Any = None
) -> tuple[Participant, str]:
    """The participant of the event with this code, and the token for their cookie: a new one, unless ``token``
    (the device's cookie) is already a participant of this event. A device keeps its identity, so joining again
    cannot escape the limits and the one vote each that count per participant."""
    event = event_by_join_code(join_code)
    group = validation.choice(group, GROUPS, field=_l("Group"), required=False)
    age_band = validation.choice(age_band, AGE_BANDS, field=_l("Age"), required=False)
    if age_band and group is None:
        group = "child"  # only children have an age band
    if group != "child":
        age_band = None
    language = language if language in LANGUAGES else "en"
    known = participant_in_event(token, event)
    if known is None and (not event.joining_open or event.purged_at is not None):
        raise Forbidden(
            "joining_closed",
            _l("Joining this event is closed. If you were already in, open the page on the phone you joined with."),
        )
    if known is not None:
        if group is not None:  # a new declaration replaces the old; none given keeps it
            known.group, known.age_band = group, age_band
        known.language = language
        return known, token
    token = secrets.token_urlsafe(32)
    participant = Participant(
        event_id=event.id, token_hash=hash_token(token), group=group, age_band=age_band, language=language
    )
    db.session.add(participant)
    db.session.flush()
    return participant, token


def participant_for_token(token: Any) -> Participant | None:
    if not isinstance(token, str) or not (20 <= len(token) <= 100):
        return None
    return db.session.scalar(select(Participant).where(Participant.token_hash == hash_token(token)))


def participant_in_event(token: Any, event: Event) -> Participant | None:
    participant = participant_for_token(token)
    return participant if participant is not None and participant.event_id == event.id else None
