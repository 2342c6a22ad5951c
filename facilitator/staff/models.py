"""Staff users, their roles per event, and the invitations that grant them."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Boolean, ColumnElement, ForeignKey, String, UniqueConstraint, and_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from facilitator.columns import UTCDateTime, utcnow
from facilitator.extensions import Model

STAFF_ROLES = ("facilitator", "moderator", "safeguarding", "rapporteur", "duty_bearer")


class StaffUser(Model):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set by a password printed on a terminal (the CLI, the demo): it opens one sign-in, which must choose a new one.
    must_set_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    roles: Mapped[list[StaffRole]] = relationship(back_populates="user", cascade="all, delete-orphan")


class StaffRole(Model):
    """What one staff user may do in one event."""

    __tablename__ = "staff_roles"
    __table_args__ = (UniqueConstraint("event_id", "user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    is_owner: Mapped[bool] = mapped_column(Boolean, default=False)
    organisation: Mapped[str | None] = mapped_column(String(200))  # for duty bearers
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[StaffUser] = relationship(back_populates="roles")


class StaffInvite(Model):
    """A one-time link giving one role in one event to whoever opens it first, until it expires.

    Only the SHA-256 of the link's token is stored, as for participants: a copy of the database cannot be
    used to accept an invitation. The link itself is shown once, to the facilitator who made it.
    """

    __tablename__ = "staff_invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))  # becomes the invitee's sign-in name
    role: Mapped[str] = mapped_column(String(20))
    organisation: Mapped[str | None] = mapped_column(String(200))  # for duty bearers
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    invited_by: Mapped[StaffUser | None] = relationship(foreign_keys=[invited_by_id])

    def state(self, now: datetime | None = None) -> str:
        """``pending``, ``used``, ``revoked`` or ``expired``."""
        if self.used_at is not None:
            return "used"
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= (now or utcnow()):
            return "expired"
        return "pending"


class StaffSession(Model):
    """One sign-in of one staff user, from signing in until it ends: signed out, timed out (idle or absolute,
    ``STAFF_SESSION_IDLE_HOURS`` / ``STAFF_SESSION_MAX_HOURS``), or ended by a new password.

    The browser's signed cookie carries only a random session id; only its SHA-256 is stored here, as for
    invitation links, so a copy of the database cannot be used as anyone's session. A session that has ended
    keeps its row (``ended_at``) until its user next signs in, which clears their sessions no longer live.
    """

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @staticmethod
    def live(now: datetime, *, idle: timedelta, absolute: timedelta) -> ColumnElement[bool]:
        """The one definition of a live session, as a WHERE clause: not ended, used within ``idle``, and begun
        within ``absolute``. Every check (a page, a socket's admission, each socket call) uses it."""
        return and_(
            StaffSession.ended_at.is_(None),
            StaffSession.last_seen_at > now - idle,
            StaffSession.created_at > now - absolute,
        )
