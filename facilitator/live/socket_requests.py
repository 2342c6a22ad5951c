"""A socket event's request context without matching the socket's URL again for every event.

Flask-SocketIO pushes a Flask request context for every event a socket sends, built from the environ of the request
that opened the socket. Pushing one binds the app's URL map to the environ (``create_url_adapter``: the host read
and checked, a ``MapAdapter`` made) and matches ``/socket.io/`` against every route of the app, which fails: a
``NotFound`` made and kept as ``request.routing_exception``. py-spy, 5,000 phones at 200 entries/s: the adapter and
the match were 2.1% of the burst's CPU (36 of 1,696 busy samples), ~25 µs an entry.

The answer depends only on what of the environ the URL map reads, and that is the same for every socket of a server
but the query string (a phone's opening request carries its own ``t=`` or ``sid=``), which only a redirect's URL
uses. So the adapter of a socket URL, with its one match, is made once per server and address and shared by every
socket; a URL whose match redirects is never shared (its redirect carries its own query string). Kept per socket
instead, an adapter and its ``NotFound`` held 3.6-5.5 KB a socket (66.9 MB per 1,000 connections at 5,000 phones
against 57.2), and a phone sends only a few entries: half of a bench burst's events still made one.

An HTTP request's adapter is Flask's, as ever.
"""

from __future__ import annotations

import copy
from typing import Any

from flask import Flask, Request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import MapAdapter, RequestRedirect

# Flask-SocketIO's default path, which the app keeps (its test client opens sockets on it without the slash)
SOCKET_PATHS = frozenset({"/socket.io/", "/socket.io"})
_KEPT_LIMIT = 64  # distinct hosts and schemes a server is reached by; past it the kept adapters start again


class SocketURLAdapter:
    """A socket URL's adapter: Werkzeug's, whose match of that URL (what Flask asks as it pushes the request context)
    is made once; everything else (``build``, for ``url_for``) is the adapter's."""

    def __init__(self, adapter: MapAdapter) -> None:
        self.adapter = adapter
        self.shared = True  # False once its match redirected: a redirect's URL carries the request's query string
        self._matched: tuple[Any, ...] | None = None  # (rule and arguments,) or (None, the HTTPException raised)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs != {"return_rule": True}:
            return self.adapter.match(*args, **kwargs)
        if self._matched is None:
            try:
                self._matched = (self.adapter.match(return_rule=True),)
            except RequestRedirect:
                self.shared = False
                raise
            except HTTPException as refused:
                # Kept without its traceback and the exception it replaced, whose frames would stay alive with it.
                refused.__context__ = refused.__cause__ = None
                self._matched = (None, refused.with_traceback(None))
        if len(self._matched) == 2:
            # A copy each time: raising the kept exception itself would add every raise's frames to its traceback,
            # and every request would keep the one before alive (measured: KBs a socket event).
            raise copy.copy(self._matched[1])
        return self._matched[0]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.adapter, name)


def _socket_url_key(environ: dict[str, Any]) -> tuple[Any, ...]:
    # What werkzeug's Map.bind_to_environ and Flask's host check read, but QUERY_STRING (module docstring).
    return tuple(
        environ.get(name)
        for name in (
            "wsgi.url_scheme",
            "HTTP_HOST",
            "SERVER_NAME",
            "SERVER_PORT",
            "HTTP_CONNECTION",
            "HTTP_UPGRADE",
            "SCRIPT_NAME",
            "PATH_INFO",
            "REQUEST_METHOD",
        )
    )


class SocketEventRequest(Request):
    """Flask's request, closed without walking an empty file list: Werkzeug's ``close`` walks ``files or ()`` with
    ``iter_multi_items``, whose ``Mapping`` checks ran for every socket event though no socket event has files. py-spy,
    5,000 phones at 200/s: 16 of 1,041 busy samples (1.5%) in them; alone the close takes 0.39 → 0.07 µs, so in the
    server those ABC checks cost far more than alone (not looked into). Files parsed are closed as before."""

    def close(self) -> None:
        if self.__dict__.get("files"):
            super().close()


class SocketAwareFlask(Flask):
    """Flask, with the URL adapter of a socket's events made once per server and address (module docstring), and
    requests closed without work when they hold no files."""

    request_class = SocketEventRequest
    _socket_url_adapters: dict[tuple[Any, ...], SocketURLAdapter]

    def create_url_adapter(self, request: Request | None) -> Any:
        if request is None or request.environ.get("PATH_INFO") not in SOCKET_PATHS:
            return super().create_url_adapter(request)
        kept_by_key = self.__dict__.setdefault("_socket_url_adapters", {})
        key = _socket_url_key(request.environ)
        kept = kept_by_key.get(key)
        if kept is not None and kept.shared:
            return kept
        adapter = super().create_url_adapter(request)  # checks the host, as for any request
        if adapter is None or kept is not None:  # a URL that redirects: its own adapter each time
            return adapter
        if len(kept_by_key) >= _KEPT_LIMIT:
            kept_by_key.clear()
        kept = kept_by_key[key] = SocketURLAdapter(adapter)
        return kept
