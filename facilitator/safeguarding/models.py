"""Safeguarding: flags on entries and help requests, and the checklist before children's activities open."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.columns import UTCDateTime, utcnow
from facilitator.extensions import Model

READINESS_ITEMS = {
    "guardian_consent": "Guardian consent for every child taking part was obtained offline",
    "safeguarding_lead": "A named safeguarding lead is in the room (how children can find them)",
    "dpia": "A data protection impact assessment was done",
}


class ReadinessCheck(Model):
    """One item of the checklist an organiser confirms before children's activities can open."""

    __tablename__ = "readiness_checks"
    __table_args__ = (UniqueConstraint("event_id", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(String(300))
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# "not_a_concern": the lead or a facilitator reviewed a held entry and released it to the moderation queue.
FLAG_STATES = ("open", "acknowledged", "talked_to_child", "referred", "closed", "not_a_concern")
CONCERN_LEVELS = ("high", "possible")


# Why a flag was raised, beyond the safety checks' own flags ("distress", "disclosure").
FLAG_REASONS_BY_PEOPLE = ("help_request", "escalated")


class SafeguardingFlag(Model):
    """Something for the safeguarding lead: an entry the checks held, an entry a moderator escalated,
    or a participant asking to talk to someone privately. And what was done about it."""

    __tablename__ = "safeguarding_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="SET NULL"))
    # Links the flag to the same anonymous participant's other entries; never to who they are.
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id", ondelete="SET NULL"))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # "high" alerts the lead loudly; "possible" goes on the lead's review list without a sound.
    level: Mapped[str] = mapped_column(String(10), default="high", server_default="high")
    # For a help request: where the child said they can be found ("table 4"), screened like any text.
    message: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="open")
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
