"""The rapporteur's notes, one row per note, on a session of the agenda."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from facilitator.columns import UTCDateTime, utcnow
from facilitator.extensions import Model

# A plain note; a key point of the discussion; a recommendation for the report; an action with an owner
# and a due date. Recommendations and actions are gathered at the end of every report.
NOTE_KINDS = ("note", "key_point", "recommendation", "action")


NOTE_KIND_NAMES = {"note": "Note", "key_point": "Key point", "recommendation": "Recommendation", "action": "Action"}


NOTE_MAX_CHARS = 10_000


class Note(Model):
    """A rapporteur's note on a session. Saved while it is written: the client key names the note, so a
    re-sent save updates it instead of adding another, and ``revision`` (the writer's own counter) keeps
    a late, older save from overwriting a newer one."""

    __tablename__ = "notes"
    __table_args__ = (UniqueConstraint("event_id", "client_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("agenda_sessions.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    client_key: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(20), default="note")
    # As written (staff only), and as exports show it: personal details redacted like any entry.
    text: Mapped[str] = mapped_column(Text, default="")
    shown_text: Mapped[str] = mapped_column(Text, default="")
    action_owner: Mapped[str | None] = mapped_column(String(200))
    action_due_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
