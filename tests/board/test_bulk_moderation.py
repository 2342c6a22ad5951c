"""Moderation at the speed of a room: many entries approved or hidden in one call, one commit, one broadcast;
a card made an ask without a theme."""

import pytest
from sqlalchemy import select

from facilitator.asks.models import Ask
from facilitator.audit import AuditEntry
from facilitator.board.models import Entry
from facilitator.events.models import Event
from facilitator.extensions import db
from tests import factories
from tests.conftest import received


def cards_from(phones, texts):
    ids = []
    for i, text in enumerate(texts):
        ack = phones[i % len(phones)].submit(text, lane="have" if i % 2 else "want")
        assert ack["ok"], ack
        ids.append(ack["entry"]["id"])
    return ids


def statuses(app, ids):
    with app.app_context():
        return [db.session.get(Entry, i).status for i in ids]


def version(app, event):
    with app.app_context():
        return db.session.get(Event, event.id).version


def test_approving_a_selection_is_one_commit_and_one_message_per_view(app, event, new_phone, console, projector):
    phones = [new_phone() for _ in range(3)]
    ids = cards_from(phones, [f"Idea number {n}" for n in range(6)])
    for client in [projector, console] + [p.socket for p in phones]:
        client.get_received()
    before = version(app, event)

    ack = console.emit("console:moderate_many", {"response_ids": ids, "action": "approve"}, callback=True)

    assert ack["ok"], ack
    assert sorted(e["id"] for e in ack["entries"]) == sorted(ids) and ack["held"] == []
    assert statuses(app, ids) == ["approved"] * 6
    assert version(app, event) == before + 1
    boards = received(projector, "board")
    assert len(boards) == 1 and sorted(c["id"] for c in boards[0]["cards"]) == sorted(ids)
    assert boards[0]["counts"]["shown"] == 6
    assert len(received(console, "entries")) == 1
    for phone in phones:  # every author hears of their own cards
        assert {m["entry"]["state"] for m in received(phone.socket, "own_entry")} == {"on_board"}
    with app.app_context():
        audit = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "approve_many")).one()
        assert sorted(audit.detail["responses"]) == sorted(ids)


def test_hiding_a_selection_takes_cards_off_the_projector(app, event, phone, console, projector):
    ids = cards_from([phone], ["Keep this", "Hide this", "Hide that"])
    assert console.emit("console:moderate_many", {"response_ids": ids, "action": "approve"}, callback=True)["ok"]
    projector.get_received()
    ack = console.emit("console:moderate_many", {"response_ids": ids[1:], "action": "hide"}, callback=True)
    assert ack["ok"]
    assert statuses(app, ids) == ["approved", "hidden", "hidden"]
    (board,) = received(projector, "board")
    assert sorted(board["removed"]) == sorted(ids[1:])
    assert [c["text"] for c in projector.emit("projector:sync", {}, callback=True)["cards"]] == ["Keep this"]


def test_entries_held_for_safeguarding_stay_held_in_a_batch(app, event, phone, console):
    (fine,) = cards_from([phone], ["Teachers should learn about apps"])
    held = phone.submit("A man online keeps asking me for nude photos")["entry"]["id"]
    assert statuses(app, [held]) == ["held"]
    ack = console.emit("console:moderate_many", {"response_ids": [held, fine], "action": "approve"}, callback=True)
    assert ack["ok"] and ack["held"] == [held]
    assert statuses(app, [held, fine]) == ["held", "approved"]


def test_a_batch_naming_another_events_entry_is_refused_whole(app, event, phone, console):
    ids = cards_from([phone], ["Mine", "Also mine"])
    with app.app_context():
        other = factories.event_with_open_board()
    from tests.conftest import Phone

    stranger = Phone(app, other).submit("Not yours")["entry"]["id"]
    ack = console.emit("console:moderate_many", {"response_ids": [*ids, stranger], "action": "approve"}, callback=True)
    assert (ack["ok"], ack["error"]) == (False, "unknown_response")
    assert statuses(app, ids + [stranger]) == ["pending"] * 3


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"response_ids": list(range(1, 502)), "action": "approve"}, "batch_too_large"),
        ({"response_ids": [], "action": "approve"}, "invalid_batch"),
        ({"response_ids": "1,2,3", "action": "approve"}, "invalid_batch"),
        ({"response_ids": ["one"], "action": "approve"}, "invalid_id"),
        ({"response_ids": [1], "action": "pin"}, "invalid_action"),
        ({"action": "hide"}, "invalid_batch"),
    ],
)
def test_malformed_batches_are_refused_with_a_code(app, event, phone, console, payload, code):
    (card,) = cards_from([phone], ["Still waiting"])
    ack = console.emit("console:moderate_many", payload, callback=True)
    assert (ack["ok"], ack["error"]) == (False, code)
    assert statuses(app, [card]) == ["pending"]


def test_a_card_becomes_an_ask_without_a_theme(app, event, phone, console):
    approved, waiting = cards_from([phone], ["Apps should explain privacy in Kiswahili", "Not yet moderated"])
    assert console.emit("console:moderate_many", {"response_ids": [approved], "action": "approve"}, callback=True)["ok"]
    ack = console.emit("console:ask_from_entry", {"response_id": approved}, callback=True)
    assert ack["ok"], ack
    with app.app_context():
        ask = db.session.get(Ask, ack["ask"]["id"])
        assert (ask.text, ask.response_id, ask.theme_id) == ("Apps should explain privacy in Kiswahili", approved, None)
    refused = console.emit("console:ask_from_entry", {"response_id": waiting}, callback=True)
    assert (refused["ok"], refused["error"]) == (False, "invalid_selection")
    worded = console.emit("console:ask_from_entry", {"response_id": approved, "text": "Explain privacy"}, callback=True)
    assert worded["ask"]["text"] == "Explain privacy"
