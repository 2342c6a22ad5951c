"""The app's own pages for a refused form token and a body over MAX_CONTENT_LENGTH, where the framework's are bare
English. Staff (and duty bearers) get these; a phone's pages have their own, in the phone's language, keeping what
was typed (facilitator.participant.routes, which uses ``form_before_the_limit``)."""

from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Flask, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def form_token_refused(error: CSRFError) -> ResponseReturnValue:
        return render_template("errors/form_token_refused.html"), 400

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(error: RequestEntityTooLarge) -> ResponseReturnValue:
        return render_template("errors/too_large.html", limit_kb=current_app.config["MAX_CONTENT_LENGTH"] // 1024), 413


def form_before_the_limit() -> MultiDict[str, str]:
    """The fields of a url-encoded form too large to parse, as far as the first MAX_CONTENT_LENGTH bytes of it go
    (a field cut short by the limit is kept as far as it got). Only to show someone what they sent: never to act
    on, as the form token was not checked."""
    if request.mimetype != "application/x-www-form-urlencoded":
        return MultiDict()
    head = request.environ["wsgi.input"].read(current_app.config["MAX_CONTENT_LENGTH"])
    fields = parse_qsl(head.decode("ascii", "replace"), keep_blank_values=True, errors="replace")
    return MultiDict([(name, value.rstrip("\ufffd")) for name, value in fields])  # a letter cut in two goes
