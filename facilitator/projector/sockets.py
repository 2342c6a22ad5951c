"""Socket events of the projector: read-only, it can only ask for the current state."""

from __future__ import annotations

from typing import Any

from facilitator.agenda import views as agenda_views
from facilitator.events import service as event_service
from facilitator.live import broadcast
from facilitator.live.connections import Connection, handler, since
from facilitator.voting import results as results_service


@handler("projector:sync", view="projector")
def sync(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """A fresh snapshot; the projector asks after every (re)connect, so it never shows a stale board. When it
    saw the current version already: ``unchanged``, with the results (votes do not raise the version)."""
    event = event_service.event_by_projector_token(connection.projector_token)
    if since(data) == event.version:
        return {
            "unchanged": True,
            "version": event.version,
            "results": results_service.projector_results(agenda_views.projected_activity(event)),
        }
    return broadcast.projector_snapshot(event)
