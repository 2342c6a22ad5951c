"""The gateway's webhooks (Africa's Talking's incoming-message and USSD callbacks) and the console's switch for
SMS and USSD. The webhooks are authenticated by the installation's secret in their URL (Africa's Talking does
not sign its requests), compared in constant time, and are the only routes without a CSRF token: the gateway
cannot hold one."""

from __future__ import annotations

import hmac

from flask import Blueprint, Response, abort, current_app, flash, redirect, request, url_for

from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.extensions import csrf, db
from facilitator.sms import inbound, replies, settings, ussd
from facilitator.staff.routes import login_required, staff_or_404

bp = Blueprint("sms", __name__)
webhooks = Blueprint("sms_webhooks", __name__, url_prefix="/sms/<token>")
csrf.exempt(webhooks)


@webhooks.url_value_preprocessor
def _check_secret(_endpoint, values):
    """Refuse (403) unless the URL holds this installation's callback secret; none configured refuses all."""
    token = (values or {}).pop("token", "")
    expected = current_app.config["SMS_CALLBACK_SECRET"]
    if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
        abort(403)


@webhooks.post("/africastalking/incoming")
def incoming_sms():
    """Africa's Talking's incoming message: form fields from, to, text, date, id, linkId. The gateway only
    needs a 2xx: the sender hears back by SMS."""
    message = inbound.IncomingSms(
        sender=request.form.get("from"),
        text=request.form.get("text"),
        message_id=request.form.get("id"),
        channel=replies.africastalking_sender(current_app.config),
    )
    try:
        outcome = inbound.receive_sms(message)
    except ServiceError as error:
        return _plain(f"{error.code}\n", error.status)
    return _plain("stored\n" if outcome.stored else "answered\n", 200)


@webhooks.post("/africastalking/ussd")
def ussd_callback():
    """Africa's Talking's USSD step: sessionId, serviceCode, phoneNumber, text (the answers so far, joined by
    "*"). The answer is the next screen, as plain text starting CON or END."""
    try:
        screen = ussd.ussd_screen(request.form.get("phoneNumber"), request.form.get("text", ""))
    except ServiceError as error:
        return _plain(f"END {error.message}", error.status)
    return _plain(screen, 200)


@bp.post("/console/<int:event_id>/sms")
@login_required
def set_channels(event_id):
    actor = staff_or_404(event_id, "run_agenda")
    event = event_service.get_event(event_id)
    try:
        settings.set_channels(event, actor, sms=request.form.get("sms"), ussd=request.form.get("ussd"))
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    return redirect(url_for("console.console_page", event_id=event_id))


def _plain(text: str, status: int) -> Response:
    return Response(text, status=status, mimetype="text/plain")
