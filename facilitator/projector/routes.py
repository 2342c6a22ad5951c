"""The projector: a full-screen, read-only view of the activity on show, reached with its own token."""

from __future__ import annotations

import segno
from flask import Blueprint, current_app, render_template, request

from facilitator.agenda.views import current_activity
from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.live import broadcast
from facilitator.sms import views as sms_views

bp = Blueprint("projector", __name__)


def public_base_url() -> str:
    return current_app.config["PUBLIC_URL"] or request.host_url.rstrip("/")


def join_url(event) -> str:
    return f"{public_base_url()}/j/{event.join_code}"


@bp.get("/p/<token>")
def projector_page(token):
    try:
        event = event_service.event_by_projector_token(token)
    except ServiceError as error:
        return render_template("projector/invalid.html", message=error.message), error.status
    url = join_url(event)
    qr_svg = segno.make(url, error="m").svg_inline(scale=8, border=2, dark="#111", light="#fff", omitsize=True)
    return render_template(
        "projector/board.html",
        event=event,
        join_url=url,
        qr_svg=qr_svg,
        snapshot=broadcast.projector_snapshot(event),
        token=token,
        sms=sms_views.join_card(event, current_activity(event)),
    )
