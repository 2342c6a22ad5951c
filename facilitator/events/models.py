"""An event and the anonymous participants who joined it."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.columns import UTCDateTime, utcnow
from facilitator.extensions import Model

if TYPE_CHECKING:
    from facilitator.agenda.models import AgendaSession


DEFAULT_TIME_ZONE = "Africa/Nairobi"


class Event(Model):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    title_sw: Mapped[str | None] = mapped_column(String(200))
    subtitle: Mapped[str | None] = mapped_column(String(300))
    join_code: Mapped[str] = mapped_column(String(6), unique=True)
    projector_token: Mapped[str] = mapped_column(String(64), unique=True)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    venue: Mapped[str | None] = mapped_column(String(200))
    # Who runs the event, as the report's cover names them ("Watoto Online Trust; Ministry of ICT").
    organisers: Mapped[str | None] = mapped_column(String(300))
    # The venue's IANA time zone: session times are its local times, and every time shown is in it.
    time_zone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TIME_ZONE, server_default=DEFAULT_TIME_ZONE)
    languages: Mapped[str] = mapped_column(String(40), default="en,sw")
    retention_days: Mapped[int] = mapped_column(Integer, default=30)
    # Closed once everyone is in: no new participant, while phones that joined keep theirs (events.participants).
    joining_open: Mapped[bool] = mapped_column(Boolean, default=True)
    # The organiser's estimate of the room; the join limits grow with it (web.ratelimit.check_join).
    expected_participants: Mapped[int | None] = mapped_column(Integer)
    # The activity phones are on now; the projector follows it unless projector_activity_id is set.
    current_activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", use_alter=True, ondelete="SET NULL")
    )
    projector_activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", use_alter=True, ondelete="SET NULL")
    )
    # Extra words this event's organisers want held or masked, on top of the shipped lists.
    blocked_words: Mapped[list[str]] = mapped_column(JSON, default=list)
    # When the approved record was last exported; raw entries are purged retention_days after it.
    last_export_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Answers by SMS and votes by USSD (facilitator/sms/), each turned on by a facilitator for this event.
    sms_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    ussd_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    # The key of the keyed hash that stands for an SMS or USSD sender's number (events/participants.py); made
    # when first needed, destroyed by the purge, after which no hash can be matched to a number again.
    number_secret: Mapped[str | None] = mapped_column(String(64))
    # Rises with every change any live view shows; clients compare it after a reconnect.
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    sessions: Mapped[list[AgendaSession]] = relationship(
        back_populates="event", order_by="AgendaSession.position", cascade="all, delete-orphan"
    )

    @property
    def projected_activity_id(self) -> int | None:
        return self.projector_activity_id or self.current_activity_id


# The groups a participant may say they speak for, and the age bands of children (DESIGN.md §1).
GROUPS = ("child", "parent", "government", "cso", "isp_telco", "social_media", "academia", "other")


AGE_BANDS = ("12-13", "14-15", "16-17")


class Participant(Model):
    """Someone on a phone. A random token in a cookie (or, for SMS and USSD, a keyed hash of the number) and
    what they chose to declare; nothing else: no name, no IP address, no user agent, no phone number."""

    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    # SHA-256 of the cookie token: a copy of the database cannot be used to act as a participant. For a sender
    # by SMS or USSD, the HMAC-SHA-256 of their number keyed with the event's number_secret.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    group: Mapped[str | None] = mapped_column(String(20))
    age_band: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(5), default="en")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
