"""Page weight of the phone's pages over the wire, gzip as a browser asks for it (DESIGN.md §5: the
participant page's first load under 30 KB; a repeat visit under 5 KB).

    .venv/bin/python bench/page_weight.py [--lang en|sw]

Runs the app in-process (Flask's test client, SQLite in a temporary folder) with the demo roundtable's
children's board open, joins as a phone and fetches what a browser fetches: the page, then each stylesheet,
script and image it links. "First" is everything; "repeat" is what a phone that has been here before
downloads again: the HTML, plus a revalidation (304) of any static file whose Cache-Control does not let the
browser keep it (hashed static files should be cached a year, immutable, so cost nothing).
Bytes are the response's status line, headers and (compressed) body. Socket.IO's handshake (a few hundred
bytes, after the page is usable) is not counted.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST_LOAD_BUDGET = 30 * 1024
REPEAT_BUDGET = 5 * 1024
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/static/[^"]+)"')


def wire_bytes(response) -> int:
    head = f"HTTP/1.1 {response.status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in response.headers.items()) + "\r\n"
    return len(head.encode("latin-1", "replace")) + len(response.get_data())


def page_weight(client, path: str, headers: dict) -> dict:
    """What one page costs: {"html": bytes, "assets": {url: bytes}, "first": total, "repeat": html}."""
    page = client.get(path, headers=headers)
    assert page.status_code == 200, (path, page.status_code)
    html_bytes = wire_bytes(page)

    body = page.get_data()
    text = (gzip.decompress(body) if page.headers.get("Content-Encoding") == "gzip" else body).decode()
    assets, revalidations = {}, {}
    for url in dict.fromkeys(ASSET.findall(text)):
        url = url.replace("&amp;", "&")
        with client.get(url, headers=headers) as reply:
            assert reply.status_code == 200, (url, reply.status_code)
            assets[url] = wire_bytes(reply)
            cache = reply.cache_control
            fresh_for_a_year = (cache.max_age or 0) >= 365 * 24 * 3600 and not cache.no_cache and not cache.no_store
            etag = reply.headers.get("ETag")
        if not fresh_for_a_year:  # the browser asks again on every visit: a 304 at best
            with client.get(url, headers={**headers, "If-None-Match": etag or ""}) as again:
                revalidations[url] = wire_bytes(again)
    repeat = html_bytes + sum(revalidations.values())
    return {
        "html": html_bytes,
        "assets": assets,
        "revalidations": revalidations,
        "first": html_bytes + sum(assets.values()),
        "repeat": repeat,
    }


def measure(language: str = "en") -> dict[str, dict]:
    from facilitator import create_app
    from facilitator.cli import upgrade_database
    from facilitator.events import service as event_service
    from facilitator.extensions import db

    folder = tempfile.mkdtemp()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/weight.db",
            "SECRET_KEY": "page-weight-bench-secret-key-0123456789abcdef",
            "WTF_CSRF_ENABLED": False,
        }
    )
    with app.app_context():
        upgrade_database()
        event = event_service.create_event_from_template(event_service.load_template())
        board = next(
            a
            for s in event.sessions
            for a in s.activities
            if a.title == "The internet we have and the internet we want"
        )
        board.state = "open"
        event.current_activity_id = board.id
        db.session.commit()
        code = event.join_code
    headers = {
        "Accept-Encoding": "gzip, deflate",
        "Accept-Language": "sw-KE,sw;q=0.9" if language == "sw" else "en-GB,en;q=0.9",
        "User-Agent": "Mozilla/5.0 (Linux; Android 8.1.0) AppleWebKit/537.36 Chrome/70 Mobile Safari/537.36",
    }
    client = app.test_client()
    join = page_weight(client, f"/j/{code}", headers)
    reply = client.post(
        "/join", data={"code": code, "group": "child", "age_band": "14-15", "language": language}, headers=headers
    )
    assert reply.status_code == 302, reply.status_code
    activity = page_weight(client, f"/e/{code}", headers)
    return {"join page": join, "activity page": activity}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "sw"), default="en")
    args = parser.parse_args()
    results = measure(args.lang)
    ok = True
    print(f"page weight over the wire (gzip), language {args.lang}")
    for name, weight in results.items():
        print(f"\n{name}")
        print(f"  {'HTML':<52} {weight['html']:>7,} B")
        for url, size in weight["assets"].items():
            print(f"  {url.split('?')[0]:<52} {size:>7,} B")
        for url, size in weight["revalidations"].items():
            print(
                f"  repeat: {url.split('?')[0]:<44} {size:>7,} B  (Cache-Control has no-cache: revalidated each visit)"
            )
        first_ok, repeat_ok = weight["first"] < FIRST_LOAD_BUDGET, weight["repeat"] < REPEAT_BUDGET
        ok &= first_ok and repeat_ok
        print(
            f"  first load  {weight['first']:>7,} B ({weight['first'] / 1024:.1f} KB, budget 30 KB) "
            f"{'ok' if first_ok else 'OVER'}"
        )
        print(
            f"  repeat      {weight['repeat']:>7,} B ({weight['repeat'] / 1024:.1f} KB, budget 5 KB) "
            f"{'ok' if repeat_ok else 'OVER'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
