"""Times as the room reads them: every stored moment is UTC; every time shown is in the event's own zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from facilitator.events.models import DEFAULT_TIME_ZONE, Event

SHOWN = "%d %b %Y, %H:%M"


def in_event_zone(moment: datetime, event: Event) -> datetime:
    """``moment`` (UTC, or naive meaning UTC) as the event venue's wall clock."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(event.time_zone or DEFAULT_TIME_ZONE))


def event_time(moment: datetime | None, event: Event, pattern: str = SHOWN) -> str:
    """The Jinja filter ``event_time``: ``{{ invite.expires_at|event_time(event) }}`` → "03 Dec 2026, 14:05 EAT"."""
    if moment is None:
        return ""
    local = in_event_zone(moment, event)
    return f"{local.strftime(pattern)} {local.tzname()}"
