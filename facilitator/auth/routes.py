"""Staff sign-in. Participants never sign in; staff always do."""

from __future__ import annotations

import functools
import time

from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from facilitator.errors import Forbidden, RateLimited
from facilitator.extensions import db
from facilitator.models import StaffUser
from facilitator.ratelimit import RateLimiter
from facilitator.services import staff as staff_service

bp = Blueprint("auth", __name__, url_prefix="/staff")

# Login attempts per e-mail address: slows password guessing without storing who tried.
login_limits = RateLimiter()
login_limits.configure(limit=10, window=300)


def current_staff() -> StaffUser | None:
    user_id = session.get("staff_user_id")
    if not user_id:
        return None
    user = db.session.get(StaffUser, user_id)
    return user if user is not None and user.is_active else None


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if current_staff() is None:
            return redirect(url_for("auth.login", next=request.path))
        return view(*args, **kwargs)

    return wrapped


def _safe_next(target: str | None) -> str:
    # Only a path on this site: never an open redirect to somewhere else.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("console.event_list")


@bp.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        email = (request.form.get("email") or "").strip().lower()[:254]
        try:
            login_limits.check("login", email or "-")
        except RateLimited as limited:
            return render_template("auth/login.html", error=limited.message, email=email), 429
        user = staff_service.authenticate(email, request.form.get("password") or "")
        if user is not None:
            db.session.commit()
            session.clear()
            session["staff_user_id"] = user.id
            session["signed_in_at"] = int(time.time())
            return redirect(_safe_next(request.args.get("next")))
        error = "That e-mail and password do not match."
        return render_template("auth/login.html", error=error, email=email), 401
    return render_template("auth/login.html", error=error, email="")


@bp.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("auth.login"))


def staff_or_404(event_id: int, permission: str) -> StaffUser:
    """Outsiders learn nothing, not even that the event exists."""
    user = current_staff()
    try:
        return staff_service.require(user.id if user else None, event_id, permission)
    except Forbidden:
        abort(404)
