"""The app factory."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from flask import Flask

from facilitator import config as config_module
from facilitator import models  # noqa: F401  (every table, before any mapper is used)
from facilitator.extensions import csrf, db, migrate, socketio
from facilitator.live import entry_writer, rooms, sessions
from facilitator.live.socket_requests import SocketAwareFlask
from facilitator.web import compression, error_pages, i18n, log_privacy, log_summary, outages, ratelimit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The app factory. ``config`` overrides the environment (tests use it)."""
    app = SocketAwareFlask(  # Flask, with each socket's URL matched once (live/socket_requests.py)
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_mapping(config_module.load(Path(app.instance_path)))
    from facilitator.web.security import DatabaseIdConverter

    app.url_map.converters["int"] = DatabaseIdConverter  # before any blueprint adds a rule
    app.config.from_pyfile("config.py", silent=True)
    if config:
        app.config.update(config)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    log_summary.install("gunicorn.error")  # before the address filter, which then scrubs its lines too
    log_privacy.install("gunicorn.error", "gunicorn.access")

    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS))
    csrf.init_app(app)
    i18n.init_app(app)  # Flask-Babel, the language of each page, catalogues compiled if stale
    _init_database_pragmas(app)
    entry_writer.init_app(app)
    ratelimit.configure_from(app.config)  # every limit, from the one configuration
    from facilitator.console import sockets as console_events  # noqa: F401

    # Socket handlers register themselves on import, beside the blueprint they serve. Imported before
    # init_app: handlers declared while no server exists are kept and bound to every app's server.
    from facilitator.live import (
        admission,  # noqa: F401
        packets,  # its catch-all handler registers on import; its packet class is below
    )
    from facilitator.participant import sockets as participant_events  # noqa: F401
    from facilitator.projector import sockets as projector_events  # noqa: F401
    from facilitator.safeguarding import sockets as safeguarding_events  # noqa: F401
    from facilitator.web import security

    # The stubs lack python-socketio's serializer argument (a packet class), which Flask-SocketIO passes on.
    socketio.init_app(  # type: ignore[call-arg]
        app,
        async_mode=app.config["ASYNC_MODE"],  # always set (config.load)
        client_manager=rooms.client_manager(
            app.config["SOCKETIO_MESSAGE_QUEUE"], channel=app.config["SOCKETIO_CHANNEL"]
        ),
        # None means same origin only in python-engineio; a check function allows other origins too. The stubs
        # know only a string or a list, though python-engineio takes None and a callable as well.
        cors_allowed_origins=security.socketio_allowed_origins(  # type: ignore[arg-type]
            app.config["SOCKETIO_CORS_ORIGINS"]
        ),
        max_http_buffer_size=16 * 1024,
        # A packet that cannot be decoded is answered (facilitator.live.packets), never a traceback and no ack.
        serializer=packets.AnsweringPacket,
        json=packets.PacketJSON,
        # Socket.IO's own defaults, which its phone client is made for: a silent phone is let go after 45 s. Every
        # ping is a task, a send and a pong for each phone: at 5,000 phones the 20 s interval used before took
        # ~10% of a core, a fifth more than this.
        ping_interval=app.config["SOCKETIO_PING_INTERVAL"],
        ping_timeout=app.config["SOCKETIO_PING_TIMEOUT"],
    )
    app.session_interface = sessions.SocketEventSessions()
    wsgi_app = compression.without_websocket_compression(app.wsgi_app)

    if app.config["PROXY_FIX"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        wsgi_app = ProxyFix(wsgi_app, x_for=1, x_proto=1, x_host=1)
    # Middleware wraps Flask's wsgi_app, as Flask documents; its type declares a method, not an attribute.
    app.wsgi_app = wsgi_app  # type: ignore[method-assign, assignment]

    from facilitator.asks.duty_bearer_routes import bp as duty_bearers_bp
    from facilitator.asks.register_routes import bp as commitments_bp
    from facilitator.asks.register_routes import feedback_bp
    from facilitator.asks.routes import bp as asks_bp
    from facilitator.console.routes import bp as console_bp
    from facilitator.events.routes import bp as setup_bp
    from facilitator.notes.routes import bp as notes_bp
    from facilitator.participant.routes import bp as participant_bp
    from facilitator.projector.routes import bp as projector_bp
    from facilitator.reports.routes import bp as reports_bp
    from facilitator.safeguarding.routes import bp as safeguarding_bp
    from facilitator.sms.routes import bp as sms_bp
    from facilitator.sms.routes import webhooks as sms_webhooks_bp
    from facilitator.staff.routes import bp as auth_bp
    from facilitator.web import assets

    security.init_app(app)
    outages.init_app(app)
    assets.init_app(app)
    compression.init_app(app)  # gzip for text responses; Socket.IO never reaches it
    error_pages.init_app(app)  # the app's own pages for a refused form token and a body too large
    app.register_blueprint(participant_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(console_bp)
    app.register_blueprint(projector_bp)
    app.register_blueprint(safeguarding_bp)
    app.register_blueprint(duty_bearers_bp)
    app.register_blueprint(commitments_bp)
    app.register_blueprint(feedback_bp)
    app.register_blueprint(asks_bp)
    app.register_blueprint(notes_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(setup_bp)
    app.register_blueprint(sms_bp)
    app.register_blueprint(sms_webhooks_bp)

    from facilitator.cli import add_commands

    add_commands(app)
    return app


def _init_database_pragmas(app: Flask) -> None:
    """SQLite done right for many phones at once: WAL so readers never block the writer, and a busy
    timeout so writers queue instead of failing with 'database is locked'."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    from sqlalchemy import event

    with app.app_context():
        engine = db.engine
        _private_database_file(engine.url.database)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=10000")
            # NORMAL in WAL mode: a committed entry survives the process being killed (not a power cut).
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()


def _private_database_file(path: str | None) -> None:
    """The SQLite file holds participants' entries: readable by the service's own user only. SQLite gives its
    WAL and shared-memory files the database file's permissions, so they follow."""
    if not path or path == ":memory:":
        return
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    os.chmod(path, 0o600)
