"""Kiswahili and English: every string a phone or the projector shows is in the catalogue and translated,
the EN | SW switch is remembered, Accept-Language is respected, and a page in Kiswahili shows Kiswahili."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from facilitator.events.models import Participant
from facilitator.extensions import db
from facilitator.web import i18n
from tests.conftest import csrf_token

ROOT = Path(__file__).resolve().parents[2]
SW_PO = ROOT / "translations/sw/LC_MESSAGES/messages.po"
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}|</?strong>")


def extracted_messages() -> set[str]:
    """What `pybabel extract -F babel.cfg` finds today, run in-process (so a new string fails here)."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(str(ROOT), method_map, options_map):
        found.add(message if isinstance(message, str) else message[0])
    return found


def sw_catalogue():
    with SW_PO.open("rb") as po:
        return read_po(po, locale="sw")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def join(client, event, headers=None, **fields):
    page = client.get(f"/j/{event.join_code}", headers=headers or {}).get_data(as_text=True)
    return client.post(
        "/join", data={"code": event.join_code, "csrf_token": csrf_token(page), **fields}, headers=headers or {}
    )


# --- the catalogue ----------------------------------------------------------------------------------------


def test_every_phone_and_projector_string_has_a_kiswahili_translation():
    messages = extracted_messages()
    assert len(messages) > 80, "extraction found too little: is babel.cfg right?"
    assert "Welcome!" in messages and "Join at" in messages  # a template _() and a projector both()
    assert "Need help?" in messages  # the safety-critical bilingual blocks are in the catalogue too
    catalogue = sw_catalogue()
    missing = sorted(m for m in messages if catalogue.get(m) is None or not catalogue.get(m).string)
    assert not missing, f"no Kiswahili for: {missing}"
    fuzzy = sorted(m.id for m in catalogue if m.id and m.fuzzy)
    assert not fuzzy, f"fuzzy (unchecked) translations: {fuzzy}"


def test_the_pot_template_is_up_to_date():
    with (ROOT / "translations/messages.pot").open("rb") as pot:
        template = {m.id for m in read_po(pot) if m.id}
    assert template == extracted_messages(), "run the pybabel extract command in babel.cfg"


def test_translations_keep_placeholders_and_markup():
    for message in sw_catalogue():
        if not message.id:
            continue
        assert sorted(PLACEHOLDER.findall(message.id)) == sorted(PLACEHOLDER.findall(message.string)), message.id
        assert message.string != message.id or message.id in {"Call 116"} or not re.search("[a-z]{3}", message.id), (
            f"left in English: {message.id}"
        )


def test_mo_files_are_compiled_when_missing_or_stale(tmp_path):
    source = tmp_path / "translations"
    (source / "sw/LC_MESSAGES").mkdir(parents=True)
    (source / "sw/LC_MESSAGES/messages.po").write_bytes(SW_PO.read_bytes())
    mo = source / "sw/LC_MESSAGES/messages.mo"
    assert i18n.compile_catalogues(source) == source and mo.exists()
    compiled = mo.read_bytes()
    mo.write_bytes(b"stale")
    i18n.compile_catalogues(source)
    assert mo.read_bytes() == compiled
    before = mo.stat().st_mtime_ns
    i18n.compile_catalogues(source)  # already right: not rewritten
    assert mo.stat().st_mtime_ns == before


# --- choosing the language ----------------------------------------------------------------------------------


def test_accept_language_is_respected(client):
    swahili = client.get("/", headers={"Accept-Language": "sw-KE,sw;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="sw">' in swahili and "Jiunge na kikao" in swahili
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en">' in english and "Join the session" in english
    assert "Join the session" in client.get("/").get_data(as_text=True)  # nothing asked: English
    assert "Join the session" in client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)


def test_language_switch_is_remembered_and_beats_accept_language(client):
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    reply = client.post("/lang", data={"lang": "sw", "next": "/", "csrf_token": csrf_token(page)})
    assert reply.status_code == 303 and reply.headers["Location"] == "/"
    cookie = reply.headers["Set-Cookie"]
    assert cookie.startswith("lang=sw") and "Max-Age=31536000" in cookie and "SameSite=Lax" in cookie
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Jiunge na kikao" in html and 'value="sw" aria-pressed="true"' not in html  # the form's order
    assert re.search(r'value="sw" lang="sw" aria-pressed="true"', html)
    back = client.post("/lang", data={"lang": "en", "next": "/", "csrf_token": csrf_token(html)})
    assert back.headers["Set-Cookie"].startswith("lang=en")
    assert "Join the session" in client.get("/", headers={"Accept-Language": "sw"}).get_data(as_text=True)


def test_language_switch_goes_back_only_to_this_site(client):
    token = csrf_token(client.get("/").get_data(as_text=True))
    for evil in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""):
        reply = client.post("/lang", data={"lang": "sw", "next": evil, "csrf_token": token})
        assert reply.headers["Location"] == "/", evil
    reply = client.post("/lang", data={"lang": "xx", "next": "/", "csrf_token": token})
    assert reply.headers["Set-Cookie"].startswith("lang=en")
    assert client.post("/lang", data={"lang": "sw", "next": "/"}).status_code == 400  # CSRF


def test_switch_updates_the_participant_and_the_join_choice_is_used(app, client, event):
    assert join(client, event, language="sw").status_code == 302
    html = client.get(f"/e/{event.join_code}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="sw">' in html  # chosen when joining, no cookie yet
    reply = client.post("/lang", data={"lang": "en", "next": f"/e/{event.join_code}", "csrf_token": csrf_token(html)})
    assert reply.status_code == 303 and reply.headers["Location"] == f"/e/{event.join_code}"
    with app.app_context():
        assert db.session.scalar(select(Participant.language)) == "en"
    assert '<html lang="en">' in client.get(f"/e/{event.join_code}").get_data(as_text=True)


# --- a page in Kiswahili shows Kiswahili --------------------------------------------------------------------


def test_phone_in_kiswahili_shows_only_kiswahili(client, event):
    join(client, event, language="sw")
    html = client.get(f"/e/{event.join_code}").get_data(as_text=True)
    page = text_of(html)
    # The app's own words, translated.
    for words in (
        "Unahitaji msaada?",
        "Tuma",
        "Piga simu Childline Kenya: 116",
        "Kabla hujaandika",
        "Majibu yako hayana jina lako",
        "Ongea na mtu faraghani",
        "Msaada",
    ):
        assert words in page, words
    assert 'aria-label="Soma kwa sauti"' in html
    # Content with a Kiswahili field: Kiswahili only. The prompt's English stays in the page, hidden, for "Read
    # aloud" on a phone without a Kiswahili voice; nothing else in English is left in the page.
    assert '<p class="prompt" lang="sw" data-say>Mtandao uko aje kwako?</p>' in html
    assert '<p class="prompt other" lang="en" data-say hidden>What is the internet like for you?</p>' in html
    assert re.search(r'class="lane-name">Mtandao tulio nao</label>', html)
    assert "The internet we want" not in html and "Need help?" not in page and "Before you write" not in page
    # The strings phone.js shows come translated in the page's state.
    state = re.search(r'id="page-state">(.*?)</script>', html, re.S).group(1)
    assert "Imetumwa. Asante!" in state and '"language": "sw"' in state.replace('":"', '": "')


def test_english_phone_shows_only_english(client, event):
    join(client, event, language="en")
    html = client.get(f"/e/{event.join_code}").get_data(as_text=True)
    assert '<p class="prompt" lang="en" data-say>What is the internet like for you?</p>' in html
    assert '<p class="prompt other" lang="sw" data-say hidden>Mtandao uko aje kwako?</p>' in html
    assert "Need help?" in text_of(html) and "Unahitaji msaada?" not in text_of(html)
    assert "Mtandao tulio nao" not in html


def test_join_page_before_a_language_is_chosen_shows_help_in_both(client, event):
    html = client.get(f"/j/{event.join_code}").get_data(as_text=True)
    assert "Need help?" in text_of(html) and "Unahitaji msaada?" in text_of(html)


def test_service_messages_are_translated_for_a_kiswahili_phone(client, event):
    join(client, event, language="sw")
    page = client.get(f"/e/{event.join_code}").get_data(as_text=True)
    form = re.search(r'<form class="lane-form".*?</form>', page, re.S).group(0)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
    reply = client.post(f"/e/{event.join_code}/submit", data={**fields, "text": "z" * 300})
    assert reply.status_code == 400
    assert "Jibu lako ni ndefu mno: andika herufi zisizozidi 280." in reply.get_data(as_text=True)


def test_an_error_is_written_once_and_read_in_each_language(app):
    """A service writes its message once, with parameters; each reader gets it in their language."""
    from facilitator.errors import InvalidInput
    from facilitator.validation import clean_text

    with pytest.raises(InvalidInput) as refused:
        clean_text("z" * 300, field=_l("Your answer"), max_chars=280)
    error = refused.value
    assert (error.code, error.params["n"]) == ("text_too_long", 280)
    with app.test_request_context("/", headers={"Accept-Language": "sw"}):
        ack = error.as_ack()
        assert ack["message"] == "Jibu lako ni ndefu mno: andika herufi zisizozidi 280."
        assert ack["params"] == {"field": "Jibu lako", "n": 280} and ack["error"] == "text_too_long"
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert error.message == "Your answer is too long: write at most 280 characters."
    assert error.message == "Your answer is too long: write at most 280 characters."  # no request: English


def test_wrong_code_message_in_kiswahili(client):
    page = client.get("/", headers={"Accept-Language": "sw"}).get_data(as_text=True)
    reply = client.post(
        "/join", data={"code": "ZZZZZZ", "csrf_token": csrf_token(page)}, headers={"Accept-Language": "sw"}
    )
    assert reply.status_code == 404 and "Hakuna tukio lenye msimbo huo" in reply.get_data(as_text=True)


def test_projector_shows_both_languages(client, event):
    html = client.get(f"/p/{event.projector_token}").get_data(as_text=True)
    page = text_of(html)
    assert "Join at" in page and "Jiunge kupitia" in page
    assert '<p id="prompt-sw" class="prompt other" lang="sw">Mtandao uko aje kwako?</p>' in html
    state = re.search(r'id="page-state">(.*?)</script>', html, re.S).group(1)
    assert "wamepiga kura" in state and "voted" in state  # the JS draws both


def test_gzip_pages_still_say_the_same(client, event):
    reply = client.get("/", headers={"Accept-Encoding": "gzip", "Accept-Language": "sw"})
    assert reply.headers["Content-Encoding"] == "gzip"
    assert "Jiunge na kikao" in gzip.decompress(reply.get_data()).decode()


@pytest.mark.parametrize(
    "accept, expected",
    [
        ("sw-KE", "sw"),
        ("sw", "sw"),
        ("en-KE,sw;q=0.5", "en"),
        ("sw-KE,en;q=0.8", "sw"),
        ("fr,sw;q=0.4", "sw"),
        ("", "en"),
    ],
)
def test_locale_selection_from_accept_language(app, accept, expected):
    with app.test_request_context("/", headers={"Accept-Language": accept} if accept else {}):
        assert i18n.select_locale() == expected


def test_language_chosen_when_joining_becomes_the_cookie(client, event):
    join(client, event, language="sw")
    reply = client.get(f"/e/{event.join_code}")
    assert any(cookie.startswith("lang=sw") for cookie in reply.headers.getlist("Set-Cookie"))
    assert "Set-Cookie" not in client.get(f"/e/{event.join_code}").headers  # remembered: nothing to set
