"""Whether a staff session is live: a browser's session id (from its signed cookie) or a console socket's
session, to the live row in ``staff_sessions``, or to nothing.

Reads only, apart from ``last_seen_at``, which using a session moves forward at most once a minute (a write
per request would be a write per page and per socket call). Starting and ending sessions are rules of
``facilitator.staff.service``, which also cuts off the sockets of a session it ends; this module imports no
live plumbing, so that plumbing (``live.connections``) can ask it whether a console's session still lives.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import ColumnElement, select, update

from facilitator.columns import utcnow
from facilitator.extensions import db
from facilitator.staff.models import StaffSession

SESSION_ID_BYTES = 32  # secrets.token_urlsafe(32): 43 characters
# A session id a browser sends is looked up only if it could be one (a cookie is signed, but an old or odd
# one may hold anything).
_SESSION_ID_LENGTHS = range(40, 65)
TOUCH_EVERY = timedelta(minutes=1)


def new_session_id() -> str:
    return secrets.token_urlsafe(SESSION_ID_BYTES)


def hash_session_id(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def live_clause(now: datetime) -> ColumnElement[bool]:
    """Live now, with the configured timeouts (``STAFF_SESSION_IDLE_HOURS`` and ``STAFF_SESSION_MAX_HOURS``)."""
    config = current_app.config
    return StaffSession.live(
        now,
        idle=timedelta(hours=float(config["STAFF_SESSION_IDLE_HOURS"])),
        absolute=timedelta(hours=float(config["STAFF_SESSION_MAX_HOURS"])),
    )


def plausible_session_id(session_id: Any) -> str | None:
    """``session_id`` if it has the shape of a session id, else None."""
    if isinstance(session_id, str) and len(session_id) in _SESSION_ID_LENGTHS:
        return session_id
    return None


def by_session_id(session_id: Any) -> StaffSession | None:
    """The live session a browser's session id names (and it is used now), or None: unknown, ended or timed out."""
    plausible = plausible_session_id(session_id)
    if plausible is None:
        return None
    now = utcnow()
    found = db.session.scalar(
        select(StaffSession).where(StaffSession.token_hash == hash_session_id(plausible), live_clause(now))
    )
    if found is not None and now - found.last_seen_at >= TOUCH_EVERY:
        _touch(found.id, now)
    return found


def is_live(staff_session_id: int) -> bool:
    """Whether this session (a console socket's) is still live; it counts as used now. One query by primary
    key, plus a write at most once a minute."""
    now = utcnow()
    last_seen = db.session.scalar(
        select(StaffSession.last_seen_at).where(StaffSession.id == staff_session_id, live_clause(now))
    )
    if last_seen is None:
        return False
    if now - last_seen >= TOUCH_EVERY:
        _touch(staff_session_id, now)
    return True


def live_among(staff_session_ids: set[int]) -> set[int]:
    """Which of these sessions are live (in one query; using none of them)."""
    if not staff_session_ids:
        return set()
    return set(
        db.session.scalars(select(StaffSession.id).where(StaffSession.id.in_(staff_session_ids), live_clause(utcnow())))
    )


def _touch(staff_session_id: int, now: datetime) -> None:
    """Move ``last_seen_at`` to now, committed at once: a page or a call that only reads must still keep its
    session from going idle. Called as a request or a socket call begins, before it has changed anything."""
    db.session.execute(
        update(StaffSession)
        .where(StaffSession.id == staff_session_id, StaffSession.last_seen_at <= now - TOUCH_EVERY)
        .values(last_seen_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
