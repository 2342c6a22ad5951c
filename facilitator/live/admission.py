"""Admitting a socket connection as exactly one view (a phone, a console, a projector) of one event, or refusing it.
Apart from the plumbing in connections.py, so that services may use that plumbing (to cut off a connection) without
needing this module's domain lookups."""

from __future__ import annotations

from typing import Any

from flask import current_app, request, session
from flask_socketio import join_room

from facilitator import validation
from facilitator.errors import ServiceError
from facilitator.events import participants as participant_service
from facilitator.events import service as event_service
from facilitator.extensions import socketio
from facilitator.live.connections import (
    Connection,
    connections,
    current_sid,
    keep_sweeping,
    participant_room,
    room,
)
from facilitator.staff import service as staff_service
from facilitator.staff import sessions as staff_sessions


@socketio.on("connect")
def on_connect(auth: Any = None) -> bool | None:
    """Admit a connection as exactly one view of one event, or refuse it."""
    auth = auth if isinstance(auth, dict) else {}
    wanted = auth.get("view")
    try:
        if wanted == "projector":
            event = event_service.event_by_projector_token(auth.get("token"))
            connections[current_sid()] = Connection("projector", event.id, projector_token=auth.get("token"))
            join_room(room(event.id, "projector"))
        elif wanted == "console":
            event_id = validation.positive_int(auth.get("event_id"), field="Event")
            # The browser's session must be live (signed in, not signed out, not timed out); its user's roles
            # decide the rest. The connection keeps the session's id: every call checks it again.
            staff_session = staff_sessions.by_session_id(session.get("staff_session"))
            if staff_session is None:
                return False
            user_id, staff_session_id = staff_session.user_id, staff_session.id
            roles = staff_service.roles_in_event(user_id, event_id)
            if not roles & staff_service.PERMISSIONS["view_console"]:
                return False
            connections[current_sid()] = Connection(
                "console", event_id, user_id=user_id, staff_session_id=staff_session_id
            )
            keep_sweeping(current_app._get_current_object())  # type: ignore[attr-defined]  # a proxy's method
            join_room(room(event_id, "staff"))
            if roles & staff_service.PERMISSIONS["safeguard"]:
                join_room(room(event_id, "safeguarding"))
        elif wanted == "participant":
            token = request.cookies.get(current_app.config["PARTICIPANT_COOKIE_NAME"])
            participant = participant_service.participant_for_token(token)
            if participant is None:
                return False
            connections[current_sid()] = Connection("participant", participant.event_id, participant_id=participant.id)
            join_room(room(participant.event_id, "participants"))
            join_room(participant_room(participant.id))
        else:
            return False
    except ServiceError:
        return False
    return True
