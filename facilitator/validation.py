"""Parsing untrusted input (form fields and socket payloads) into clean values, or a clear error."""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from datetime import date
from functools import cache
from typing import Any, Literal, overload

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

from facilitator.errors import InvalidInput

# The largest id a database column holds (PostgreSQL's integer): a larger one is refused, not a 500.
MAX_ID = 2**31 - 1
CLIENT_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
CLOCK_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# Control and format characters other than ordinary whitespace; bidi overrides (U+202A-E, U+2066-9)
# would let one card reverse the text around it on the projector.
_STRIP_CATEGORIES = {"Cc", "Cf", "Co", "Cs"}
_KEEP = {"\n", "\t"}
_ZWJ = "\u200d"  # joins emoji sequences (family, flags); harmless alone


def clean_text(value: Any, *, field: str | LazyString, max_chars: int, required: bool = True) -> str:
    """NFC-normalised text without control characters, trimmed, within ``max_chars``."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput("invalid_text", _l("%(field)s must be text."), field=field)
    text = unicodedata.normalize("NFC", value)
    text = "".join(ch for ch in text if ch in _KEEP or ch == _ZWJ or unicodedata.category(ch) not in _STRIP_CATEGORIES)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if required and not text:
        raise InvalidInput("empty_text", _l("%(field)s is empty: please write something first."), field=field)
    if len(text) > max_chars:
        raise InvalidInput(
            "text_too_long", _l("%(field)s is too long: write at most %(n)s characters."), field=field, n=max_chars
        )
    return text


def client_key(value: Any) -> str:
    if not isinstance(value, str) or not CLIENT_KEY.match(value):
        raise InvalidInput("invalid_client_key", _l("Something went wrong. Please send it again."))
    return value


def positive_int(value: Any, *, field: str | LazyString) -> int:
    if isinstance(value, bool):
        raise InvalidInput("invalid_id", _l("%(field)s must be a number."), field=field)
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or value <= 0 or value > MAX_ID:
        raise InvalidInput("invalid_id", _l("%(field)s must be a number."), field=field)
    return value


@overload
def choice(
    value: Any, options: tuple[str, ...] | set[str], *, field: str | LazyString, required: Literal[True] = True
) -> str: ...
@overload
def choice(
    value: Any, options: tuple[str, ...] | set[str], *, field: str | LazyString, required: bool
) -> str | None: ...
def choice(
    value: Any, options: tuple[str, ...] | set[str], *, field: str | LazyString, required: bool = True
) -> str | None:
    """One of ``options``; or None when nothing was chosen and nothing is ``required``."""
    if value in (None, "") and not required:
        return None
    if not isinstance(value, str) or value not in options:
        raise InvalidInput("invalid_choice", _l("%(field)s: choose one of the options."), field=field)
    return value


# The shape every socket payload's fields must have, checked once for every handler before it runs (and so
# before any rate limit counts or any query is made): a field's type is a property of its name across the app,
# so one table holds it. Each rule still parses its own values (ranges, options, lengths in context); this only
# refuses what no handler could want: an id that is a list, a text that is an object, a payload nested deep.
_ID_FIELD = re.compile(r"^[a-z_]*id$")
_ID_LIST_FIELD = re.compile(r"^[a-z_]*ids$")
_TEXT_FIELDS = {
    "text",
    "note",
    "lane",
    "client_key",
    "action",
    "where",
    "rating",
    "state",
    "direction",
    "confirm",
    "view",
    "token",
    "language",
    "kind",
    "title",
    "prompt",
}
_NUMBER_FIELDS = {"since", "seconds", "value", "choice", "position"}
_LIST_OF_NUMBERS_FIELDS = {"choices", "ranking"}
_OBJECT_FIELDS = {"changes", "activity", "spec", "settings", "commitment"}
# Twice the longest list a handler takes (console:moderate_many, 500 ids): a backstop, so that handler's own,
# more precise refusal ("batch_too_large") still answers a batch just over its limit.
MAX_PAYLOAD_ITEMS = 1000
MAX_FIELD_CHARS = 20_000  # above any text a rule accepts; it refuses shorter ones itself
MAX_DEPTH = 6


def _depth(value: Any, limit: int) -> int:
    if limit < 0:
        return 1  # deep enough to refuse; not walked further
    if isinstance(value, dict):
        children: Any = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return 0
    # A plain value adds no depth: only objects and lists are walked (every entry's payload is four plain fields,
    # which a generator per level had walked: 1.24 -> 0.41 µs alone; 22 of the handler wrapper's 137 py-spy samples).
    deepest = 0
    for child in children:
        if isinstance(child, (dict, list)):
            deepest = max(deepest, _depth(child, limit - 1))
    return 1 + deepest


def _is_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_ID


def _field_problem(name: str, value: Any) -> bool:
    """Whether ``value`` cannot be what a field called ``name`` holds anywhere in the app."""
    if value is None:
        return False
    if isinstance(value, str):
        # Ids may come as digit strings (form posts and some scripts); numbers may too.
        return len(value) > MAX_FIELD_CHARS or name in _LIST_OF_NUMBERS_FIELDS or name in _OBJECT_FIELDS
    if isinstance(value, bool):  # a flag: anything but a field whose name says id, number, text or list
        return bool(
            _ID_FIELD.match(name)
            or _ID_LIST_FIELD.match(name)
            or name in _TEXT_FIELDS
            or name in _NUMBER_FIELDS
            or name in _LIST_OF_NUMBERS_FIELDS
        )
    if isinstance(value, (int, float)):
        return isinstance(value, float) or not _is_number(value) or name in _TEXT_FIELDS
    if isinstance(value, list):
        if len(value) > MAX_PAYLOAD_ITEMS:
            return True
        if _ID_LIST_FIELD.match(name) or name in _LIST_OF_NUMBERS_FIELDS:
            return not all(_is_number(item) or (isinstance(item, str) and item.isdigit()) for item in value)
        return name not in _OBJECT_FIELDS
    if isinstance(value, dict):
        return name not in _OBJECT_FIELDS or len(value) > MAX_PAYLOAD_ITEMS
    return True


def payload(value: Any) -> dict[str, Any]:
    """A socket event's payload: a JSON object whose fields have the shape their names promise (see above)."""
    if not isinstance(value, dict) or len(value) > MAX_PAYLOAD_ITEMS or _depth(value, MAX_DEPTH) > MAX_DEPTH:
        raise InvalidInput("invalid_payload", _l("Something went wrong. Please send it again."))
    for name, field_value in value.items():
        if (
            not isinstance(name, str)
            or _field_problem(name, field_value)
            or (_ID_FIELD.match(name) and isinstance(field_value, str) and not field_value.isdigit())
        ):
            code = (
                "invalid_id"
                if isinstance(name, str) and (_ID_FIELD.match(name) or _ID_LIST_FIELD.match(name))
                else "invalid_input"
            )
            raise InvalidInput(code, _l("Something went wrong. Please send it again."), field=str(name)[:40])
    return value


def iso_date(value: Any, *, field: str, required: bool = True) -> date | None:
    """A calendar date as a date field sends it (YYYY-MM-DD). Staff forms only: plain English."""
    if value in (None, "") and not required:
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidInput("invalid_date", f"{field}: give a date as YYYY-MM-DD.")


def clock_time(value: Any, *, field: str, required: bool = True) -> str | None:
    """A time of day as HH:MM (24 hours), as a time field sends it; seconds are dropped."""
    if value in (None, "") and not required:
        return None
    if isinstance(value, str) and CLOCK_TIME.match(value.strip()[:5]) and len(value.strip()) in (5, 8):
        return value.strip()[:5]
    raise InvalidInput("invalid_time", f"{field}: give a time as HH:MM, for example 09:30.")


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def time_zone(value: Any, *, field: str = "Time zone") -> str:
    """An IANA time zone name the system's zone database knows ("Africa/Nairobi")."""
    name = value.strip() if isinstance(value, str) else ""
    if name not in _time_zones():
        raise InvalidInput(
            "unknown_time_zone",
            f"{field}: {name or 'nothing'} is not a known time zone. Use a name like Africa/Nairobi.",
        )
    return name
