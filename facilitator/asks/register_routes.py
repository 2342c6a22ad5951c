"""The commitments register for staff (``/console/<event>/commitments``, its CSV beside it) and the
children's public feedback page (``/f/<join code>``). Plain forms, POST then redirect."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for

from facilitator.asks import answers as answer_service
from facilitator.asks import feedback
from facilitator.asks.models import COMMITMENT_STATUSES
from facilitator.asks.register import csv_filename, register_csv, register_view
from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.extensions import db
from facilitator.projector.routes import public_base_url
from facilitator.staff import service as staff_service
from facilitator.staff.routes import login_required, staff_or_404

bp = Blueprint("commitments", __name__, url_prefix="/console/<int:event_id>")
feedback_bp = Blueprint("feedback", __name__)

EDITABLE_FIELDS = ("status", "progress_note", "what", "owner", "due_on")
STATUS_LABELS = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "delayed": "Delayed",
    "dropped": "Dropped",
}


def _register_page(
    event_id: int,
    user,
    *,
    status: int = 200,
    draft: dict | None = None,
    error: ServiceError | None = None,
    error_commitment_id: int | None = None,
):
    event = event_service.get_event(event_id)
    view = register_view(event)
    return render_template(
        "commitments/register.html",
        event=event,
        user=user,
        register=view,
        can=staff_service.capabilities(user.id, event_id),
        statuses=[(s, STATUS_LABELS.get(s, s)) for s in COMMITMENT_STATUSES],
        status_labels=STATUS_LABELS,
        feedback_url=public_base_url() + url_for("feedback.feedback_page", code=event.join_code),
        draft=draft or {},
        error=error,
        error_commitment_id=error_commitment_id,
        error_at_top=error is not None and error_commitment_id not in {c["id"] for c in view["commitments"]},
    ), status


@bp.get("/commitments")
@login_required
def register_page(event_id):
    user = staff_or_404(event_id, "view_console")
    return _register_page(event_id, user)


@bp.post("/commitments/<int:commitment_id>")
@login_required
def update_commitment(event_id, commitment_id):
    actor = staff_or_404(event_id, "run_agenda")
    event = event_service.get_event(event_id)
    changes = {field: request.form[field] for field in EDITABLE_FIELDS if field in request.form}
    try:
        answer_service.update_commitment(event, actor, commitment_id, changes)
    except ServiceError as error:
        db.session.rollback()
        return _register_page(
            event_id, actor, status=error.status, draft=changes, error=error, error_commitment_id=commitment_id
        )
    flash("Commitment saved.", "ok")
    return redirect(url_for("commitments.register_page", event_id=event_id, _anchor=f"commitment-{commitment_id}"))


@bp.get("/commitments.csv")
@login_required
def register_download(event_id):
    staff_or_404(event_id, "view_console")
    event = event_service.get_event(event_id)
    # A byte-order mark, so Excel reads the file as UTF-8 (names and Kiswahili stay intact).
    body = "\ufeff" + register_csv(event)
    return Response(
        body.encode("utf-8"),
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{csv_filename(event, date.today())}"',
            "Cache-Control": "no-store",
        },
    )


@feedback_bp.get("/f/<code>")
def feedback_page(code):
    """Read-only, no sign-in: the join code is enough, for as long as the event's record is kept."""
    try:
        event = event_service.event_by_join_code(code)
    except ServiceError:
        return render_template("commitments/feedback_unknown.html"), 404
    asks = feedback.asks_for_children(event)
    return render_template(
        "commitments/feedback.html",
        event=event,
        asks=asks,
        promises=sum(len(a["promises"]) for a in asks),
        done=sum(1 for a in asks for p in a["promises"] if p["status"] == "done"),
        page_url=public_base_url() + url_for("feedback.feedback_page", code=event.join_code),
    )
