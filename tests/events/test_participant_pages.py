"""The phone without JavaScript: plain pages and form posts running the same service code."""

import re

from sqlalchemy import func, select

from facilitator.board.models import Entry
from facilitator.events.models import Participant
from facilitator.extensions import db
from tests.conftest import csrf_token


def join(client, event, **fields):
    page = client.get(f"/j/{event.join_code}").get_data(as_text=True)
    return client.post("/join", data={"code": event.join_code, "csrf_token": csrf_token(page), **fields})


def test_join_page_asks_for_a_code(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'name="code"' in html and "tel:116" in html


def test_join_sets_an_httponly_token_and_stores_only_what_was_declared(app, client, event):
    reply = join(client, event, group="child", age_band="12-13", language="sw")
    assert reply.status_code == 302 and reply.headers["Location"].endswith(f"/e/{event.join_code}")
    cookie = reply.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    with app.app_context():
        participant = db.session.scalar(select(Participant))
        assert (participant.group, participant.age_band, participant.language) == ("child", "12-13", "sw")
        token = re.search(r"participant=([^;]+)", cookie).group(1)
        assert token not in participant.token_hash  # only a hash is kept
        assert set(Participant.__table__.columns.keys()) == {
            "id",
            "event_id",
            "token_hash",
            "group",
            "age_band",
            "language",
            "created_at",
        }


def test_code_typed_in_lower_case_with_spaces_is_forgiven(client, event):
    page = client.get("/").get_data(as_text=True)
    spaced = " ".join(event.join_code.lower())
    reply = client.post("/join", data={"code": spaced, "csrf_token": csrf_token(page)})
    assert reply.status_code == 302


def test_wrong_code_gets_a_clear_message(client):
    page = client.get("/").get_data(as_text=True)
    reply = client.post("/join", data={"code": "ZZZZZZ", "csrf_token": csrf_token(page)})
    assert reply.status_code == 404 and "No event has that code" in reply.get_data(as_text=True)
    reply = client.post("/join", data={"code": "IO01", "csrf_token": csrf_token(page)})
    assert reply.status_code == 400 and "6 letters and numbers" in reply.get_data(as_text=True)
    assert client.get("/j/ZZZZZZ").status_code == 404


def test_join_without_csrf_token_is_refused(client, event):
    assert client.post("/join", data={"code": event.join_code}).status_code == 400


def test_activity_page_shows_both_lanes_with_a_limit(client, event):
    join(client, event)
    html = client.get(f"/e/{event.join_code}").get_data(as_text=True)
    assert "The internet we have" in html and "The internet we want" in html
    visible = html.split('<template id="lane-template">')[0]
    assert visible.count('maxlength="280"') == 2


def test_activity_page_without_joining_sends_to_join(client, event):
    reply = client.get(f"/e/{event.join_code}")
    assert reply.status_code == 302 and f"/j/{event.join_code}" in reply.headers["Location"]


def _form_fields(html: str, lane: str) -> dict:
    form = html.split(f'data-lane="{lane}"', 1)[1].split("</form>", 1)[0]
    return dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))


def test_form_post_submits_and_a_double_post_is_a_no_op(app, client, event):
    join(client, event)
    fields = _form_fields(client.get(f"/e/{event.join_code}").get_data(as_text=True), "want")
    fields["text"] = "Safer group chats"
    first = client.post(f"/e/{event.join_code}/submit", data=fields)
    again = client.post(f"/e/{event.join_code}/submit", data=fields)
    assert first.status_code == again.status_code == 303
    page = client.get(f"/e/{event.join_code}").get_data(as_text=True)
    assert "Safer group chats" in page and "Waiting for the moderator" in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Entry.id))) == 1


def test_form_post_error_keeps_the_text(client, event):
    join(client, event)
    fields = _form_fields(client.get(f"/e/{event.join_code}").get_data(as_text=True), "have")
    fields["text"] = "z" * 300
    reply = client.post(f"/e/{event.join_code}/submit", data=fields)
    assert reply.status_code == 400
    html = reply.get_data(as_text=True)
    assert "at most 280 characters" in html and "z" * 300 in html


def test_participant_text_is_escaped_on_the_phone(client, event):
    join(client, event)
    fields = _form_fields(client.get(f"/e/{event.join_code}").get_data(as_text=True), "have")
    fields["text"] = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    client.post(f"/e/{event.join_code}/submit", data=fields)
    html = client.get(f"/e/{event.join_code}").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_security_headers_on_every_page(client, event):
    reply = client.get("/")
    csp = reply.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Referrer-Policy"] == "same-origin"


def test_static_files_have_cache_busting_names(client):
    html = client.get("/").get_data(as_text=True)
    css = re.search(r'href="(/static/participant/phone\.css\?v=[0-9a-f]{12})"', html).group(1)
    with client.get(css) as reply:
        assert reply.status_code == 200 and "immutable" in reply.headers["Cache-Control"]


def test_projector_page_and_forged_token(client, event):
    page = client.get(f"/p/{event.projector_token}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and event.join_code in html and "<svg" in html
    assert client.get("/p/forged-token-forged-token").status_code == 404


def test_a_device_that_joins_again_stays_the_same_participant(app, client, event):
    """Joining again from a phone that holds a valid participant cookie for the event mints no new identity:
    limits and votes per participant cannot be escaped by re-joining (one device flooded the lead that way)."""
    join(client, event, group="child", age_band="14-15")
    for _ in range(5):
        token = csrf_token(client.get("/").get_data(as_text=True))
        reply = client.post("/join", data={"code": event.join_code, "csrf_token": token, "group": "child"})
        assert reply.status_code == 302 and reply.headers["Location"].endswith(f"/e/{event.join_code}")
    with app.app_context():
        assert db.session.scalar(select(func.count(Participant.id))) == 1
    other = app.test_client()
    join(other, event)
    with app.app_context():
        assert db.session.scalar(select(func.count(Participant.id))) == 2  # another device is another participant


def test_a_refused_form_token_keeps_what_the_phone_typed_in_its_language(client, event):
    """A phone left open past its form token's life (or with an old page) posts without a valid token: the app
    answers with its own page, in the phone's language, and the text is still in the box."""
    join(client, event, language="sw")
    page = client.get(f"/e/{event.join_code}").get_data(as_text=True)
    form = re.search(r'<form class="lane-form".*?</form>', page, re.S).group(0)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
    fields["csrf_token"] = "stale"
    reply = client.post(f"/e/{event.join_code}/submit", data={**fields, "text": "Tunataka simu salama zaidi"})
    html = reply.get_data(as_text=True)
    assert reply.status_code == 400
    assert "Tunataka simu salama zaidi" in html  # kept, in the writing box
    assert "Ukurasa huu ulikaa wazi" in html  # the app's own message, in Kiswahili
    with client.application.app_context():
        assert db.session.scalar(select(func.count(Entry.id))) == 0


def test_the_phones_timer_says_when_in_the_events_time_zone(app, event, phone, console):
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    ack = console.emit("console:timer", {"activity_id": event.current_activity_id, "seconds": 600}, callback=True)
    ends = datetime.fromisoformat(ack["activity"]["timer_ends_at"]).astimezone(UTC)
    nairobi = ends.astimezone(ZoneInfo("Africa/Nairobi")).strftime("%H:%M")
    page = phone.http.get(f"/e/{event.join_code}").get_data(as_text=True)
    assert f"Time left until {nairobi} EAT" in page and " UTC" not in page
