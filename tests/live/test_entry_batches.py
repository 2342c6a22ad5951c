"""Phones' entries stored in batches: entries that arrive together share one commit, each is stored before
its phone is answered, one bad entry never costs the others their place, and a full queue says "busy"."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from facilitator import safety
from facilitator.board import entries as board_service
from facilitator.board.entries import NewEntry
from facilitator.board.models import Entry
from facilitator.errors import Busy, ServiceError
from facilitator.events import participants
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.live import entry_writer
from tests import factories

# Entries are sent from several threads at once and stored by the writer's own thread while the test's thread
# goes on: real commits on connections of their own, as in production, not turns on the test's one connection.
# The commit counter listens on the engine, too.
pytestmark = pytest.mark.committing


@pytest.fixture
def writer(app):
    """The app's writer, batching as under load, but slower: a batch begins at most every half second (time
    for a test's threads to join one), and entries never stop "flowing". Restored after the test."""
    writer = app.extensions["entry_writer"]
    saved = (writer.batch_interval_seconds, writer.busy_window_seconds, writer.queue_limit, writer.wait_seconds)
    writer.batch_interval_seconds, writer.busy_window_seconds = 0.5, float("inf")
    yield writer
    writer.batch_interval_seconds, writer.busy_window_seconds, writer.queue_limit, writer.wait_seconds = saved


WARM_UP = "warming up"


def start_flowing(app, event, participant_id: int) -> None:
    """One entry stored first: entries are now flowing, so the next batch waits for the batch interval."""
    with app.app_context():
        assert entry_writer.store(event.id, entry(event, participant_id, WARM_UP))["duplicate"] is False


@pytest.fixture
def phones(app, event):
    with app.app_context():
        joined = [participants.join(event.join_code)[0] for _ in range(6)]
        db.session.commit()
        return [p.id for p in joined]


def store_together(app, event, entries: list[NewEntry]) -> list[dict | ServiceError]:
    """Each entry sent from its own thread at the same moment, as phones' handlers would, while entries flow."""
    start_flowing(app, event, entries[0].participant_id)
    event_id = event.id
    outcomes: list = [None] * len(entries)
    start = threading.Barrier(len(entries))

    def send(i: int) -> None:
        with app.app_context():
            start.wait()
            try:
                outcomes[i] = entry_writer.store(event_id, entries[i])
            except ServiceError as error:
                outcomes[i] = error

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(entries))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def entry(event, participant_id: int, text: str, key: str | None = None) -> NewEntry:
    return NewEntry(event.current_activity_id, "have", text, key or factories.new_key(), participant_id=participant_id)


def count_commits(app):
    """How many version bumps (one per committed batch with new entries) the test causes."""
    bumps = []

    def listen(conn, cursor, statement, *args):
        if statement.startswith("UPDATE events SET version"):
            bumps.append(statement)

    with app.app_context():
        engine = db.engine
    sa_event.listen(engine, "before_cursor_execute", listen)
    return bumps, lambda: sa_event.remove(engine, "before_cursor_execute", listen)


def test_entries_sent_together_share_one_commit_and_each_keeps_its_own_version(app, event, phones, writer):
    start_flowing(app, event, phones[0])
    with app.app_context():
        before = db.session.get(Event, event.id).version
    bumps, stop = count_commits(app)
    try:
        acks = store_together(app, event, [entry(event, p, f"idea {n}") for n, p in enumerate(phones)])
    finally:
        stop()
    assert all(isinstance(ack, dict) and ack["duplicate"] is False for ack in acks), acks
    assert len(bumps) == 2  # the second warm-up entry's batch, then one batch for all six
    with app.app_context():
        stored = db.session.scalars(select(Entry).where(Entry.text != WARM_UP).order_by(Entry.id)).all()
        assert sorted(r.text for r in stored) == sorted(f"idea {n}" for n in range(6))
        assert db.session.get(Event, event.id).version == before + 7  # every entry a version of its own
        assert {ack["entry"]["id"] for ack in acks} == {r.id for r in stored}


def test_one_entry_that_breaks_the_store_does_not_keep_the_others_out(app, event, phones, writer, monkeypatch):
    real_screen = safety.screen

    def screen(text, *args, **kwargs):
        if text == "poison":
            raise RuntimeError("a bug met an unexpected text")
        return real_screen(text, *args, **kwargs)

    monkeypatch.setattr(safety, "screen", screen)
    texts = ["fine one", "poison", "fine two", "fine three"]
    acks = store_together(app, event, [entry(event, p, t) for p, t in zip(phones, texts, strict=False)])
    outcomes = dict(zip(texts, acks, strict=True))
    assert isinstance(outcomes["poison"], ServiceError) and outcomes["poison"].code == "internal"
    assert all(isinstance(outcomes[t], dict) for t in ("fine one", "fine two", "fine three"))
    with app.app_context():
        assert sorted(db.session.scalars(select(Entry.text).where(Entry.text != WARM_UP))) == [
            "fine one",
            "fine three",
            "fine two",
        ]


def test_rules_are_checked_per_entry_within_a_batch(app, event, phones, writer):
    acks = store_together(
        app,
        event,
        [
            entry(event, phones[0], "a good idea"),
            entry(event, phones[1], ""),  # empty
            NewEntry(
                event.current_activity_id, "no-such-lane", "lost lane", factories.new_key(), participant_id=phones[2]
            ),
            entry(event, phones[3], "another good idea"),
        ],
    )
    assert [ack["entry"]["text"] if isinstance(ack, dict) else ack.code for ack in acks] == [
        "a good idea",
        "empty_text",
        "invalid_lane",
        "another good idea",
    ]


def test_a_full_queue_answers_busy_and_stores_nothing(app, event, phones, writer):
    writer.queue_limit = 0
    with app.app_context(), pytest.raises(Busy) as refused:
        entry_writer.store(event.id, entry(event, phones[0], "too much at once"))
    assert refused.value.code == "busy"
    with app.app_context():
        assert db.session.scalar(select(func.count(Entry.id))) == 0


def test_a_phone_told_busy_resends_and_its_entry_is_stored_once(app, event, phones, writer):
    """Busy after waiting means "maybe stored": the re-send with the same key is answered as stored."""
    sent = entry(event, phones[0], "slow night on the server", key="busy-then-resent-1")
    # The next batch waits for the interval, counted from when the warm-up's batch began: 2 s, not the fixture's
    # half second, so a warm-up slowed by a busy machine (the first screening loads the model) still leaves the
    # next batch later than the phone's 50 ms wait.
    writer.batch_interval_seconds = 2.0
    start_flowing(app, event, phones[1])
    writer.wait_seconds = 0.05
    with app.app_context(), pytest.raises(Busy):
        entry_writer.store(event.id, sent)
    writer.wait_seconds = 10
    with app.app_context():
        again = entry_writer.store(event.id, sent)
        assert again["duplicate"] is True
        assert db.session.scalar(select(func.count(Entry.id)).where(Entry.text != WARM_UP)) == 1


def test_the_writer_outlives_a_failure_outside_the_store(app, event, phones, writer, monkeypatch):
    """Whatever breaks between batches, the phones waiting are answered and the next entry is stored:
    without its writer a process would never store an entry again."""
    real_store_and_tell = writer._store_and_tell
    failures = []

    def breaks_once(batch):
        if not failures:
            failures.append(len(batch))
            raise RuntimeError("the database went away while the batch was being told")
        real_store_and_tell(batch)

    monkeypatch.setattr(writer, "_store_and_tell", breaks_once)
    with app.app_context():
        with pytest.raises(ServiceError) as failed:
            entry_writer.store(event.id, entry(event, phones[0], "lost in the failure"))
        assert failed.value.code == "internal"
        assert entry_writer.store(event.id, entry(event, phones[1], "stored after it"))["duplicate"] is False
        assert list(db.session.scalars(select(Entry.text))) == ["stored after it"]
    assert failures == [1]


def test_a_batch_rolled_back_after_its_version_bump_leaves_the_next_batch_right(
    app, event, phones, writer, monkeypatch
):
    """The failed batch raised the version it held of the event, then rolled back: the next batch must neither
    reuse that version nor lose its entry."""
    start_flowing(app, event, phones[0])
    with app.app_context():
        before = db.session.get(Event, event.id).version

    def breaks(*args, **kwargs):
        raise RuntimeError("a bug after the version bump")

    monkeypatch.setattr(board_service, "_counts_after", breaks)
    with app.app_context():
        with pytest.raises(ServiceError) as failed:
            entry_writer.store(event.id, entry(event, phones[1], "lost to the bug"))
        assert failed.value.code == "internal"
        assert event.id not in board_service._snapshots
        monkeypatch.undo()
        ack = entry_writer.store(event.id, entry(event, phones[2], "stored after it"))
        db.session.remove()
        stored = db.session.scalars(select(Entry).where(Entry.text != WARM_UP)).all()
        assert [r.text for r in stored] == ["stored after it"] and ack["entry"]["id"] == stored[0].id
        assert db.session.get(Event, event.id).version == before + 1
