"""Joining an event from a phone: a random token, and only what the participant chose to say."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from facilitator import validation
from facilitator.errors import Forbidden, InvalidInput
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
    if known is None:
        refuse_if_joining_closed(event)
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


# What a gateway or a modem gives as the sender: an international number, perhaps without its "+".
PHONE_NUMBER = re.compile(r"^\+?[0-9]{6,15}$")


JOINING_CLOSED = _l("Joining this event is closed. If you were already in, open the page on the phone you joined with.")


def refuse_if_joining_closed(event: Event) -> None:
    """No new participant, from a phone page, SMS or USSD, once joining is closed or the event is purged."""
    if not event.joining_open or event.purged_at is not None:
        raise Forbidden("joining_closed", JOINING_CLOSED)


def participant_for_number(event: Event, number: Any, *, language: str | None = None) -> Participant:
    """The participant an SMS or USSD sender is in this event: one number, one participant, for the limits and
    the one vote each. The number itself is never stored: it is named by its HMAC keyed with the event's
    ``number_secret``, which the purge destroys, so nobody can turn a stored hash back into a number."""
    if not isinstance(number, str) or not PHONE_NUMBER.match(number.strip()):
        raise InvalidInput("invalid_number", "The sender's number is not a phone number.")
    digits = number.strip().lstrip("+")
    key_hash = hmac.new(bytes.fromhex(_number_secret(event)), digits.encode(), hashlib.sha256).hexdigest()
    participant = db.session.scalar(select(Participant).where(Participant.token_hash == key_hash))
    if participant is None:
        refuse_if_joining_closed(event)
        participant = Participant(event_id=event.id, token_hash=key_hash, language=language or "en")
        try:
            with db.session.begin_nested():  # the same number's other message may be creating it this moment
                db.session.add(participant)
        except IntegrityError:
            participant = db.session.scalars(select(Participant).where(Participant.token_hash == key_hash)).one()
    elif language in LANGUAGES:
        participant.language = language
    return participant


def _number_secret(event: Event) -> str:
    """The event's key for numbers, made on first use; set only where none is, so two first messages arriving
    together agree on one key."""
    if event.number_secret is None:
        db.session.execute(
            update(Event)
            .where(Event.id == event.id, Event.number_secret.is_(None))
            .values(number_secret=secrets.token_hex(32))
            .execution_options(synchronize_session=False)
        )
        db.session.refresh(event, ["number_secret"])
    assert event.number_secret is not None  # set above, by this transaction or another
    return event.number_secret
