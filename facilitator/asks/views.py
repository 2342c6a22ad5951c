"""What everyone may see of asks and duty bearers' answers: the asks in order, answers with their ratings and
commitments, and the response activity as the projector and phones show it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from facilitator.agenda.models import Activity
from facilitator.asks.models import (
    RATINGS,
    SECTOR_NAMES,
    AnswerRating,
    Ask,
    AskAssignment,
    Commitment,
    DutyBearerAnswer,
    Organisation,
)
from facilitator.board.models import Entry
from facilitator.events.models import AGE_BANDS, GROUPS, Event, Participant
from facilitator.extensions import db
from facilitator.voting import results as results_service
from facilitator.voting.models import Vote


def _upvotes_per_ask(event: Event, asks: list[Ask]) -> dict[int, int]:
    """Children's upvotes behind each ask: on its card, or on every card of its theme."""
    totals = {}
    for ask in asks:
        if ask.theme_id:
            cards = select(Entry.id).where(Entry.theme_id == ask.theme_id)
        elif ask.response_id:
            cards = select(Entry.id).where(Entry.id == ask.response_id)
        else:
            totals[ask.id] = 0
            continue
        totals[ask.id] = db.session.scalar(select(func.count(Vote.id)).where(Vote.response_id.in_(cards))) or 0
    return totals


def ranking_activity(event: Event) -> Activity | None:
    """The newest ranking activity made from the asks, if any."""
    candidates = db.session.scalars(
        select(Activity).where(Activity.event_id == event.id, Activity.kind == "ranking").order_by(Activity.id.desc())
    )
    return next((a for a in candidates if a.settings.get("ask_ids")), None)


def _average_rank_per_ask(activity: Activity) -> dict[int, float]:
    ask_ids = activity.settings["ask_ids"]
    return {
        ask_ids[item["index"]]: item["average_rank"]
        for item in results_service.results(activity)["items"]
        if item["average_rank"] is not None
    }


def ordered_asks(event: Event, order_by: str = "position") -> list[Ask]:
    """Asks by the facilitator's order, by children's upvotes, or by the ranking activity run on them."""
    asks = list(db.session.scalars(select(Ask).where(Ask.event_id == event.id).order_by(Ask.position, Ask.id)))
    if order_by == "upvotes":
        upvotes = _upvotes_per_ask(event, asks)
        asks.sort(key=lambda a: (-upvotes[a.id], a.position, a.id))
    elif order_by == "ranking":
        activity = ranking_activity(event)
        ranks = _average_rank_per_ask(activity) if activity else {}
        asks.sort(key=lambda a: (a.id not in ranks, ranks.get(a.id, 0), a.position, a.id))
    return asks


def ask_view(ask: Ask) -> dict[str, Any]:
    return {
        "id": ask.id,
        "text": ask.text,
        "text_sw": ask.text_sw,
        "theme_id": ask.theme_id,
        "response_id": ask.response_id,
        "position": ask.position,
        "organisation_ids": sorted(a.organisation_id for a in ask.assignments),
    }


# A split of the ratings is shown only when each of its groups has at least this many people:
# fewer could single out a child.
MIN_GROUP_SIZE = 5


# Where groups under MIN_GROUP_SIZE are counted together; not "other", which is a group people declare.
COMBINED = "smaller groups combined"


def own_ratings(participant: Participant) -> dict[int, str]:
    """This participant's ratings, by answer, so their phone shows what they chose."""
    return dict(
        db.session.execute(
            select(AnswerRating.answer_id, AnswerRating.rating).where(AnswerRating.participant_id == participant.id)
        ).all()
    )


def ratings_view(answer: DutyBearerAnswer) -> dict[str, Any]:
    """Counts per rating, and splits by age band and by group where every shown group has at least
    MIN_GROUP_SIZE people; smaller groups are counted together (COMBINED), or the split is not shown."""
    ratings = list(db.session.scalars(select(AnswerRating).where(AnswerRating.answer_id == answer.id)))
    total = Counter(r.rating for r in ratings)

    def split(attribute: str, order: tuple[str, ...]) -> list[dict[str, Any]] | None:
        groups: dict[str, Counter[str]] = {}
        for r in ratings:
            key = getattr(r, attribute) or "not said"
            groups.setdefault(key, Counter())[r.rating] += 1
        shown = {k: v for k, v in groups.items() if sum(v.values()) >= MIN_GROUP_SIZE}
        small = [v for k, v in groups.items() if k not in shown]
        if small:
            other = sum(small, Counter())
            if sum(other.values()) < MIN_GROUP_SIZE:
                return None  # the remainder alone could single someone out
            shown[COMBINED] = other
        if len(shown) < 2:
            return None
        keys = sorted(shown, key=lambda k: (order.index(k) if k in order else len(order), k))
        return [
            {"group": k, **{rating: shown[k][rating] for rating in RATINGS}, "count": sum(shown[k].values())}
            for k in keys
        ]

    return {
        "count": len(ratings),
        **{rating: total[rating] for rating in RATINGS},
        "by_age_band": split("age_band", AGE_BANDS),
        "by_group": split("group", GROUPS),
    }


def organisation_of(row: DutyBearerAnswer | AskAssignment) -> Organisation:
    """The organisation an answer or an assignment is for."""
    organisation = db.session.get(Organisation, row.organisation_id)
    assert organisation is not None  # organisation_id is a foreign key
    return organisation


def answer_view(answer: DutyBearerAnswer, *, staff: bool = False) -> dict[str, Any]:
    organisation = organisation_of(answer)
    commitment = db.session.scalar(select(Commitment).where(Commitment.answer_id == answer.id))
    view = {
        "id": answer.id,
        "ask_id": answer.ask_id,
        "organisation": organisation.name,
        "sector": organisation.sector,
        "sector_name": SECTOR_NAMES[organisation.sector],
        "text": answer.shown_text,
        "language": answer.language,
        "status": answer.status,
        "commitment": commitment_view(commitment) if commitment else None,
        "ratings": ratings_view(answer) if answer.status == "approved" else None,
    }
    if staff:
        view |= {"original": answer.text, "flags": list(answer.flags)}
    return view


def commitment_view(commitment: Commitment) -> dict[str, Any]:
    return {
        "id": commitment.id,
        "what": commitment.what,
        "owner": commitment.owner,
        "due_on": commitment.due_on.isoformat() if commitment.due_on else None,
        "status": commitment.status,
        "progress_note": commitment.progress_note,
    }


def approved_answers(ask: Ask) -> list[DutyBearerAnswer]:
    return list(
        db.session.scalars(
            select(DutyBearerAnswer)
            .where(DutyBearerAnswer.ask_id == ask.id, DutyBearerAnswer.status == "approved")
            .order_by(DutyBearerAnswer.id)
        )
    )


@results_service.results_of("response")
def response_activity_view(activity: Activity, *, staff: bool = False) -> dict[str, Any]:
    """The ask on show in a response activity and its approved answers (all answers for staff)."""
    ask_id = activity.settings.get("ask_id")
    ask = db.session.get(Ask, ask_id) if ask_id else None
    if ask is None:
        return {"ask": None, "answers": []}
    answers = (
        list(
            db.session.scalars(
                select(DutyBearerAnswer).where(DutyBearerAnswer.ask_id == ask.id).order_by(DutyBearerAnswer.id)
            )
        )
        if staff
        else approved_answers(ask)
    )
    assigned = [organisation_of(a).name for a in ask.assignments]
    return {
        "ask": {"id": ask.id, "text": ask.text, "text_sw": ask.text_sw, "assigned": assigned},
        "answers": [answer_view(a, staff=staff) for a in answers],
    }


# What a duty bearer reads about their answer's state. "held" (a safety check wants a person to look)
# reads as waiting: to the organisation it is the same wait for a moderator.
ANSWER_STATES = {
    None: ("unanswered", "Not answered yet"),
    "pending": ("waiting", "Waiting for the moderator"),
    "held": ("waiting", "Waiting for the moderator"),
    "approved": ("shown", "Shown: children can see this answer"),
    "hidden": ("not_shown", "Not shown: the moderator did not show this answer. You can change it and send it again."),
}


@dataclass
class AskForOrganisation:
    number: int  # the ask's place in the event's priority order, from 1
    ask: Ask
    put_to_you: bool
    answer: DutyBearerAnswer | None
    commitment: Commitment | None

    @property
    def state(self) -> str:
        return ANSWER_STATES[self.answer.status if self.answer else None][0]

    @property
    def state_label(self) -> str:
        return ANSWER_STATES[self.answer.status if self.answer else None][1]


def asks_for_organisation(event: Event, organisation: Organisation) -> list[AskForOrganisation]:
    """Every ask of the event in priority order, those put to ``organisation`` first."""
    asks = ordered_asks(event)
    assigned = set(
        db.session.scalars(select(AskAssignment.ask_id).where(AskAssignment.organisation_id == organisation.id))
    )
    answers = {
        a.ask_id: a
        for a in db.session.scalars(
            select(DutyBearerAnswer).where(
                DutyBearerAnswer.event_id == event.id, DutyBearerAnswer.organisation_id == organisation.id
            )
        )
    }
    commitments = (
        {
            c.answer_id: c
            for c in db.session.scalars(
                select(Commitment).where(Commitment.answer_id.in_([a.id for a in answers.values()]))
            )
        }
        if answers
        else {}
    )
    rows = []
    for number, ask in enumerate(asks, start=1):
        answer = answers.get(ask.id)
        rows.append(
            AskForOrganisation(
                number=number,
                ask=ask,
                put_to_you=ask.id in assigned,
                answer=answer,
                commitment=commitments.get(answer.id) if answer else None,
            )
        )
    rows.sort(key=lambda row: not row.put_to_you)  # stable: priority order kept within each part
    return rows
