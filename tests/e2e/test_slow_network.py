"""Slow phones and networks (DESIGN.md §5): in Chromium throttled through the DevTools protocol
(Network.emulateNetworkConditions), a child joins and submits over 400 kbit/s with 400 ms round trips in
under 2 seconds per submit, the join page is usable within 10 seconds at 50 kbit/s, and the same journey
works with JavaScript off. What crossed the wire is counted from the protocol's own byte counts.

Also here, without a browser: the gzip of text responses (facilitator/web/compression.py), and Socket.IO's
long-polling and websocket transports working through it against a real server."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
import rjsmin
import socketio
from playwright.sync_api import expect

from tests.browser import ARTIFACTS, screenshot
from tests.servers import Browserless

browser_test = pytest.mark.browser
pytestmark = pytest.mark.timing
KBIT = 1000 / 8  # bytes per second in one kilobit per second


class Throttled:
    """One page on a slow link, counting the bytes of every response (headers and encoded body)."""

    def __init__(self, page, kbit: int, rtt_ms: int):
        self.page = page
        self.bytes: dict[str, int] = {}
        self.urls: dict[str, str] = {}
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": rtt_ms, "downloadThroughput": kbit * KBIT, "uploadThroughput": kbit * KBIT},
        )
        self.cdp.on("Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        self.cdp.on("Network.loadingFinished", lambda e: self.bytes.__setitem__(e["requestId"], e["encodedDataLength"]))

    def reset(self) -> None:
        self.bytes.clear()

    def transferred(self) -> tuple[int, dict[str, int]]:
        """Bytes of page loads since the last reset (Socket.IO's own traffic left out), and by URL."""
        by_url = {
            self.urls.get(rid, rid): size
            for rid, size in self.bytes.items()
            if "/socket.io/" not in self.urls.get(rid, "")
        }
        return sum(by_url.values()), by_url


@pytest.fixture(scope="module")
def server(childrens_board_server):
    return childrens_board_server


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


def phone_context(browser, **options):
    return browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, **options)


@browser_test
def test_join_and_submit_over_400_kbits_with_400_ms_round_trips(browser, server):
    ctx = phone_context(browser)
    try:
        page = ctx.new_page()
        link = Throttled(page, kbit=400, rtt_ms=400)
        started = time.monotonic()
        page.goto(f"{server.url}/j/{server.demo['join_code']}", wait_until="load")
        join_seconds = time.monotonic() - started
        join_bytes, join_files = link.transferred()

        link.reset()
        started = time.monotonic()
        page.select_option("#group", "child")
        page.locator(".join-form button[type=submit]").click()
        page.wait_for_load_state("load")
        expect(page.locator("#text-want")).to_be_visible()
        activity_seconds = time.monotonic() - started
        activity_bytes, activity_files = link.transferred()
        expect(page.locator("#connection")).to_have_attribute("data-state", "live", timeout=15000)

        submits = []
        for n in range(3):
            page.fill("#text-want", f"Games that do not ask for my location {n}")
            started = time.monotonic()
            page.locator('.lane-form[data-lane="want"] button[type=submit]').click()
            entry = page.locator("#entries li", has_text=f"Games that do not ask for my location {n}")
            expect(entry.locator(".state")).to_have_text("Waiting for the moderator", timeout=10000)
            submits.append(time.monotonic() - started)
        expect(page.locator("#announce")).to_have_text("Sent. Thank you!")

        # Coming back later, in a new tab (Chromium treats going to the same URL as a reload, which
        # revalidates every file): the static files come from the cache without asking.
        url = page.url
        page.close()
        page = ctx.new_page()
        link = Throttled(page, kbit=400, rtt_ms=400)
        started = time.monotonic()
        page.goto(url, wait_until="load")
        repeat_seconds = time.monotonic() - started
        repeat_bytes, repeat_files = link.transferred()
        expect(page.locator("#entries li")).to_have_count(3)
        screenshot(page, "slow-network-400kbit")

        print(
            f"\n400 kbit/s, 400 ms RTT: join page {join_seconds:.2f} s, {join_bytes:,} B {sorted(join_files.values())}"
        )
        print(f"  join -> activity page {activity_seconds:.2f} s, {activity_bytes:,} B")
        for url, size in sorted(activity_files.items(), key=lambda item: -item[1]):
            print(f"    {size:>7,} B  {url.split('?')[0].replace(server.url, '')}")
        print(f"  submit (tap to acknowledged): {', '.join(f'{s:.2f} s' for s in submits)}")
        print(f"  repeat visit of the activity page {repeat_seconds:.2f} s, {repeat_bytes:,} B")
        assert max(submits) < 2.0, submits
        assert join_bytes < 30 * 1024 and activity_bytes < 30 * 1024, (join_bytes, activity_bytes)
        assert repeat_bytes < 5 * 1024, repeat_files  # static files come from the cache
    finally:
        ctx.close()


@browser_test
def test_join_page_is_usable_within_10_seconds_at_50_kbits(browser, server):
    ctx = phone_context(browser)
    try:
        page = ctx.new_page()
        link = Throttled(page, kbit=50, rtt_ms=400)
        started = time.monotonic()
        page.goto(f"{server.url}/j/{server.demo['join_code']}", wait_until="domcontentloaded")
        expect(page.locator(".join-form button[type=submit]")).to_be_visible()
        usable = time.monotonic() - started
        page.wait_for_load_state("load")
        loaded = time.monotonic() - started
        join_bytes, _ = link.transferred()

        link.reset()
        started = time.monotonic()
        page.locator(".join-form button[type=submit]").click()
        expect(page.locator("#text-have")).to_be_editable(timeout=30000)
        form_usable = time.monotonic() - started  # a plain form: usable before the scripts arrive
        page.wait_for_load_state("load", timeout=60000)
        activity_loaded = time.monotonic() - started
        activity_bytes, _ = link.transferred()
        print(
            f"\n50 kbit/s, 400 ms RTT: join page usable {usable:.2f} s, loaded {loaded:.2f} s ({join_bytes:,} B); "
            f"activity form usable {form_usable:.2f} s, everything loaded {activity_loaded:.2f} s "
            f"({activity_bytes:,} B)"
        )
        assert usable < 10 and loaded < 10
        assert form_usable < 10
    finally:
        ctx.close()


@browser_test
def test_the_same_journey_without_javascript(browser, server):
    ctx = phone_context(browser, java_script_enabled=False)
    try:
        page = ctx.new_page()
        Throttled(page, kbit=400, rtt_ms=400)
        page.goto(f"{server.url}/j/{server.demo['join_code']}")
        page.locator('.lang-switch button[value="sw"]').click()  # the switch is a plain form too
        expect(page.locator("html")).to_have_attribute("lang", "sw")
        page.locator(".join-form button[type=submit]").click()
        expect(page.locator("#text-have")).to_be_visible()
        page.fill("#text-have", "Watu wasiojulikana wananiongeza kwenye magroup")
        started = time.monotonic()
        page.locator('.lane-form[data-lane="have"] button[type=submit]').click()
        expect(page.locator("#announce")).to_have_text("Imetumwa. Asante!")
        submit = time.monotonic() - started
        expect(page.locator("#entries li", has_text="wananiongeza")).to_contain_text("Linasubiri msimamizi")
        page.screenshot(path=str(ARTIFACTS / "slow-network-no-javascript-sw.png"), full_page=True)
        print(f"\nno JavaScript, 400 kbit/s, 400 ms RTT: submit (post, redirect, page) {submit:.2f} s")
        assert submit < 5, submit
    finally:
        ctx.close()


@browser_test
def test_socketio_long_polling_and_websocket_work_through_gzip(server):
    phone = Browserless(server.url).join(server.demo["join_code"])
    html = phone.get(f"/e/{server.demo['join_code']}")
    import re

    activity_id = int(re.search(r'data-activity-id="(\d+)"', html).group(1))
    for transports in (["polling"], ["websocket"], ["polling", "websocket"]):
        client = socketio.Client(reconnection=False)
        client.connect(
            server.url,
            auth={"view": "participant"},
            transports=transports,
            headers={"Cookie": phone.cookie_header(), "Accept-Encoding": "gzip"},
            wait_timeout=10,
        )
        try:
            ack = client.call(
                "participant:submit",
                {
                    "activity_id": activity_id,
                    "lane": "want",
                    "text": f"Over {'+'.join(transports)}",
                    "client_key": f"{'x' * 20}{len(transports)}{transports[0][:4]}",
                },
                timeout=10,
            )
            assert ack["ok"], ack
            assert client.call("participant:sync", {}, timeout=10)["ok"]
        finally:
            client.disconnect()


# --- gzip, without a browser ---------------------------------------------------------------------------------


def test_text_responses_are_gzipped_when_asked(client, event):
    page = client.get("/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert page.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in page.headers["Vary"]
    body = gzip.decompress(page.get_data())
    assert b"Join the session" in body and int(page.headers["Content-Length"]) == len(page.get_data())
    assert len(page.get_data()) < len(body) / 2

    plain = client.get("/")  # no Accept-Encoding: as before
    assert "Content-Encoding" not in plain.headers and b"Join the session" in plain.get_data()
    assert "Accept-Encoding" in plain.headers["Vary"]
    refused = client.get("/", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in refused.headers


def test_static_files_are_gzipped_once_and_revalidate(app, client):
    with app.test_request_context():
        url = app.jinja_env.globals["asset_url"]("participant/phone.js")
    # Each response closed, as a WSGI server does: a static response holds its file open until then.
    with client.get(url, headers={"Accept-Encoding": "gzip"}) as first:
        assert first.status_code == 200 and first.headers["Content-Encoding"] == "gzip"
        assert "immutable" in first.headers["Cache-Control"] and "Accept-Ranges" not in first.headers
        # Minified before gzip: the source's comments stay on the server.
        source = (Path(app.static_folder) / "participant/phone.js").read_bytes()
        served = gzip.decompress(first.get_data())
        assert source.startswith(b"/* Upgrades the phone page") and b"Upgrades the phone page" not in served
        assert served == rjsmin.jsmin(source) and len(served) < len(source) * 0.8
        etag = first.headers["ETag"]
        assert etag.startswith('W/"')  # the bytes are not the file's: a weak validator
    with client.get(url, headers={"Accept-Encoding": "gzip"}) as again:
        assert again.get_data() == first.get_data()
    with client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": etag}) as revalidated:
        assert revalidated.status_code == 304 and not revalidated.get_data()


def test_small_binary_and_streamed_responses_are_left_alone(app, client):
    small = client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in small.headers and small.get_json() == {"ok": True}
    with app.test_request_context():
        face = app.jinja_env.globals["asset_url"]("faces/1.svg")
    with client.get(face, headers={"Accept-Encoding": "gzip"}) as svg:
        assert svg.status_code == 200  # compressed or not by size; always readable
        body = svg.get_data()
        if svg.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        assert b"<svg" in body
    from flask import Response, stream_with_context

    from facilitator.web.compression import compress_response

    with app.test_request_context("/export", headers={"Accept-Encoding": "gzip"}):
        streamed = Response(stream_with_context(iter(["a" * 4000])), mimetype="text/csv")
        assert "Content-Encoding" not in compress_response(streamed).headers
        encoded = Response(b"x" * 4000, mimetype="text/plain", headers={"Content-Encoding": "br"})
        assert compress_response(encoded).headers["Content-Encoding"] == "br"
        partial = Response(b"x" * 4000, status=206, mimetype="text/plain")
        assert "Content-Encoding" not in compress_response(partial).headers
        image = Response(b"\x89PNG" + b"x" * 4000, mimetype="image/png")
        assert "Content-Encoding" not in compress_response(image).headers


def test_phone_js_stays_es5_for_old_android_webviews():
    """No syntax an Android 4.4-7 WebView cannot parse (checked with acorn's ecmaVersion 5 when written)."""
    import re
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "static/participant/phone.js").read_text()
    code = re.sub(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'", '""', source, flags=re.S)
    for modern in (
        r"=>",
        r"\blet\s",
        r"\bconst\s",
        r"`",
        r"\bclass\s",
        r"\.\.\.",
        r"\basync\s",
        r"\bawait\s",
        r"\?\.",
        r"\?\?",
        r"\bfor\s*\([^)]*\bof\b",
    ):
        assert not re.search(modern, code), modern
