"""The audit log: every moderation and safeguarding action, committed with the change it records."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.columns import UTCDateTime, utcnow
from facilitator.extensions import Model, db

if TYPE_CHECKING:
    from facilitator.staff.models import StaffUser


class AuditEntry(Model):
    """Every moderation and safeguarding action, with who did it and what it changed."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str | None] = mapped_column(String(60))  # "response:12"
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def record(event_id: int, actor: StaffUser | None, action: str, target: str | None = None, **detail: Any) -> None:
    """Add an audit entry to the current transaction: it commits with the change it describes, or not at all."""
    db.session.add(
        AuditEntry(event_id=event_id, actor_id=actor.id if actor else None, action=action, target=target, detail=detail)
    )
