"""The facilitator console: the agenda, the moderation queue and what the projector shows."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for

from facilitator.agenda.views import current_activity
from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.projector.routes import join_url, public_base_url
from facilitator.safeguarding import service as safeguarding_service
from facilitator.safeguarding.models import READINESS_ITEMS
from facilitator.sms import views as sms_views
from facilitator.staff import service as staff_service
from facilitator.staff.routes import current_staff, login_required, staff_or_404, staff_page

bp = Blueprint("console", __name__, url_prefix="/console")


@bp.get("/")
@login_required
def event_list():
    user = current_staff()
    assert user is not None  # login_required let only a signed-in user through
    events = [db.session.get(Event, event_id) for event_id in staff_service.events_of(user.id)]
    return render_template(
        "console/events.html", events=events, user=user, may_create_events=staff_service.may_create_events(user.id)
    )


@bp.get("/<int:event_id>")
@login_required
def console_page(event_id):
    user, event, can = staff_page(event_id, "view_console")
    return render_template(
        "console/console.html",
        event=event,
        user=user,
        can=can,
        join_url=join_url(event),
        projector_url=public_base_url() + url_for("projector.projector_page", token=event.projector_token)
        if can["run_agenda"]
        else None,
        sessions=event_service.agenda(event),
        sms_card=sms_views.join_card(event, current_activity(event)),
        sms_ready=bool(current_app.config["SMS_CALLBACK_SECRET"]),
        missing_readiness=[
            label for item, label in READINESS_ITEMS.items() if item not in safeguarding_service.readiness(event)
        ],
    )


@bp.post("/<int:event_id>/joining")
@login_required
def set_joining(event_id):
    """Close joining once everyone is in, or reopen it (a form, so it works before the console's script runs)."""
    actor = staff_or_404(event_id, "run_agenda")
    event = event_service.get_event(event_id)
    try:
        event_service.set_joining(
            event, actor, open_=request.form.get("joining") == "open", expected=request.form.get("expected")
        )
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        flash("Joining is open." if event.joining_open else "Joining is closed: phones already in keep their place.")
    return redirect(url_for("console.console_page", event_id=event_id))
