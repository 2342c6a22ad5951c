"""The cookie session, opened once per socket rather than once per socket event.

Flask-SocketIO pushes a request context for every event a socket sends, and Flask opens the cookie session as it
pushes one (a signature check and a JSON parse of the cookie). For a socket that is wasted after its connect:
Flask-SocketIO keeps the session it copied at connect in the socket's environ (``saved_session``) and puts that in
place of the opened one at once. Measured: 1.4-2.8% of a 2,000-phone burst's CPU (bench/README.md).
"""

from __future__ import annotations

from flask import Flask, Request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface

# Where Flask-SocketIO keeps a socket's own session, in the environ of the request that opened the socket.
SOCKET_SESSION_KEY = "saved_session"


class SocketEventSessions(SecureCookieSessionInterface):
    """Flask's cookie sessions; for a socket event after the socket's connect, an empty session that Flask-SocketIO
    replaces with the socket's own before any handler runs."""

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if SOCKET_SESSION_KEY in request.environ:
            return self.session_class()
        return super().open_session(app, request)
