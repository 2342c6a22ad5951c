"""What the room sees goes first (live/priority.py): a storm of results recounts never delays a batch of cards.

The writer records each batch's wait (when it was due, when it began and ended) and how many pieces of
low-value work began in that time; the assertions are on that record, not on how long anything took."""

from __future__ import annotations

import threading
import time

import pytest

from facilitator.events import participants
from facilitator.extensions import db
from facilitator.live import broadcast, entry_writer, priority
from tests.live.test_entry_batches import entry

pytestmark = pytest.mark.committing


@pytest.fixture
def writer(app):
    """The app's writer batching as under load: entries always flowing, a batch at most every 20 ms."""
    writer = app.extensions["entry_writer"]
    saved = (writer.batch_interval_seconds, writer.busy_window_seconds)
    writer.batch_interval_seconds, writer.busy_window_seconds = 0.02, float("inf")
    yield writer
    writer.batch_interval_seconds, writer.busy_window_seconds = saved


def test_a_results_recount_storm_never_delays_a_card_batch(app, event, writer):
    with app.app_context():
        phones = [participants.join(event.join_code)[0].id for _ in range(4)]
        db.session.commit()
    room_first = priority.of(app)
    room_first.batches.clear()
    stop = threading.Event()
    recounts = []

    def storm() -> None:
        # The busiest the flusher could be: the board's results stale again the moment they were sent.
        while not stop.is_set():
            broadcast.results_stale(event.id, event.current_activity_id)
            broadcast.flush_results(app)
            recounts.append(1)

    def phone(participant_id: int, sent: list) -> None:
        with app.app_context():
            for n in range(15):
                sent.append(entry_writer.store(event.id, entry(event, participant_id, f"card {participant_id} {n}")))

    storming = threading.Thread(target=storm)
    storming.start()
    sent: list = []
    phones_sending = [threading.Thread(target=phone, args=(p, sent)) for p in phones]
    try:
        while len(recounts) < 10:  # the storm is under way before the first card
            time.sleep(0.005)
        for thread in phones_sending:
            thread.start()
        for thread in phones_sending:
            thread.join(timeout=60)
    finally:
        stop.set()
        storming.join(timeout=30)

    assert len(sent) == 60 and all(ack["duplicate"] is False for ack in sent)
    batches = list(room_first.batches)
    assert len(batches) >= 4  # several batches, each due while recounts were wanted
    assert len(recounts) > len(batches)  # the storm went on all through the cards
    assert [b.low_value_began for b in batches] == [0] * len(batches)
    assert all(b.due_at <= b.began_at <= b.ended_at for b in batches)


def test_without_asking_first_a_recount_would_have_been_counted_against_the_batch(app):
    """The record itself: low-value work that begins while a batch is due is counted against that batch."""
    room_first = priority.RoomFirst()
    room_first.entry_queued()
    room_first.low_value_began_at.append(time.monotonic())  # began without asking: the entry was waiting
    room_first.batch_begins(1)
    with room_first.low_value(max_wait=0):  # asked, but waited no longer: counted too
        pass
    room_first.batch_ends(next_batch_at=0)
    assert [b.low_value_began for b in room_first.batches] == [2]
    with room_first.low_value(max_wait=0):  # between batches: the writer owes the room nothing
        pass
    room_first.entry_queued()
    room_first.batch_begins(1)
    room_first.batch_ends(next_batch_at=0)
    assert room_first.batches[-1].low_value_began == 0
