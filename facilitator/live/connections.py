"""Socket.IO plumbing shared by every view: who a connection is, and the one way to declare a handler.

Each connection is one view (a phone, a console, a projector) of one event, decided at connect time.
Every handler validates its payload, runs one service call, and answers with an ack: ``{"ok": True, ...}``
or ``{"ok": False, "error": code, "message": text}``. A handler never lets an exception kill the connection.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, request

from facilitator import validation
from facilitator.errors import Forbidden, Internal, InvalidInput, ServiceError, Unavailable, is_outage
from facilitator.extensions import db, socket_server, socket_sleep, socketio
from facilitator.staff import sessions as staff_sessions
from facilitator.web.outages import rollback_quietly

log = logging.getLogger(__name__)

# Every handler's name and the kind of connection allowed to call it. The authorisation matrix test
# walks this registry, so a handler added without a declared audience cannot slip through.
HANDLERS: dict[str, str] = {}


@dataclass
class Connection:
    view: str  # "participant", "console" or "projector"
    event_id: int
    participant_id: int | None = None
    user_id: int | None = None
    # A console's staff session (the row's id, never the secret): every call checks that it still lives.
    staff_session_id: int | None = None
    projector_token: str | None = None  # checked again on every call, so a renewed token cuts off the old link


connections: dict[str, Connection] = {}


def current_sid() -> str:
    """The socket connection whose event is being handled."""
    sid: str = request.sid  # type: ignore[attr-defined]  # Flask-SocketIO sets it; Flask's Request type lacks it
    return sid


def current_connection() -> Connection | None:
    return connections.get(current_sid())


# A socket handler as declared: the connection and the payload in, what to add to the ack out.
Handler = Callable[[Connection, dict[str, Any]], dict[str, Any] | None]


def handler(name: str, *, view: str) -> Callable[[Handler], Callable[..., dict[str, Any]]]:
    """Declare a socket event handler for connections of ``view``. The function gets the connection and
    the payload (a dict) and returns a dict merged into a successful ack."""

    def decorator(fn: Handler) -> Callable[..., dict[str, Any]]:
        @functools.wraps(fn)
        def wrapper(data: Any = None) -> dict[str, Any]:
            try:
                connection = current_connection()
                if connection is None or connection.view != view:
                    raise Forbidden("forbidden", "This connection may not do that.")
                # A console's session is checked on every call, in the database: one query by primary key
                # (plus a write at most once a minute, as it keeps the session from going idle). No cache in
                # the process: a session ended by another process (or timed out) must be refused on the very
                # next call, which only the shared database knows, and a call already makes a few queries
                # (the caller's roles, its event), so one more small one is not worth a cache to invalidate.
                # Measured: ~0.3 ms a call on SQLite, ~0.7 ms on a local PostgreSQL, against ~0.4 / ~1.0 ms for
                # the role check (staff.service.roles_in_event) each console call already makes.
                if connection.staff_session_id is not None and not staff_sessions.is_live(connection.staff_session_id):
                    # Signed out, timed out or a new password, on another process or with no socket to cut off
                    # then (a timeout): refused, and cut off now, so it hears the event's rooms no longer.
                    socket_server().disconnect(current_sid(), namespace="/")
                    raise Forbidden("forbidden", "Your sign-in has ended. Sign in again.")
                result = fn(connection, validation.payload(data if data is not None else {}))
                return {"ok": True, **(result or {})}
            except ServiceError as error:
                db.session.rollback()
                return error.as_ack()
            except Exception as error:
                rollback_quietly()
                if is_outage(error):
                    # One line a kind while the database is away (web.log_summary); the client tries again.
                    log.error("socket handler %s could not reach the database", name, exc_info=error)
                    return Unavailable().as_ack()
                log.exception("socket handler %s failed", name)
                return Internal().as_ack()

        HANDLERS[name] = view
        socketio.on_event(name, wrapper)
        return wrapper

    return decorator


def since(data: dict[str, Any]) -> int | None:
    """The event version a view last saw, when its sync sends one (``since``; DESIGN.md §4). A sync
    whose ``since`` is the current version answers ``{"unchanged": True, "version": v}`` without a snapshot."""
    value = data.get("since")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput("invalid_input", "since must be a version number.")
    return value


def room(event_id: int, audience: str) -> str:
    """``event:<id>:participants|staff|projector|safeguarding``."""
    return f"event:{event_id}:{audience}"


def participant_room(participant_id: int) -> str:
    return f"participant:{participant_id}"


@socketio.on("disconnect")
def on_disconnect(*_reason: Any) -> None:
    connections.pop(current_sid(), None)


def phones_connected(event_id: int) -> int:
    """Phones of the event connected to this process: its phones' room here, as the room manager holds it (an
    activity switch asks while thousands of phones wait for it: a count, not a walk over every connection).
    (Other processes' phones are not counted: the purge, which asks, also refuses while an activity is open, which
    is what keeps phones on a page.)"""
    members = socket_server().manager.rooms.get("/", {}).get(room(event_id, "participants"))
    return len(members) if members else 0


def disconnect(matches: Callable[[Connection], bool]) -> None:
    """Disconnect this process's sockets whose connection ``matches``. Other processes' sockets are refused on
    their next call, which checks again who may make it (docs/deployment.md)."""
    for sid, connection in list(connections.items()):
        if matches(connection):
            socket_server().disconnect(sid, namespace="/")


def disconnect_consoles_of(event_id: int, user_id: int) -> None:
    """A staff member lost a role: their live consoles of the event stop hearing its rooms now."""
    disconnect(lambda c: c.view == "console" and c.event_id == event_id and c.user_id == user_id)


def disconnect_staff_sessions(staff_session_ids: tuple[int, ...]) -> None:
    """These staff sessions ended (signed out, a new password): their sockets on this process are cut off now."""
    ended = set(staff_session_ids)
    disconnect(lambda c: c.staff_session_id is not None and c.staff_session_id in ended)


def cut_off_consoles_of_ended_sessions() -> None:
    """Cut off this process's consoles whose staff session is no longer live. A console that makes calls is
    refused on its next one anyway; this reaches one that only listens, left open until its session timed
    out (idle or absolute), or whose session another process ended. One query for all of them."""
    ids = {c.staff_session_id for c in list(connections.values()) if c.staff_session_id is not None}
    ended = ids - staff_sessions.live_among(ids)
    if ended:
        disconnect(lambda c: c.staff_session_id is not None and c.staff_session_id in ended)


SWEEP_EVERY_SECONDS = 60
_sweeping: set[int] = set()  # the apps (by id) this process already sweeps for
_sweeping_lock = threading.Lock()


def keep_sweeping(app: Flask) -> None:
    """Run ``cut_off_consoles_of_ended_sessions`` every minute for as long as the process lives, starting at
    the first console admitted. Not under tests (``TESTING``): a test's database connection is its own, and
    calls ``cut_off_consoles_of_ended_sessions`` itself."""
    if app.testing:
        return
    with _sweeping_lock:
        if id(app) in _sweeping:
            return
        _sweeping.add(id(app))
    socketio.start_background_task(_sweep_forever, app)


def _sweep_forever(app: Flask) -> None:
    while True:
        socket_sleep(SWEEP_EVERY_SECONDS)
        try:
            with app.app_context():
                try:
                    cut_off_consoles_of_ended_sessions()
                finally:
                    db.session.remove()
        except Exception:  # the sweep outlives a failure (a database restarting): it tries again next minute
            log.exception("cutting off consoles of ended staff sessions failed")


def cut_off_projectors(event_id: int) -> None:
    """The projector link was renewed: a projector already open keeps its socket but leaves the room, on every
    process (the message queue carries close_room); it gets no further updates, and its next sync is refused."""
    socketio.close_room(room(event_id, "projector"))
    disconnect(lambda c: c.view == "projector" and c.event_id == event_id)
