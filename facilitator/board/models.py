"""What participants write: entries (cards, words, questions) and the themes facilitators group them in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.columns import UTCDateTime, utcnow
from facilitator.extensions import Model

# pending: waits for a moderator; approved: on the board; hidden: a moderator took it off;
# held: a safety check stopped it and only staff may see it.
ENTRY_STATUSES = ("pending", "approved", "hidden", "held")


# phone: the phone page; paper: a facilitator typed a card in; sms: a text message (facilitator/sms/).
ENTRY_SOURCES = ("phone", "paper", "sms")


class Entry(Model):
    """A participant's entry: a card, a word, a question. The table keeps its first name, ``responses``
    (renaming a table is a migration that rebuilds it on SQLite, for no reader's gain)."""

    __tablename__ = "responses"
    __table_args__ = (
        # A re-sent entry carries the same client key and is recognised, never stored twice.
        UniqueConstraint("event_id", "client_key"),
        Index("ix_responses_activity_status", "activity_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id", ondelete="SET NULL"), index=True)
    client_key: Mapped[str] = mapped_column(String(64))
    lane: Mapped[str] = mapped_column(String(40))
    # As written; staff only, in the moderation queue.
    text: Mapped[str] = mapped_column(Text)
    # What any non-staff view may show: personal details redacted, profanity masked.
    shown_text: Mapped[str] = mapped_column(Text)
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    # How sure the safety screen was when it held the entry for distress or disclosure: "high" (the lead is
    # alerted at once, the writer sees the helpline) or "possible" (a marked wait in the moderation queue and
    # on the lead's review list). Kept after a release, as part of the record.
    concern: Mapped[str | None] = mapped_column(String(10))
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(10), default="phone")
    # Copied from the participant when written, so a later change of group does not rewrite history.
    group: Mapped[str | None] = mapped_column(String(20))
    age_band: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # a Q&A question the panel answered
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"), index=True)


class Theme(Model):
    """A facilitator's grouping of approved cards on a board."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    name_sw: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
