"""Staff sign-in and sign-out. Participants never sign in; staff always do.

The blueprint has no URL prefix, so it can carry the staff pages of ``facilitator.staff.invite_routes`` (nested
below) at their own addresses under ``/console/<event>/staff``.
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from facilitator.errors import RateLimited
from facilitator.extensions import db
from facilitator.staff import invite_routes
from facilitator.staff import service as staff_service
from facilitator.staff.access import current_staff, login_required, sign_in, sign_out, staff_or_404, staff_page
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
    db.session.commit()
    sign_in(user)
    return redirect(local_path(request.args.get("next"), url_for("console.event_list")))


@bp.post("/staff/logout")
def logout():
    sign_out()
    return redirect(url_for("auth.login"))
