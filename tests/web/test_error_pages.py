"""The app's own pages for a body over the size limit and a refused form token (issue 15, finding 6): never the
framework's bare English error, on a phone's page in the phone's language with what fits of the typed text kept,
and nothing stored."""

import re

from sqlalchemy import func, select

from facilitator.board.entries import ENTRY_MAX_CHARS
from facilitator.board.models import Entry
from facilitator.extensions import db
from tests.conftest import csrf_token
from tests.events.test_participant_pages import join
from tests.web.test_security_config import sign_in


def lane_form(client, event) -> dict:
    page = client.get(f"/e/{event.join_code}").get_data(as_text=True)
    form = re.search(r'<form class="lane-form".*?</form>', page, re.S).group(0)
    return dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))


def entries_stored(client) -> int:
    with client.application.app_context():
        return db.session.scalar(select(func.count(Entry.id)))


def test_a_text_over_the_size_limit_keeps_what_fits_in_the_phones_language(client, event):
    """A no-JavaScript phone (an old browser that ignores maxlength) posts a text far past the server's limit on a
    request body: the phone's own page answers, in Kiswahili, says how long a text may be, and the box holds the
    text's first ENTRY_MAX_CHARS characters."""
    join(client, event, language="sw")
    typed = "Tunataka simu salama zaidi kwa watoto wote. " * 2000  # ~88 KB, over MAX_CONTENT_LENGTH (64 KiB)
    assert len(typed.encode()) > client.application.config["MAX_CONTENT_LENGTH"]
    reply = client.post(f"/e/{event.join_code}/submit", data={**lane_form(client, event), "text": typed})
    html = reply.get_data(as_text=True)
    assert reply.status_code == 413
    assert "Request Entity Too Large" not in html
    # The app's own message, in Kiswahili, with the length allowed.
    assert f"ndefu mno kutumwa: ujumbe unaweza kuwa na hadi herufi {ENTRY_MAX_CHARS}" in html
    box = re.search(r'<textarea id="text-\w+" name="text"[^>]*>([^<]*)</textarea>', html).group(1)
    assert box == typed[:ENTRY_MAX_CHARS].strip() or box == typed[:ENTRY_MAX_CHARS]
    assert entries_stored(client) == 0


def test_too_large_on_a_staff_page_is_the_apps_own_page(client, event, facilitator):
    user, password = facilitator
    sign_in(client, user.email, password)
    page = client.get(f"/console/{event.id}/safeguarding/").get_data(as_text=True)
    reply = client.post(
        f"/console/{event.id}/safeguarding/words", data={"csrf_token": csrf_token(page), "words": "x" * 70_000}
    )
    html = reply.get_data(as_text=True)
    assert reply.status_code == 413
    assert "Request Entity Too Large" not in html
    assert "larger than this server accepts" in html and "64 KB" in html


def test_a_refused_form_token_on_a_staff_page_is_the_apps_own_page(client, event, facilitator):
    user, password = facilitator
    sign_in(client, user.email, password)
    reply = client.post(f"/console/{event.id}/safeguarding/words", data={"csrf_token": "stale", "words": "x"})
    html = reply.get_data(as_text=True)
    assert reply.status_code == 400
    assert "Bad Request" not in html and "The CSRF token" not in html
    assert "Nothing was saved" in html
    assert 'href="/console/"' in html


def test_a_refused_sign_in_form_is_the_apps_own_page(client):
    reply = client.post("/staff/login", data={"email": "a@b.c", "password": "x"})
    html = reply.get_data(as_text=True)
    assert reply.status_code == 400
    assert "Bad Request" not in html and "Nothing was saved" in html
