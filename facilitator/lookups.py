"""Finding a row by an id a caller sent, within one event. Every such lookup goes through ``get_in_event``, so
an id from another event, a missing one and a malformed one are refused the same way everywhere."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from flask_babel import LazyString

from facilitator import validation
from facilitator.errors import NotFound
from facilitator.extensions import db


class EventOwned(Protocol):
    event_id: Any


Row = TypeVar("Row", bound=EventOwned)


def get_in_event(
    model: type[Row], event_id: int, raw_id: Any, *, field: str | LazyString, code: str, message: str | LazyString
) -> Row:
    """The ``model`` row with this id if it belongs to the event; otherwise ``NotFound(code, message)``."""
    row = db.session.get(model, validation.positive_int(raw_id, field=field))
    if row is None or row.event_id != event_id:
        raise NotFound(code, message)
    return row
