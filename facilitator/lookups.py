"""Finding a row by an id a caller sent, within one event. Every such lookup goes through ``get_in_event``, so
an id from another event, a missing one and a malformed one are refused the same way everywhere."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from flask_babel import LazyString
from sqlalchemy import select

from facilitator import validation
from facilitator.errors import InvalidInput, NotFound
from facilitator.extensions import db


class EventOwned(Protocol):
    id: Any
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


def get_all_in_event(
    model: type[Row],
    event_id: int,
    raw_ids: Any,
    *,
    field: str | LazyString,
    code: str,
    message: str | LazyString,
    max_count: int,
) -> list[Row]:
    """The ``model`` rows with these ids, in the order given, each once, if every one belongs to the event: a
    batch naming one row of another event (or a missing one) is refused whole, as ``get_in_event`` refuses one
    id. A batch that is not a list, is empty, or names more than ``max_count`` rows is refused before any query."""
    if not isinstance(raw_ids, list) or not raw_ids:
        raise InvalidInput("invalid_batch", "Choose at least one.", field=field)
    if len(raw_ids) > max_count:
        raise InvalidInput("batch_too_large", "At most %(n)s at a time.", n=max_count)
    ids = list(dict.fromkeys(validation.positive_int(raw, field=field) for raw in raw_ids))
    found = {row.id: row for row in db.session.scalars(select(model).where(model.id.in_(ids)))}
    if len(found) != len(ids) or any(row.event_id != event_id for row in found.values()):
        raise NotFound(code, message)
    return [found[i] for i in ids]
