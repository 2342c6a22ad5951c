"""The rapporteur's notes page (``/console/<event>/notes``): sessions down the side, one session's notes,
saved as they are typed (JSON, by ``static/notes/notes.js``) or with plain form posts when there is no
JavaScript. Both go through ``facilitator.notes.service``."""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from sqlalchemy import select

from facilitator.agenda import views as agenda_views
from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.extensions import db
from facilitator.notes import service as notes_service
from facilitator.notes.models import NOTE_KIND_NAMES, NOTE_KINDS, NOTE_MAX_CHARS
from facilitator.notes.service import StaleNote
from facilitator.staff.models import StaffUser
from facilitator.staff.routes import login_required, staff_or_404

bp = Blueprint("notes", __name__, url_prefix="/console/<int:event_id>/notes")

FIELDS = ("session_id", "client_key", "text", "kind", "action_owner", "action_due_on", "revision")


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def _submitted() -> dict:
    if request.is_json:
        payload = request.get_json(silent=True)
        return {k: payload.get(k) for k in FIELDS} if isinstance(payload, dict) else {}
    return {k: request.form.get(k) for k in FIELDS}


def _page(
    event_id: int,
    user,
    *,
    session_id=None,
    status: int = 200,
    error: ServiceError | None = None,
    draft: dict | None = None,
):
    event = event_service.get_event(event_id)
    sessions = event.sessions
    now_id = notes_service.current_session_id(event)
    selected = None
    if session_id is not None:
        try:
            selected = agenda_views.get_session(event, session_id)
        except ServiceError:
            selected = None
    if selected is None:
        selected = next((s for s in sessions if s.id == now_id), None) or next(iter(sessions), None)
    notes = notes_service.notes_of_session(event, selected.id) if selected else []
    authors = {
        u.id: u.display_name
        for u in db.session.scalars(
            select(StaffUser).where(StaffUser.id.in_({n.author_id for n in notes if n.author_id}))
        )
    }
    return render_template(
        "notes/notes.html",
        event=event,
        user=user,
        sessions=sessions,
        selected=selected,
        now_id=now_id,
        notes=notes,
        authors=authors,
        counts=notes_service.note_counts(event),
        kinds=NOTE_KINDS,
        kind_names=NOTE_KIND_NAMES,
        max_chars=NOTE_MAX_CHARS,
        new_key=uuid.uuid4().hex,
        error=error,
        draft=draft or {},
    ), status


@bp.get("/")
@login_required
def notes_page(event_id):
    user = staff_or_404(event_id, "view_console")
    return _page(event_id, user, session_id=request.args.get("session"))


@bp.post("/save")
@login_required
def save(event_id):
    actor = staff_or_404(event_id, "view_console")
    event = event_service.get_event(event_id)
    fields = _submitted()
    try:
        saved = notes_service.save_note(event, actor, **fields)
    except StaleNote as stale:
        db.session.rollback()
        if _wants_json():
            return jsonify({**stale.as_ack(), "note": notes_service.note_view(stale.note)}), stale.status
        return _page(
            event_id, actor, session_id=fields.get("session_id"), status=stale.status, error=stale, draft=fields
        )
    except ServiceError as error:
        db.session.rollback()
        if _wants_json():
            return jsonify(error.as_ack()), error.status
        return _page(
            event_id, actor, session_id=fields.get("session_id"), status=error.status, error=error, draft=fields
        )
    if _wants_json():
        return jsonify(
            {
                "ok": True,
                "created": saved.created,
                "changed": saved.changed,
                "note": notes_service.note_view(saved.note) if saved.note else None,
            }
        )
    if saved.note is None:
        flash("Nothing to save: the note is empty.", "error")
        return redirect(url_for("notes.notes_page", event_id=event_id, session=fields.get("session_id")))
    flash("Note saved.", "ok")
    return redirect(
        url_for(
            "notes.notes_page",
            event_id=event_id,
            session=saved.note.session_id,
            _anchor=f"note-{saved.note.client_key}",
        )
    )


@bp.post("/delete")
@login_required
def delete(event_id):
    actor = staff_or_404(event_id, "view_console")
    event = event_service.get_event(event_id)
    fields = _submitted()
    try:
        notes_service.delete_note(event, actor, fields.get("client_key"))
    except ServiceError as error:
        db.session.rollback()
        if _wants_json():
            return jsonify(error.as_ack()), error.status
        flash(error.message, "error")
    else:
        if _wants_json():
            return jsonify({"ok": True})
        flash("Note deleted.", "ok")
    session_id = fields.get("session_id")
    return redirect(url_for("notes.notes_page", event_id=event_id, session=session_id if session_id else None))
