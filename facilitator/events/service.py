"""Events, their join codes and projector tokens, and creating an event from an agenda template."""

from __future__ import annotations

import json
import re
import secrets
from datetime import date
from importlib import resources
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import Executable, Table, bindparam, select, update
from sqlalchemy.orm.attributes import set_committed_value

from facilitator import audit, validation
from facilitator.agenda.models import ACTIVITY_KINDS, AUDIENCES, MODERATION_MODES, Activity, AgendaSession
from facilitator.errors import InvalidInput, NotFound
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.live import broadcast, connections
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.staff.models import StaffUser

# No 0/O, 1/I/L: a code read off a projector from the back of a room must not be misread.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6
ROUNDTABLE_TEMPLATE = "roundtable.json"


def new_join_code() -> str:
    while True:
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if db.session.scalar(select(Event.id).where(Event.join_code == code)) is None:
            return code


def normalise_join_code(raw: Any) -> str:
    """What a person typed, as a join code: case and separators forgiven."""
    if not isinstance(raw, str):
        raise InvalidInput("invalid_code", _l("Type the 6-character code shown on the screen."))
    code = re.sub(r"[\s\-_.]", "", raw).upper()
    if len(code) != JOIN_CODE_LENGTH or any(ch not in JOIN_CODE_ALPHABET for ch in code):
        raise InvalidInput("invalid_code", _l("That code is not right. It has 6 letters and numbers, like K7QM4D."))
    return code


def event_by_join_code(raw: Any) -> Event:
    code = normalise_join_code(raw)
    event = db.session.scalar(select(Event).where(Event.join_code == code))
    if event is None:
        raise NotFound("unknown_code", _l("No event has that code. Check the code on the screen and try again."))
    return event


def event_by_projector_token(token: Any) -> Event:
    if not isinstance(token, str) or not (16 <= len(token) <= 64):
        raise NotFound("unknown_projector", _l("This projector link is not valid. Ask the facilitator for a new one."))
    event = db.session.scalar(select(Event).where(Event.projector_token == token))
    if event is None:
        raise NotFound("unknown_projector", _l("This projector link is not valid. Ask the facilitator for a new one."))
    return event


def get_event(event_id: int) -> Event:
    event = db.session.get(Event, event_id)
    if event is None:
        raise NotFound("unknown_event", "That event does not exist.")
    return event


def _version_bump() -> Executable:
    # On the table, not the ORM entity: every entry bumps the version, and the ORM's bulk-update
    # bookkeeping (matching objects in the session) cost more than the statement itself. Built once: building it
    # and its cache key on every batch cost about as much as running it.
    events = Event.__table__
    assert isinstance(events, Table)  # a mapped class's table, typed as any FROM clause
    return (
        update(events)
        .where(events.c.id == bindparam("event_id"))
        .values(version=events.c.version + bindparam("by"))
        .returning(events.c.version)
    )


_VERSION_BUMP = _version_bump()


def bump_version(event: Event, by: int = 1) -> int:
    """Raise the event's version inside the current transaction, atomically across processes. A batch of
    ``by`` changes raises it by ``by``, so each change keeps a version of its own. Every change to an event or its
    activities raises it, shown on a view or not: the entry writer of each process keeps them from batch to batch
    while the version stays (board.entries._Snapshot)."""
    version: int = db.session.execute(_VERSION_BUMP, {"event_id": event.id, "by": by}).scalar_one()
    set_committed_value(event, "version", version)
    return version


def renew_projector_link(event: Event, actor: StaffUser) -> str:
    """Revoke the old projector link and issue a new one: the old one stops working at once, on every screen
    that has it."""
    event.projector_token = secrets.token_urlsafe(24)
    audit.record(event.id, actor, "projector_link_renewed", f"event:{event.id}")
    send_after_commit(connections.cut_off_projectors, event.id)
    commit()
    return event.projector_token


MAX_EXPECTED_PARTICIPANTS = 100_000


def set_joining(event: Event, actor: StaffUser, *, open_: Any, expected: Any = None) -> Event:
    """Close joining once everyone is in (phones that joined keep their place), or reopen it; and the
    organiser's estimate of the room, which the join limits grow with (``web.ratelimit.check_join``)."""
    if not isinstance(open_, bool):
        raise InvalidInput("invalid_input", "Say whether joining is open (true or false).")
    if expected is not None and expected != "":
        expected = validation.positive_int(expected, field="Expected participants")
        if expected > MAX_EXPECTED_PARTICIPANTS:
            raise InvalidInput("too_large", f"Expect at most {MAX_EXPECTED_PARTICIPANTS:,} participants.")
        event.expected_participants = expected
    event.joining_open = open_
    audit.record(
        event.id,
        actor,
        "joining_opened" if open_ else "joining_closed",
        f"event:{event.id}",
        expected=event.expected_participants,
    )
    bump_version(event)
    send_after_commit(broadcast.joining_changed, event)
    commit()
    return event


def load_template(name: str = ROUNDTABLE_TEMPLATE) -> dict[str, Any]:
    template: dict[str, Any] = json.loads(
        resources.files("facilitator.agenda").joinpath(name).read_text(encoding="utf-8")
    )
    return template


def create_event_from_template(
    template: dict[str, Any], *, title: str | None = None, starts_on: date | None = None
) -> Event:
    """An event with the template's agenda, sessions and activities, all activities in draft."""
    event = Event(
        title=title or template["title"],
        title_sw=template.get("title_sw"),
        subtitle=template.get("subtitle"),
        join_code=new_join_code(),
        projector_token=secrets.token_urlsafe(24),
        starts_on=starts_on,
        version=0,
    )
    db.session.add(event)
    db.session.flush()
    for session_position, spec in enumerate(template["sessions"]):
        session = AgendaSession(
            event_id=event.id,
            position=session_position,
            day=spec.get("day", 1),
            starts_at=spec.get("start"),
            ends_at=spec.get("end"),
            kind=spec["kind"],
            title=spec["title"],
            title_sw=spec.get("title_sw"),
        )
        db.session.add(session)
        db.session.flush()
        for activity_position, activity_spec in enumerate(spec.get("activities", [])):
            db.session.add(_activity_from_spec(event, session, activity_position, activity_spec))
    db.session.flush()
    return event


def _activity_from_spec(event: Event, session: AgendaSession, position: int, spec: dict[str, Any]) -> Activity:
    if spec["kind"] not in ACTIVITY_KINDS:
        raise InvalidInput("invalid_template", f"Unknown activity kind {spec['kind']!r} in the template.")
    audience = spec.get("audience", "everyone")
    # Children's activities are pre-moderated unless the template says otherwise on purpose.
    moderation = spec.get("moderation") or ("pre" if audience == "children" else "post")
    if audience not in AUDIENCES or moderation not in MODERATION_MODES:
        raise InvalidInput("invalid_template", f"Bad audience or moderation in activity {spec['title']!r}.")
    settings = {key: spec[key] for key in ("lanes", "options", "multiple", "scale") if key in spec}
    return Activity(
        event_id=event.id,
        session_id=session.id,
        position=position,
        kind=spec["kind"],
        title=spec["title"],
        title_sw=spec.get("title_sw"),
        prompt=spec.get("prompt", ""),
        prompt_sw=spec.get("prompt_sw"),
        audience=audience,
        moderation=moderation,
        state="draft",
        settings=settings,
    )


def agenda(event: Event) -> list[AgendaSession]:
    return list(
        db.session.scalars(
            select(AgendaSession).where(AgendaSession.event_id == event.id).order_by(AgendaSession.position)
        )
    )
