"""What an organisation's answering page shows: every ask of the event in priority order, those put to
the organisation first, each with the organisation's own answer, its state and its commitment.

Read-only; writing an answer is ``services.answers.submit_answer``. Also the limit on how fast one
organisation's link may send answers (a leaked link must not flood the moderators' queue)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask
from sqlalchemy import select

from facilitator.asks.models import Ask, AskAssignment, Commitment, DutyBearerAnswer, Organisation
from facilitator.asks.views import ordered_asks
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.web.ratelimit import RateLimiter

TOO_MANY_ANSWERS = "You have sent many answers in a short time. Wait a few minutes, then send this one again."

# Generous for people answering a dozen asks and correcting typos; tight enough that a leaked link cannot
# fill the moderation queue. Per organisation, shared between processes when Redis is configured.
answer_limits = RateLimiter(limit=30, window=600, message=TOO_MANY_ANSWERS)


def configure_limits(app: Flask) -> None:
    """``RATE_LIMIT_ANSWERS_PER_ORGANISATION`` answers per ``RATE_LIMIT_ANSWERS_WINDOW_SECONDS``."""
    answer_limits.configure(
        limit=int(app.config.get("RATE_LIMIT_ANSWERS_PER_ORGANISATION", 30)),
        window=int(app.config.get("RATE_LIMIT_ANSWERS_WINDOW_SECONDS", 600)),
        redis_url=app.config.get("RATE_LIMIT_REDIS_URL"),
    )


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
