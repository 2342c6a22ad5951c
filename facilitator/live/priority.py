"""What the room sees goes first: the entry writer's batches (and the projector's and consoles' messages each
batch sends) before low-value work: results recounts, phones' result refreshes, full garbage collections.

One process serves everything on one core, and its tasks take turns (gevent, eventlet): nothing interrupts a
recount once it runs. So low-value work asks first, before each piece: it begins only while the writer owes the
room nothing (no batch being stored, no entries waiting whose batch may begin), which is right after a batch,
when the writer sleeps out its batch interval. A busy second then delays counts, not cards.

The writer records, for each batch, when it was due, began and ended, and how many pieces of low-value work
began in between (``BatchWait``): tests/live/test_priority.py asserts that none did during a recount storm.
(A piece that began before a batch was due can still delay it, by its own length: nothing preempts it.)
"""

from __future__ import annotations

import collections
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from flask import Flask

from facilitator.extensions import socket_sleep

# Low-value work waits at most this long for the room: in a burst that never pauses, counts still move.
LOW_VALUE_MAX_WAIT_SECONDS = 1.0
_POLL_SECONDS = 0.002
_RECORDED = 1000


@dataclass(frozen=True)
class BatchWait:
    """One batch of the writer, on the monotonic clock."""

    due_at: float  # when it could have begun: its first entry queued and the batch interval over
    began_at: float
    ended_at: float  # its entries stored and the views told
    low_value_began: int  # pieces of low-value work that began between due_at and ended_at: each delayed it


@dataclass
class RoomFirst:
    """The writer's state as low-value work needs to see it; one per app's writer (``app.extensions["room_first"]``,
    set by ``entry_writer.init_app``)."""

    waiting: int = 0  # entries queued for the writer, not yet taken into a batch
    first_waiting_at: float | None = None
    storing: bool = False
    _due_at: float = 0.0  # of the batch being stored
    _began_at: float = 0.0
    next_batch_at: float = 0.0  # while entries flow, the writer's next batch begins no earlier than this
    batches: collections.deque[BatchWait] = field(default_factory=lambda: collections.deque(maxlen=_RECORDED))
    low_value_began_at: collections.deque[float] = field(
        default_factory=lambda: collections.deque(maxlen=10 * _RECORDED)
    )
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        _all.add(self)

    def __hash__(self) -> int:  # kept in a WeakSet: by identity
        return id(self)

    # --- the writer's side ---

    def entry_queued(self) -> None:
        with self._lock:
            self.waiting += 1
            if self.first_waiting_at is None:
                self.first_waiting_at = time.monotonic()

    def batch_begins(self, taken: int) -> None:
        with self._lock:
            now = time.monotonic()
            due = max(self.first_waiting_at if self.first_waiting_at is not None else now, self.next_batch_at)
            self._due_at, self._began_at = min(due, now), now
            self.storing = True
            self.waiting = max(0, self.waiting - taken)
            # Those still waiting are due with the next batch, whose own start the writer sets at batch_ends.
            self.first_waiting_at = now if self.waiting else None

    def batch_ends(self, next_batch_at: float) -> None:
        with self._lock:
            now = time.monotonic()
            delayed_by = sum(1 for t in self.low_value_began_at if self._due_at <= t <= now)
            self.batches.append(BatchWait(self._due_at, self._began_at, now, delayed_by))
            self.storing = False
            self.next_batch_at = next_batch_at

    # --- low-value work's side ---

    def due(self) -> bool:
        """Does the writer owe the room a batch now (storing one, or entries waiting whose batch may begin)?"""
        return self.storing or (self.waiting > 0 and time.monotonic() >= self.next_batch_at)

    @contextmanager
    def low_value(self, max_wait: float = LOW_VALUE_MAX_WAIT_SECONDS) -> Iterator[None]:
        """Run one piece of low-value work once the writer owes the room nothing (or after ``max_wait``)."""
        deadline = time.monotonic() + max_wait
        while True:
            with self._lock:
                if not self.due() or time.monotonic() >= deadline:
                    self.low_value_began_at.append(time.monotonic())
                    break
            socket_sleep(_POLL_SECONDS)
        yield


_all: weakref.WeakSet[RoomFirst] = weakref.WeakSet()


def of(app: Flask) -> RoomFirst:
    room_first: RoomFirst = app.extensions["room_first"]
    return room_first


def room_due_anywhere() -> bool:
    """Does any app's writer in this process owe its room a batch now? (For process-wide work: collections.)"""
    return any(room.due() for room in list(_all))
