"""Turning SMS answers and USSD votes on or off for one event."""

from __future__ import annotations

from typing import Any

from facilitator import audit
from facilitator.events.models import Event
from facilitator.live.on_commit import commit
from facilitator.staff.models import StaffUser


def set_channels(event: Event, actor: StaffUser, *, sms: Any, ussd: Any) -> None:
    """Turn SMS answers and USSD votes on or off for this event (a form's checkboxes: present means on)."""
    event.sms_enabled, event.ussd_enabled = sms in ("on", True), ussd in ("on", True)
    audit.record(event.id, actor, "sms_channels", f"event:{event.id}", sms=event.sms_enabled, ussd=event.ussd_enabled)
    commit()
