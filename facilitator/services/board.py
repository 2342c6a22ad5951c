"""Entries on a board: submitting them (from phones and from paper cards) and what each view may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.dialects import postgresql, sqlite

from facilitator import safety, validation
from facilitator.errors import InvalidInput, RateLimited, ServiceError
from facilitator.extensions import commit_keeping_state, db
from facilitator.models import Activity, Event, Participant, Response, SafeguardingFlag, StaffUser
from facilitator.ratelimit import participant_limits
from facilitator.services import audit
from facilitator.services.safeguarding import open_flag
from facilitator.services.voting import require_open_for_input
from facilitator.services.events import bump_version, get_activity

TEXT_KINDS = ("board", "wordcloud", "qna")
ENTRY_MAX_CHARS = 280
WORDCLOUD_MAX_WORDS = 3
WORDCLOUD_MAX_CHARS = 40
SAFEGUARDING_FLAGS = {"distress", "disclosure"}


@dataclass(frozen=True)
class Submission:
    response: Response
    created: bool  # False when the client key was already known: a re-send, nothing new stored
    activity: Activity | None = None  # the activity written to, loaded already (None for a re-send)
    flag: SafeguardingFlag | None = None  # raised by this submission, for the safeguarding lead

    @property
    def needs_safeguarding(self) -> bool:
        """The writer may need help: their phone, and only theirs, shows the helpline."""
        return bool(SAFEGUARDING_FLAGS & set(self.response.flags))


def submit_entry(
    event: Event,
    *,
    activity_id: Any,
    lane: Any,
    text: Any,
    client_key: Any,
    participant: Participant | None = None,
    paper_by: StaffUser | None = None,
    connection_id: str | None = None,
) -> Submission:
    """Store one entry, screened, before anyone is told about it. A known client key is a no-op.

    New entries are the common case, so the key is not looked up first: the insert itself skips a known
    key (ON CONFLICT DO NOTHING), and only then is the stored entry read back.
    """
    key = validation.client_key(client_key)
    try:
        activity, clean = _checked_input(event, activity_id, lane, text, paper=paper_by is not None)
    except ServiceError:
        # A re-send of an entry stored before the activity closed (or the app's limits changed) is
        # still a success: its phone must stop re-sending it.
        existing = _stored_entry(event, key)
        if existing is None:
            raise
        return _resent(existing, participant)

    screening = safety.screen(clean, event.blocked_words)
    response = _insert_unless_known(
        event_id=event.id,
        activity_id=activity.id,
        participant_id=participant.id if participant else None,
        client_key=key,
        lane=lane,
        text=clean,
        shown_text=screening.redacted,
        flags=sorted(screening.flags),
        status=_initial_status(activity, screening, paper=paper_by is not None),
        source="paper" if paper_by else "phone",
        group=participant.group if participant else None,
        age_band=participant.age_band if participant else None,
    )
    if response is None:
        return _resent(_stored_entry(event, key), participant)
    if participant is not None:
        # Counted once the entry is known to be new, so re-sends from an outbox are never refused.
        try:
            participant_limits.check("submit", f"p{participant.id}", *([f"c{connection_id}"] if connection_id else []))
        except RateLimited:
            db.session.rollback()
            raise
    flag = open_flag(event, reasons=sorted(SAFEGUARDING_FLAGS & screening.flags), response=response) \
        if SAFEGUARDING_FLAGS & screening.flags else None
    if paper_by is not None:
        audit.record(event.id, paper_by, "paper_entry", f"response:{response.id}", lane=lane)
    bump_version(event)
    commit_keeping_state()
    return Submission(response, created=True, activity=activity, flag=flag)


def _checked_input(event: Event, activity_id: Any, lane: Any, text: Any, *, paper: bool) -> tuple[Activity, str]:
    """The activity written to, and the text cleaned, or the rule the entry breaks."""
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    if activity.kind not in TEXT_KINDS:
        raise InvalidInput("wrong_kind", "This activity does not take written entries.")
    if not paper:
        require_open_for_input(activity)
    if lane not in activity.lane_keys():
        raise InvalidInput("invalid_lane", "Choose one of the columns on the board.")
    if activity.kind == "wordcloud":
        clean = validation.clean_text(text, field="Your words", max_chars=WORDCLOUD_MAX_CHARS)
        if len(clean.split()) > WORDCLOUD_MAX_WORDS:
            raise InvalidInput("too_many_words", f"Write one to {WORDCLOUD_MAX_WORDS} words.")
    else:
        clean = validation.clean_text(text, field="Your answer", max_chars=ENTRY_MAX_CHARS)
    return activity, clean


_DIALECT_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def _insert_unless_known(**values: Any) -> Response | None:
    """Insert one entry, or nothing if its client key is already stored (by an earlier send, or by
    another process this very moment). Returns the stored Response, persistent in the session."""
    insert = _DIALECT_INSERTS[db.session.get_bind().dialect.name]
    statement = (
        insert(Response).values(**values)
        .on_conflict_do_nothing(index_elements=[Response.event_id, Response.client_key])
        .returning(Response)
    )
    return db.session.scalars(statement).first()


def _stored_entry(event: Event, key: str) -> Response | None:
    return db.session.scalar(select(Response).where(Response.event_id == event.id, Response.client_key == key))


def _resent(existing: Response, participant: Participant | None) -> Submission:
    if participant is not None and existing.participant_id != participant.id:
        raise InvalidInput("invalid_client_key", "The entry's key is already in use. Send it again.")
    return Submission(existing, created=False)


def _initial_status(activity: Activity, screening: safety.Screening, *, paper: bool) -> str:
    if screening.held:
        return "held"
    if paper:
        # A facilitator typed it from a card in their hand; only what the checks flag waits for a second look.
        return "pending" if screening.flags else "approved"
    if activity.moderation == "pre" or "personal_details" in screening.flags and activity.audience == "children":
        return "pending"
    return "approved"


# --- What each view may see -------------------------------------------------------------------


def card_view(response: Response) -> dict:
    """A card as the projector and phones show it: redacted text, nothing about its author."""
    return {
        "id": response.id,
        "activity_id": response.activity_id,
        "lane": response.lane,
        "text": response.shown_text,
        "pinned": response.pinned,
        "starred": response.starred,
        "paper": response.source == "paper",
        "theme_id": response.theme_id,
    }


def staff_view(response: Response) -> dict:
    """A card as the moderation queue shows it: the original text, its checks and state."""
    return card_view(response) | {
        "original": response.text,
        "status": response.status,
        "flags": list(response.flags),
        "group": response.group,
        "age_band": response.age_band,
        "created_at": response.created_at.isoformat(),
        "edited": response.text != response.shown_text and not response.flags,
        "answered": response.answered_at is not None,
    }


def withheld_view(response: Response) -> dict:
    """A held entry as a moderator's console hears of it: that it left the queue, not what it says."""
    return {"id": response.id, "activity_id": response.activity_id, "lane": response.lane, "status": "held",
            "withheld": True}


def own_entry_view(response: Response) -> dict:
    """An entry as its author sees it on their phone. A held entry only ever reads as 'received'."""
    state = {"approved": "on_board", "hidden": "not_shown"}.get(response.status, "waiting")
    return {
        "id": response.id,
        "client_key": response.client_key,
        "activity_id": response.activity_id,
        "lane": response.lane,
        "text": response.shown_text,
        "state": state,
    }


def own_entries(participant: Participant, activity_id: int | None) -> list[Response]:
    if activity_id is None:
        return []
    return list(
        db.session.scalars(
            select(Response)
            .where(Response.participant_id == participant.id, Response.activity_id == activity_id)
            .order_by(Response.id.desc())
            .limit(100)
        )
    )


def has_written(participant: Participant) -> bool:
    return db.session.scalar(select(Response.id).where(Response.participant_id == participant.id).limit(1)) is not None


def approved_cards(activity_id: int) -> list[Response]:
    return list(
        db.session.scalars(
            select(Response)
            .where(Response.activity_id == activity_id, Response.status == "approved")
            .order_by(Response.pinned.desc(), Response.id)
        )
    )


def counts(activity_id: int) -> dict:
    """Entries received and shown: the room can see that moderation is not silencing anyone."""
    received, shown = db.session.execute(
        select(func.count(Response.id), func.count(case((Response.status == "approved", 1))))
        .where(Response.activity_id == activity_id)
    ).one()
    return {"received": received, "shown": shown}


def responses_for_staff(activity_id: int, *, include_held: bool) -> list[Response]:
    query = select(Response).where(Response.activity_id == activity_id)
    if not include_held:
        query = query.where(Response.status != "held")
    return list(db.session.scalars(query.order_by(Response.id)))
