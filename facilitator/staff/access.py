"""Who is signed in, and the checks every staff page makes. Participants never sign in; staff always do."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from flask import abort, g, redirect, request, session, url_for
from werkzeug.wrappers import Response

from facilitator.errors import Forbidden
from facilitator.extensions import db
from facilitator.live.on_commit import commit
from facilitator.staff import service as staff_service
from facilitator.staff import sessions as staff_sessions
from facilitator.staff.models import StaffUser

if TYPE_CHECKING:
    from facilitator.events.models import Event

_P = ParamSpec("_P")
_R = TypeVar("_R")


def current_staff() -> StaffUser | None:
    """The signed-in user: the one whose live session the browser's cookie names (staff.sessions), if active.
    Worked out once per request; a cookie naming no live session, whatever else it holds, is nobody."""
    if "staff_user" in g:
        cached: StaffUser | None = g.staff_user
        return cached
    staff_session = staff_sessions.by_session_id(session.get("staff_session"))
    user = db.session.get(StaffUser, staff_session.user_id) if staff_session is not None else None
    signed_in = user if user is not None and user.is_active else None
    g.staff_user = signed_in
    return signed_in


def login_required(view: Callable[_P, _R]) -> Callable[_P, _R | Response]:
    @functools.wraps(view)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> _R | Response:
        if current_staff() is None:
            return redirect(url_for("auth.login", next=request.path))
        return view(*args, **kwargs)

    return wrapped


def staff_or_404(event_id: int, permission: str) -> StaffUser:
    """The signed-in user if their roles in this event grant ``permission``. Outsiders learn nothing,
    not even that the event exists: a 404, never a 403."""
    user = current_staff()
    try:
        return staff_service.require(user.id if user else None, event_id, permission)
    except Forbidden:
        abort(404)


def staff_page(event_id: int, permission: str) -> tuple[StaffUser, Event, dict[str, bool]]:
    """What a staff page starts from: the signed-in user (404 unless their roles grant ``permission``),
    the event, and what the user may do in it (``can``, for what else the page offers)."""
    from facilitator.events import service as event_service

    user = staff_or_404(event_id, permission)
    return user, event_service.get_event(event_id), staff_service.capabilities(user.id, event_id)


def staff_manager_or_404(event_id: int) -> StaffUser:
    """The signed-in user if they may manage this event's staff (a facilitator or an owner); 404 otherwise."""
    user = current_staff()
    try:
        return staff_service.require_staff_manager(user.id if user else None, event_id)
    except Forbidden:
        abort(404)


def sign_in(user: StaffUser) -> None:
    """Start a fresh session for ``user``, with a new session id, and end the one the browser held: whatever
    the browser's session held before is dropped, so a session id or CSRF token planted before sign-in is worth
    nothing after it. The cookie carries the session id alone; the session row says who is signed in."""
    session_id = staff_service.start_session(user, replacing=session.get("staff_session"))
    commit()
    session.clear()
    session["staff_session"] = session_id
    g.pop("staff_user", None)


def sign_out() -> None:
    """End the browser's session now: every copy of its cookie stops working, its open consoles are cut off."""
    staff_service.end_session(session.get("staff_session"))
    commit()
    session.clear()
    g.pop("staff_user", None)
