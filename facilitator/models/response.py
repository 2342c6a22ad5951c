from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.extensions import db
from facilitator.models._types import UTCDateTime, utcnow

# pending: waits for a moderator; approved: on the board; hidden: a moderator took it off;
# held: a safety check stopped it and only staff may see it.
RESPONSE_STATUSES = ("pending", "approved", "hidden", "held")
RESPONSE_SOURCES = ("phone", "paper")
FLAG_STATES = ("open", "acknowledged", "talked_to_child", "referred", "closed")
# Why a flag was raised, beyond the safety checks' own flags ("distress", "disclosure").
FLAG_REASONS_BY_PEOPLE = ("help_request", "escalated")


class Response(db.Model):
    """A participant's entry."""

    __tablename__ = "responses"
    __table_args__ = (
        # A re-sent entry carries the same client key and is recognised, never stored twice.
        UniqueConstraint("event_id", "client_key"),
        Index("ix_responses_activity_status", "activity_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), index=True
    )
    client_key: Mapped[str] = mapped_column(String(64))
    lane: Mapped[str] = mapped_column(String(40))
    # As written; staff only, in the moderation queue.
    text: Mapped[str] = mapped_column(Text)
    # What any non-staff view may show: personal details redacted, profanity masked.
    shown_text: Mapped[str] = mapped_column(Text)
    flags: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10), default="pending")
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


class Vote(db.Model):
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
    ranking: Mapped[list | None] = mapped_column(JSON)  # option indexes, first is the top
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    group: Mapped[str | None] = mapped_column(String(20))
    age_band: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SafeguardingFlag(db.Model):
    """Something for the safeguarding lead: an entry the checks held, an entry a moderator escalated,
    or a participant asking to talk to someone privately. And what was done about it."""

    __tablename__ = "safeguarding_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="SET NULL"))
    # Links the flag to the same anonymous participant's other entries; never to who they are.
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id", ondelete="SET NULL"))
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    # For a help request: where the child said they can be found ("table 4"), screened like any text.
    message: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="open")
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(db.Model):
    """Every moderation and safeguarding action, with who did it and what it changed."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str | None] = mapped_column(String(60))  # "response:12"
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
