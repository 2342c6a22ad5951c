"""Socket events of the projector: read-only, it can only ask for the current state."""

from __future__ import annotations

from facilitator import realtime
from facilitator.services import agenda as agenda_service
from facilitator.services import events as event_service
from facilitator.sockets import Connection, handler, since


@handler("projector:sync", view="projector")
def sync(connection: Connection, data: dict) -> dict:
    """A fresh snapshot; the projector asks after every (re)connect, so it never shows a stale board. When it
    saw the current version already: ``unchanged``, with the results (votes do not raise the version)."""
    event = event_service.event_by_projector_token(connection.projector_token)
    if since(data) == event.version:
        return {"unchanged": True, "version": event.version,
                "results": realtime.projector_results(agenda_service.projected_activity(event))}
    return realtime.projector_snapshot(event)
