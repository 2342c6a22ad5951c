"""Socket events of the safeguarding lead's view (a console connection with the safeguarding role)."""

from __future__ import annotations

from typing import Any

from facilitator.board import views as board_views
from facilitator.events import service as event_service
from facilitator.live.connections import Connection, handler, since
from facilitator.safeguarding import service as safeguarding_service
from facilitator.safeguarding import views as safeguarding_views
from facilitator.staff import service as staff_service


@handler("safeguarding:sync", view="console")
def sync(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    staff_service.require(connection.user_id, connection.event_id, "safeguard")
    since(data)  # checked, but the lead always gets every flag: help requests and follow-ups do not raise the
    # event's version, so an equal version would not mean nothing changed
    event = event_service.get_event(connection.event_id)
    return {
        "version": event.version,
        "flags": [safeguarding_views.flag_view(f) for f in safeguarding_service.flags(event)],
    }


@handler("safeguarding:follow_up", view="console")
def follow_up(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    actor = staff_service.require(connection.user_id, connection.event_id, "safeguard")
    event = event_service.get_event(connection.event_id)
    flag = safeguarding_service.record_follow_up(event, actor, data.get("flag_id"), data.get("state"), data.get("note"))
    return {"flag": safeguarding_views.flag_view(flag)}


@handler("safeguarding:release", view="console")
def release(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """'Reviewed: not a concern': a held entry goes to the moderation queue (the lead or a facilitator)."""
    actor = staff_service.require(connection.user_id, connection.event_id, "safeguard")
    event = event_service.get_event(connection.event_id)
    entry = safeguarding_service.release_held_entry(event, actor, data.get("response_id"), data.get("note"))
    return {"entry": board_views.staff_view(entry)}
