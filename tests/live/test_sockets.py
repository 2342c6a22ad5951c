"""Every socket event through Flask-SocketIO's test client: acks, broadcasts, refusals."""

import pytest
from sqlalchemy import func, select

from facilitator.board.models import Entry
from facilitator.events.models import Event
from facilitator.extensions import db, socketio
from facilitator.live.connections import HANDLERS
from tests import factories
from tests.clocks import frozen_limit
from tests.conftest import received, staff_socket


def test_phone_submits_and_gets_an_ack_after_the_entry_is_stored(app, phone):
    ack = phone.submit("Cyberbullying in class groups")
    assert ack["ok"] is True
    assert ack["entry"]["state"] == "waiting"
    with app.app_context():
        stored = db.session.get(Entry, ack["entry"]["id"])
        assert stored.text == "Cyberbullying in class groups"


def test_resent_entry_is_acknowledged_without_a_second_copy(app, phone):
    first = phone.submit("Same entry", key="outbox-key-0001")
    again = phone.submit("Same entry", key="outbox-key-0001")
    assert again["ok"] and again["duplicate"] is True
    assert again["entry"]["id"] == first["entry"]["id"]
    with app.app_context():
        assert db.session.scalar(select(func.count(Entry.id))) == 1


def test_approved_card_reaches_the_projector_and_waiting_one_does_not(phone, projector, console):
    projector.get_received()
    ack = phone.submit("We want kind comments")
    assert all(update["cards"] == [] for update in received(projector, "board"))
    queue = received(console, "entries")
    assert queue and queue[-1]["entries"][-1]["original"] == "We want kind comments"

    approved = console.emit("console:moderate", {"response_id": ack["entry"]["id"], "action": "approve"}, callback=True)
    assert approved["ok"]
    cards = [card for update in received(projector, "board") for card in update["cards"]]
    assert cards == [
        {
            "id": ack["entry"]["id"],
            "activity_id": cards[0]["activity_id"],
            "lane": "have",
            "text": "We want kind comments",
            "pinned": False,
            "starred": False,
            "paper": False,
            "sms": False,
            "theme_id": None,
            "sort_key": [1, ack["entry"]["id"]],
        }
    ]
    states = [m["entry"]["state"] for m in received(phone.socket, "own_entry")]
    assert states[-1] == "on_board"


def test_other_phones_never_see_unmoderated_text(app, phone, new_phone):
    other = new_phone()
    other.socket.get_received()
    ack = phone.submit("private until approved")
    assert ack["ok"] is True and ack["entry"]["state"] == "waiting", ack
    assert "private until approved" not in str(other.socket.get_received())
    with app.app_context():
        stored = db.session.get(Entry, ack["entry"]["id"])
        assert (stored.text, stored.status) == ("private until approved", "pending")


def test_projector_snapshot_and_forged_token(app, event, projector):
    snapshot = projector.emit("projector:sync", {}, callback=True)
    assert snapshot["ok"] and snapshot["join_code"] == event.join_code
    assert [lane["key"] for lane in snapshot["activity"]["lanes"]] == ["have", "want"]
    forged = socketio.test_client(app, auth={"view": "projector", "token": "x" * 32})
    assert not forged.is_connected()


def test_renewed_projector_token_cuts_off_the_old_link(app, event, projector):
    from facilitator.events.service import renew_projector_link
    from facilitator.staff.models import StaffUser

    old_token = event.projector_token
    with app.app_context():
        renew_projector_link(db.session.get(Event, event.id), db.session.scalar(select(StaffUser)))
    assert not projector.is_connected()  # the open projector was cut off once the renewal was committed
    again = socketio.test_client(app, auth={"view": "projector", "token": old_token})
    assert not again.is_connected()


@pytest.mark.parametrize(
    "payload",
    [
        "a string",
        ["a", "list"],
        12,
        None,
        {"activity_id": "DROP TABLE"},
        {"text": "x" * 20000},
        {"client_key": "short"},
    ],
)
def test_malformed_submit_gets_an_error_ack_and_the_connection_lives(phone, payload):
    ack = phone.socket.emit("participant:submit", payload, callback=True)
    assert ack["ok"] is False and ack["error"] and ack["message"]
    assert phone.socket.is_connected()
    assert phone.submit("still works")["ok"]


def test_participant_cannot_call_staff_or_projector_events(phone):
    for name, view in HANDLERS.items():
        if view == "participant":
            continue
        ack = phone.socket.emit(name, {"activity_id": 1, "response_id": 1, "action": "approve"}, callback=True)
        assert ack["ok"] is False and ack["error"] == "forbidden", name


def test_console_of_another_event_is_refused(app, event, facilitator):
    user, password = facilitator
    with app.app_context():
        other = factories.event_with_open_board()
    assert not staff_socket(app, other.id, user.email, password).is_connected()


def test_revoked_role_stops_working_at_once(app, event, console, facilitator):
    from facilitator.staff.models import StaffRole

    with app.app_context():
        db.session.execute(StaffRole.__table__.delete())
        db.session.commit()
    ack = console.emit("console:open_activity", {"activity_id": event.current_activity_id}, callback=True)
    assert ack["error"] == "forbidden"


def test_moderator_cannot_run_the_agenda(app, event):
    with app.app_context():
        user, password = factories.staff_user(event.id, "moderator")
    moderator = staff_socket(app, event.id, user.email, password)
    refused = moderator.emit("console:open_activity", {"activity_id": event.current_activity_id}, callback=True)
    assert refused["error"] == "forbidden"
    assert moderator.emit("console:sync", {}, callback=True)["ok"]


def test_opening_an_activity_moves_every_phone_and_the_projector(app, event, phone, projector, console):
    with app.app_context():
        wall = db.session.get(Event, event.id).sessions[0].activities[1]
        wall_id = wall.id
    phone.socket.get_received()
    projector.get_received()
    ack = console.emit("console:open_activity", {"activity_id": wall_id}, callback=True)
    assert ack["ok"]
    assert received(phone.socket, "activity")[-1]["activity"]["id"] == wall_id
    assert received(projector, "projector")[-1]["activity"]["id"] == wall_id
    refused = phone.submit("old board", activity_id=event.current_activity_id)
    assert refused["error"] == "activity_closed"
    assert phone.submit("new wall", lane="main", activity_id=wall_id)["ok"]


def test_post_moderated_card_appears_at_once_and_pins_first(app, event, phone, projector, console):
    with app.app_context():
        wall_id = db.session.get(Event, event.id).sessions[0].activities[1].id
    console.emit("console:open_activity", {"activity_id": wall_id}, callback=True)
    first = phone.submit("first idea", lane="main", activity_id=wall_id)["entry"]["id"]
    second = phone.submit("second idea", lane="main", activity_id=wall_id)["entry"]["id"]
    console.emit("console:moderate", {"response_id": second, "action": "pin"}, callback=True)
    snapshot = projector.emit("projector:sync", {}, callback=True)
    assert [c["id"] for c in snapshot["cards"]] == [second, first]
    assert snapshot["counts"] == {"received": 2, "shown": 2}


def test_paper_card_is_tagged_and_shown(app, event, console, projector):
    ack = console.emit(
        "console:paper_entry",
        {
            "activity_id": event.current_activity_id,
            "lane": "want",
            "text": "Teach parents about apps",
            "client_key": factories.new_key(),
        },
        callback=True,
    )
    assert ack["ok"] and ack["entry"]["paper"] is True and ack["entry"]["status"] == "approved"
    assert projector.emit("projector:sync", {}, callback=True)["cards"][0]["text"] == "Teach parents about apps"


def test_console_sync_shows_the_queue_and_edits_are_broadcast(console, phone, projector):
    entry_id = phone.submit("Parnets should learn too", lane="want")["entry"]["id"]
    state = console.emit("console:sync", {}, callback=True)
    assert [e["id"] for e in state["entries"]] == [entry_id]
    assert state["agenda"][0]["activities"][0]["state"] == "open"
    console.emit("console:moderate", {"response_id": entry_id, "action": "approve"}, callback=True)
    edited = console.emit("console:edit", {"response_id": entry_id, "text": "Parents should learn too"}, callback=True)
    assert edited["entry"]["text"] == "Parents should learn too"
    assert projector.emit("projector:sync", {}, callback=True)["cards"][0]["text"] == "Parents should learn too"


def test_held_entry_alerts_safeguarding_only(app, event, phone, console, projector):
    with app.app_context():
        user, password = factories.staff_user(event.id, "moderator")
    moderator = staff_socket(app, event.id, user.email, password)
    for client in (moderator, console, projector):
        client.get_received()
    phone.submit("someone is hurting me at home")
    # A facilitator is in the safeguarding room.
    assert received(console, "entries")[-1]["entries"][-1]["status"] == "held"
    assert "hurting" not in str(moderator.get_received())
    assert "hurting" not in str(projector.get_received())
    assert not any(e["status"] == "held" for e in moderator.emit("console:sync", {}, callback=True)["entries"])


def test_participant_rate_limit_gives_a_clear_message(app, phone):
    from facilitator.web.ratelimit import participant_limits

    frozen_limit(participant_limits, limit=3, window=60)
    acks = [phone.submit(f"entry {n}") for n in range(5)]
    assert [a["ok"] for a in acks] == [True, True, True, False, False]
    assert acks[-1]["error"] == "rate_limited" and "wait" in acks[-1]["message"].lower()


def test_unauthenticated_connections_are_refused(app):
    assert not socketio.test_client(app, auth={"view": "participant"}).is_connected()
    assert not socketio.test_client(app, auth={"view": "console", "event_id": 1}).is_connected()
    assert not socketio.test_client(app, auth="garbage").is_connected()


# --- snapshot on reconnect: `since` the last version seen (DESIGN.md §4) ------------------------------


def test_sync_since_the_current_version_is_unchanged_and_a_change_brings_the_snapshot(
    app, event, phone, console, projector
):
    syncs = {
        "phone": (phone.socket, "participant:sync"),
        "console": (console, "console:sync"),
        "projector": (projector, "projector:sync"),
    }
    first = {name: client.emit(sync, {}, callback=True) for name, (client, sync) in syncs.items()}
    for name, (client, sync) in syncs.items():
        version = first[name]["version"]
        again = client.emit(sync, {"since": version}, callback=True)
        assert again["ok"] and again["unchanged"] is True and again["version"] == version, name
        assert not {"activity", "entries", "cards", "agenda"} & set(again), name  # no snapshot built

    ack = phone.submit("Something changed")
    approved = console.emit("console:moderate", {"response_id": ack["entry"]["id"], "action": "approve"}, callback=True)
    assert approved["ok"]
    for name, (client, sync) in syncs.items():
        fresh = client.emit(sync, {"since": first[name]["version"]}, callback=True)
        assert fresh["ok"] and "unchanged" not in fresh and fresh["version"] > first[name]["version"], name
    assert [c["text"] for c in projector.emit("projector:sync", {"since": 0}, callback=True)["cards"]] == [
        "Something changed"
    ]
    assert [e["id"] for e in console.emit("console:sync", {"since": 0}, callback=True)["entries"]] == [
        ack["entry"]["id"]
    ]


def test_lead_sync_always_brings_every_flag(app, event, console, phone):
    # A help request does not raise the event's version: the lead's sync never answers "unchanged".
    first = console.emit("safeguarding:sync", {}, callback=True)
    assert first["ok"] and "flags" in first
    assert phone.socket.emit("participant:help", {"where": "by the door"}, callback=True)["ok"]
    fresh = console.emit("safeguarding:sync", {"since": first["version"]}, callback=True)
    assert "unchanged" not in fresh and len(fresh["flags"]) == len(first["flags"]) + 1


@pytest.mark.parametrize("since", ["3", 1.5, True, -1, [1], {"v": 1}])
def test_a_bad_since_is_refused_with_an_ack(phone, console, projector, since):
    for client, sync in (
        (phone.socket, "participant:sync"),
        (console, "console:sync"),
        (projector, "projector:sync"),
        (console, "safeguarding:sync"),
    ):
        refused = client.emit(sync, {"since": since}, callback=True)
        assert refused["ok"] is False and refused["error"] == "invalid_input", (sync, since)
        assert client.is_connected()


def test_cards_carry_the_one_order_and_an_upvoted_board_its_order(app, event, phone, console, projector):
    ids = []
    for text in ("first", "second", "third"):
        ack = phone.submit(text)
        ids.append(ack["entry"]["id"])
        assert console.emit(
            "console:moderate", {"response_id": ack["entry"]["id"], "action": "approve"}, callback=True
        )["ok"]
    assert console.emit("console:moderate", {"response_id": ids[2], "action": "pin"}, callback=True)["ok"]
    snapshot = projector.emit("projector:sync", {}, callback=True)
    assert [c["id"] for c in snapshot["cards"]] == [ids[2], ids[0], ids[1]]
    assert [c["sort_key"] for c in snapshot["cards"]] == [[0, ids[2]], [1, ids[0]], [1, ids[1]]]
    entries = console.emit("console:sync", {}, callback=True)["entries"]
    assert [e["id"] for e in entries] == [ids[2], ids[0], ids[1]]
    assert sorted(e["sort_key"] for e in entries) == [e["sort_key"] for e in entries]

    assert console.emit(
        "console:activity_controls",
        {"activity_id": event.current_activity_id, "changes": {"upvotes": True, "results_on_projector": True}},
        callback=True,
    )["ok"]
    assert phone.socket.emit("participant:upvote", {"response_id": ids[1]}, callback=True)["ok"]
    results = projector.emit("projector:sync", {}, callback=True)["results"]
    assert results["order"] == [ids[2], ids[1], ids[0]]  # pinned, then most upvotes, then oldest


@pytest.mark.parametrize("lane", [["have"], {"a": 1}, 12, None, True])
def test_a_lane_of_the_wrong_type_is_refused_clearly(phone, caplog, lane):
    """Refused as the wrong column, before any limit is counted, and nothing in the log but the refusal."""
    ack = phone.submit("hello", lane=lane)
    expected = ("invalid_lane", {}) if lane is None else ("invalid_input", {"field": "lane"})  # the rule / the shape
    assert (ack["ok"], ack["error"], ack["params"]) == (False, *expected)
    assert "Traceback" not in caplog.text and "failed" not in caplog.text
    assert phone.submit("hello", lane="have")["ok"]  # and the phone goes on as before


MALFORMED_PAYLOADS = [
    {"activity_id": [1]},
    {"response_id": 10**30},
    {"flag_id": "1 OR 1=1"},
    {"entry_ids": list(range(1, 1200))},
    {"text": {"nested": "object"}},
    {"lane": ["have"], "text": "ok"},
    {"since": 1.5},
    {"anything": [[[[[[[[[["deep"]]]]]]]]]]},
    {"choices": "0,1"},
    {"note": "x" * 30_000},
]


@pytest.mark.parametrize("payload", MALFORMED_PAYLOADS, ids=lambda p: next(iter(p)))
def test_every_handler_refuses_a_malformed_payload_before_any_work(app, phone, console, projector, caplog, payload):
    """The shared shape check (validation.payload) runs for every handler of every view before the handler:
    each answers with a code, nothing is stored, nothing is logged as a failure, and the connection lives on."""
    clients = {"participant": phone.socket, "console": console, "projector": projector}
    with app.app_context():
        entries_before = db.session.scalar(select(func.count(Entry.id)))
    for name, view in sorted(HANDLERS.items()):
        client = clients[view]
        ack = client.emit(name, payload, callback=True)
        assert ack["ok"] is False and ack["error"] in ("invalid_input", "invalid_id", "invalid_payload"), (name, ack)
        assert client.is_connected(), name
    with app.app_context():
        assert db.session.scalar(select(func.count(Entry.id))) == entries_before
    assert "Traceback" not in caplog.text and "failed" not in caplog.text


def test_a_socket_opens_the_cookie_session_at_connect_only(app, event, phone, facilitator, monkeypatch):
    """Flask-SocketIO keeps each socket's session from its connect; the cookie is not read again for every event
    (live/sessions.py). A console still connects on its staff session, and a signed-out one is still refused."""
    from flask.sessions import SecureCookieSessionInterface

    opened = []
    real_open = SecureCookieSessionInterface.open_session

    def counting_open(self, app, request):
        opened.append(request.path)
        return real_open(self, app, request)

    monkeypatch.setattr(SecureCookieSessionInterface, "open_session", counting_open)
    assert phone.socket.is_connected()
    assert len(opened) == 1
    for n in range(3):
        assert phone.submit(f"Idea number {n}")["ok"]
    assert len(opened) == 1
    user, password = facilitator
    console = staff_socket(app, event.id, user.email, password)
    assert console.is_connected()
    ack = console.emit("console:sync", {}, callback=True)
    assert ack["ok"], ack


def test_socket_events_match_the_socket_url_once_and_still_build_urls(app, event, phone, new_phone, monkeypatch):
    """The request context Flask-SocketIO pushes for each socket event shares one URL adapter, and its match of
    /socket.io/, with every socket of the server (live/socket_requests.py); nothing is kept per socket, and
    ``url_for`` inside a socket event builds the same URL as ever."""
    from flask import request, url_for
    from werkzeug.routing import MapAdapter

    from facilitator.live import connections

    matched = []
    real_match = MapAdapter.match

    def counting_match(self, *args, **kwargs):
        matched.append(kwargs)
        return real_match(self, *args, **kwargs)

    monkeypatch.setattr(MapAdapter, "match", counting_match)
    built = []
    real_current_sid = connections.current_sid

    def building_current_sid():
        built.append((url_for("participant.join_with_code", code="ABC123"), request.routing_exception is not None))
        return real_current_sid()

    monkeypatch.setattr(connections, "current_sid", building_current_sid)
    assert phone.socket.is_connected()
    other = new_phone()
    assert other.socket.is_connected()
    before = len(matched)  # the phones' joins over HTTP, and the first socket's match if no earlier test made it
    for n in range(3):
        assert phone.submit(f"Idea number {n}")["ok"]
        assert other.submit(f"Other idea {n}")["ok"]
    assert len(matched) == before
    (kept,) = app._socket_url_adapters.values()
    assert kept._matched[1].__traceback__ is None  # raised as a copy: no frames of any event kept with it
    environ = socketio.server.environ[phone.socket.eio_sid]
    assert not any(isinstance(value, MapAdapter) or "adapter" in str(key) for key, value in environ.items())
    with app.test_request_context():
        expected = url_for("participant.join_with_code", code="ABC123")
    assert len(built) == 6 and all(entry == (expected, True) for entry in built)


def test_a_request_closes_the_files_it_parsed(app):
    """Requests skip Werkzeug's walk of an empty file list when they close (live/socket_requests.py), and still
    close every uploaded file."""
    import io

    from facilitator.live.socket_requests import SocketEventRequest

    with app.test_request_context("/", method="POST", data={"card": (io.BytesIO(b"a photo"), "card.jpg")}):
        from flask import request

        assert isinstance(request._get_current_object(), SocketEventRequest)
        upload = request.files["card"]
        assert not upload.stream.closed
    assert upload.stream.closed
