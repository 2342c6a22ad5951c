"""Static files with cache-busting names: ``asset_url('participant/phone.js')`` adds a content hash, and
such requests are cached for a year, so a phone on slow data downloads each file once."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, Response, request, url_for

ONE_YEAR = 365 * 24 * 3600


def init_app(app: Flask) -> None:
    assert app.static_folder is not None  # create_app sets it
    static_root = Path(app.static_folder)

    @lru_cache(maxsize=256)
    def content_hash(filename: str) -> str:
        return hashlib.sha256((static_root / filename).read_bytes()).hexdigest()[:12]

    def asset_url(filename: str) -> str:
        return url_for("static", filename=filename, v=content_hash(filename))

    app.jinja_env.globals["asset_url"] = asset_url

    @app.after_request
    def long_cache_for_hashed_assets(response: Response) -> Response:
        if request.endpoint == "static" and request.args.get("v") and response.status_code == 200:
            response.cache_control.no_cache = None  # Flask's default would make phones re-check every file
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.immutable = True
        return response
