"""The safeguarding lead's view, the readiness checklist, the event's word list and the purge."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for

from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.extensions import db
from facilitator.safeguarding import service as safeguarding_service
from facilitator.safeguarding import views as safeguarding_views
from facilitator.safeguarding.models import READINESS_ITEMS
from facilitator.staff.routes import login_required, staff_or_404, staff_page

bp = Blueprint("safeguarding", __name__, url_prefix="/console/<int:event_id>/safeguarding")


@bp.get("/")
@login_required
def lead_view(event_id):
    user, event, can = staff_page(event_id, "safeguard")
    return render_template(
        "safeguarding/lead.html",
        event=event,
        user=user,
        can=can,
        readiness=safeguarding_service.readiness(event),
        readiness_items=READINESS_ITEMS,
        blocked_words="\n".join(event.blocked_words or []),
        purge_refusal=safeguarding_service.purge_refusal(event),
        burst=safeguarding_views.burst_settings(),
    )


def _organiser_action(event_id, action):
    actor = staff_or_404(event_id, "run_agenda")
    event = event_service.get_event(event_id)
    try:
        message = action(event, actor)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        flash(message, "ok")
    return redirect(url_for("safeguarding.lead_view", event_id=event_id))


@bp.post("/readiness")
@login_required
def confirm_readiness(event_id):
    def confirm(event, actor):
        check = safeguarding_service.confirm_readiness(
            event, actor, request.form.get("item"), request.form.get("detail")
        )
        return f"Confirmed: {READINESS_ITEMS[check.item]}."

    return _organiser_action(event_id, confirm)


@bp.post("/words")
@login_required
def set_blocked_words(event_id):
    def save(event, actor):
        words = safeguarding_service.set_blocked_words(event, actor, request.form.get("words"))
        return f"Saved {len(words)} extra words for this event."

    return _organiser_action(event_id, save)


@bp.post("/purge")
@login_required
def purge(event_id):
    def purge_now(event, actor):
        counts = safeguarding_service.purge_on_request(event, actor, request.form.get("confirm"))
        return (
            f"Purged: {counts['redacted_kept']} approved entries kept redacted; the wording of "
            f"{counts['text_removed']} entries never shown and {counts['held_records']} held entries removed; "
            f"{counts['participants']} phones can no longer act as their participant. Counts and votes are kept."
        )

    return _organiser_action(event_id, purge_now)
