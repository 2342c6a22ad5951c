"""Persist, then broadcast: the service that changes something queues what the live views must hear of it, and
the queue is sent once the change is committed. Every caller (a socket handler, a form post, an SMS, the CLI)
therefore tells the same views, and a change that is rolled back tells nobody (Zulip's send_event_on_commit)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from facilitator.extensions import db

log = logging.getLogger(__name__)

_QUEUE = "facilitator.after_commit"


def send_after_commit(send: Callable[..., None], *args: Any) -> None:
    """Run ``send(*args)`` after the current transaction commits; never if it rolls back. A send queued twice
    with the same arguments runs once."""
    queue: list[tuple[Callable[..., None], tuple[Any, ...]]] = db.session.info.setdefault(_QUEUE, [])
    if (send, args) not in queue:
        queue.append((send, args))


def commit(*, keep_state: bool = False) -> None:
    """Commit the session, then send what the change queued. ``keep_state`` keeps the session's objects loaded
    (for hot paths that persist, then broadcast what they persisted: reloading every object after the commit
    cost three queries per entry)."""
    session = db.session()
    if keep_state:
        session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True
    queued = session.info.pop(_QUEUE, [])
    for send, args in queued:
        try:
            send(*args)
        except Exception:  # the change is stored; a failed broadcast must not undo it or hide the others
            log.exception("sending %s after a commit failed", getattr(send, "__name__", send))


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    """A rolled-back change tells nobody."""
    session.info.pop(_QUEUE, None)
