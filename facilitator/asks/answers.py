"""Duty bearers' answers and commitments, the children's ratings of them, and the commitments register."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from facilitator import audit, safety, validation
from facilitator.agenda.models import Activity
from facilitator.asks.asks import get_ask, ordered_asks
from facilitator.asks.models import (
    COMMITMENT_STATUSES,
    RATINGS,
    SECTOR_NAMES,
    AnswerRating,
    Ask,
    AskAssignment,
    Commitment,
    DutyBearerAnswer,
    Organisation,
)
from facilitator.columns import utcnow
from facilitator.errors import Conflict, InvalidInput, NotFound
from facilitator.events.models import AGE_BANDS, GROUPS, Event, Participant
from facilitator.events.service import bump_version
from facilitator.extensions import db
from facilitator.staff.models import StaffUser
from facilitator.web.ratelimit import participant_limits

ANSWER_MAX_CHARS = 2000
# A split of the ratings is shown only when each of its groups has at least this many people:
# fewer could single out a child.
MIN_GROUP_SIZE = 5
# Where groups under MIN_GROUP_SIZE are counted together; not "other", which is a group people declare.
COMBINED = "smaller groups combined"


def _due_date(raw: Any) -> date | None:
    if raw in (None, ""):
        return None
    try:
        return date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        pass
    raise InvalidInput("invalid_date", "Give the due date as YYYY-MM-DD.")


def submit_answer(
    event: Event, organisation: Organisation, ask_id: Any, text: Any, commitment: Any = None
) -> DutyBearerAnswer:
    """An organisation answers an ask (or changes its answer), optionally committing to an action.
    The answer passes the same safety checks as any text and waits for a moderator."""
    ask = get_ask(event, ask_id)
    clean = validation.clean_text(text, field="The answer", max_chars=ANSWER_MAX_CHARS)
    screening = safety.screen(clean, event.blocked_words)
    answer = db.session.scalar(
        select(DutyBearerAnswer).where(
            DutyBearerAnswer.ask_id == ask.id, DutyBearerAnswer.organisation_id == organisation.id
        )
    )
    if answer is None:
        answer = DutyBearerAnswer(event_id=event.id, ask_id=ask.id, organisation_id=organisation.id)
        db.session.add(answer)
    else:
        answer.updated_at = utcnow()
    answer.text, answer.shown_text, answer.flags = clean, screening.redacted, sorted(screening.flags)
    answer.status = "held" if screening.held else "pending"
    db.session.flush()
    if isinstance(commitment, dict) and any(commitment.get(k) for k in ("what", "owner", "due_on")):
        _save_commitment(event, answer, commitment)
    if not db.session.scalar(
        select(AskAssignment.id).where(AskAssignment.ask_id == ask.id, AskAssignment.organisation_id == organisation.id)
    ):
        # Answering an ask not put to them still puts them on record for it.
        db.session.add(AskAssignment(ask_id=ask.id, organisation_id=organisation.id))
    bump_version(event)
    db.session.commit()
    return answer


def _save_commitment(event: Event, answer: DutyBearerAnswer, spec: dict) -> Commitment:
    what = validation.clean_text(spec.get("what"), field="What you will do", max_chars=1000)
    owner = validation.clean_text(spec.get("owner"), field="Who owns it", max_chars=200)
    commitment = db.session.scalar(select(Commitment).where(Commitment.answer_id == answer.id))
    if commitment is None:
        commitment = Commitment(event_id=event.id, answer_id=answer.id, status="planned")
        db.session.add(commitment)
    commitment.what, commitment.owner = safety.screen(what, event.blocked_words).redacted, owner
    commitment.due_on = _due_date(spec.get("due_on"))
    commitment.updated_at = utcnow()
    return commitment


def get_answer(event: Event, answer_id: Any) -> DutyBearerAnswer:
    answer = db.session.get(DutyBearerAnswer, validation.positive_int(answer_id, field=_l("Answer")))
    if answer is None or answer.event_id != event.id:
        raise NotFound("unknown_answer", "That answer does not exist in this event.")
    return answer


def moderate_answer(event: Event, actor: StaffUser, answer_id: Any, action: Any) -> DutyBearerAnswer:
    answer = get_answer(event, answer_id)
    status = {"approve": "approved", "hide": "hidden"}.get(action)
    if status is None:
        raise InvalidInput("invalid_action", "Approve or hide.")
    if answer.status == "held":
        raise Conflict("held_for_safeguarding", "This answer is held for the safeguarding lead.")
    audit.record(event.id, actor, f"{action}_answer", f"answer:{answer.id}", before=answer.status)
    answer.status = status
    bump_version(event)
    db.session.commit()
    return answer


def rate_answer(event: Event, participant: Participant, answer_id: Any, rating: Any) -> DutyBearerAnswer:
    """A participant rates an approved answer; rating again changes their rating."""
    answer = get_answer(event, answer_id)
    if answer.status != "approved":
        raise NotFound("unknown_answer", _l("That answer is not shown yet."))
    rating = validation.choice(rating, RATINGS, field=_l("Your rating"))
    participant_limits.check("rate", f"p{participant.id}")
    existing = db.session.scalar(
        select(AnswerRating).where(AnswerRating.answer_id == answer.id, AnswerRating.participant_id == participant.id)
    )
    if existing is None:
        db.session.add(
            AnswerRating(
                event_id=event.id,
                answer_id=answer.id,
                participant_id=participant.id,
                rating=rating,
                group=participant.group,
                age_band=participant.age_band,
            )
        )
    else:
        existing.rating, existing.updated_at = rating, utcnow()
    db.session.commit()
    return answer


def own_ratings(participant: Participant) -> dict[int, str]:
    """This participant's ratings, by answer, so their phone shows what they chose."""
    return dict(
        db.session.execute(
            select(AnswerRating.answer_id, AnswerRating.rating).where(AnswerRating.participant_id == participant.id)
        ).all()
    )


def ratings_view(answer: DutyBearerAnswer) -> dict:
    """Counts per rating, and splits by age band and by group where every shown group has at least
    MIN_GROUP_SIZE people; smaller groups are counted together (COMBINED), or the split is not shown."""
    ratings = list(db.session.scalars(select(AnswerRating).where(AnswerRating.answer_id == answer.id)))
    total = Counter(r.rating for r in ratings)

    def split(attribute: str, order: tuple[str, ...]) -> list[dict] | None:
        groups: dict[str, Counter] = {}
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


def answer_view(answer: DutyBearerAnswer, *, staff: bool = False) -> dict:
    organisation = db.session.get(Organisation, answer.organisation_id)
    commitment = db.session.scalar(select(Commitment).where(Commitment.answer_id == answer.id))
    view = {
        "id": answer.id,
        "ask_id": answer.ask_id,
        "organisation": organisation.name,
        "sector": organisation.sector,
        "sector_name": SECTOR_NAMES[organisation.sector],
        "text": answer.shown_text,
        "status": answer.status,
        "commitment": commitment_view(commitment) if commitment else None,
        "ratings": ratings_view(answer) if answer.status == "approved" else None,
    }
    if staff:
        view |= {"original": answer.text, "flags": list(answer.flags)}
    return view


def commitment_view(commitment: Commitment) -> dict:
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


def update_commitment(event: Event, actor: StaffUser, commitment_id: Any, changes: Any) -> Commitment:
    """Facilitators keep the register true after the event: status, progress, what, owner, due date."""
    commitment = db.session.get(Commitment, validation.positive_int(commitment_id, field="Commitment"))
    if commitment is None or commitment.event_id != event.id:
        raise NotFound("unknown_commitment", "That commitment does not exist in this event.")
    if not isinstance(changes, dict) or not changes:
        raise InvalidInput("invalid_payload", "Nothing to change.")
    before = commitment_view(commitment)
    if "status" in changes:
        commitment.status = validation.choice(changes["status"], COMMITMENT_STATUSES, field="Status")
    if "progress_note" in changes:
        commitment.progress_note = (
            validation.clean_text(changes["progress_note"], field="Progress", max_chars=2000, required=False) or None
        )
    if "what" in changes:
        commitment.what = validation.clean_text(changes["what"], field="What", max_chars=1000)
    if "owner" in changes:
        commitment.owner = validation.clean_text(changes["owner"], field="Owner", max_chars=200)
    if "due_on" in changes:
        commitment.due_on = _due_date(changes["due_on"])
    commitment.updated_at = utcnow()
    audit.record(
        event.id,
        actor,
        "update_commitment",
        f"commitment:{commitment.id}",
        before=before,
        after=commitment_view(commitment),
    )
    db.session.commit()
    return commitment


def register(event: Event) -> dict:
    """The commitments register: every commitment with organisation, ask, owner, due date and status;
    and, for every ask, the organisations it was put to that have not answered. Nothing dropped."""
    asks = ordered_asks(event)
    commitments, unanswered = [], []
    for ask in asks:
        answers = {
            a.organisation_id: a
            for a in db.session.scalars(select(DutyBearerAnswer).where(DutyBearerAnswer.ask_id == ask.id))
        }
        for answer in answers.values():
            commitment = db.session.scalar(select(Commitment).where(Commitment.answer_id == answer.id))
            if commitment and answer.status == "approved":
                organisation = db.session.get(Organisation, answer.organisation_id)
                commitments.append(
                    {
                        **commitment_view(commitment),
                        "organisation": organisation.name,
                        "sector": organisation.sector,
                        "ask": ask.text,
                        "ask_id": ask.id,
                    }
                )
        assigned = [db.session.get(Organisation, a.organisation_id) for a in ask.assignments]
        silent = [o.name for o in assigned if o.id not in answers or answers[o.id].status != "approved"]
        if silent or not assigned:
            unanswered.append({"ask_id": ask.id, "ask": ask.text, "organisations": silent, "assigned": bool(assigned)})
    return {"commitments": commitments, "unanswered": unanswered}


def response_activity_view(activity: Activity, *, staff: bool = False) -> dict:
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
    assigned = [db.session.get(Organisation, a.organisation_id).name for a in ask.assignments]
    return {
        "ask": {"id": ask.id, "text": ask.text, "text_sw": ask.text_sw, "assigned": assigned},
        "answers": [answer_view(a, staff=staff) for a in answers],
    }


def feedback_view(event: Event) -> dict:
    """'You said / They committed / What happens next', for the public feedback page."""
    asks = []
    for ask in ordered_asks(event):
        answers = [answer_view(a) for a in approved_answers(ask)]
        asks.append(
            {
                "text": ask.text,
                "text_sw": ask.text_sw,
                "answers": answers,
                "assigned": [db.session.get(Organisation, a.organisation_id).name for a in ask.assignments],
            }
        )
    return {"asks": asks, "register": register(event)}
