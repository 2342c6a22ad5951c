from __future__ import annotations

from facilitator.extensions import db
from facilitator.models import AuditEntry, StaffUser


def record(event_id: int, actor: StaffUser | None, action: str, target: str | None = None, **detail) -> None:
    """Add an audit entry to the current transaction: it commits with the change it describes, or not at all."""
    db.session.add(
        AuditEntry(event_id=event_id, actor_id=actor.id if actor else None, action=action, target=target, detail=detail)
    )
