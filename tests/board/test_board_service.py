"""The rules of submitting entries, independent of HTTP and sockets."""

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import func, select, update

from facilitator.agenda.models import Activity
from facilitator.board import entries
from facilitator.board import views as board_views
from facilitator.board.models import Entry
from facilitator.errors import Conflict, InvalidInput
from facilitator.events import participants
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.safeguarding.models import SafeguardingFlag
from tests import factories


@pytest.fixture
def child(ctx, event):
    participant, _token = participants.join(event.join_code, group="child", age_band="14-15")
    db.session.commit()
    return participant


def submit(event, participant, text="Too many ads", lane="have", key=None, activity_id=None):
    event = db.session.get(Event, event.id)
    return entries.submit_entry(
        event,
        activity_id=activity_id or event.current_activity_id,
        lane=lane,
        text=text,
        client_key=key or factories.new_key(),
        participant=participant,
    )


def test_childrens_entry_waits_for_the_moderator(event, child):
    submission = submit(event, child)
    assert submission.created
    assert submission.response.status == "pending"
    assert submission.response.group == "child" and submission.response.age_band == "14-15"
    assert board_views.approved_cards(event.current_activity_id) == []


def test_post_moderated_entry_shows_at_once(event, child):
    open_wall = db.session.get(Event, event.id).sessions[0].activities[1]
    open_wall.state = "open"
    db.session.commit()
    submission = submit(event, child, lane="main", activity_id=open_wall.id)
    assert submission.response.status == "approved"
    assert [r.id for r in board_views.approved_cards(open_wall.id)] == [submission.response.id]


def test_resent_entry_is_stored_once(event, child):
    first = submit(event, child, key="resent-key-123")
    again = submit(event, child, key="resent-key-123", text="different text, same key")
    assert again.created is False
    assert again.response.id == first.response.id
    assert db.session.scalar(select(func.count(Entry.id))) == 1


def test_a_resend_after_the_activity_closed_is_still_a_success(event, child):
    """The phone's outbox re-sends what it has no ack for; if the entry was stored before the facilitator
    closed the activity, the answer is 'stored', so the phone stops re-sending it."""
    first = submit(event, child, key="sent-before-close")
    activity = db.session.get(Activity, event.current_activity_id)
    activity.state = "closed"
    db.session.commit()
    again = submit(event, child, key="sent-before-close")
    assert again.created is False and again.response.id == first.response.id
    with pytest.raises(Conflict) as refused:
        submit(event, child, key="sent-after-close")
    assert refused.value.code == "activity_closed"
    assert db.session.scalar(select(func.count(Entry.id))) == 1


def test_a_participant_of_another_event_cannot_write_here(event, child):
    elsewhere = factories.event_with_open_board()
    stranger, _ = participants.join(elsewhere.join_code)
    db.session.commit()
    outcome = entries.store_entries(
        db.session.get(Event, event.id),
        [
            entries.NewEntry(
                event.current_activity_id, "have", "sneaking in", factories.new_key(), participant_id=stranger.id
            )
        ],
    )
    assert [o.code for o in outcome] == ["unknown_participant"]
    assert db.session.scalar(select(func.count(Entry.id))) == 0


def test_another_participants_key_is_refused(event, child):
    submit(event, child, key="shared-key-1234")
    other, _ = participants.join(event.join_code)
    with pytest.raises(InvalidInput) as refused:
        submit(event, other, key="shared-key-1234")
    assert refused.value.code == "invalid_client_key"


@pytest.mark.parametrize(
    "text, code",
    [
        ("", "empty_text"),
        ("   \n ", "empty_text"),
        ("x" * 281, "text_too_long"),
        (42, "invalid_text"),
        (["a list"], "invalid_text"),
        ({"a": 1}, "invalid_text"),
    ],
)
def test_bad_text_is_refused_and_nothing_stored(event, child, text, code):
    kept = submit(event, child, text="an earlier entry")
    with pytest.raises(InvalidInput) as refused:
        submit(event, child, text=text)
    assert refused.value.code == code
    assert db.session.scalars(select(Entry.id)).all() == [kept.response.id]


def test_text_is_cleaned_of_control_and_bidi_characters(event, child):
    submission = submit(event, child, text="  safe\u202e gnirts\u0007 \u200bonline  ")
    assert submission.response.text == "safe gnirts online"


def test_exactly_280_characters_is_accepted(event, child):
    assert submit(event, child, text="y" * 280).created


def test_closed_activity_refuses_entries(event, child):
    db.session.get(Event, event.id).sessions[0].activities[0].state = "closed"
    db.session.commit()
    with pytest.raises(Conflict) as refused:
        submit(event, child)
    assert refused.value.code == "activity_closed"


def test_unknown_lane_and_foreign_activity_are_refused(event, child):
    with pytest.raises(InvalidInput):
        submit(event, child, lane="nope")
    other = factories.event_with_open_board()
    with pytest.raises(Exception) as refused:
        submit(event, child, activity_id=other.current_activity_id)
    assert getattr(refused.value, "code", None) == "unknown_activity"


def test_disclosure_is_held_and_flagged_for_safeguarding(event, child):
    submission = submit(event, child, text="my uncle touches me and says not to tell")
    assert submission.response.status == "held"
    assert submission.needs_safeguarding
    flag = db.session.scalar(select(SafeguardingFlag))
    assert flag.response_id == submission.response.id and "disclosure" in flag.reasons
    assert board_views.own_entry_view(submission.response)["state"] == "waiting"


def test_phone_number_is_redacted_in_what_others_see(event, child):
    submission = submit(event, child, text="call me on 0712 345 678 please")
    assert "345" not in submission.response.shown_text
    assert "0712 345 678" in submission.response.text  # staff keep the original
    assert "345" not in str(board_views.card_view(submission.response))


def test_counts_include_everything_received(event, child):
    submit(event, child)
    submit(event, child, text="I want to kill myself")
    assert board_views.counts(event.current_activity_id) == {"received": 2, "shown": 0}


def test_cards_on_board_read_as_rows_match_the_card_views(event, child):
    wall = db.session.get(Event, event.id).sessions[0].activities[1]
    wall.state = "open"
    db.session.commit()
    for text in ("first card", "second card", "third card"):
        submit(event, child, text=text, lane="main", activity_id=wall.id)
    pinned = board_views.approved_cards(wall.id)[2]
    pinned.pinned = True
    db.session.commit()
    cards = board_views.cards_on_board(wall.id)
    assert cards == [board_views.card_view(r) for r in board_views.approved_cards(wall.id)]
    assert [c["text"] for c in cards] == ["third card", "first card", "second card"]  # pinned first


def test_a_batch_tells_its_new_entries_as_the_database_stored_them(event, child):
    """The writer's batch acks and broadcasts from light records, not reloaded Entries: every view of each must be
    what the stored row gives, held and redacted entries included."""
    texts = ["Too many ads", "call me on 0712 345 678", "I want to die", "Safer apps please"]
    batch = [
        entries.NewEntry(event.current_activity_id, "have", text, factories.new_key(), participant_id=child.id)
        for text in texts
    ]
    loaded, activities, authors = entries.batch_reads(event.id, batch)
    assert loaded is not None and set(activities) == {event.current_activity_id}
    outcomes = entries.store_entries(loaded, batch, activities, authors)
    db.session.expunge_all()
    for outcome in outcomes:
        assert isinstance(outcome, entries.Submission) and outcome.created
        assert isinstance(outcome.response, board_views.StoredEntry)
        stored = db.session.get(Entry, outcome.response.id)
        for view in (board_views.own_entry_view, board_views.staff_view, board_views.card_view):
            assert view(outcome.response) == view(stored)
        for may_safeguard in (True, False):
            assert board_views.entry_for_staff(outcome.response, may_safeguard=may_safeguard) == (
                board_views.entry_for_staff(stored, may_safeguard=may_safeguard)
            )
    assert {o.response.status for o in outcomes} >= {"held"}  # the safety hold, as before
    assert [o.response.group for o in outcomes] == ["child"] * len(texts)


def test_the_batch_lookup_leaves_out_what_is_not_this_events_activity(ctx, event):
    elsewhere = factories.event_with_open_board()
    batch = [
        entries.NewEntry(activity_id, "have", "text", factories.new_key())
        for activity_id in (event.current_activity_id, elsewhere.current_activity_id, "not a number", None)
    ]
    loaded, activities, authors = entries.batch_reads(event.id, batch)
    assert loaded is not None and loaded.id == event.id
    assert set(activities) == {event.current_activity_id}
    outcomes = entries.store_entries(loaded, batch, activities, authors)
    assert isinstance(outcomes[0], entries.Submission)
    assert [o.code for o in outcomes[1:]] == ["unknown_activity", "invalid_id", "invalid_id"]  # type: ignore[union-attr]
    assert entries.batch_reads(10**6, batch) == (None, {}, None)


def test_a_batch_adds_its_entries_to_the_counts_its_process_last_committed(event, child, facilitator, monkeypatch):
    """Counts are what a full count gives after every batch; a batch counts the board again only when something
    else changed the event since this process's last batch (a moderation, another process's batch)."""
    from facilitator.board import moderation
    from facilitator.events.service import bump_version
    from facilitator.staff.models import StaffUser

    counted = []
    real_counts = board_views.counts

    def counting(activity_id):
        counted.append(activity_id)
        return real_counts(activity_id)

    monkeypatch.setattr(board_views, "counts", counting)

    def counts_made_by_batch(*texts):
        before = len(counted)
        new = [entries.NewEntry(event.current_activity_id, "have", t, factories.new_key(), child.id) for t in texts]
        loaded, activities, authors = entries.batch_reads(event.id, new)
        outcomes = entries.store_entries(loaded, new, activities, authors)
        assert outcomes[-1].counts == real_counts(event.current_activity_id)
        return len(counted) - before

    assert counts_made_by_batch("Too many ads", "I want to die") == 1  # a held one: received, never shown
    assert counts_made_by_batch("Safer apps", "Kind moderators") == 0  # nothing else happened: added to the last
    current = db.session.get(Event, event.id)
    latest = db.session.scalar(select(func.max(Entry.id)))
    moderation.moderate(current, db.session.get(StaffUser, facilitator[0].id), latest, "approve")
    assert counts_made_by_batch("Shorter terms") == 1  # the moderation moved the version on: counted again
    assert counts_made_by_batch("Clear rules") == 0
    bump_version(db.session.get(Event, event.id))  # as another process's batch would
    db.session.commit()
    assert counts_made_by_batch("Polite bots") == 1
    assert real_counts(event.current_activity_id)["received"] == 7


def _batch(event, child, *texts):
    new = [entries.NewEntry(event.current_activity_id, "have", t, factories.new_key(), child.id) for t in texts]
    loaded, activities, authors = entries.batch_reads(event.id, new)
    assert loaded is not None
    return entries.store_entries(loaded, new, activities, authors)


def _statements_of(fn):
    seen: list[str] = []

    def note(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    engine = db.session.get_bind()
    sa_event.listen(engine, "before_cursor_execute", note)
    try:
        fn()
    finally:
        sa_event.remove(engine, "before_cursor_execute", note)
    return seen


def test_the_writer_keeps_the_event_between_batches_until_something_changes_it(event, child):
    """A batch after a batch reads the event's version with its writers, not the event and its activities again."""
    stranger = factories.event_with_open_board()
    someone_elses = participants.join(stranger.join_code)[0]
    db.session.commit()
    _batch(event, child, "Too many ads")
    new = [
        entries.NewEntry(event.current_activity_id, "have", "Safer apps", factories.new_key(), participant)
        for participant in (child.id, someone_elses.id)
    ]
    reads = []
    statements = _statements_of(lambda: reads.append(entries.batch_reads(event.id, new)))
    statements = [s for s in statements if "SAVEPOINT" not in s]
    assert len(statements) == 1 and "activities" not in statements[0] and "version" in statements[0]
    loaded, activities, authors = reads[0]
    assert authors == {child.id: (child.id, "child", "14-15")}  # another event's participant is not among them
    outcomes = entries.store_entries(loaded, new, activities, authors)
    assert isinstance(outcomes[0], entries.Submission)
    assert outcomes[1].code == "unknown_participant"  # type: ignore[union-attr]
    outcome = _batch(event, child, "Kind moderators")[0]
    assert isinstance(outcome, entries.Submission) and outcome.created
    assert outcome.version == db.session.get(Event, event.id).version  # its own bumps keep the snapshot current


def test_a_change_committed_in_this_process_reaches_the_next_batch_version_or_not(
    event, child, facilitator, monkeypatch
):
    """This process's own commits to an event or an activity end the snapshot even where a change forgot to raise the
    version (here, none does)."""
    from facilitator.agenda import running
    from facilitator.staff.models import StaffUser

    monkeypatch.setattr(running, "bump_version", lambda event, by=1: event.version)
    assert isinstance(_batch(event, child, "Too many ads")[0], entries.Submission)
    actor = db.session.get(StaffUser, facilitator[0].id)
    running.set_controls(db.session.get(Event, event.id), actor, event.current_activity_id, {"locked": True})
    assert [o.code for o in _batch(event, child, "Safer apps")] == ["voting_locked"]  # type: ignore[union-attr]
    running.set_controls(db.session.get(Event, event.id), actor, event.current_activity_id, {"locked": False})
    assert isinstance(_batch(event, child, "Kind moderators")[0], entries.Submission)


def test_another_process_s_change_reaches_the_next_batch_by_the_event_s_version(event, child, facilitator, monkeypatch):
    """Another process's commit reaches this one only through the database: the version it raised."""
    from facilitator.safeguarding import service as safeguarding_service
    from facilitator.staff.models import StaffUser

    assert _batch(event, child, "I hate homework")[0].response.shown_text == "I hate homework"  # type: ignore[union-attr]
    seen_here = entries._changes_committed
    actor = db.session.get(StaffUser, facilitator[0].id)
    safeguarding_service.set_blocked_words(db.session.get(Event, event.id), actor, "homework")
    monkeypatch.setattr(entries, "_changes_committed", seen_here)  # as if committed by another process
    assert _batch(event, child, "I hate homework")[0].response.shown_text == "I hate h*******"  # type: ignore[union-attr]
    db.session.execute(update(Activity).where(Activity.id == event.current_activity_id).values(state="closed"))
    db.session.execute(update(Event).where(Event.id == event.id).values(version=Event.version + 1))
    db.session.commit()
    assert [o.code for o in _batch(event, child, "Safer apps")] == ["activity_closed"]  # type: ignore[union-attr]
