"""What of an event may leave the app in an export, loaded in a few bulk queries.

The rules live here and nowhere else: entries are approved ones unless a facilitator asks for the full
staff export (which adds entries still waiting or hidden by a moderator); an entry held for safeguarding
never leaves, not even in the full export, and neither do votes on it. Text is always the redacted text
(``shown_text``). Participants are kept only as group and age band; ``person`` below is used to count
people for the small-group rule and is never written out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from facilitator.agenda.models import Activity, AgendaSession
from facilitator.asks import register as commitments_register
from facilitator.asks.models import AnswerRating, Ask, AskAssignment, Commitment, DutyBearerAnswer, Organisation
from facilitator.asks.views import ordered_asks
from facilitator.board.models import Entry as StoredEntry
from facilitator.board.models import Theme
from facilitator.columns import utcnow
from facilitator.errors import NotFound
from facilitator.events.models import Event, Participant
from facilitator.extensions import db
from facilitator.notes.models import Note
from facilitator.reports.groups import Person
from facilitator.staff.models import StaffUser
from facilitator.voting.models import Vote
from facilitator.voting.results import results

APPROVED_ONLY = ("approved",)
FULL_STAFF_EXPORT = ("approved", "pending", "hidden")  # never "held"
VOTE_KINDS = ("poll", "scale", "ranking")


@dataclass(slots=True)
class RecordedEntry:
    id: int
    activity_id: int
    lane: str
    text: str  # redacted
    status: str
    pinned: bool
    starred: bool
    source: str
    group: str | None
    age_band: str | None
    person: int | None
    theme_id: int | None
    created_at: datetime
    answered: bool
    upvotes: int = 0


@dataclass(slots=True)
class Ballot:
    """A vote: a poll choice, a scale value or a ranking. (Upvotes are counted on their entries.)"""

    activity_id: int
    choice: int | None
    ranking: list[int] | None
    group: str | None
    age_band: str | None
    person: int | None
    created_at: datetime


@dataclass(slots=True)
class Rating:
    answer_id: int
    rating: str
    group: str | None
    age_band: str | None
    person: int | None
    created_at: datetime


@dataclass(slots=True)
class NoteRow:
    session_id: int
    kind: str
    text: str  # redacted
    action_owner: str | None
    action_due_on: date | None
    author: str
    created_at: datetime
    updated_at: datetime | None


@dataclass
class Record:
    event: Event
    full: bool
    generated_at: datetime
    session: AgendaSession | None  # None: the whole event
    agenda: list[AgendaSession]
    sessions: list[AgendaSession]  # in scope
    activities: dict[int, list[Activity]]  # by session, every session of the agenda
    entries: dict[int, list[RecordedEntry]]  # by activity, included statuses only
    status_counts: dict[int, Counter[str]]  # by activity, every status (counts only)
    themes: dict[int, list[Theme]]  # by activity
    ballots: dict[int, list[Ballot]]  # by activity: poll, scale and ranking votes
    results: dict[int, dict[str, Any]]  # by activity: voting.results.results for poll, scale, ranking, word cloud
    asks: list[Ask]  # in scope, in the event's order
    ask_numbers: dict[int, int]  # the ask's number in the whole event
    ask_origin: dict[int, int]  # ask id -> the session it was raised in
    organisations: dict[int, Organisation]
    assigned: dict[int, list[int]]  # ask id -> organisation ids
    answers: dict[int, list[DutyBearerAnswer]]  # ask id -> answers that may be exported
    answer_statuses: dict[tuple[int, int], str]  # (ask id, organisation id) -> status of any answer
    commitments: dict[int, Commitment]  # by answer id
    ratings: dict[int, list[Rating]]  # by answer id
    register: dict[str, Any]  # asks.register.register, restricted to the asks in scope
    notes: dict[int, list[NoteRow]]  # by session
    participants: dict[str, set[Person]] = field(default_factory=dict)  # group -> people, whole event
    # by activity, every status: entries by where they came from ("phone", "paper", "sms"), counts only
    source_counts: dict[int, Counter[str]] = field(default_factory=dict)

    @property
    def statuses(self) -> tuple[str, ...]:
        return FULL_STAFF_EXPORT if self.full else APPROVED_ONLY

    def all_activities(self) -> list[Activity]:
        return [a for s in self.sessions for a in self.activities.get(s.id, [])]

    def activities_run(self, session: AgendaSession | None = None) -> list[Activity]:
        """What ran (opened at least once), in a session or in scope: what the report counts and describes."""
        planned = self.activities.get(session.id, []) if session else self.all_activities()
        return [a for a in planned if a.has_run]

    def activities_not_run(self) -> list[Activity]:
        """Planned, never opened: listed once in an annex, counted nowhere else."""
        return [a for a in self.all_activities() if not a.has_run]


def load(event: Event, *, session_id: int | None = None, full: bool = False) -> Record:
    statuses = FULL_STAFF_EXPORT if full else APPROVED_ONLY
    agenda = list(
        db.session.scalars(
            select(AgendaSession)
            .where(AgendaSession.event_id == event.id)
            .order_by(AgendaSession.position, AgendaSession.id)
        )
    )
    session = next((s for s in agenda if s.id == session_id), None) if session_id is not None else None
    if session_id is not None and session is None:
        raise NotFound("unknown_session", "That session does not exist in this event.")
    sessions = [session] if session else agenda
    in_scope = {s.id for s in sessions}
    activities: dict[int, list[Activity]] = defaultdict(list)
    all_activities = list(
        db.session.scalars(
            select(Activity).where(Activity.event_id == event.id).order_by(Activity.position, Activity.id)
        )
    )
    activity_session = {a.id: a.session_id for a in all_activities}
    for activity in all_activities:
        activities[activity.session_id].append(activity)
    scope_activity_ids = [a.id for s in sessions for a in activities.get(s.id, [])]
    scoped = StoredEntry.activity_id.in_(scope_activity_ids) if session else StoredEntry.event_id == event.id

    upvote_counts = dict(
        db.session.execute(
            select(Vote.response_id, func.count(Vote.id))
            .where(Vote.event_id == event.id, Vote.response_id.is_not(None))
            .group_by(Vote.response_id)
        ).all()
    )
    entries: dict[int, list[RecordedEntry]] = defaultdict(list)
    for row in db.session.execute(
        select(
            StoredEntry.id,
            StoredEntry.activity_id,
            StoredEntry.lane,
            StoredEntry.shown_text,
            StoredEntry.status,
            StoredEntry.pinned,
            StoredEntry.starred,
            StoredEntry.source,
            StoredEntry.group,
            StoredEntry.age_band,
            StoredEntry.participant_id,
            StoredEntry.theme_id,
            StoredEntry.created_at,
            StoredEntry.answered_at,
        )
        .where(StoredEntry.event_id == event.id, scoped, StoredEntry.status.in_(statuses))
        .order_by(StoredEntry.id)
    ):
        entries[row.activity_id].append(
            RecordedEntry(
                id=row.id,
                activity_id=row.activity_id,
                lane=row.lane,
                text=row.shown_text,
                status=row.status,
                pinned=row.pinned,
                starred=row.starred,
                source=row.source,
                group=row.group,
                age_band=row.age_band,
                person=row.participant_id,
                theme_id=row.theme_id,
                created_at=row.created_at,
                answered=row.answered_at is not None,
                upvotes=upvote_counts.get(row.id, 0),
            )
        )

    status_counts: dict[int, Counter[str]] = defaultdict(Counter)
    for activity_id, status, count in db.session.execute(
        select(StoredEntry.activity_id, StoredEntry.status, func.count(StoredEntry.id))
        .where(StoredEntry.event_id == event.id)
        .group_by(StoredEntry.activity_id, StoredEntry.status)
    ):
        status_counts[activity_id][status] = count

    source_counts: dict[int, Counter[str]] = defaultdict(Counter)
    for activity_id, source, count in db.session.execute(
        select(StoredEntry.activity_id, StoredEntry.source, func.count(StoredEntry.id))
        .where(StoredEntry.event_id == event.id)
        .group_by(StoredEntry.activity_id, StoredEntry.source)
    ):
        source_counts[activity_id][source] = count

    themes: dict[int, list[Theme]] = defaultdict(list)
    for theme in db.session.scalars(select(Theme).where(Theme.event_id == event.id).order_by(Theme.id)):
        themes[theme.activity_id].append(theme)

    ballots: dict[int, list[Ballot]] = defaultdict(list)
    vote_query = select(
        Vote.activity_id, Vote.choice, Vote.ranking, Vote.group, Vote.age_band, Vote.participant_id, Vote.created_at
    ).where(Vote.event_id == event.id, Vote.response_id.is_(None))
    if session:
        vote_query = vote_query.where(Vote.activity_id.in_(scope_activity_ids))
    for vote in db.session.execute(vote_query.order_by(Vote.id)):
        ballots[vote.activity_id].append(
            Ballot(
                activity_id=vote.activity_id,
                choice=vote.choice,
                ranking=vote.ranking,
                group=vote.group,
                age_band=vote.age_band,
                person=vote.participant_id,
                created_at=vote.created_at,
            )
        )

    activity_results = {
        a.id: results(a)
        for s in sessions
        for a in activities.get(s.id, [])
        if a.kind in VOTE_KINDS or a.kind == "wordcloud"
    }

    asks_all = ordered_asks(event)
    ask_numbers = {ask.id: number for number, ask in enumerate(asks_all, start=1)}
    theme_activity = {t.id: t.activity_id for rows in themes.values() for t in rows}
    card_activity = dict(
        db.session.execute(
            select(StoredEntry.id, StoredEntry.activity_id).where(
                StoredEntry.id.in_([a.response_id for a in asks_all if a.response_id])
            )
        ).all()
    )
    ask_origin = {}
    for ask in asks_all:
        if ask.theme_id:
            origin = theme_activity.get(ask.theme_id)
        else:
            origin = card_activity.get(ask.response_id) if ask.response_id is not None else None
        if origin in activity_session:
            ask_origin[ask.id] = activity_session[origin]
    if session:
        # A session's asks: those raised in it, or all of them where duty bearers answer them.
        answers_here = any(a.kind == "response" for a in activities.get(session.id, []))
        asks = [a for a in asks_all if answers_here or ask_origin.get(a.id) == session.id]
    else:
        asks = asks_all
    ask_ids = {a.id for a in asks}

    organisations = {o.id: o for o in db.session.scalars(select(Organisation).where(Organisation.event_id == event.id))}
    assigned: dict[int, list[int]] = defaultdict(list)
    for ask_id, organisation_id in db.session.execute(
        select(AskAssignment.ask_id, AskAssignment.organisation_id)
        .join(Ask, Ask.id == AskAssignment.ask_id)
        .where(Ask.event_id == event.id)
        .order_by(AskAssignment.id)
    ):
        assigned[ask_id].append(organisation_id)
    answers: dict[int, list[DutyBearerAnswer]] = defaultdict(list)
    answer_statuses = {}
    for answer in db.session.scalars(
        select(DutyBearerAnswer).where(DutyBearerAnswer.event_id == event.id).order_by(DutyBearerAnswer.id)
    ):
        answer_statuses[(answer.ask_id, answer.organisation_id)] = answer.status
        if answer.status in statuses and answer.ask_id in ask_ids:
            answers[answer.ask_id].append(answer)
    commitments = {
        c.answer_id: c for c in db.session.scalars(select(Commitment).where(Commitment.event_id == event.id))
    }
    ratings: dict[int, list[Rating]] = defaultdict(list)
    for rated in db.session.execute(
        select(
            AnswerRating.answer_id,
            AnswerRating.rating,
            AnswerRating.group,
            AnswerRating.age_band,
            AnswerRating.participant_id,
            AnswerRating.created_at,
        )
        .where(AnswerRating.event_id == event.id)
        .order_by(AnswerRating.id)
    ):
        ratings[rated.answer_id].append(
            Rating(
                answer_id=rated.answer_id,
                rating=rated.rating,
                group=rated.group,
                age_band=rated.age_band,
                person=rated.participant_id,
                created_at=rated.created_at,
            )
        )

    register = commitments_register.register(event)
    register = {
        "commitments": [c for c in register["commitments"] if c["ask_id"] in ask_ids],
        "unanswered": [u for u in register["unanswered"] if u["ask_id"] in ask_ids],
    }

    notes: dict[int, list[NoteRow]] = defaultdict(list)
    for note, author in db.session.execute(
        select(Note, StaffUser.display_name)
        .outerjoin(StaffUser, StaffUser.id == Note.author_id)
        .where(Note.event_id == event.id, Note.session_id.in_(in_scope))
        .order_by(Note.created_at, Note.id)
    ):
        if note.shown_text.strip():
            notes[note.session_id].append(
                NoteRow(
                    session_id=note.session_id,
                    kind=note.kind,
                    text=note.shown_text,
                    action_owner=note.action_owner,
                    action_due_on=note.action_due_on,
                    author=author or "",
                    created_at=note.created_at,
                    updated_at=note.updated_at,
                )
            )

    participants: dict[str, set[Person]] = defaultdict(set)
    for participant_id, group in db.session.execute(
        select(Participant.id, Participant.group).where(Participant.event_id == event.id)
    ):
        participants[group or "not said"].add(participant_id)

    return Record(
        event=event,
        full=full,
        generated_at=utcnow(),
        session=session,
        agenda=agenda,
        sessions=sessions,
        activities=dict(activities),
        entries=dict(entries),
        status_counts=dict(status_counts),
        source_counts=dict(source_counts),
        themes=dict(themes),
        ballots=dict(ballots),
        results=activity_results,
        asks=asks,
        ask_numbers=ask_numbers,
        ask_origin=ask_origin,
        organisations=organisations,
        assigned=dict(assigned),
        answers=dict(answers),
        answer_statuses=answer_statuses,
        commitments=commitments,
        ratings=dict(ratings),
        register=register,
        notes=dict(notes),
        participants=dict(participants),
    )
