"""The facilitator console: the agenda, the moderation queue and what the projector shows."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, url_for

from facilitator.agenda.views import current_activity
from facilitator.events import service as event_service
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.projector.routes import join_url, public_base_url
from facilitator.safeguarding import service as safeguarding_service
from facilitator.safeguarding.models import READINESS_ITEMS
from facilitator.sms import views as sms_views
from facilitator.staff import service as staff_service
from facilitator.staff.routes import current_staff, login_required, staff_page

bp = Blueprint("console", __name__, url_prefix="/console")


@bp.get("/")
@login_required
def event_list():
    user = current_staff()
    assert user is not None  # login_required let only a signed-in user through
    events = [db.session.get(Event, event_id) for event_id in staff_service.events_of(user.id)]
    return render_template("console/events.html", events=events, user=user)


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
