"""facilitator: live session facilitation and feedback for the child online-safety roundtable.

Importing this package has no side effects, so an entry point can monkey-patch for gevent or eventlet
before Flask or any socket library is imported (DESIGN.md §4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The app factory (``facilitator.app.create_app``)."""
    from facilitator.app import create_app as _create_app

    return _create_app(config)
