"""Entries on a board: submitting them (from phones and from paper cards) and what each view may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.dialects import postgresql, sqlite

from facilitator import safety, validation
from facilitator.errors import InvalidInput, ServiceError
from facilitator.extensions import commit_keeping_state, db
from facilitator.models import Activity, Event, Participant, Response, SafeguardingFlag, StaffUser
from facilitator.models._types import utcnow
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
class NewEntry:
    """One entry as a phone (or a facilitator typing a paper card) sent it, before any rule is checked."""

    activity_id: Any
    lane: Any
    text: Any
    client_key: Any
    participant_id: int | None = None
    connection_id: str | None = None  # the socket it came over, for the per-connection rate limit
    paper_by: StaffUser | None = None


@dataclass(frozen=True)
class Submission:
    response: Response
    created: bool  # False when the client key was already known: a re-send, nothing new stored
    activity: Activity | None = None  # the activity written to, loaded already (None for a re-send)
    flag: SafeguardingFlag | None = None  # raised by this submission, for the safeguarding lead
    version: int | None = None  # the event's version this entry brought it to (None for a re-send)
    counts: dict | None = None  # its activity's received/shown as its batch committed them (None for a re-send)

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
    """Store one entry, screened, before anyone is told about it. A known client key is a no-op."""
    entry = NewEntry(activity_id, lane, text, client_key, participant_id=participant.id if participant else None,
                     connection_id=connection_id, paper_by=paper_by)
    outcome = store_entries(event, [entry])[0]
    if isinstance(outcome, ServiceError):
        raise outcome
    return outcome


def store_entries(event: Event, entries: list[NewEntry]) -> list[Submission | ServiceError]:
    """Store a batch of entries for one event in one transaction and commit it; for each entry, in order,
    its Submission or the rule it broke. One entry's error never costs another its place.

    New entries are the common case, so keys are not looked up first: the insert skips a key already
    stored (ON CONFLICT DO NOTHING), and only the entries it skipped, or that broke a rule, are looked up,
    so that a re-send of a stored entry is a success whatever has changed since (the activity closed,
    the phone's rate limit spent on re-sends).
    """
    outcomes: list[Submission | ServiceError | None] = [None] * len(entries)
    participants = _participants(event, {e.participant_id for e in entries if e.participant_id is not None})
    new_rows: list[dict] = []
    pending: dict[str, tuple[int, Activity, safety.Screening]] = {}  # key -> (index, activity, screening)
    refused: dict[int, str] = {}  # index -> key, for entries that broke a rule: unless already stored
    repeats: list[tuple[int, str]] = []  # the same key twice in one batch: a re-send racing its original
    for i, entry in enumerate(entries):
        try:
            key = validation.client_key(entry.client_key)
        except ServiceError as error:
            outcomes[i] = error
            continue
        if key in pending:
            repeats.append((i, key))
            continue
        participant = participants.get(entry.participant_id)
        try:
            if entry.participant_id is not None and participant is None:
                raise InvalidInput("unknown_participant", "Join the event again to take part.")
            activity, clean = _checked_input(event, entry)
            if participant is not None:
                participant_limits.check("submit", f"p{participant.id}",
                                         *([f"c{entry.connection_id}"] if entry.connection_id else []))
        except ServiceError as error:
            outcomes[i] = error
            refused[i] = key
            continue
        screening = safety.screen(clean, event.blocked_words)
        pending[key] = (i, activity, screening)
        new_rows.append(_row(event, entry, key, activity, clean, screening, participant))

    inserted = {r.client_key: r for r in _insert_unless_known(new_rows)} if new_rows else {}
    skipped = set(pending) - set(inserted)  # stored before: by an earlier send, or by another process
    stored = _stored_entries(event, skipped | set(refused.values()))
    created = [key for key in pending if key in inserted]
    first_version = bump_version(event, by=len(created)) - len(created) + 1 if created else None
    # Counted inside the transaction: the same figures as after the commit, without a second transaction
    # (each statement is a round trip, and with PostgreSQL under gevent a wait for the writer's turn).
    activity_counts = {activity_id: counts(activity_id) for activity_id in {pending[k][1].id for k in created}}
    for n, key in enumerate(created):
        i, activity, screening = pending[key]
        response = inserted[key]
        reasons = sorted(SAFEGUARDING_FLAGS & screening.flags)
        flag = open_flag(event, reasons=reasons, response=response) if reasons else None
        if entries[i].paper_by is not None:
            audit.record(event.id, entries[i].paper_by, "paper_entry", f"response:{response.id}", lane=response.lane)
        outcomes[i] = Submission(response, created=True, activity=activity, flag=flag, version=first_version + n,
                                 counts=activity_counts[activity.id])
    for key in skipped:
        i = pending[key][0]
        outcomes[i] = _resent(stored[key], entries[i].participant_id)
    for i, key in refused.items():
        if key in stored:
            outcomes[i] = _resent(stored[key], entries[i].participant_id)
    for i, key in repeats:
        outcomes[i] = _resent(inserted.get(key) or stored[key], entries[i].participant_id)
    commit_keeping_state()
    return outcomes


def _checked_input(event: Event, entry: NewEntry) -> tuple[Activity, str]:
    """The activity written to, and the text cleaned, or the rule the entry breaks."""
    activity = get_activity(event, validation.positive_int(entry.activity_id, field="Activity"))
    if activity.kind not in TEXT_KINDS:
        raise InvalidInput("wrong_kind", "This activity does not take written entries.")
    if entry.paper_by is None:
        require_open_for_input(activity)
    if entry.lane not in activity.lane_keys():
        raise InvalidInput("invalid_lane", "Choose one of the columns on the board.")
    if activity.kind == "wordcloud":
        clean = validation.clean_text(entry.text, field="Your words", max_chars=WORDCLOUD_MAX_CHARS)
        if len(clean.split()) > WORDCLOUD_MAX_WORDS:
            raise InvalidInput("too_many_words", f"Write one to {WORDCLOUD_MAX_WORDS} words.")
    else:
        clean = validation.clean_text(entry.text, field="Your answer", max_chars=ENTRY_MAX_CHARS)
    return activity, clean


def _row(event: Event, entry: NewEntry, key: str, activity: Activity, clean: str, screening: safety.Screening,
         participant: Participant | None) -> dict:
    # Every column given, so every row of a multi-row insert has the same keys.
    return {
        "event_id": event.id,
        "activity_id": activity.id,
        "participant_id": participant.id if participant else None,
        "client_key": key,
        "lane": entry.lane,
        "text": clean,
        "shown_text": screening.redacted,
        "flags": sorted(screening.flags),
        "status": _initial_status(activity, screening, paper=entry.paper_by is not None),
        "source": "paper" if entry.paper_by else "phone",
        "group": participant.group if participant else None,
        "age_band": participant.age_band if participant else None,
        "pinned": False,
        "starred": False,
        "created_at": utcnow(),
    }


_DIALECT_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def _insert_unless_known(rows: list[dict]) -> list[Response]:
    """Insert entries in one statement, skipping any whose client key is already stored (by an earlier
    send, or by another process this very moment). Returns the Responses stored, persistent in the session."""
    insert = _DIALECT_INSERTS[db.session.get_bind().dialect.name]
    statement = (
        insert(Response)
        .on_conflict_do_nothing(index_elements=[Response.event_id, Response.client_key])
        .returning(Response)
    )
    # Rows as parameters, not in .values(): one compiled statement whatever the batch size (SQLAlchemy's
    # "insertmanyvalues" still sends one multi-row INSERT).
    return list(db.session.scalars(statement, rows))


def _stored_entries(event: Event, keys: set[str]) -> dict[str, Response]:
    if not keys:
        return {}
    found = db.session.scalars(select(Response).where(Response.event_id == event.id, Response.client_key.in_(keys)))
    return {r.client_key: r for r in found}


def _participants(event: Event, ids: set[int]) -> dict[int, Participant]:
    if not ids:
        return {}
    found = db.session.scalars(select(Participant).where(Participant.event_id == event.id, Participant.id.in_(ids)))
    return {p.id: p for p in found}


def _resent(existing: Response, participant_id: int | None) -> Submission | ServiceError:
    if participant_id is not None and existing.participant_id != participant_id:
        return InvalidInput("invalid_client_key", "The entry's key is already in use. Send it again.")
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

# The one order of cards and entries: pinned first, then oldest. Views carry it as ``sort_key`` (a list of
# numbers the scripts compare in turn, ascending); queries sort by CARD_ORDER, the same rule in SQL.
CARD_ORDER = (Response.pinned.desc(), Response.id)


def sort_key(response: Response) -> list[int]:
    return [0 if response.pinned else 1, response.id]



def card_view(response: Response) -> dict:
    """A card as the projector and phones show it: redacted text, nothing about its author. ``response``
    may also be a row of just these columns (``cards_on_board``)."""
    return {
        "id": response.id,
        "activity_id": response.activity_id,
        "lane": response.lane,
        "text": response.shown_text,
        "pinned": response.pinned,
        "starred": response.starred,
        "paper": response.source == "paper",
        "theme_id": response.theme_id,
        "sort_key": sort_key(response),
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
            .order_by(*CARD_ORDER)
        )
    )


def cards_on_board(activity_id: int) -> list[dict]:
    """The approved cards' views, read as plain rows: a board can hold thousands, and loading each as an ORM
    object took a few hundred ms of an activity switch, while every phone waited."""
    rows = db.session.execute(
        select(Response.id, Response.activity_id, Response.lane, Response.shown_text, Response.pinned,
               Response.starred, Response.source, Response.theme_id)
        .where(Response.activity_id == activity_id, Response.status == "approved")
        .order_by(*CARD_ORDER)
    )
    return [card_view(row) for row in rows]


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
    return list(db.session.scalars(query.order_by(*CARD_ORDER)))
