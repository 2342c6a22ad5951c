"""An event's staff: the staff page ``/console/<event>/staff`` (who has which role, pending invitations,
the projector link) and the one-time invitation link ``/staff/invite/<token>``.

Thin adapters over ``facilitator.staff.service``: every page and action checks the caller's rights in
this event again, answers outsiders with a 404, and writes an audit entry in the same transaction as the
change it describes.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for

from facilitator.columns import utcnow
from facilitator.errors import NotFound, RateLimited, ServiceError
from facilitator.events import service as event_service
from facilitator.extensions import db
from facilitator.live.on_commit import commit
from facilitator.staff import service as staff_service
from facilitator.staff.access import login_required, sign_in, staff_manager_or_404, staff_or_404
from facilitator.staff.models import STAFF_ROLES
from facilitator.staff.service import InviteUnusable
from facilitator.web.ratelimit import login_failures_by_peer, login_limits, peer_key

# Nested in the ``auth`` blueprint (see auth/routes.py): endpoints are ``auth.staff.<view>``.
bp = Blueprint("staff", __name__)

ROLE_NAMES = {
    "facilitator": "Facilitator",
    "moderator": "Moderator",
    "safeguarding": "Safeguarding lead",
    "rapporteur": "Rapporteur",
    "duty_bearer": "Duty bearer",
}


def _invite_hours() -> int:
    return int(current_app.config["STAFF_INVITE_HOURS"])


def _render_staff_page(event_id: int, user, *, new_invite=None, error=None, form=None, status=200):
    from facilitator.projector.routes import public_base_url

    event = event_service.get_event(event_id)
    now = utcnow()
    may_run_agenda = bool(staff_service.roles_in_event(user.id, event_id) & staff_service.PERMISSIONS["run_agenda"])
    return render_template(
        "console/staff.html",
        event=event,
        user=user,
        staff_roles=staff_service.staff_of_event(event_id),
        invites=staff_service.pending_invites(event_id, now=now),
        now=now,
        role_names=ROLE_NAMES,
        roles=STAFF_ROLES,
        invite_hours=_invite_hours(),
        new_invite=new_invite,
        error=error,
        form=form or {},
        is_owner=staff_service.is_owner(user.id, event_id),
        projector_url=public_base_url() + url_for("projector.projector_page", token=event.projector_token)
        if may_run_agenda
        else None,
    ), status


@bp.get("/console/<int:event_id>/staff")
@login_required
def page(event_id):
    user = staff_manager_or_404(event_id)
    return _render_staff_page(event_id, user)


@bp.post("/console/<int:event_id>/staff/invites")
@login_required
def invite(event_id):
    """Make a one-time link and show it once, on this response: it is stored nowhere but as a hash."""
    from facilitator.projector.routes import public_base_url

    user = staff_manager_or_404(event_id)
    form = {key: (request.form.get(key) or "")[:254] for key in ("email", "role", "organisation")}
    try:
        issued = staff_service.invite_staff(
            event_id,
            user,
            email=form["email"],
            role=form["role"],
            organisation=form["organisation"],
            valid_for=timedelta(hours=_invite_hours()),
        )
        db.session.commit()
    except ServiceError as error:
        db.session.rollback()
        return _render_staff_page(event_id, user, error=error.message, form=form, status=error.status)
    link = public_base_url() + url_for("auth.staff.accept_invite", token=issued.token)
    new_invite = {
        "link": link,
        "email": issued.invite.email,
        "role": issued.invite.role,
        "expires_at": issued.invite.expires_at,
    }
    # 201 and the page itself rather than a redirect: the link must not travel through a cookie or a URL.
    return _render_staff_page(event_id, user, new_invite=new_invite, status=201)


def _staff_action(event_id: int, action) -> object:
    """Run one manager action, commit it with its audit entry, and go back to the staff page."""
    user = staff_manager_or_404(event_id)
    try:
        message = action(user)
        commit()
    except NotFound:
        db.session.rollback()
        abort(404)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        flash(message, "ok")
    return redirect(url_for("auth.staff.page", event_id=event_id), code=303)


@bp.post("/console/<int:event_id>/staff/invites/<int:invite_id>/revoke")
@login_required
def revoke_invite(event_id, invite_id):
    def withdraw(user):
        invite = staff_service.revoke_invite(event_id, user, invite_id)
        return f"The invitation for {invite.email} was withdrawn: its link no longer works."

    return _staff_action(event_id, withdraw)


@bp.post("/console/<int:event_id>/staff/roles/<int:role_id>/revoke")
@login_required
def revoke_role(event_id, role_id):
    def remove(user):
        granted = staff_service.revoke_role(event_id, user, role_id)
        return f"{granted.user.display_name} is no longer {ROLE_NAMES[granted.role].lower()} in this event."

    return _staff_action(event_id, remove)


@bp.post("/console/<int:event_id>/staff/projector-link")
@login_required
def renew_projector_link(event_id):
    """A new projector link; the old one stops working at once, on every screen that has it."""
    user = staff_or_404(event_id, "run_agenda")
    event_service.renew_projector_link(event_service.get_event(event_id), user)
    flash("The projector link was renewed. Open the new link on the projector: the old one no longer works.", "ok")
    return redirect(url_for("auth.staff.page", event_id=event_id), code=303)


# --- Accepting an invitation -----------------------------------------------------------------


def _invalid_link(error: ServiceError):
    return render_template("auth/invite_invalid.html", message=error.message, code=error.code), error.status


@bp.route("/staff/invite/<token>", methods=["GET", "POST"])
def accept_invite(token):
    """Open the link: a new invitee chooses a name and a password, someone with an account enters their
    password; either way they are signed in with the new role. A used or expired link says so."""
    try:
        invite = staff_service.invite_for_token(token)
    except (NotFound, InviteUnusable) as error:
        return _invalid_link(error)
    event = event_service.get_event(invite.event_id)
    account = staff_service.account_for_invite(invite)
    context = {
        "invite": invite,
        "event": event,
        "account": account,
        "role_name": ROLE_NAMES[invite.role],
        "min_password": staff_service.MIN_PASSWORD_LENGTH,
    }
    if request.method == "GET":
        return render_template("auth/invite.html", error=None, display_name="", **context)

    form = request.form
    peer = peer_key(request.remote_addr)
    try:
        if account is not None:
            # Entering an existing account's password is a sign-in: the same limits apply.
            if login_failures_by_peer.exceeded("login-failure", peer):
                raise RateLimited("rate_limited", login_failures_by_peer.message)
            login_limits.check("login", account.email)
        user = staff_service.accept_invite(
            token,
            display_name=form.get("display_name"),
            password=form.get("password"),
            password_again=form.get("password_again"),
            existing_password=form.get("existing_password"),
        )
        db.session.commit()
    except (NotFound, InviteUnusable) as error:
        db.session.rollback()
        return _invalid_link(error)
    except ServiceError as error:
        db.session.rollback()
        if error.code == "wrong_password":
            login_failures_by_peer.record("login-failure", peer)
        return render_template(
            "auth/invite.html", error=error.message, display_name=(form.get("display_name") or "")[:120], **context
        ), error.status
    sign_in(user)
    if staff_service.roles_in_event(user.id, invite.event_id) & staff_service.PERMISSIONS["view_console"]:
        return redirect(url_for("console.console_page", event_id=invite.event_id), code=303)
    return redirect(url_for("console.event_list"), code=303)
