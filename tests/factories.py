"""Test data, each test making its own (CTFd's gen_* style)."""

from __future__ import annotations

import uuid

from sqlalchemy import update

from facilitator.agenda.models import Activity
from facilitator.columns import utcnow
from facilitator.events import service as event_service
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.staff import service as staff_service
from facilitator.staff.models import StaffUser

SMALL_TEMPLATE = {
    "title": "Test roundtable",
    "sessions": [
        {
            "day": 1,
            "start": "09:00",
            "end": "10:00",
            "kind": "childrens_voices",
            "title": "Children's voices",
            "activities": [
                {
                    "kind": "board",
                    "title": "The internet we have and the internet we want",
                    "prompt": "What is the internet like for you?",
                    "prompt_sw": "Mtandao uko aje kwako?",
                    "audience": "children",
                    "moderation": "pre",
                    "lanes": [
                        {"key": "have", "name": "The internet we have", "name_sw": "Mtandao tulio nao"},
                        {"key": "want", "name": "The internet we want", "name_sw": "Mtandao tunaoutaka"},
                    ],
                },
                {
                    "kind": "board",
                    "title": "Open wall",
                    "prompt": "Anything else?",
                    "audience": "everyone",
                    "moderation": "post",
                    "lanes": [{"key": "main", "name": "Ideas"}],
                },
            ],
        }
    ],
}


def new_key() -> str:
    return uuid.uuid4().hex


def event_with_open_board(*, open_activity: bool = True):
    event = event_service.create_event_from_template(SMALL_TEMPLATE)
    first = event.sessions[0].activities[0]
    if open_activity:
        first.state = "open"
        first.first_opened_at = utcnow()
        event.current_activity_id = first.id
    db.session.commit()
    db.session.refresh(event)
    db.session.expunge(event)
    return event


def staff_user(event_id: int, role: str, *, email: str | None = None) -> tuple[StaffUser, str]:
    password = "a-long-test-password"
    user = staff_service.create_user(email or f"{role}-{uuid.uuid4().hex[:6]}@example.org", role.title(), password)
    staff_service.grant_role(user, event_id, role)
    db.session.commit()
    db.session.refresh(user)
    db.session.expunge(user)
    return user, password


def close_every_activity(event: Event) -> None:
    """The room has left: what a purge asks for first (safeguarding.service.purge_refusal)."""
    db.session.execute(update(Activity).where(Activity.event_id == event.id).values(state="closed"))
    db.session.commit()
