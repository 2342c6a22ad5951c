"""Browser security on every response (a strict CSP with no inline script, and the usual headers), the
limit on joining an event, and the origin check for Socket.IO connections.

Cookies are configured in ``facilitator.config``: the session cookie is HttpOnly and SameSite=Lax always,
and Secure when ``FACILITATOR_ENV=production``; the participant cookie (set when a phone joins) follows the
same settings. CSRF protection (Flask-WTF) covers every POST: each form carries ``csrf_token()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, render_template, request
from werkzeug.routing import IntegerConverter, Map

from facilitator.errors import InvalidInput, RateLimited
from facilitator.validation import MAX_ID
from facilitator.web import ratelimit

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def init_app(app: Flask) -> None:

    @app.after_request
    def security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if response.mimetype == "text/html":
            # Pages carry per-person state (a participant's own entries, a CSRF token): never cache them.
            headers.setdefault("Cache-Control", "no-store")
        return response

    @app.before_request
    def limit_joins() -> tuple[str, int] | None:
        """Joining creates a participant before any socket or token exists: limit it here, per event code
        and per network peer (see ``facilitator.web.ratelimit``). Runs after the CSRF check."""
        if request.endpoint != "participant.join" or request.method != "POST":
            return None
        from facilitator.events.service import normalise_join_code

        typed = request.form.get("code")
        try:
            code = normalise_join_code(typed)
        except InvalidInput:
            code = None  # the join itself explains what is wrong with the code
        try:
            ratelimit.check_join(code, request.remote_addr)
        except RateLimited as limited:
            from facilitator.events.models import AGE_BANDS, GROUPS

            return render_template(
                "participant/join.html",
                code=(typed or "")[:12],
                error=limited.message,
                groups=GROUPS,
                age_bands=AGE_BANDS,
            ), limited.status
        return None


def socketio_allowed_origins(extra_origins: list[str] | None) -> Callable[[str, dict[str, Any]], bool] | None:
    """The ``cors_allowed_origins`` to give Flask-SocketIO.

    With no extra origins: None, engine.io's own check, which accepts a browser's handshake only from the
    app's own origin (scheme and host of the request, after ``PROXY_FIX``). With extra origins: a check that
    accepts the app's own origin *and* those, because a plain list would replace the own origin rather than
    add to it. ``*`` is never honoured: any web page could then open a staff socket with a staff cookie.
    """
    extras = {origin.strip().rstrip("/") for origin in (extra_origins or []) if origin.strip() not in ("", "*")}
    if not extras:
        return None

    def allowed(origin: str, environ: dict[str, Any]) -> bool:
        own = f"{environ.get('wsgi.url_scheme', 'http')}://{environ.get('HTTP_HOST', '')}"
        return origin == own or origin in extras

    return allowed


def local_path(value: Any, default: str) -> str:
    """``value`` if it is a path on this site, else ``default``: never a redirect to another site. Browsers drop
    tabs and newlines from a URL and read a backslash as a slash, so '/\\t/evil' would be '//evil': any control
    character, space or backslash is refused, and what is left must be a path with no host."""
    if not isinstance(value, str) or not value.startswith("/") or len(value) > 500:
        return default
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 or ch == "\\" for ch in value):
        return default
    parts = urlsplit(value)
    if value.startswith("//") or parts.scheme or parts.netloc:
        return default
    return value


class DatabaseIdConverter(IntegerConverter):
    """``<int:...>`` in every route, bounded to what an id column holds: a larger number is a 404 like any
    unknown id, not a database error."""

    def __init__(self, map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)
