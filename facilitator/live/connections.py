"""Socket.IO plumbing shared by every view: who a connection is, and the one way to declare a handler.

Each connection is one view (a phone, a console, a projector) of one event, decided at connect time.
Every handler validates its payload, runs one service call, and answers with an ack: ``{"ok": True, ...}``
or ``{"ok": False, "error": code, "message": text}``. A handler never lets an exception kill the connection.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app, request, session

from facilitator import validation
from facilitator.errors import Forbidden, Internal, InvalidInput, ServiceError
from facilitator.events import participants as participant_service
from facilitator.events import service as event_service
from facilitator.extensions import db, socketio
from facilitator.staff import service as staff_service

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
    projector_token: str | None = None  # checked again on every call, so a renewed token cuts off the old link


connections: dict[str, Connection] = {}


def current_connection() -> Connection | None:
    return connections.get(request.sid)


def handler(name: str, *, view: str) -> Callable:
    """Declare a socket event handler for connections of ``view``. The function gets the connection and
    the payload (a dict) and returns a dict merged into a successful ack."""

    def decorator(fn: Callable[[Connection, dict], dict | None]) -> Callable:
        @functools.wraps(fn)
        def wrapper(data=None):
            try:
                connection = current_connection()
                if connection is None or connection.view != view:
                    raise Forbidden("forbidden", "This connection may not do that.")
                result = fn(connection, validation.payload(data if data is not None else {}))
                return {"ok": True, **(result or {})}
            except ServiceError as error:
                db.session.rollback()
                return error.as_ack()
            except Exception:
                db.session.rollback()
                log.exception("socket handler %s failed", name)
                return Internal().as_ack()

        HANDLERS[name] = view
        socketio.on_event(name, wrapper)
        return wrapper

    return decorator


def since(data: dict) -> int | None:
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


@socketio.on("connect")
def on_connect(auth=None):
    """Admit a connection as exactly one view of one event, or refuse it."""
    from flask_socketio import join_room

    auth = auth if isinstance(auth, dict) else {}
    wanted = auth.get("view")
    try:
        if wanted == "projector":
            event = event_service.event_by_projector_token(auth.get("token"))
            connections[request.sid] = Connection("projector", event.id, projector_token=auth.get("token"))
            join_room(room(event.id, "projector"))
        elif wanted == "console":
            event_id = validation.positive_int(auth.get("event_id"), field="Event")
            user_id = session.get("staff_user_id")
            roles = staff_service.roles_in_event(user_id, event_id)
            if not roles & staff_service.PERMISSIONS["view_console"]:
                return False
            connections[request.sid] = Connection("console", event_id, user_id=user_id)
            join_room(room(event_id, "staff"))
            if roles & staff_service.PERMISSIONS["safeguard"]:
                join_room(room(event_id, "safeguarding"))
        elif wanted == "participant":
            token = request.cookies.get(current_app.config["PARTICIPANT_COOKIE_NAME"])
            participant = participant_service.participant_for_token(token)
            if participant is None:
                return False
            connections[request.sid] = Connection("participant", participant.event_id, participant_id=participant.id)
            join_room(room(participant.event_id, "participants"))
            join_room(participant_room(participant.id))
        else:
            return False
    except ServiceError:
        return False
    return True


@socketio.on("disconnect")
def on_disconnect(*_reason):
    connections.pop(request.sid, None)
