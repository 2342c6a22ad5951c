"""Kiswahili and English for everything a participant or the projector shows.

- **Which language**: the phone's own choice (the ``lang`` cookie, set by the EN | SW switch), else the
  language the participant picked when joining, else the browser's ``Accept-Language``, else English.
- **Catalogues**: ``translations/<lang>/LC_MESSAGES/messages.po`` is the source of truth, extracted with
  ``pybabel extract -F babel.cfg`` and kept in git. The binary ``.mo`` is *compiled when the app starts*
  whenever it is missing or differs from what the ``.po`` compiles to (a byte comparison, not file times,
  which a git checkout scrambles). So a translator edits one text file and restarts; no build step, no
  binary in review diffs. If the source tree is read-only, the ``.mo`` files go to ``instance/translations``.
- **Side by side**: ``both(msgid)`` gives a message in the page's language and in the other one (for the
  safety-critical notices and the projector, which the whole room reads); ``pair(text, text_sw)`` does
  the same for content that carries its own ``_sw`` field (prompts, lanes, options).
- **Service messages** are written in English by the services (``ServiceError.message``); a phone in
  Kiswahili shows them translated by their stable code (see ``PARTICIPANT_ERRORS``).
"""

from __future__ import annotations

import io
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, Response, current_app, g, has_request_context, request
from flask_babel import force_locale, get_locale, gettext
from markupsafe import Markup, escape
from werkzeug.datastructures import LanguageAccept
from werkzeug.wrappers import Response as WerkzeugResponse

from facilitator.asks.models import SECTOR_NAMES_SW
from facilitator.extensions import babel

log = logging.getLogger(__name__)

LANGUAGES = ("en", "sw")
LANGUAGE_NAMES = {"en": "English", "sw": "Kiswahili"}
COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
PROJECT_ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = PROJECT_ROOT / "translations"


# --- catalogues ----------------------------------------------------------------------------------------


def compile_catalogues(source: Path = TRANSLATIONS, fallback: Path | None = None) -> Path:
    """Compile every ``<lang>/LC_MESSAGES/messages.po`` under ``source`` to its ``.mo`` when the ``.mo`` is
    missing or stale. Returns the directory Flask-Babel should read (``source``, or ``fallback`` when
    ``source`` cannot be written)."""
    catalogues = sorted(source.glob("*/LC_MESSAGES/messages.po"))
    target = source
    if fallback is not None and not os.access(source, os.W_OK):
        target = fallback
    for po_path in catalogues:
        compiled = _compiled(po_path)
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        if mo_path.exists() and mo_path.read_bytes() == compiled:
            continue
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        # Atomic: several processes may start at once; none may read a half-written file.
        handle, temporary = tempfile.mkstemp(dir=mo_path.parent, prefix=".messages-", suffix=".mo")
        with os.fdopen(handle, "wb") as out:
            out.write(compiled)
        os.replace(temporary, mo_path)
        log.info("compiled %s", mo_path)
    return target


def _compiled(po_path: Path) -> bytes:
    with po_path.open("rb") as po_file:
        catalogue = read_po(po_file)
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


# --- choosing the language -----------------------------------------------------------------------------


def select_locale() -> str:
    """Kiswahili or English: the phone's remembered choice, the participant's language from joining, then
    what the browser asks for."""
    if not has_request_context():
        return "en"
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    joined = _participant_language()
    if joined in LANGUAGES:
        return joined
    return browser_language(request.accept_languages)


def browser_language(accepted: LanguageAccept) -> str:
    """The first language the browser asks for that we have, by quality, ``en-KE`` counting as ``en``.
    (Werkzeug's ``best_match`` prefers any exact match over a better-liked regional one.)"""
    for value, quality in accepted:  # highest quality first
        primary = value.replace("_", "-").split("-")[0].lower()
        if quality > 0 and primary in LANGUAGES:
            return str(primary)
    return "en"


def _participant_language() -> str | None:
    if "participant_language" not in g:
        g.participant_language = None
        token = request.cookies.get(current_app.config.get("PARTICIPANT_COOKIE_NAME", "participant"))
        if token:
            from facilitator.events.participants import participant_for_token

            participant = participant_for_token(token)
            g.participant_language = participant.language if participant is not None else None
    language: str | None = g.participant_language
    return language


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale is not None and locale.language in LANGUAGES else "en"


def other_language(language: str | None = None) -> str:
    return "en" if (language or current_language()) == "sw" else "sw"


def chosen_language(value: Any) -> str:
    return value if value in LANGUAGES else "en"


def remember_language(response: WerkzeugResponse, language: str) -> None:
    """The switch's cookie: a year, readable by no script (nothing needs it), sent only to this site."""
    response.set_cookie(
        COOKIE,
        language,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
    )


# --- both languages side by side -----------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """A text in the page's language (``primary``) and in the other one (``other``, or None)."""

    primary: Any
    other: Any
    primary_lang: str
    other_lang: str

    @property
    def page_lang(self) -> str:
        return current_language()

    def primary_html(self) -> Markup:
        if self.primary_lang == self.page_lang:
            return escape(self.primary)
        return Markup('<span lang="%s">%s</span>') % (self.primary_lang, self.primary)

    def other_html(self, separator: str = "/ ") -> Markup:
        if not self.other:
            return Markup("")
        return Markup('<span class="other" lang="%s">%s%s</span>') % (self.other_lang, separator, self.other)

    def __html__(self) -> Markup:
        primary = self.primary_html()
        return primary + Markup(" ") + self.other_html() if self.other else primary

    def __str__(self) -> str:
        return str(self.primary)


def pair(text: Any, text_sw: Any) -> Pair:
    """Content with its own Kiswahili field: the page's language first, the other beside it."""
    text = text or ""
    if current_language() == "sw" and text_sw:
        return Pair(text_sw, text or None, "sw", "en")
    return Pair(
        text or text_sw or "", text_sw if text and text_sw and text_sw != text else None, "en" if text else "sw", "sw"
    )


def both(message: str, **variables: Any) -> Pair:
    """A catalogue message in the page's language and in the other one. Variables are escaped, the
    message itself (ours, from the catalogue) may hold markup, like Jinja's own ``_()``."""
    language = current_language()
    primary = _render(gettext(message), variables)
    other_lang = other_language(language)
    with force_locale(other_lang):
        other = _render(gettext(message), variables)
    return Pair(primary, other if other != primary else None, language, other_lang)


def split_pairs(items: list[tuple[str, Pair]]) -> dict[str, dict[str, str]]:
    """``[(key, both(...)), ...]`` as two plain dicts, for a page's JSON state: ``primary`` and ``other``
    (empty where the other language says the same)."""
    return {
        "primary": {key: str(text.primary) for key, text in items},
        "other": {key: str(text.other or "") for key, text in items},
    }


def _render(translated: str, variables: dict[str, Any]) -> Markup:
    return Markup(translated) % variables if variables else Markup(translated)


# --- wiring ----------------------------------------------------------------------------------------------


def init_app(app: Flask) -> None:
    directory = compile_catalogues(TRANSLATIONS, Path(app.instance_path) / "translations")
    babel.init_app(app, locale_selector=select_locale, default_translation_directories=str(directory))
    app.jinja_env.globals.update(
        current_language=current_language,
        other_language=other_language,
        both=both,
        pair=pair,
        language_names=LANGUAGE_NAMES,
        split_pairs=split_pairs,
        sector_names_sw=SECTOR_NAMES_SW,
    )

    @app.after_request
    def remember_joined_language(response: Response) -> Response:
        """A phone whose language came from its participant (chosen when joining) gets the cookie too, so
        later requests need no database look-up to know it."""
        if g.get("participant_language") in LANGUAGES and COOKIE not in request.cookies:
            remember_language(response, g.participant_language)
        return response
