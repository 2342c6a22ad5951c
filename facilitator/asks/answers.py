"""Duty bearers' answers and commitments, and the children's ratings of them: writing them (reading them is
``asks.views``; the register is ``asks.register``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from facilitator import audit, safety, validation
from facilitator.asks.asks import get_ask
from facilitator.asks.models import (
    COMMITMENT_STATUSES,
    RATINGS,
    AnswerRating,
    AskAssignment,
    Commitment,
    DutyBearerAnswer,
    Organisation,
)
from facilitator.asks.views import commitment_view
from facilitator.columns import utcnow
from facilitator.errors import Conflict, InvalidInput, NotFound
from facilitator.events.models import Event, Participant
from facilitator.events.service import bump_version
from facilitator.extensions import db
from facilitator.live import broadcast
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.lookups import get_in_event
from facilitator.staff.models import StaffUser
from facilitator.web.i18n import LANGUAGES
from facilitator.web.ratelimit import answer_limits, participant_limits

ANSWER_MAX_CHARS = 2000


def _due_date(raw: Any) -> date | None:
    if raw in (None, ""):
        return None
    try:
        return date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        pass
    raise InvalidInput("invalid_date", "Give the due date as YYYY-MM-DD.")


def submit_answer(
    event: Event, organisation: Organisation, ask_id: Any, text: Any, commitment: Any = None, language: Any = "en"
) -> DutyBearerAnswer:
    """An organisation answers an ask (or changes its answer) in English or Kiswahili, optionally committing to
    an action.
    The answer passes the same safety checks as any text and waits for a moderator. One organisation's link
    may send only so many answers in a while: a leaked link must not flood the moderators' queue."""
    answer_limits.check("answer", f"organisation:{organisation.id}")
    ask = get_ask(event, ask_id)
    clean = validation.clean_text(text, field="The answer", max_chars=ANSWER_MAX_CHARS)
    written_in = validation.choice(language or "en", LANGUAGES, field="The answer's language")
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
    answer.language = written_in
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
    send_after_commit(broadcast.answer_changed, event, answer)
    commit()
    return answer


def _save_commitment(event: Event, answer: DutyBearerAnswer, spec: dict[str, Any]) -> Commitment:
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
    return get_in_event(
        DutyBearerAnswer,
        event.id,
        answer_id,
        field=_l("Answer"),
        code="unknown_answer",
        message="That answer does not exist in this event.",
    )


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
    send_after_commit(broadcast.answer_changed, event, answer)
    commit()
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
    send_after_commit(broadcast.response_activity_changed, event)
    commit()
    return answer


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
    commit()
    return commitment
