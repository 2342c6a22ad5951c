"""Setting an event up: its details (title, organisers, venue, dates, time zone, languages), its days and
sessions, and a copy of it for next year. Organisers do this from the console's set-up page or the CLI.

Each rule checks everything it was given before it writes anything, so a refused form leaves nothing saved
half-way; the caller rolls back on a ``ServiceError`` and shows the form again with what was typed.
"""

from __future__ import annotations

import copy
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from facilitator import audit, validation
from facilitator.agenda.models import SESSION_KIND_NAMES, Activity, AgendaSession
from facilitator.agenda.views import get_session
from facilitator.errors import Conflict, InvalidInput
from facilitator.events.models import DEFAULT_TIME_ZONE, Event
from facilitator.events.service import bump_version, create_event_from_template, load_template, new_join_code
from facilitator.extensions import db
from facilitator.live import broadcast
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.staff import service as staff_service
from facilitator.staff.models import StaffUser
from facilitator.web.i18n import LANGUAGES

TEMPLATES = ("roundtable", "blank")
MAX_DAYS = 14


@dataclass(frozen=True)
class EventDetails:
    title: str
    title_sw: str | None
    subtitle: str | None
    organisers: str | None
    venue: str | None
    starts_on: date | None
    ends_on: date | None
    time_zone: str
    languages: str

    @property
    def days(self) -> int | None:
        if self.starts_on is None:
            return None
        return ((self.ends_on or self.starts_on) - self.starts_on).days + 1


def _optional(form: dict[str, Any], key: str, field: str, max_chars: int) -> str | None:
    return validation.clean_text(form.get(key), field=field, max_chars=max_chars, required=False) or None


def event_details(form: Any) -> EventDetails:
    """An event's details from a form or the CLI, every field checked. Dates are optional (an event being
    planned may have none yet); an end needs a start and is not before it."""
    if not isinstance(form, dict):
        raise InvalidInput("invalid_payload", "The event must be described as a form.")
    starts_on = validation.iso_date(form.get("starts_on"), field="First day", required=False)
    ends_on = validation.iso_date(form.get("ends_on"), field="Last day", required=False)
    if ends_on and not starts_on:
        raise InvalidInput("invalid_dates", "Give the first day as well as the last.")
    if starts_on and ends_on and ends_on < starts_on:
        raise InvalidInput("end_before_start", "The last day is before the first day.")
    if starts_on and ends_on and (ends_on - starts_on).days + 1 > MAX_DAYS:
        raise InvalidInput("too_many_days", f"An event lasts at most {MAX_DAYS} days.")
    raw_languages = form.get("languages")
    if isinstance(raw_languages, str):
        raw_languages = [part.strip() for part in raw_languages.split(",") if part.strip()]
    if not isinstance(raw_languages, list | tuple) or not raw_languages:
        raise InvalidInput("no_language", "Choose at least one language: English, Kiswahili or both.")
    languages = [validation.choice(code, LANGUAGES, field="Languages") for code in raw_languages]
    return EventDetails(
        title=validation.clean_text(form.get("title"), field="Title", max_chars=200),
        title_sw=_optional(form, "title_sw", "Title in Kiswahili", 200),
        subtitle=_optional(form, "subtitle", "Subtitle", 300),
        organisers=_optional(form, "organisers", "Organisers", 300),
        venue=_optional(form, "venue", "Venue", 200),
        starts_on=starts_on,
        ends_on=ends_on,
        time_zone=validation.time_zone(form.get("time_zone") or DEFAULT_TIME_ZONE),
        languages=",".join(code for code in LANGUAGES if code in languages),
    )


def _apply_details(event: Event, details: EventDetails) -> None:
    event.title, event.title_sw, event.subtitle = details.title, details.title_sw, details.subtitle
    event.organisers, event.venue, event.time_zone = details.organisers, details.venue, details.time_zone
    event.starts_on, event.ends_on, event.languages = details.starts_on, details.ends_on, details.languages


def _check_days_fit(session_days: set[int], days: int | None) -> None:
    if days is None:
        return
    beyond = sorted(day for day in session_days if day > days)
    if beyond:
        raise Conflict(
            "sessions_beyond_last_day",
            f"The agenda has sessions on day {', '.join(map(str, beyond))}, after the last day. "
            "Move or delete those sessions first, or keep the later last day.",
        )


def create_event(form: Any, *, template: Any = "roundtable", organiser: StaffUser | None = None) -> Event:
    """A new event from the roundtable template's agenda or blank, with the organiser as its owning facilitator."""
    details = event_details(form)
    template = validation.choice(template, TEMPLATES, field="Start from")
    if template == "roundtable":
        agenda = load_template()
        _check_days_fit({spec.get("day", 1) for spec in agenda["sessions"]}, details.days)
        event = create_event_from_template(agenda, title=details.title)
    else:
        event = Event(join_code=new_join_code(), projector_token=secrets.token_urlsafe(24), version=0)
        db.session.add(event)
    _apply_details(event, details)
    db.session.flush()
    if organiser is not None:
        staff_service.grant_role(organiser, event.id, "facilitator", owner=True)
    audit.record(event.id, organiser, "create_event", f"event:{event.id}", template=template)
    commit()
    return event


def update_details(event: Event, actor: StaffUser | None, form: Any) -> Event:
    details = event_details(form)
    _check_days_fit({s.day for s in event.sessions}, details.days)
    before = {"title": event.title, "starts_on": str(event.starts_on), "time_zone": event.time_zone}
    _apply_details(event, details)
    audit.record(event.id, actor, "edit_event", f"event:{event.id}", before=before)
    _agenda_changed(event)
    return event


# --- Days and sessions -------------------------------------------------------------------------------------


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _session_fields(event: Event, form: Any, *, editing: AgendaSession | None) -> dict[str, Any]:
    if not isinstance(form, dict):
        raise InvalidInput("invalid_payload", "The session must be described as a form.")
    title = validation.clean_text(form.get("title"), field="Session title", max_chars=200)
    day = validation.positive_int(form.get("day") or 1, field="Day")
    days = ((event.ends_on or event.starts_on) - event.starts_on).days + 1 if event.starts_on else MAX_DAYS
    if day > days:
        raise InvalidInput("day_outside_event", f"Day {day} is after the event's last day (day {days}).")
    starts_at = validation.clock_time(form.get("starts_at"), field="Start time", required=False)
    ends_at = validation.clock_time(form.get("ends_at"), field="End time", required=False)
    if ends_at and not starts_at:
        raise InvalidInput("invalid_times", "Give the start time as well as the end time.")
    if starts_at and ends_at and _minutes(ends_at) <= _minutes(starts_at):
        raise InvalidInput("end_before_start", f"The session ends ({ends_at}) before it starts ({starts_at}).")
    if starts_at:
        # A session with no end time takes its start minute, so two cannot start together either.
        start = _minutes(starts_at)
        end = _minutes(ends_at) if ends_at else start + 1
        for other in event.sessions:
            if other is editing or other.day != day or not other.starts_at:
                continue
            other_start = _minutes(other.starts_at)
            other_end = _minutes(other.ends_at) if other.ends_at else other_start + 1
            if start < other_end and other_start < end:
                raise Conflict(
                    "sessions_overlap",
                    f"{starts_at}–{ends_at or '?'} on day {day} overlaps “{other.title}” "
                    f"({other.starts_at}–{other.ends_at or '?'}). Change the times or the day.",
                )
    return {
        "title": title,
        "title_sw": validation.clean_text(
            form.get("title_sw"), field="Session title in Kiswahili", max_chars=200, required=False
        )
        or None,
        "kind": validation.choice(form.get("kind") or "other", tuple(SESSION_KIND_NAMES), field="Kind of session"),
        "day": day,
        "starts_at": starts_at,
        "ends_at": ends_at,
    }


def _place(event: Event, session: AgendaSession) -> None:
    """Sessions in the order of their day and start time (those without one first in their day); ``session``,
    just added or moved, after any other with the same start."""
    ordered = sorted(
        event.sessions,
        key=lambda s: (s.day, s.starts_at or "", s.position if s is not session else len(event.sessions)),
    )
    for position, each in enumerate(ordered):
        each.position = position


def add_session(event: Event, actor: StaffUser | None, form: Any) -> AgendaSession:
    fields = _session_fields(event, form, editing=None)
    session = AgendaSession(event_id=event.id, position=len(event.sessions), **fields)
    event.sessions.append(session)
    _place(event, session)
    db.session.flush()
    audit.record(event.id, actor, "add_session", f"session:{session.id}", title=session.title)
    _agenda_changed(event)
    return session


def edit_session(event: Event, actor: StaffUser | None, session_id: Any, form: Any) -> AgendaSession:
    session = get_session(event, session_id)
    fields = _session_fields(event, form, editing=session)
    moved = (fields["day"], fields["starts_at"]) != (session.day, session.starts_at)
    before = {"title": session.title, "day": session.day, "starts_at": session.starts_at, "ends_at": session.ends_at}
    for name, value in fields.items():
        setattr(session, name, value)
    if moved:
        _place(event, session)
    audit.record(event.id, actor, "edit_session", f"session:{session.id}", before=before)
    _agenda_changed(event)
    return session


def move_session(event: Event, actor: StaffUser | None, session_id: Any, direction: Any) -> AgendaSession:
    """One place up or down in the agenda, within its day (its times say where it is otherwise)."""
    session = get_session(event, session_id)
    direction = validation.choice(direction, ("up", "down"), field="Direction")
    ordered = sorted(event.sessions, key=lambda s: s.position)
    index = ordered.index(session)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered) or ordered[other].day != session.day:
        raise Conflict(
            "cannot_move", f"This session is already the {'first' if direction == 'up' else 'last'} of its day."
        )
    neighbour = ordered[other]
    earlier, later = (neighbour, session) if direction == "up" else (session, neighbour)
    if earlier.starts_at and later.starts_at:
        _swap_slots(earlier, later)
    ordered[index], ordered[other] = neighbour, session
    for position, each in enumerate(ordered):
        each.position = position
    audit.record(event.id, actor, "move_session", f"session:{session.id}", direction=direction)
    _agenda_changed(event)
    return session


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _swap_slots(earlier: AgendaSession, later: AgendaSession) -> None:
    """The later session now comes first. With both ends known, the two keep their lengths and the gap between
    them (a break) and still fill the same stretch of the day; otherwise they swap their times."""
    assert earlier.starts_at and later.starts_at  # the caller checked
    if not (earlier.ends_at and later.ends_at):
        earlier.starts_at, later.starts_at = later.starts_at, earlier.starts_at
        earlier.ends_at, later.ends_at = later.ends_at, earlier.ends_at
        return
    start, earlier_end = _minutes(earlier.starts_at), _minutes(earlier.ends_at)
    later_start, later_end = _minutes(later.starts_at), _minutes(later.ends_at)
    gap = later_start - earlier_end
    later.starts_at, later.ends_at = _clock(start), _clock(start + later_end - later_start)
    moved = start + later_end - later_start + gap
    earlier.starts_at, earlier.ends_at = _clock(moved), _clock(moved + earlier_end - start)


def delete_session(event: Event, actor: StaffUser | None, session_id: Any) -> None:
    """A session that never ran goes with its activities; one whose activities ran is part of the record."""
    session = get_session(event, session_id)
    if any(activity.first_opened_at is not None for activity in session.activities):
        raise Conflict("session_ran", "Activities of this session have run: it is part of the record and stays.")
    event.sessions.remove(session)
    for position, each in enumerate(sorted(event.sessions, key=lambda s: s.position)):
        each.position = position
    audit.record(event.id, actor, "delete_session", f"session:{session.id}", title=session.title)
    _agenda_changed(event)


def _agenda_changed(event: Event) -> None:
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()


# --- Next year's event ---------------------------------------------------------------------------------------


def _next_year(day: date | None) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def duplicate_event(event: Event, actor: StaffUser | None, form: Any = None) -> Event:
    """The same event a year later: details and the whole agenda (sessions, activities, their settings), every
    activity in draft; no participants, entries, votes, asks, notes or staff but the one who made the copy."""
    details = event_details(
        form
        or {
            "title": event.title,
            "title_sw": event.title_sw,
            "subtitle": event.subtitle,
            "organisers": event.organisers,
            "venue": event.venue,
            "starts_on": _iso(_next_year(event.starts_on)),
            "ends_on": _iso(_next_year(event.ends_on)),
            "time_zone": event.time_zone,
            "languages": event.languages,
        }
    )
    _check_days_fit({s.day for s in event.sessions}, details.days)
    copy_ = Event(
        join_code=new_join_code(),
        projector_token=secrets.token_urlsafe(24),
        version=0,
        blocked_words=list(event.blocked_words or []),
        retention_days=event.retention_days,
    )
    _apply_details(copy_, details)
    db.session.add(copy_)
    db.session.flush()
    for session in sorted(event.sessions, key=lambda s: s.position):
        new_session = AgendaSession(
            event_id=copy_.id,
            position=session.position,
            day=session.day,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            kind=session.kind,
            title=session.title,
            title_sw=session.title_sw,
        )
        db.session.add(new_session)
        db.session.flush()
        for activity in db.session.scalars(
            select(Activity).where(Activity.session_id == session.id).order_by(Activity.position, Activity.id)
        ):
            settings = copy.deepcopy(activity.settings or {})
            settings.pop("ask_id", None)  # an ask of this year's event; next year's has none yet
            db.session.add(
                Activity(
                    event_id=copy_.id,
                    session_id=new_session.id,
                    position=activity.position,
                    kind=activity.kind,
                    title=activity.title,
                    title_sw=activity.title_sw,
                    prompt=activity.prompt,
                    prompt_sw=activity.prompt_sw,
                    audience=activity.audience,
                    moderation=activity.moderation,
                    state="draft",
                    results_on_projector=activity.results_on_projector,
                    results_on_phones=activity.results_on_phones,
                    settings=settings,
                )
            )
    if actor is not None:
        staff_service.grant_role(actor, copy_.id, "facilitator", owner=True)
    audit.record(copy_.id, actor, "duplicate_event", f"event:{copy_.id}", original=event.id)
    commit()
    return copy_
