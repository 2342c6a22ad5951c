"""The agenda: sessions of the event's days, and the activities participants take part in."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.columns import UTCDateTime
from facilitator.extensions import Model

if TYPE_CHECKING:
    from facilitator.events.models import Event

ACTIVITY_KINDS = ("board", "wordcloud", "poll", "scale", "ranking", "qna", "response")
# The kinds participants write in (cards, words, questions): where entries are screened and moderated.
WRITTEN_KINDS = ("board", "wordcloud", "qna")


ACTIVITY_STATES = ("draft", "open", "closed")


MODERATION_MODES = ("pre", "post")


AUDIENCES = ("children", "everyone")


# The kinds of session of an agenda and their names (the set-up page, the report); "other" for anything else.
SESSION_KIND_NAMES = {
    "preliminaries": "Preliminaries",
    "evidence": "Evidence",
    "childrens_voices": "Children's voices",
    "duty_bearers_response": "Duty bearers' response",
    "protocols": "Protocols",
    "way_forward": "Way forward",
    "recap": "Recap",
    "break": "Break",
    "other": "Other",
}


class AgendaSession(Model):
    """A block of the event's agenda (shown to people as a "session")."""

    __tablename__ = "agenda_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer, default=1)
    starts_at: Mapped[str | None] = mapped_column(String(5))  # "09:00", local time of the venue
    ends_at: Mapped[str | None] = mapped_column(String(5))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    title_sw: Mapped[str | None] = mapped_column(String(200))

    event: Mapped[Event] = relationship(back_populates="sessions")
    activities: Mapped[list[Activity]] = relationship(
        back_populates="session", order_by="Activity.position", cascade="all, delete-orphan"
    )


class Activity(Model):
    """One thing participants do inside a session: a board, a poll, a word cloud…"""

    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("agenda_sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    title_sw: Mapped[str | None] = mapped_column(String(200))
    prompt: Mapped[str] = mapped_column(Text, default="")
    prompt_sw: Mapped[str | None] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(20), default="everyone")
    moderation: Mapped[str] = mapped_column(String(10), default="pre")
    state: Mapped[str] = mapped_column(String(10), default="draft")
    # Voting locked: the activity stays on screen, but no vote or entry is taken or changed.
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    results_on_projector: Mapped[bool] = mapped_column(Boolean, default=True)
    results_on_phones: Mapped[bool] = mapped_column(Boolean, default=False)
    # An optional countdown shown on phones and the projector; nothing closes by itself.
    timer_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When phones were first sent to it: an activity never opened did not run, and the report leaves it out.
    first_opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Kind-specific settings: lanes for a board, options for a poll, the scale's ends…
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    session: Mapped[AgendaSession] = relationship(back_populates="activities")

    @property
    def has_run(self) -> bool:
        """Phones were sent to it at least once: it is part of what happened, not only of the plan."""
        return self.first_opened_at is not None

    @property
    def lanes(self) -> list[dict[str, Any]]:
        """The board's lanes; every text activity has at least one."""
        return self.settings.get("lanes") or [{"key": "main", "name": self.title, "name_sw": self.title_sw}]

    def lane_keys(self) -> set[str]:
        return {lane["key"] for lane in self.lanes}

    @property
    def options(self) -> list[dict[str, Any]]:
        """The choices of a poll or the items of a ranking."""
        return self.settings.get("options") or []

    @property
    def upvotes_enabled(self) -> bool:
        """Upvotes on cards and questions. Off by default in children's activities: no nudging children."""
        return bool(self.settings.get("upvotes", self.kind == "qna" and self.audience != "children"))
