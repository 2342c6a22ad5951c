"""Organisers' pages: a new event (``/console/new``) and an event's set-up (``/console/<event>/setup``: its
details, days and sessions, a copy for next year). Thin adapters over ``facilitator.events.setup``: a refused
form is shown again with what was typed and the reason, and nothing of it is saved."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from facilitator.agenda.models import SESSION_KIND_NAMES
from facilitator.columns import utcnow
from facilitator.errors import NotFound, ServiceError
from facilitator.events import setup, times
from facilitator.events.models import DEFAULT_TIME_ZONE, Event
from facilitator.extensions import db
from facilitator.staff import service as staff_service
from facilitator.staff.routes import current_staff, login_required, staff_page
from facilitator.web.i18n import LANGUAGES

bp = Blueprint("setup", __name__, url_prefix="/console")
bp.add_app_template_filter(times.event_time, "event_time")

DETAIL_FIELDS = ("title", "title_sw", "subtitle", "organisers", "venue", "starts_on", "ends_on", "time_zone")
SESSION_FIELDS = ("title", "title_sw", "kind", "day", "starts_at", "ends_at")


def _typed(fields: tuple[str, ...]) -> dict[str, Any]:
    """What the form sent, cut to a sane length: shown again if the rules refuse it."""
    return {key: (request.form.get(key) or "")[:300] for key in fields}


def _typed_details() -> dict[str, Any]:
    form = _typed(DETAIL_FIELDS)
    form["languages"] = [code for code in request.form.getlist("languages") if code in LANGUAGES]
    return form


def _event_form(event: Event) -> dict[str, Any]:
    return {
        "title": event.title,
        "title_sw": event.title_sw or "",
        "subtitle": event.subtitle or "",
        "organisers": event.organisers or "",
        "venue": event.venue or "",
        "starts_on": event.starts_on.isoformat() if event.starts_on else "",
        "ends_on": event.ends_on.isoformat() if event.ends_on else "",
        "time_zone": event.time_zone,
        "languages": event.languages.split(","),
    }


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new_event():
    user = current_staff()
    assert user is not None  # login_required let only a signed-in user through
    if not staff_service.may_create_events(user.id):
        abort(404)
    if request.method == "GET":
        form = {"time_zone": DEFAULT_TIME_ZONE, "languages": list(LANGUAGES), "template": "roundtable"}
        return render_template("events/new.html", user=user, form=form, error=None, **_choices())
    form = _typed_details()
    form["template"] = request.form.get("template") or ""
    try:
        event = setup.create_event(form, template=form["template"], organiser=user)
    except ServiceError as error:
        db.session.rollback()
        return render_template("events/new.html", user=user, form=form, error=error.message, **_choices()), error.status
    flash(f"“{event.title}” is created. Check its days and sessions below.", "ok")
    return redirect(url_for("setup.setup_page", event_id=event.id), code=303)


def _choices() -> dict[str, Any]:
    return {
        "time_zones": ("Africa/Nairobi", "Africa/Kampala", "Africa/Dar_es_Salaam", "Africa/Kigali", "UTC"),
        "session_kinds": SESSION_KIND_NAMES,
    }


def _render_setup(event_id: int, *, error=None, form=None, session_error=None, session_form=None, status=200):
    user, event, can = staff_page(event_id, "set_up_event")
    return render_template(
        "events/setup.html",
        user=user,
        event=event,
        can=can,
        form=form or _event_form(event),
        error=error,
        session_error=session_error,
        session_form=session_form or {},
        sessions=sorted(event.sessions, key=lambda s: s.position),
        now=utcnow(),
        **_choices(),
    ), status


@bp.get("/<int:event_id>/setup")
@login_required
def setup_page(event_id):
    return _render_setup(event_id)


@bp.post("/<int:event_id>/setup/details")
@login_required
def save_details(event_id):
    user, event, _ = staff_page(event_id, "set_up_event")
    form = _typed_details()
    try:
        setup.update_details(event, user, form)
    except ServiceError as error:
        db.session.rollback()
        return _render_setup(event_id, error=error.message, form=form, status=error.status)
    flash("The event's details are saved.", "ok")
    return redirect(url_for("setup.setup_page", event_id=event_id), code=303)


def _session_action(event_id: int, action, *, session_id: int | None = None):
    """Add or change a session; a refused form comes back filled in, next to the session it was for."""
    user, event, _ = staff_page(event_id, "set_up_event")
    form = _typed(SESSION_FIELDS)
    form["id"] = session_id
    try:
        message = action(event, user, form)
    except NotFound:
        db.session.rollback()
        abort(404)
    except ServiceError as error:
        db.session.rollback()
        return _render_setup(event_id, session_error=error.message, session_form=form, status=error.status)
    flash(message, "ok")
    return redirect(url_for("setup.setup_page", event_id=event_id, _anchor="agenda"), code=303)


@bp.post("/<int:event_id>/setup/sessions")
@login_required
def add_session(event_id):
    def add(event, user, form):
        session = setup.add_session(event, user, form)
        return f"“{session.title}” is added to day {session.day}."

    return _session_action(event_id, add)


@bp.post("/<int:event_id>/setup/sessions/<int:session_id>")
@login_required
def edit_session(event_id, session_id):
    def edit(event, user, form):
        session = setup.edit_session(event, user, session_id, form)
        return f"“{session.title}” is saved."

    return _session_action(event_id, edit, session_id=session_id)


def _agenda_action(event_id: int, action):
    user, event, _ = staff_page(event_id, "set_up_event")
    try:
        message = action(event, user)
    except NotFound:
        db.session.rollback()
        abort(404)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        flash(message, "ok")
    return redirect(url_for("setup.setup_page", event_id=event_id, _anchor="agenda"), code=303)


@bp.post("/<int:event_id>/setup/sessions/<int:session_id>/move")
@login_required
def move_session(event_id, session_id):
    def move(event, user):
        session = setup.move_session(event, user, session_id, request.form.get("direction"))
        return f"“{session.title}” is moved {request.form.get('direction')}."

    return _agenda_action(event_id, move)


@bp.post("/<int:event_id>/setup/sessions/<int:session_id>/delete")
@login_required
def delete_session(event_id, session_id):
    def delete(event, user):
        setup.delete_session(event, user, session_id)
        return "The session is deleted."

    return _agenda_action(event_id, delete)


@bp.post("/<int:event_id>/setup/duplicate")
@login_required
def duplicate_event(event_id):
    """Next year's event: the same agenda, a year later, nobody's entries. The organiser lands on its set-up."""
    user, event, _ = staff_page(event_id, "set_up_event")
    try:
        copy_ = setup.duplicate_event(event, user)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("setup.setup_page", event_id=event_id), code=303)
    flash(f"A copy for next year is created (join code {copy_.join_code}). Check its dates below.", "ok")
    return redirect(url_for("setup.setup_page", event_id=copy_.id), code=303)
