"""Entries on a board: submitting them, from phones and from paper cards, screened and stored before anyone is
told (what each view may see of them is ``board.views``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple, cast

from flask_babel import lazy_gettext as _l
from sqlalchemy import Executable, Table, and_, bindparam, select
from sqlalchemy import event as sa_event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from facilitator import audit, safety, validation
from facilitator.agenda.models import WRITTEN_KINDS, Activity
from facilitator.agenda.views import get_activity
from facilitator.board import views as board_views
from facilitator.board.models import Entry
from facilitator.columns import utcnow
from facilitator.errors import InvalidInput, ServiceError
from facilitator.events.models import Event, Participant
from facilitator.events.service import bump_version
from facilitator.extensions import db
from facilitator.live import broadcast
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.safeguarding.models import SafeguardingFlag
from facilitator.safeguarding.service import open_flag
from facilitator.staff.models import StaffUser
from facilitator.voting.votes import require_open_for_input
from facilitator.web.ratelimit import participant_limits

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
    source: str = "phone"  # where it came from (ENTRY_SOURCES); paper_by makes it "paper"


@dataclass(frozen=True)
class Submission:
    response: board_views.EntryFields  # a new entry's StoredEntry; a re-send's Entry, as stored before
    created: bool  # False when the client key was already known: a re-send, nothing new stored
    activity: Activity | None = None  # the activity written to, loaded already (None for a re-send)
    flag: SafeguardingFlag | None = None  # raised by this submission, for the safeguarding lead
    version: int | None = None  # the event's version this entry brought it to (None for a re-send)
    # Its activity's received/shown as its batch committed them (None for a re-send).
    counts: dict[str, Any] | None = None

    @property
    def needs_safeguarding(self) -> bool:
        """The writer may need help now: their phone, and only theirs, shows the helpline. A possible concern
        waits for a person like any entry; the writer sees only that it waits for the moderator."""
        return self.response.concern == "high"


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
    source: str = "phone",
) -> Submission:
    """Store one entry, screened, before anyone is told about it. A known client key is a no-op."""
    entry = NewEntry(
        activity_id,
        lane,
        text,
        client_key,
        participant_id=participant.id if participant else None,
        connection_id=connection_id,
        paper_by=paper_by,
        source=source,
    )
    outcome = store_entries(event, [entry])[0]
    if isinstance(outcome, ServiceError):
        raise outcome
    if isinstance(outcome.response, board_views.StoredEntry):
        # One entry at a time (a paper card, a phone without JavaScript) is no burst: its caller gets the Entry,
        # to change it further in this session, for one query.
        stored = db.session.get(Entry, outcome.response.id)
        assert stored is not None  # committed just now
        return replace(outcome, response=stored)
    return outcome


# The writer's statements, built once with their parameters bound at each call: building a statement and its cache
# key on every batch cost as much CPU as running it (0.37 → 0.20 ms a batch for the event's and participants'
# queries, measured alone).
_EVENT_AND_ACTIVITIES = (
    select(Event, Activity)
    .outerjoin(
        Activity,
        and_(Activity.event_id == Event.id, Activity.id.in_(bindparam("activity_ids", expanding=True))),
    )
    .where(Event.id == bindparam("event_id"))
)


def _participants_query() -> Executable:
    # On the table's columns, not the mapped class's: a select of mapped attributes runs the ORM's execution path
    # (its compile state, its result set-up) though it returns plain rows; the table's runs Core's alone. 77 → 47 µs
    # a batch, measured alone.
    participants = Participant.__table__
    assert isinstance(participants, Table)  # a mapped class's table, typed as any FROM clause
    return select(participants.c.id, participants.c.group, participants.c.age_band).where(
        participants.c.event_id == bindparam("event_id"),
        participants.c.id.in_(bindparam("participant_ids", expanding=True)),
    )


def _version_and_authors_query() -> Executable:
    # The snapshot's check and the participants' read in one statement (one row with the event's version however
    # many participants match): a statement cost ~3% of a 5,000-phone burst's samples however small, most of it
    # SQLAlchemy's and the driver's per-call work.
    events, participants = Event.__table__, Participant.__table__
    assert isinstance(events, Table) and isinstance(participants, Table)
    authors = and_(
        participants.c.event_id == events.c.id, participants.c.id.in_(bindparam("participant_ids", expanding=True))
    )
    return (
        select(events.c.version, participants.c.id, participants.c.group, participants.c.age_band)
        .select_from(events.outerjoin(participants, authors))
        .where(events.c.id == bindparam("event_id"))
    )


_PARTICIPANTS = _participants_query()
_VERSION_AND_AUTHORS = _version_and_authors_query()


class BatchReads(NamedTuple):
    """What a batch of the entry writer reads before ``store_entries``."""

    event: Event | None  # None: no such event
    activities: dict[int, Activity]  # those the entries are written to, by id; an id not of this event left out
    authors: dict[int, _Author] | None  # the entries' participants, by id; None: not read (store_entries reads them)


def batch_reads(event_id: int, entries: list[NewEntry]) -> BatchReads:
    """The event, the activities the ``entries`` are written to and their writers: what a batch of the entry writer
    reads before ``store_entries`` (which takes them as its arguments). An activity id that is not one of this
    event's is left out; ``store_entries`` refuses it.

    The event and its activities come from this process's snapshot of the event when nothing can have changed them
    since (``_Snapshot``), and are loaded again otherwise. They are detached from the session: read, never changed,
    by batch after batch."""
    activity_ids = set()
    for entry in entries:
        try:
            activity_ids.add(validation.positive_int(entry.activity_id, field=_l("Activity")))
        except ServiceError:
            continue  # store_entries refuses it, for that entry alone
    snapshot = _snapshots.get(event_id)
    if snapshot is not None:
        authors = snapshot.authors_if_current(activity_ids, {e.participant_id for e in entries})
        if authors is not None:
            activities = {i: snapshot.activities[i] for i in activity_ids if i in snapshot.activities}
            return BatchReads(snapshot.event, activities, authors)
    generation = _changes_committed
    rows = db.session.execute(
        _EVENT_AND_ACTIVITIES, {"event_id": event_id, "activity_ids": sorted(activity_ids) or [0]}
    ).all()
    if not rows:
        _snapshots.pop(event_id, None)
        return BatchReads(None, {}, None)
    event = rows[0][0]
    activities = {activity.id: activity for _, activity in rows if activity is not None}
    for instance in (event, *activities.values()):
        db.session.expunge(instance)
    if len(_snapshots) >= 100:  # a long-running process forgets the events of past days
        _snapshots.clear()
    _snapshots[event_id] = _Snapshot(event, activities, activity_ids, generation)
    return BatchReads(event, activities, None)


# The entry writer's event and activities, kept from batch to batch: loading them (an ORM query joining the event to
# its activities) cost 1.6 ms of CPU a batch in a server busy with 5,000 phones, 10% of its CPU at 200 entries a
# second (py-spy, bench/README.md), while checking that they are still current rides on the participants' read.
@dataclass
class _Snapshot:
    event: Event
    activities: dict[int, Activity]  # by id, of those asked for when it was loaded; a missing id is not the event's
    asked: set[int]  # the activity ids it was loaded for
    generation: int  # _changes_committed before it was loaded

    def authors_if_current(self, activity_ids: set[int], participant_ids: set[int | None]) -> dict[int, _Author] | None:
        """The batch's writers if nothing has changed the event or its activities since the snapshot was loaded, else
        None. Nothing has when this process has committed no change to them (_changes_committed) and the event's
        version, which every change to the event or its activities raises in any process
        (events.service.bump_version), is the one the snapshot holds (its own batches' bumps included)."""
        if self.generation != _changes_committed or not activity_ids <= self.asked:
            return None
        ids = sorted(i for i in participant_ids if i is not None) or [0]
        rows = db.session.execute(_VERSION_AND_AUTHORS, {"event_id": self.event.id, "participant_ids": ids}).all()
        if not rows or rows[0].version != self.event.version:
            return None
        return _authors(row for row in rows if row.id is not None)


_snapshots: dict[int, _Snapshot] = {}  # by event id
_changes_committed = 0  # raised whenever this process commits a change to any event or activity
_CHANGES_EVENT = "facilitator.changes_event"


@sa_event.listens_for(Session, "after_flush")
def _note_event_changes(session: Session, flush_context: Any) -> None:
    if any(isinstance(o, (Event, Activity)) for o in (*session.new, *session.dirty, *session.deleted)):
        session.info[_CHANGES_EVENT] = True


@sa_event.listens_for(Session, "after_commit")
def _count_event_changes(session: Session) -> None:
    # A flush later rolled back still counts at the session's next commit: a snapshot loaded again for nothing is
    # harmless, a change missed is not.
    global _changes_committed
    if session.info.pop(_CHANGES_EVENT, False):
        _changes_committed += 1


def forget_snapshot(event_id: int) -> None:
    """A batch of this event failed: its snapshot may hold a version it never committed."""
    _snapshots.pop(event_id, None)


def store_entries(
    event: Event,
    entries: list[NewEntry],
    activities: dict[int, Activity] | None = None,
    authors: dict[int, _Author] | None = None,
) -> list[Submission | ServiceError]:
    """Store a batch of entries for one event in one transaction and commit it; for each entry, in order,
    its Submission or the rule it broke. One entry's error never costs another its place.

    New entries are the common case, so keys are not looked up first: the insert skips a key already
    stored (ON CONFLICT DO NOTHING), and only the entries it skipped, or that broke a rule, are looked up,
    so that a re-send of a stored entry is a success whatever has changed since (the activity closed,
    the phone's rate limit spent on re-sends). ``activities`` and ``authors``: those of the event already loaded
    (``batch_reads``), by id; any other activity is looked up, and the participants are read when ``authors`` is
    None.
    """
    outcomes: list[Submission | ServiceError | None] = [None] * len(entries)
    participants = (
        authors
        if authors is not None
        else _participants(event, {e.participant_id for e in entries if e.participant_id is not None})
    )
    new_rows: list[dict[str, Any]] = []
    pending: dict[str, tuple[int, Activity, safety.Screening]] = {}  # key -> (index, activity, screening)
    refused: dict[int, str] = {}  # index -> key, for entries that broke a rule: unless already stored
    repeats: list[tuple[int, str]] = []  # the same key twice in one batch: a re-send racing its original
    # A batch's entries are nearly all for the one open activity: each activity is looked up once.
    activities = dict(activities or {})
    for i, entry in enumerate(entries):
        try:
            key = validation.client_key(entry.client_key)
        except ServiceError as error:
            outcomes[i] = error
            continue
        if key in pending:
            repeats.append((i, key))
            continue
        participant = participants.get(entry.participant_id) if entry.participant_id is not None else None
        try:
            if entry.participant_id is not None and participant is None:
                raise InvalidInput("unknown_participant", "Join the event again to take part.")
            activity, clean = _checked_input(event, entry, activities)
            if participant is not None:
                participant_limits.check(
                    "submit", f"p{participant.id}", *([f"c{entry.connection_id}"] if entry.connection_id else [])
                )
        except ServiceError as error:
            outcomes[i] = error
            refused[i] = key
            continue
        screening = safety.screen(clean, event.blocked_words)
        pending[key] = (i, activity, screening)
        new_rows.append(_row(event, entry, key, activity, clean, screening, participant))

    inserted = _insert_unless_known(new_rows) if new_rows else {}
    skipped = set(pending) - set(inserted)  # stored before: by an earlier send, or by another process
    stored = _stored_entries(event, skipped | set(refused.values()))
    created = [key for key in pending if key in inserted]
    first_version = bump_version(event, by=len(created)) - len(created) + 1 if created else 0  # 0: nothing created
    # Counted inside the transaction: the same figures as after the commit, without a second transaction
    # (each statement is a round trip, and with PostgreSQL under gevent a wait for the writer's turn).
    activity_counts = _counts_after(event, [pending[k][1].id for k in created], [inserted[k] for k in created])
    for n, key in enumerate(created):
        i, activity, screening = pending[key]
        response = inserted[key]
        reasons = sorted(SAFEGUARDING_FLAGS & screening.flags)
        flag = (
            open_flag(event, reasons=reasons, response=response, level=response.concern or "high") if reasons else None
        )
        if entries[i].paper_by is not None:
            audit.record(event.id, entries[i].paper_by, "paper_entry", f"response:{response.id}", lane=response.lane)
        outcomes[i] = Submission(
            response,
            created=True,
            activity=activity,
            flag=flag,
            version=first_version + n,
            counts=activity_counts[activity.id],
        )
    for key in skipped:
        i = pending[key][0]
        outcomes[i] = _resent(stored[key], entries[i].participant_id)
    for i, key in refused.items():
        if key in stored:
            outcomes[i] = _resent(stored[key], entries[i].participant_id)
    for i, key in repeats:
        outcomes[i] = _resent(inserted.get(key) or stored[key], entries[i].participant_id)
    submissions = [outcome for outcome in outcomes if isinstance(outcome, Submission)]
    send_after_commit(broadcast.entries_stored, event, submissions)
    commit(keep_state=True)
    if created:
        _remember_counts(event, activity_counts)
    # Every entry has its outcome by now: an error, a new entry, or a re-send of a stored one.
    return cast("list[Submission | ServiceError]", outcomes)


# Each activity's counts as this process's last batch committed them, with the event and its version then. A batch
# whose event is still at that version (before its own bump: nothing else changed the event since, neither here nor
# in another process, as every change to an entry bumps the version) adds its own entries to them instead of
# counting the activity's entries again: a count walks every entry of the activity, a few hundred µs a batch with
# 2,000 on the board, and more as the board grows.
_counted: dict[int, tuple[int, int, dict[str, int]]] = {}  # activity id -> (event id, version, counts)


def _counts_after(
    event: Event, activity_ids: list[int], new_entries: list[board_views.StoredEntry]
) -> dict[int, dict[str, int]]:
    """The counts of each activity a batch wrote to, its new entries ``new_entries`` (of ``activity_ids``, in
    the same order) included; the event's version already carries the batch's bump."""
    version_before = event.version - len(new_entries)
    added: dict[int, dict[str, int]] = {}
    for activity_id, entry in zip(activity_ids, new_entries, strict=True):
        counts = added.setdefault(activity_id, {"received": 0, "shown": 0})
        counts["received"] += 1
        counts["shown"] += entry.status == "approved"
    result = {}
    for activity_id, extra in added.items():
        known = _counted.get(activity_id)
        if known is not None and known[:2] == (event.id, version_before):
            result[activity_id] = {name: known[2][name] + extra[name] for name in ("received", "shown")}
        else:
            result[activity_id] = board_views.counts(activity_id)
    return result


def _remember_counts(event: Event, activity_counts: dict[int, dict[str, int]]) -> None:
    """After the commit only: counts of a batch rolled back must never be added to."""
    for activity_id, counts in activity_counts.items():
        _counted[activity_id] = (event.id, event.version, counts)
    if len(_counted) > 1_000:  # a long-running process forgets the oldest activities
        for activity_id in list(_counted)[:500]:
            del _counted[activity_id]


def forget_batch_state() -> None:
    """Tests: a rolled-back database starts its ids and versions again."""
    _counted.clear()
    _snapshots.clear()


def _checked_input(event: Event, entry: NewEntry, activities: dict[int, Activity]) -> tuple[Activity, str]:
    """The activity written to, and the text cleaned, or the rule the entry breaks. ``activities``: those the
    batch has looked up already, by id."""
    activity_id = validation.positive_int(entry.activity_id, field=_l("Activity"))
    activity = activities.get(activity_id)
    if activity is None:
        activity = activities[activity_id] = get_activity(event, activity_id)
    if activity.kind not in WRITTEN_KINDS:
        raise InvalidInput("wrong_kind", _l("This activity does not take answers like this."))
    if entry.paper_by is None:
        require_open_for_input(activity)
    if not isinstance(entry.lane, str) or entry.lane not in activity.lane_keys():
        raise InvalidInput("invalid_lane", _l("Choose one of the columns on the board."))
    if activity.kind == "wordcloud":
        clean = validation.clean_text(entry.text, field=_l("Your words"), max_chars=WORDCLOUD_MAX_CHARS)
        if len(clean.split()) > WORDCLOUD_MAX_WORDS:
            raise InvalidInput("too_many_words", _l("Write one to %(n)s words."), n=WORDCLOUD_MAX_WORDS)
    else:
        clean = validation.clean_text(entry.text, field=_l("Your answer"), max_chars=ENTRY_MAX_CHARS)
    return activity, clean


class _Author(NamedTuple):
    """What a batch reads of a participant who wrote in it (a row, not an ORM object)."""

    id: int
    group: str | None
    age_band: str | None


def _row(
    event: Event,
    entry: NewEntry,
    key: str,
    activity: Activity,
    clean: str,
    screening: safety.Screening,
    participant: _Author | None,
) -> dict[str, Any]:
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
        "concern": screening.confidence if screening.held else None,
        "source": "paper" if entry.paper_by else entry.source,
        "group": participant.group if participant else None,
        "age_band": participant.age_band if participant else None,
        "pinned": False,
        "starred": False,
        "created_at": utcnow(),
    }


_DIALECT_INSERTS: dict[str, Callable[[Table], sqlite.Insert | postgresql.Insert]] = {
    "sqlite": sqlite.insert,
    "postgresql": postgresql.insert,
}


_inserts: dict[str, Executable] = {}  # built once per dialect


def _insert_unless_known(rows: list[dict[str, Any]]) -> dict[str, board_views.StoredEntry]:
    """Insert entries in one statement, skipping any whose client key is already stored (by an earlier
    send, or by another process this very moment). Returns the entries stored, by client key: what was
    inserted and the id it got, as light records (the ORM's bulk insert built, loaded and tracked an Entry per
    row; only the ids come back from the database)."""
    dialect = db.session.get_bind().dialect.name
    statement = _inserts.get(dialect)
    if statement is None:
        table = Entry.__table__
        assert isinstance(table, Table)  # a mapped class's table, typed as any FROM clause
        statement = _inserts[dialect] = (
            _DIALECT_INSERTS[dialect](table)
            .on_conflict_do_nothing(index_elements=[table.c.event_id, table.c.client_key])
            .returning(table.c.id, table.c.client_key)
        )
    # Rows as parameters, not in .values(): one compiled statement whatever the batch size (SQLAlchemy's
    # "insertmanyvalues" still sends one multi-row INSERT).
    ids = {key: entry_id for entry_id, key in db.session.execute(statement, rows)}
    return {
        row["client_key"]: board_views.StoredEntry(id=ids[row["client_key"]], **row)
        for row in rows
        if row["client_key"] in ids
    }


def _stored_entries(event: Event, keys: set[str]) -> dict[str, Entry]:
    if not keys:
        return {}
    found = db.session.scalars(select(Entry).where(Entry.event_id == event.id, Entry.client_key.in_(keys)))
    return {r.client_key: r for r in found}


def _participants(event: Event, ids: set[int]) -> dict[int, _Author]:
    if not ids:
        return {}
    return _authors(db.session.execute(_PARTICIPANTS, {"event_id": event.id, "participant_ids": sorted(ids)}))


def _authors(rows: Iterable[Any]) -> dict[int, _Author]:
    return {row.id: _Author(row.id, row.group, row.age_band) for row in rows}


def _resent(existing: board_views.EntryFields, participant_id: int | None) -> Submission | ServiceError:
    if participant_id is not None and existing.participant_id != participant_id:
        return InvalidInput("invalid_client_key", _l("Something went wrong. Please send it again."))
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
