"""The ``facilitator`` command: ``facilitator serve`` runs the app; every other command is the Flask CLI
(``facilitator demo``, ``facilitator create-staff``, ``facilitator db upgrade`` …).

``serve`` monkey-patches for its async mode before anything else is imported: that is why this module
imports nothing from the app at the top.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

ASYNC_MODES = ("gevent", "eventlet", "threading")


def _patch(mode: str) -> None:
    if mode == "gevent":
        from gevent import monkey

        monkey.patch_all()
    elif mode == "eventlet":
        import eventlet

        eventlet.monkey_patch()


def serve(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="facilitator serve", description="Run the app (HTTP and Socket.IO).")
    parser.add_argument("--host", help="address to listen on (default: HOST, else 127.0.0.1; 0.0.0.0 with --room)")
    parser.add_argument(
        "--room",
        action="store_true",
        help="for a real room: listen on every network interface and print the address phones can reach",
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "5000")))
    parser.add_argument("--async-mode", choices=ASYNC_MODES, default=os.environ.get("ASYNC_MODE", "gevent"))
    parser.add_argument("--demo", action="store_true", help="create the demo roundtable event if there is none")
    parser.add_argument("--max-connections", type=int, default=10000)
    args = parser.parse_args(argv)
    host = args.host or ("0.0.0.0" if args.room else os.environ.get("HOST", "127.0.0.1"))
    _patch(args.async_mode)

    from facilitator import create_app
    from facilitator.cli import ensure_demo_event, upgrade_database
    from facilitator.extensions import socketio
    from facilitator.live import entry_writer, gc_policy, pings
    from facilitator.sms import modem
    from facilitator.web import log_privacy

    overrides: dict[str, Any] = {"ASYNC_MODE": args.async_mode}
    if args.room:
        from facilitator.web import room

        plan = room.plan(room.lan_addresses(), args.port, os.environ.get("PUBLIC_URL", "").rstrip("/"))
        if plan.public_url:
            overrides["PUBLIC_URL"] = plan.public_url
        for line in plan.lines:
            print(line, flush=True)
        if plan.warning:
            print(plan.warning, file=sys.stderr, flush=True)
    app = create_app(overrides)
    with app.app_context():
        upgrade_database()
        if args.demo:
            ensure_demo_event(app, base_url=app.config["PUBLIC_URL"] or f"http://{host}:{args.port}")
    socketio.start_background_task(_purge_due_events_daily, app)
    modem.start_reader(app)  # a GSM modem's messages, when GAMMU_INBOX_PATH is set
    entry_writer.warm_up()
    pings.install()
    gc_policy.install()
    options: dict[str, Any] = {"host": host, "port": args.port, "allow_unsafe_werkzeug": True}
    # The servers write peers' addresses to their own streams, not through logging: those go scrubbed.
    if args.async_mode == "eventlet":
        options["max_size"] = args.max_connections  # eventlet's server caps at 1,024 otherwise
        options["log"] = log_privacy.ScrubbedStream(sys.stderr)
        options["protocol"] = log_privacy.eventlet_protocol_without_addresses()
    elif args.async_mode == "gevent":
        options["error_log"] = log_privacy.ScrubbedStream(sys.stderr)
        options["handler_class"] = _gevent_handler_closing_after_websockets()
    print(f" * facilitator serving on http://{host}:{args.port} ({args.async_mode})", flush=True)
    socketio.run(app, **options)


def _gevent_handler_closing_after_websockets() -> type:
    """gevent's WSGI handler, closing the connection once a websocket session on it has ended.

    pywsgi keeps a connection open for a next HTTP request when the application returns. After a websocket session
    that "request" is the client's last websocket frame, read as one ("Invalid HTTP method: '\\x81\\x82...'") and
    answered with a 400 that the departed client no longer reads: a BrokenPipeError traceback in the server's log
    (seen in tests/servers/test_malformed_socket_messages.py, at the phone's close).
    """
    from gevent import pywsgi

    class Handler(pywsgi.WSGIHandler):
        def handle_one_response(self) -> None:
            super().handle_one_response()
            if (self.environ or {}).get("HTTP_UPGRADE", "").lower() == "websocket":
                self.close_connection = True

    return Handler


def _purge_due_events_daily(app: Flask) -> None:
    """Raw entries are purged a set number of days after the final export, without anyone remembering to."""
    from facilitator.extensions import socketio
    from facilitator.safeguarding.service import purge_due_events

    while True:
        with app.app_context():
            try:
                purge_due_events()
            except Exception:  # a failed purge must not stop the server; it is tried again tomorrow
                app.logger.exception("automatic purge failed")
        socketio.sleep(24 * 3600)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "serve":
        serve(argv[1:])
        return
    from flask.cli import FlaskGroup

    from facilitator import create_app

    FlaskGroup(create_app=create_app, name="facilitator")(args=argv, prog_name="facilitator")


if __name__ == "__main__":
    main()
