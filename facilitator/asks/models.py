"""From what children said to what duty bearers committed: organisations, asks, answers,
commitments and the children's ratings of the answers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.columns import UTCDateTime, utcnow
from facilitator.extensions import Model

SECTORS = ("government", "isp_telco", "social_media", "cso", "other")


SECTOR_NAMES = {
    "government": "Government",
    "isp_telco": "Internet / telecom provider",
    "social_media": "Social media",
    "cso": "Civil society",
    "other": "Other",
}


SECTOR_NAMES_SW = {
    "government": "Serikali",
    "isp_telco": "Mtoa huduma za intaneti / simu",
    "social_media": "Mitandao ya kijamii",
    "cso": "Shirika la kiraia",
    "other": "Nyingine",
}


RATINGS = ("satisfied", "not_sure", "not_satisfied")


COMMITMENT_STATUSES = ("planned", "in_progress", "done", "delayed", "dropped")


class Organisation(Model):
    """A duty bearer: answers asks on record, by name and sector (duty bearers are not anonymous)."""

    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str] = mapped_column(String(20))
    # The organisation's own answering link; renewing it revokes the old one.
    answer_token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Ask(Model):
    """What children ask of duty bearers, worded by the facilitator from a theme or a card."""

    __tablename__ = "asks"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    text_sw: Mapped[str | None] = mapped_column(String(300))
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    assignments: Mapped[list[AskAssignment]] = relationship(cascade="all, delete-orphan")


class AskAssignment(Model):
    """An ask put to a named organisation: it must answer, or be listed as not having answered."""

    __tablename__ = "ask_assignments"
    __table_args__ = (UniqueConstraint("ask_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ask_id: Mapped[int] = mapped_column(ForeignKey("asks.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)


class DutyBearerAnswer(Model):
    """An organisation's answer to an ask: screened and moderated like any text."""

    __tablename__ = "duty_bearer_answers"
    __table_args__ = (UniqueConstraint("ask_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    ask_id: Mapped[int] = mapped_column(ForeignKey("asks.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    shown_text: Mapped[str] = mapped_column(Text)
    # The language the duty bearer wrote in ("en" or "sw"): children reading in the other one are told.
    language: Mapped[str] = mapped_column(String(5), default="en", server_default="en")
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Commitment(Model):
    """What an organisation will do about an ask, who owns it, by when: the event's main output."""

    __tablename__ = "commitments"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("duty_bearer_answers.id", ondelete="CASCADE"), unique=True)
    what: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    progress_note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AnswerRating(Model):
    """A participant's rating of an answer: satisfied, not sure, not satisfied. One each, changeable."""

    __tablename__ = "answer_ratings"
    __table_args__ = (UniqueConstraint("answer_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("duty_bearer_answers.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id", ondelete="SET NULL"))
    rating: Mapped[str] = mapped_column(String(20))
    group: Mapped[str | None] = mapped_column(String(20))
    age_band: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
