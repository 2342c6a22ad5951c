"""Socket events of the projector: read-only, it can only ask for the current state."""

from __future__ import annotations

from facilitator.events import service as event_service
from facilitator.live import broadcast
from facilitator.live.connections import Connection, handler


@handler("projector:sync", view="projector")
def sync(connection: Connection, data: dict) -> dict:
    """A fresh snapshot; the projector asks after every (re)connect, so it never shows a stale board."""
    return broadcast.projector_snapshot(event_service.event_by_projector_token(connection.projector_token))
