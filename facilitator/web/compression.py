"""gzip for text responses, so a phone on slow data downloads a third of the bytes (DESIGN.md §5: the
participant page's first load under 30 KB).

An ``after_request`` hook rather than WSGI middleware: Socket.IO (long-polling and websocket) is answered
by Engine.IO's middleware *before* Flask, so it never reaches this code (Engine.IO compresses its own
polling payloads), and a Flask response already knows its mimetype, length and whether it streams.

- Only when the browser accepts gzip; only text-like types (HTML, CSS, JavaScript, JSON, SVG, CSV, XML);
  not bodies under ``MIN_SIZE`` (gzip's framing would eat the gain), not partial or empty answers, not
  responses already encoded, not streamed ones (a generator may be long or never end), except static
  files, whose size is known.
- Static files are compressed once per version (by ETag) at the highest level and kept in memory; pages
  at a fast level per request. Scripts and stylesheets are minified first (rjsmin, rcssmin: comments and
  spaces out, nothing renamed), so the sources keep their comments and a phone does not download them: the
  participant page's first load is a fifth lighter (bench/page_weight.py).
- ``Vary: Accept-Encoding`` on every response that could be compressed, so a cache never hands gzip to a
  client that did not ask for it; a strong ETag becomes weak (the bytes differ from the file's), which
  keeps ``If-None-Match`` revalidation working.

Websocket frames are *not* compressed: browsers offer permessage-deflate and the websocket servers under
Engine.IO accept it, after which every connection keeps zlib's compressor and decompressor (about 300 KB,
over a gigabyte for 5,000 phones) and every message to the room is compressed once per phone. The
messages are a few hundred bytes of JSON; ``without_websocket_compression`` withdraws the offer.

BREACH (compression revealing a secret reflected next to attacker-chosen text) needs the victim's cookies
on many cross-site requests; the session and participant cookies are ``SameSite=Lax``, so cross-site
subresource requests carry neither, and get a fresh session with its own CSRF token.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING

import rcssmin
import rjsmin
from flask import Flask, Response, request

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

MIN_SIZE = 512
MAX_STATIC_SIZE = 4 * 1024 * 1024
PAGE_LEVEL = 6
STATIC_LEVEL = 9
COMPRESSIBLE = {
    "application/javascript",
    "application/json",
    "application/xml",
    "application/manifest+json",
    "image/svg+xml",
    "text/javascript",
}


MINIFIERS = {"text/javascript": rjsmin.jsmin, "application/javascript": rjsmin.jsmin, "text/css": rcssmin.cssmin}


def compressible(mimetype: str | None) -> bool:
    if not mimetype:
        return False
    return mimetype.startswith("text/") or mimetype in COMPRESSIBLE


class _StaticCache:
    """The gzip of each static file version, kept for the life of the process (a few files, a few KB)."""

    def __init__(self, size: int = 128):
        self.size = size
        self.items: OrderedDict[tuple[Hashable, ...], bytes] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Hashable, ...], data: bytes, mimetype: str | None = None) -> bytes:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        minify = MINIFIERS.get(mimetype or "")
        compressed = gzip.compress(minify(data) if minify else data, compresslevel=STATIC_LEVEL, mtime=0)
        with self.lock:
            self.items[key] = compressed
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return compressed


static_cache = _StaticCache()


def compress_response(response: Response) -> Response:
    if not compressible(response.mimetype) or request.method == "HEAD":
        return response
    if response.status_code < 200 or response.status_code in (204, 206, 304) or "Content-Range" in response.headers:
        return response
    if "Content-Encoding" in response.headers:
        return response
    static = request.endpoint == "static"
    if response.is_streamed and not static:
        return response
    length = response.content_length
    if length is not None and (length < MIN_SIZE or length > MAX_STATIC_SIZE):
        return response
    response.vary.add("Accept-Encoding")
    if request.accept_encodings["gzip"] <= 0:
        return response

    # A static file's wrapper: read it (its size is known and small), and close the file now.
    close = getattr(response.response, "close", None) if response.direct_passthrough else None
    response.direct_passthrough = False
    data = response.get_data()
    if close is not None:
        close()
    if len(data) < MIN_SIZE:
        return response
    etag, weak = response.get_etag()
    if static and etag:
        compressed = static_cache.get((request.path, etag, len(data)), data, response.mimetype)
    else:
        compressed = gzip.compress(data, compresslevel=PAGE_LEVEL, mtime=0)
    if len(compressed) >= len(data):
        return response
    response.set_data(compressed)  # also sets Content-Length
    response.headers["Content-Encoding"] = "gzip"
    response.headers.pop("Accept-Ranges", None)  # ranges would be of the file, not of these bytes
    if etag and not weak:
        response.set_etag(etag, weak=True)
    return response


def init_app(app: Flask) -> None:
    app.after_request(compress_response)


def without_websocket_compression(wsgi_app: WSGIApplication) -> WSGIApplication:
    """WSGI middleware, outermost: a websocket handshake reaches Engine.IO without the client's
    Sec-WebSocket-Extensions offer, so the connection is opened uncompressed."""

    def middleware(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        environ.pop("HTTP_SEC_WEBSOCKET_EXTENSIONS", None)
        return wsgi_app(environ, start_response)

    return middleware
