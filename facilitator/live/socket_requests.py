"""A socket event's request context without matching the socket's URL again for every event.

Flask-SocketIO pushes a Flask request context for every event a socket sends, built from the environ of the request
that opened the socket (the same dict for every event of that socket). Pushing one binds the app's URL map to the
environ (``create_url_adapter``: the host read and checked, a ``MapAdapter`` made) and matches ``/socket.io/``
against every route of the app, which fails: a ``NotFound`` made and kept as ``request.routing_exception``. The
answer is the same for every event of a socket, so the adapter, with its one match, is made once per socket and
kept in its environ. py-spy, 5,000 phones at 200 entries/s: the adapter and the match were 2.1% of the burst's CPU
(36 of 1,696 busy samples), ~25 µs an entry.

The adapter is kept in whichever environ it was made for: an HTTP request's environ lives for that request only and
makes one adapter, as before; a socket's is made as its connect is handled and serves every event after it (a
phone sends only a few: kept from the first event on instead, half of a bench burst's events still made one).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import MapAdapter

ADAPTER_KEY = "facilitator.url_adapter"


class SocketURLAdapter:
    """A socket's URL adapter: Werkzeug's, whose match of the socket's own URL (what Flask asks as it pushes the
    request context) is made once; everything else (``build`` for ``url_for``) is the adapter's."""

    def __init__(self, adapter: MapAdapter) -> None:
        self.adapter = adapter
        self._matched: tuple[Any, ...] | None = None  # (rule and arguments,) or (the HTTPException raised,)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs != {"return_rule": True}:
            return self.adapter.match(*args, **kwargs)
        if self._matched is None:
            try:
                self._matched = (self.adapter.match(return_rule=True),)
            except HTTPException as refused:
                self._matched = (None, refused)
        if len(self._matched) == 2:
            raise self._matched[1]
        return self._matched[0]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.adapter, name)


class SocketAwareFlask(Flask):
    """Flask, with a socket's URL adapter made once per socket (module docstring)."""

    def create_url_adapter(self, request: Request | None) -> Any:
        if request is None:
            return super().create_url_adapter(request)
        kept: SocketURLAdapter | None = request.environ.get(ADAPTER_KEY)
        if kept is None:
            adapter = super().create_url_adapter(request)
            if adapter is None:
                return None
            kept = request.environ[ADAPTER_KEY] = SocketURLAdapter(adapter)
        return kept
