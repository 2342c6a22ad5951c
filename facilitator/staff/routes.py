"""Staff sign-in and sign-out. Participants never sign in; staff always do.

The blueprint has no URL prefix, so it can carry the staff pages of ``facilitator.staff.invite_routes`` (nested
below) at their own addresses under ``/console/<event>/staff``.
"""

from __future__ import annotations

import time

from flask import Blueprint, redirect, render_template, request, session, url_for

from facilitator.errors import RateLimited, ServiceError
from facilitator.extensions import db
from facilitator.staff import invite_routes
from facilitator.staff import service as staff_service
from facilitator.staff.access import current_staff, login_required, sign_in, sign_out, staff_or_404, staff_page
from facilitator.staff.models import StaffUser
from facilitator.web.ratelimit import login_failures_by_peer, login_limits, peer_key
from facilitator.web.security import local_path

# current_staff, login_required, staff_or_404 and staff_page are imported from here by the console and
# other areas.
__all__ = ["bp", "current_staff", "login_limits", "login_required", "staff_or_404", "staff_page"]

bp = Blueprint("auth", __name__)
bp.register_blueprint(invite_routes.bp)


@bp.route("/staff/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("auth/login.html", error=None, email="")
    email = (request.form.get("email") or "").strip().lower()[:254]
    peer = peer_key(request.remote_addr)
    try:
        if login_failures_by_peer.exceeded("login-failure", peer):
            raise RateLimited("rate_limited", login_failures_by_peer.message)
        login_limits.check("login", email or "-")
    except RateLimited as limited:
        return render_template("auth/login.html", error=limited.message, email=email), 429
    user = staff_service.authenticate(email, request.form.get("password") or "")
    if user is None:
        login_failures_by_peer.record("login-failure", peer)
        return render_template("auth/login.html", error="That e-mail and password do not match.", email=email), 401
    if user.must_set_password:
        staff_service.use_one_time_password(user)
        db.session.commit()
        # No staff session yet: the browser may only choose a password, for a few minutes, for this user.
        session.clear()
        session["password_setup"] = {"user_id": user.id, "until": time.time() + PASSWORD_SETUP_SECONDS}
        return redirect(url_for("auth.choose_password", next=request.args.get("next")))
    db.session.commit()
    sign_in(user)
    return redirect(local_path(request.args.get("next"), url_for("console.event_list")))


PASSWORD_SETUP_SECONDS = 15 * 60


def _user_choosing_a_password() -> StaffUser | None:
    """The user whose one-time password opened this browser's password setup, while it is still open."""
    setup = session.get("password_setup")
    if not isinstance(setup, dict) or not isinstance(setup.get("user_id"), int):
        return None
    until = setup.get("until")
    if not isinstance(until, (int, float)) or until < time.time():
        return None
    user = db.session.get(StaffUser, setup["user_id"])
    return user if user is not None and user.is_active and user.must_set_password else None


@bp.route("/staff/password", methods=["GET", "POST"])
def choose_password():
    """After a one-time password: the user sets their own before anything else opens."""
    user = _user_choosing_a_password()
    if user is None:
        session.pop("password_setup", None)
        return redirect(url_for("auth.login"))
    if request.method == "GET":
        return render_template("auth/choose_password.html", email=user.email, error=None)
    try:
        staff_service.choose_password(user, request.form.get("password"), request.form.get("repeated"))
    except ServiceError as error:
        db.session.rollback()
        return render_template("auth/choose_password.html", email=user.email, error=error.message), 400
    db.session.commit()
    sign_in(user)
    return redirect(local_path(request.args.get("next"), url_for("console.event_list")))


@bp.post("/staff/logout")
def logout():
    sign_out()
    return redirect(url_for("auth.login"))
