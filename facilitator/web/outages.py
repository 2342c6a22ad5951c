"""The database out of reach for a moment (restarting, a network blip): every page answers the app's own short
page in the reader's language, 503 with Retry-After, instead of the framework's bare English 500; socket calls
ack ``unavailable`` (``live.connections``) and phones keep their entries in the outbox."""

from __future__ import annotations

import logging

from flask import Flask, g, render_template
from flask.typing import ResponseReturnValue
from sqlalchemy import exc as database_errors

from facilitator.errors import Unavailable
from facilitator.extensions import db

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


def rollback_quietly() -> None:
    """Give the failed connection back to the pool. On a cut connection the rollback itself can fail: the
    pool throws that connection away, and its ping replaces it once the database is back."""
    try:
        db.session.rollback()
    except Exception:  # the outage being answered already says what is wrong
        pass


def init_app(app: Flask) -> None:
    @app.errorhandler(database_errors.OperationalError)
    @app.errorhandler(database_errors.InterfaceError)
    @app.errorhandler(database_errors.TimeoutError)
    def database_unavailable(error: Exception) -> ResponseReturnValue:
        rollback_quietly()
        log.error("a page could not reach the database", exc_info=error)  # one line a kind (web.log_summary)
        # The language, without the database: the phone's choice, then the browser's (i18n.select_locale reads
        # the participant's language from joining only when this is not already set).
        g.setdefault("participant_language", None)
        message = Unavailable().message
        response = app.make_response((render_template("errors/unavailable.html", message=message), 503))
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
