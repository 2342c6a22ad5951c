"""Phones' entries stored in batches: one transaction, one version bump and one count per batch.

A hall of thousands can send hundreds of entries a second, and one process serves them on one core.
Each ``participant:submit`` handler puts its entry on this process's queue and waits; one writer task
takes everything waiting, stores it with ``board.store_entries`` (one commit), tells the views, then
answers each waiting handler. Under light load a batch is one entry and nothing waits longer than it
would alone; under heavy load batches grow by themselves and the cost per entry falls as the load rises.
Every entry is still stored before its phone is answered.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app
from flask_babel import lazy_gettext as _l

from facilitator import safety
from facilitator.board import entries as board_service
from facilitator.board import views as board_views
from facilitator.errors import Busy, Internal, ServiceError, Unavailable, is_outage
from facilitator.extensions import db, socket_server, socket_sleep, socketio
from facilitator.live.priority import RoomFirst
from facilitator.web.outages import rollback_quietly

log = logging.getLogger(__name__)

# A batch whose oldest entry waited longer than this (queued to answered) is logged with where its time went: the
# tail of a burst, told apart from a batch that grew, a late wake-up (the loop held by something else) or the store.
SLOW_BATCH_SECONDS = 0.1

BUSY = _l("The room is sending a lot right now. Your entry is kept and sent again in a moment.")


@dataclass
class _Waiting:
    event_id: int
    entry: board_service.NewEntry
    done: Any  # an Event of the server's async mode: set once ``ack`` or ``error`` is filled in
    ack: dict[str, Any] | None = None
    error: ServiceError | None = None
    queued_at: float = field(default_factory=time.monotonic)


@dataclass
class EntryWriter:
    app: Flask
    max_batch: int
    batch_interval_seconds: float
    busy_window_seconds: float  # entries are "flowing" when the last batch began less than this ago
    queue_limit: int
    wait_seconds: float
    room: RoomFirst = field(default_factory=RoomFirst)  # what low-value work asks before it runs (live.priority)
    _queue: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def store(self, event_id: int, entry: board_service.NewEntry) -> dict[str, Any]:
        """Store one entry and return what its phone is told (the ack's fields); raises ServiceError.
        ``Busy`` means it may or may not be stored yet: the phone re-sends it, and a re-send is a no-op."""
        queue = self._running_queue()
        if queue.qsize() >= self.queue_limit:
            raise Busy("busy", BUSY)
        waiting = _Waiting(event_id, entry, done=socket_server().eio.create_event())
        self.room.entry_queued()
        queue.put(waiting)
        if not waiting.done.wait(self.wait_seconds):
            raise Busy("busy", BUSY)
        if waiting.error is not None:
            raise waiting.error
        assert waiting.ack is not None  # ``done`` is set once ``ack`` or ``error`` is filled in
        return waiting.ack

    def _running_queue(self) -> Any:  # a queue of the server's async mode
        queue = self._queue
        if queue is not None:  # every call but the first: the lock, asked on every entry, was 0.8% of a burst's CPU
            return queue
        with self._lock:
            if self._queue is None:
                self._queue = socket_server().eio.create_queue()
                socketio.start_background_task(self._write_forever, self._queue)
            return self._queue

    def _write_forever(self, queue: Any) -> None:
        empty = socket_server().eio.get_queue_empty_exception()
        last_batch = float("-inf")
        while True:
            batch = [queue.get()]
            took_at = time.monotonic()
            since_last = took_at - last_batch
            wake_at = took_at
            if since_last <= self.busy_window_seconds and since_last < self.batch_interval_seconds:
                # Entries are flowing: batches begin at most every batch_interval_seconds, so one commit, one
                # count and one version bump serve the room's entries of those milliseconds; that is what
                # keeps a burst off the CPU's limit. After a batch that took longer there is no wait, and an
                # entry in a quiet room is stored at once.
                wake_at = last_batch + self.batch_interval_seconds
                socket_sleep(self.batch_interval_seconds - since_last)
            last_batch = time.monotonic()
            while len(batch) < self.max_batch:
                try:
                    batch.append(queue.get_nowait())
                except empty:
                    break
            self.room.batch_begins(len(batch))
            try:
                with self.app.app_context():
                    try:
                        self._store_and_tell(batch)
                    finally:
                        db.session.remove()
            except Exception:
                # The writer outlives any failure: without it this process would store no entry again.
                log.exception("the entry writer failed on a batch of %d entries; it writes on", len(batch))
            finally:
                for waiting in batch:
                    if waiting.ack is None and waiting.error is None:
                        waiting.error = Internal()
                    waiting.done.set()
                self.room.batch_ends(next_batch_at=last_batch + self.batch_interval_seconds)
                _log_if_slow(batch, took_at, wake_at, last_batch)
            # Let the answered handlers, and phones' new entries, run before the next batch.
            socket_sleep(0)

    def _store_and_tell(self, batch: list[_Waiting]) -> None:
        """Store a batch, one transaction per event; if one fails as a whole, its entries are tried one by
        one, so an entry that breaks the store cannot keep the others out. Fills in each waiter's ack or
        error; the caller answers them."""
        by_event: dict[int, list[_Waiting]] = {}
        for waiting in batch:
            by_event.setdefault(waiting.event_id, []).append(waiting)
        for event_id, group in by_event.items():
            try:
                self._store_group(event_id, group)
            except Exception as failure:
                rollback_quietly()
                if is_outage(failure):
                    # The database is away: one by one would fail alike. The phones keep their entries and
                    # send them again; one log line a kind (web.log_summary).
                    log.error("storing a batch of %d entries: database unavailable", len(group), exc_info=failure)
                    for waiting in group:
                        waiting.error = Unavailable()
                    continue
                if len(group) == 1:
                    log.exception("storing an entry failed")
                    group[0].error = Internal()
                    continue
                log.exception("storing a batch of %d entries failed; storing them one by one", len(group))
                for waiting in group:
                    try:
                        self._store_group(event_id, [waiting])
                    except Exception:
                        db.session.rollback()
                        log.exception("storing an entry failed")
                        waiting.error = Internal()

    def _store_group(self, event_id: int, group: list[_Waiting]) -> None:
        entries = [w.entry for w in group]
        event, activities, authors = board_service.batch_reads(event_id, entries)
        if event is None:
            for waiting in group:
                waiting.error = ServiceError("unknown_event", "That event does not exist.")
            return
        # store_entries commits, then tells the views (a failed broadcast is logged; committed is committed:
        # the phones hear so, and views catch up on their next sync).
        try:
            outcomes = board_service.store_entries(event, entries, activities, authors)
        except Exception:
            board_service.forget_snapshot(event_id)  # it may hold a version bump that was rolled back
            raise
        for waiting, outcome in zip(group, outcomes, strict=True):
            if isinstance(outcome, ServiceError):
                waiting.error = outcome
            else:
                waiting.ack = {
                    "entry": board_views.own_entry_view(outcome.response),
                    "duplicate": not outcome.created,
                    # Only the writer's phone learns this, and it shows the helpline: never "your post was blocked".
                    "support": outcome.needs_safeguarding,
                }


def _log_if_slow(batch: list[_Waiting], took_at: float, wake_at: float, began_at: float) -> None:
    """One line for a batch whose oldest entry waited more than SLOW_BATCH_SECONDS: how long it sat in the queue
    before the writer took it, how late the writer woke from its batch interval (the loop busy elsewhere), and the
    batch's own time (stored, views told). The bench prints these lines (bench/load.py)."""
    ended_at = time.monotonic()
    oldest = min(w.queued_at for w in batch)
    if ended_at - oldest <= SLOW_BATCH_SECONDS:
        return
    log.info(
        "slow batch: %d entries, the oldest answered %.0f ms after it was queued: %.0f ms in the queue before the "
        "writer took it, woke %.0f ms late, %.0f ms storing and telling",
        len(batch),
        1000 * (ended_at - oldest),
        1000 * max(0.0, took_at - oldest),
        1000 * max(0.0, began_at - wake_at),
        1000 * (ended_at - began_at),
    )


def init_app(app: Flask) -> None:
    room = app.extensions["room_first"] = RoomFirst()
    app.extensions["entry_writer"] = EntryWriter(
        app,
        max_batch=app.config["ENTRY_BATCH_MAX"],
        batch_interval_seconds=app.config["ENTRY_BATCH_INTERVAL_SECONDS"],
        busy_window_seconds=10 * app.config["ENTRY_BATCH_INTERVAL_SECONDS"],
        queue_limit=app.config["ENTRY_QUEUE_LIMIT"],
        wait_seconds=app.config["ENTRY_WAIT_SECONDS"],
        room=room,
    )


def warm_up() -> None:
    """Load what the room's first entry would otherwise load while phones wait: the safety screen's model and word
    lists (60-90 ms of CPU measured, more on a busy machine: a stall in the first second of a burst). A server
    process calls this before ``gc_policy.install`` freezes what exists, so full collections never walk them."""
    safety.screen("warming up the screen: call 0712 345 678")


def store(event_id: int, entry: board_service.NewEntry) -> dict[str, Any]:
    writer: EntryWriter = current_app.extensions["entry_writer"]
    return writer.store(event_id, entry)
