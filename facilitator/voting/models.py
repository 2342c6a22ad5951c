"""Votes: one per participant and activity (poll, scale, ranking) or per upvoted entry."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.columns import UTCDateTime, utcnow
from facilitator.extensions import Model


class Vote(Model):
    """One participant's vote in one activity: a poll choice, a scale value, a ranking, an upvote.

    ``slot`` makes "one vote each" a database rule: 0 for a single-choice poll, a scale or a ranking;
    the option's index for a multiple-choice poll; the card's id for an upvote. A changed vote is the
    same row updated.
    """

    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("activity_id", "participant_id", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id", ondelete="SET NULL"), index=True)
    slot: Mapped[int] = mapped_column(Integer, default=0)
    choice: Mapped[int | None] = mapped_column(Integer)  # poll option index, or scale value
    ranking: Mapped[list[int] | None] = mapped_column(JSON)  # option indexes, first is the top
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    group: Mapped[str | None] = mapped_column(String(20))
    age_band: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
