"""The console's reports page (``/console/<event>/reports``) and its downloads. Every staff role that sees
the console may export the approved record; only facilitators the full staff export."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import cast

from flask import Blueprint, Response, abort, current_app, render_template, request, send_file

from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.extensions import db
from facilitator.reports import exports, tables
from facilitator.staff.routes import login_required, staff_or_404, staff_page

bp = Blueprint("reports", __name__, url_prefix="/console/<int:event_id>/reports")

TRUE = ("1", "on", "true", "yes")


@bp.get("/")
@login_required
def reports_page(event_id):
    user, event, can = staff_page(event_id, "view_console")
    return render_template(
        "reports/reports.html",
        event=event,
        user=user,
        sessions=event.sessions,
        formats=exports.FORMATS,
        format_names=exports.FORMAT_NAMES,
        kinds=tables.KINDS,
        can=can,
    )


@bp.post("/download")
@login_required
def download(event_id: int) -> Response:
    """Every export is recorded (the audit log; a whole-event export starts the purge clock), so it is a POST
    with the page's CSRF token, never a link another page could make a browser follow."""
    actor = staff_or_404(event_id, "view_console")
    fields = request.form
    full = fields.get("full", "").lower() in TRUE
    if full:
        actor = staff_or_404(event_id, "run_agenda")
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        # An export starts the purge clock: another site's link must not be able to do that.
        abort(403)
    event = event_service.get_event(event_id)
    export_format = fields.get("format")
    in_browser = export_format == "html" and fields.get("view", "").lower() in TRUE
    css_href = None
    if in_browser:
        asset_url = cast("Callable[[str], str]", current_app.jinja_env.globals["asset_url"])  # put there by web.assets
        css_href = asset_url("reports/report.css")
    try:
        result = exports.export(
            event,
            format=export_format,
            actor=actor,
            session_id=fields.get("session"),
            full=full,
            kind=fields.get("kind"),
            css_href=css_href,
        )
    except ServiceError as error:
        db.session.rollback()
        abort(error.status)
    # Werkzeug adds the charset of a text type itself.
    response = send_file(
        io.BytesIO(result.body),
        mimetype=result.content_type.split(";")[0],
        as_attachment=not in_browser,
        download_name=result.filename,
        max_age=0,
    )
    response.headers["Cache-Control"] = "no-store"
    return response
