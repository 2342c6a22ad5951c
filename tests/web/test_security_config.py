"""Browser and transport security: the production secret-key rule, cookie flags, CSRF on every form,
Socket.IO's origin check and message size, security headers, and the limits on what people may send."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from facilitator import config as config_module
from facilitator import create_app, validation
from facilitator.board.models import Entry
from facilitator.errors import InvalidInput
from facilitator.extensions import csrf, db, socketio
from facilitator.web.security import CONTENT_SECURITY_POLICY, socketio_allowed_origins
from tests import factories
from tests.conftest import csrf_token

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
GOOD_KEY = "q4Jc9-UeVw2TzR7yXpLm0_sBnKd3HaGf8oEiY1tA6WuZrNvC5xMjSgQbDkPhO"  # random, as production needs


# --- the secret key and production settings -------------------------------------------------------


@pytest.mark.parametrize(
    "secret_key",
    [None, "", "dev", "change-me", "short-but-not-empty", "k" * 48, "abab" * 12, "passwordpasswordpasswordpassword"],
)
def test_production_refuses_to_start_without_a_real_secret_key(monkeypatch, tmp_path, secret_key):
    monkeypatch.setenv("FACILITATOR_ENV", "production")
    if secret_key is None:
        monkeypatch.delenv("SECRET_KEY", raising=False)
    else:
        monkeypatch.setenv("SECRET_KEY", secret_key)
    with pytest.raises(config_module.ConfigError, match="SECRET_KEY"):
        config_module.load(tmp_path)
    with pytest.raises(config_module.ConfigError):
        create_app()  # the factory reads the configuration before it touches anything else
    assert not (tmp_path / "secret_key").exists()  # no key is quietly made up in production


@pytest.mark.parametrize("name", ["Production", "PRODUCTION", " production "])
def test_the_environment_name_is_read_whatever_its_case(monkeypatch, tmp_path, name):
    monkeypatch.setenv("FACILITATOR_ENV", name)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(config_module.ConfigError, match="SECRET_KEY"):  # production's rules apply
        config_module.load(tmp_path)
    monkeypatch.setenv("SECRET_KEY", GOOD_KEY)
    assert config_module.load(tmp_path)["ENVIRONMENT"] == "production"


def test_an_unknown_environment_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("FACILITATOR_ENV", "prod")
    with pytest.raises(config_module.ConfigError, match="FACILITATOR_ENV"):
        config_module.load(tmp_path)


def test_the_database_and_the_instance_folder_are_private(monkeypatch, tmp_path):
    """Participants' entries are in the SQLite file: only the service's own user may read it, or its WAL."""
    monkeypatch.delenv("FACILITATOR_ENV", raising=False)
    instance = tmp_path / "instance"
    config_module.load(instance)
    assert instance.stat().st_mode & 0o777 == 0o700
    # In a process of its own: a second app would take over the test session's Socket.IO server.
    database = tmp_path / "private.db"
    script = (
        "from facilitator import create_app\nfrom facilitator.cli import upgrade_database\n"
        f"app = create_app({{'SQLALCHEMY_DATABASE_URI': 'sqlite:///{database}', 'SECRET_KEY': '{GOOD_KEY}'}})\n"
        "with app.app_context():\n    upgrade_database()\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=Path(__file__).resolve().parent.parent)
    files = [path for path in tmp_path.iterdir() if path.name.startswith("private.db")]
    assert {path.name for path in files} >= {"private.db"}
    assert all(path.stat().st_mode & 0o077 == 0 for path in files), [oct(p.stat().st_mode) for p in files]


def test_production_sets_secure_httponly_samesite_cookies(monkeypatch, tmp_path):
    monkeypatch.setenv("FACILITATOR_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", GOOD_KEY)
    monkeypatch.delenv("COOKIE_SECURE", raising=False)
    settings = config_module.load(tmp_path)
    assert settings["SECRET_KEY"] == GOOD_KEY
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["SESSION_COOKIE_HTTPONLY"] is True
    assert settings["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_development_makes_a_key_of_its_own_and_plain_http_cookies(monkeypatch, tmp_path):
    monkeypatch.delenv("FACILITATOR_ENV", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("COOKIE_SECURE", raising=False)
    settings = config_module.load(tmp_path)
    assert len(settings["SECRET_KEY"]) >= 32 and (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert settings["SESSION_COOKIE_SECURE"] is False


# --- cookies as the app sets them -------------------------------------------------------------------


def cookie_flags(replies, name: str) -> set[str]:
    """The attributes of the last ``name`` cookie set by these replies (a page, then its form's post)."""
    headers = [
        h
        for reply in (replies if isinstance(replies, tuple) else (replies,))
        for h in reply.headers.getlist("Set-Cookie")
    ]
    for header in reversed(headers):
        if header.startswith(f"{name}="):
            return {
                part.strip().split("=")[0].lower() + ("=" + part.split("=", 1)[1] if "samesite" in part.lower() else "")
                for part in header.split(";")[1:]
            }
    raise AssertionError(f"no {name} cookie set: {headers}")


def join(client, code: str):
    """The join page and the post of its form: both set cookies."""
    page = client.get(f"/j/{code}")
    return page, client.post("/join", data={"code": code, "csrf_token": csrf_token(page.get_data(as_text=True))})


def sign_in(client, email: str, password: str):
    page = client.get("/staff/login")
    return page, client.post(
        "/staff/login",
        data={"email": email, "password": password, "csrf_token": csrf_token(page.get_data(as_text=True))},
    )


def test_participant_and_session_cookies_are_httponly_and_samesite(app, event, facilitator):
    reply = join(app.test_client(), event.join_code)
    for name in ("participant", "session"):
        flags = cookie_flags(reply, name)
        assert "httponly" in flags and "samesite=Lax" in flags, (name, flags)
        assert "secure" not in flags  # plain HTTP in development: a Secure cookie would never come back
    user, password = facilitator
    flags = cookie_flags(sign_in(app.test_client(), user.email, password), "session")
    assert "httponly" in flags and "samesite=Lax" in flags


def switch_language(client):
    page = client.get("/")
    return page, client.post(
        "/lang", data={"lang": "sw", "next": "/", "csrf_token": csrf_token(page.get_data(as_text=True))}
    )


def test_the_language_cookie_is_httponly_and_samesite_too(app):
    flags = cookie_flags(switch_language(app.test_client()), "lang")
    assert "httponly" in flags and "samesite=Lax" in flags


def test_cookies_are_secure_when_production_says_so(app, event, facilitator, monkeypatch):
    monkeypatch.setitem(app.config, "SESSION_COOKIE_SECURE", True)
    reply = join(app.test_client(), event.join_code)
    assert "secure" in cookie_flags(reply, "participant")
    assert "secure" in cookie_flags(reply, "session")
    assert "secure" in cookie_flags(switch_language(app.test_client()), "lang")
    user, password = facilitator
    assert "secure" in cookie_flags(sign_in(app.test_client(), user.email, password), "session")


# --- CSRF -------------------------------------------------------------------------------------------


# The one exemption: the SMS gateway's webhooks (facilitator/sms/routes.py). A gateway cannot hold a CSRF
# token; the installation's secret in their URL stands in for it, and a request without it is refused (403).
CSRF_EXEMPT_BLUEPRINTS = {"sms_webhooks"}


def state_changing_rules(app, *, exempt: bool = False):
    return [
        (rule, method)
        for rule in app.url_map.iter_rules()
        if (rule.endpoint.split(".", 1)[0] in CSRF_EXEMPT_BLUEPRINTS) == exempt
        for method in sorted(rule.methods & {"POST", "PUT", "PATCH", "DELETE"})
    ]


def test_every_state_changing_route_refuses_a_request_without_csrf_token(app, event, facilitator):
    user, password = facilitator
    signed_in = app.test_client()
    sign_in(signed_in, user.email, password)
    rules = state_changing_rules(app)
    assert len(rules) >= 10
    for rule, method in rules:
        values = {name: event.id if f"int:{name}" in rule.rule else event.join_code for name in rule.arguments}
        url = app.url_map.bind("localhost").build(rule.endpoint, values)
        for client in (app.test_client(), signed_in):
            reply = client.open(url, method=method, data={"email": user.email, "password": password})
            # Staff pages say so plainly (errors/form_token_refused.html); a phone's page says it in the phone's words
            # and keeps what was typed.
            body = reply.get_data(as_text=True)
            refused = "This form had expired" in body or "This page was open a long time" in body
            assert reply.status_code == 400 and refused, (method, rule.rule)


def test_no_view_or_blueprint_is_exempt_from_csrf_but_the_sms_gateways_webhooks():
    assert not csrf._exempt_views and {bp.name for bp in csrf._exempt_blueprints} == CSRF_EXEMPT_BLUEPRINTS


def test_the_sms_webhooks_refuse_a_request_without_the_installations_secret(app):
    rules = state_changing_rules(app, exempt=True)
    assert len(rules) == 2
    for rule, method in rules:
        url = app.url_map.bind("localhost").build(rule.endpoint, {"token": "a-guessed-secret"})
        assert app.test_client().open(url, method=method, data={"from": "+254712345678"}).status_code == 403


def test_every_form_that_posts_carries_a_csrf_token():
    """Read from the templates, so a form on a page no test renders is checked too. A form may carry the
    token itself or through a macro whose body does."""
    templates = {path: path.read_text(encoding="utf-8") for path in TEMPLATES.rglob("*.html")}
    macros_with_token = {
        name
        for html in templates.values()
        for name, body in re.findall(r"{%-?\s*macro\s+(\w+)\(.*?%}(.*?){%-?\s*endmacro", html, re.S)
        if "csrf_token()" in body
    }
    carries_token = re.compile(r"csrf_token\(\)" + "".join(rf"|\b{name}\(\)" for name in macros_with_token))
    forms_checked = 0
    for path, html in templates.items():
        for form in re.finditer(r"<form\b([^>]*)>(.*?)</form>", html, re.S | re.I):
            if re.search(r'method\s*=\s*"post"', form.group(1), re.I):
                forms_checked += 1
                assert carries_token.search(form.group(2)), (
                    f"{path.relative_to(TEMPLATES)}: a POST form without csrf_token"
                )
    assert forms_checked >= 8


# --- content security policy and headers -------------------------------------------------------------


def test_pages_carry_a_strict_policy_and_the_usual_headers(client, event):
    reply = client.get(f"/j/{event.join_code}")
    headers = reply.headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY and "object-src 'none'" in CONTENT_SECURITY_POLICY
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in headers
    assert "max-age" in client.get("/", base_url="https://localhost").headers["Strict-Transport-Security"]


def test_templates_have_no_inline_script_or_event_handler():
    """What the CSP forbids must not be in a template either: it would simply not run."""
    for template in TEMPLATES.rglob("*.html"):
        html = template.read_text(encoding="utf-8")
        for tag in re.finditer(r"<script\b([^>]*)>", html, re.I):
            attributes = tag.group(1)
            assert "src=" in attributes or 'type="application/json"' in attributes, template.name
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I), f"inline event handler in {template.name}"


# --- Socket.IO: origin and message size ------------------------------------------------------------


def handshake(client, origin: str | None):
    headers = {"Origin": origin} if origin else {}
    return client.get("/socket.io/?EIO=4&transport=polling", headers=headers)


def close_engineio_session(client, reply) -> None:
    sid = re.search(r'"sid":"([^"]+)"', reply.get_data(as_text=True)).group(1)
    client.post(f"/socket.io/?EIO=4&transport=polling&sid={sid}", data="1")  # the close packet


def test_socket_handshake_from_a_foreign_origin_is_refused(client):
    refused = handshake(client, "https://evil.example")
    assert refused.status_code == 400 and "Not an accepted origin" in refused.get_data(as_text=True)
    assert handshake(client, "http://localhost.evil.example").status_code == 400
    assert handshake(client, "https://localhost").status_code == 400  # another scheme is another origin


@pytest.mark.parametrize("origin", ["http://localhost", None])
def test_socket_handshake_from_the_own_origin_is_accepted(client, origin):
    """A browser on the app's own pages sends its origin; a non-browser client (tests, bench) sends none."""
    accepted = handshake(client, origin)
    assert accepted.status_code == 200 and accepted.get_data(as_text=True).startswith("0{")
    close_engineio_session(client, accepted)


def test_extra_socket_origins_add_to_the_own_origin_and_never_allow_everyone():
    assert socketio_allowed_origins([]) is None  # engine.io's own same-origin check
    assert socketio_allowed_origins(["*"]) is None
    allowed = socketio_allowed_origins(["https://screens.example.org/", "*"])
    environ = {"wsgi.url_scheme": "https", "HTTP_HOST": "facilitator.example.org"}
    assert allowed("https://facilitator.example.org", environ)
    assert allowed("https://screens.example.org", environ)
    assert not allowed("https://evil.example", environ)


def in_background(request) -> tuple[threading.Thread, dict]:
    """Run one request on its own thread, as a browser's concurrent long-poll would be."""
    outcome: dict = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("reply", request()), daemon=True)
    thread.start()
    return thread, outcome


def test_socket_messages_over_16_kb_are_refused_and_the_connection_dropped(app, client):
    assert socketio.server.eio.max_http_buffer_size == 16 * 1024
    opened = handshake(client, "http://localhost")
    assert '"maxPayload":16384' in opened.get_data(as_text=True)  # the client is told the limit, too
    sid = re.search(r'"sid":"([^"]+)"', opened.get_data(as_text=True)).group(1)
    session_url = f"/socket.io/?EIO=4&transport=polling&sid={sid}"
    engineio_socket = socketio.server.eio.sockets[sid]
    oversized = '42["participant:submit",{"text":"' + "x" * (17 * 1024) + '"}]'
    sending, sent = in_background(lambda: app.test_client().post(session_url, data=oversized))
    deadline = time.monotonic() + 10
    while not engineio_socket.closed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert engineio_socket.closed, "an oversized message must close the session"
    gone = client.get(session_url)
    assert gone.status_code == 400 and "disconnected" in gone.get_data(as_text=True)
    # python-engineio answers the oversized POST only once the client has drained the closed session's
    # queue, which it can no longer poll: the request would wait for ever. Drain it here; in production
    # the proxy refuses such a body first (client_max_body_size, docs/deployment.md).
    while engineio_socket.queue.unfinished_tasks:
        engineio_socket.queue.get_nowait()
        engineio_socket.queue.task_done()
    sending.join(timeout=10)
    assert not sending.is_alive() and sent["reply"].status_code == 400


def test_http_bodies_over_64_kb_are_refused(client):
    assert client.post("/join", data={"code": "x" * (70 * 1024)}).status_code == 413


# --- what people may send: length, Unicode, control characters ----------------------------------------


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("Cafe\u0301 na chai", "Café na chai"),  # NFC: one é, however the phone's keyboard composed it
        ("kind \u202eesrever\u202c words", "kind esrever words"),  # a bidi override would flip the projector
        ("zero\u200bwidth\u2066 and \u2069isolates", "zerowidth and isolates"),
        ("bell\x07 null\x00 escape\x1b[31m", "bell null escape[31m"),
        ("family 👨\u200d👩\u200d👧 stays", "family 👨\u200d👩\u200d👧 stays"),  # the joiner of emoji sequences
        ("  many    spaces\t\tand\n\n\n\nlines  ", "many spaces and\n\nlines"),
    ],
)
def test_text_is_normalised_and_stripped_of_control_characters(raw, clean):
    assert validation.clean_text(raw, field="Your answer", max_chars=280) == clean


def test_text_length_is_counted_after_normalising():
    decomposed = "e\u0301" * 280  # 560 code points, 280 characters once composed
    assert len(validation.clean_text(decomposed, field="Your answer", max_chars=280)) == 280
    with pytest.raises(InvalidInput) as too_long:
        validation.clean_text("x" * 281, field="Your answer", max_chars=280)
    assert too_long.value.code == "text_too_long" and "280" in too_long.value.message
    with pytest.raises(InvalidInput):
        validation.clean_text("\u202e\u200b\x00", field="Your answer", max_chars=280)  # nothing left: empty


def test_a_phone_can_send_280_characters_and_not_281(app, phone):
    assert phone.submit("y" * 280)["ok"]
    refused = phone.submit("y" * 281)
    assert refused["ok"] is False and refused["error"] == "text_too_long"
    assert "280" in refused["message"]


def test_what_a_phone_sends_is_stored_cleaned(app, phone):
    ack = phone.submit("Wazazi \u202ewatusikilize\u202c\u200b na Cafe\u0301")
    with app.app_context():
        stored = db.session.get(Entry, ack["entry"]["id"]).text
    assert stored == "Wazazi watusikilize na Café"


def test_the_form_without_javascript_has_the_same_limits(app, event, phone):
    page = phone.http.get(f"/e/{event.join_code}").get_data(as_text=True)
    reply = phone.http.post(
        f"/e/{event.join_code}/submit",
        data={
            "csrf_token": csrf_token(page),
            "activity_id": event.current_activity_id,
            "lane": "have",
            "text": "z" * 281,
            "client_key": factories.new_key(),
        },
    )
    assert reply.status_code == 400 and "280" in reply.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Entry.id)) is None


@pytest.mark.parametrize("big", [2**31, 2**63, 10**30])
def test_an_id_too_large_for_the_database_is_not_found(client, event, facilitator, big):
    user, password = facilitator
    page = client.get("/staff/login").get_data(as_text=True)
    client.post("/staff/login", data={"email": user.email, "password": password, "csrf_token": csrf_token(page)})
    for path in (f"/console/{big}", f"/console/{event.id}/asks/{big}/show", f"/console/{big}/reports/"):
        assert client.get(path).status_code in (404, 405), path
    assert client.get(f"/console/{event.id}").status_code == 200


def test_a_socket_id_too_large_for_the_database_is_refused(console):
    ack = console.emit("console:moderate", {"response_id": 2**31, "action": "approve"}, callback=True)
    assert ack["ok"] is False and ack["error"] == "invalid_id"
