"""Safeguarding around the board: the child is helped privately, the lead is alerted, nothing leaks."""

import pytest
from sqlalchemy import select

from facilitator.audit import AuditEntry
from facilitator.board.models import Entry
from facilitator.errors import Conflict
from facilitator.events.models import Event, Participant
from facilitator.extensions import db
from facilitator.safeguarding import service as safeguarding_service
from facilitator.safeguarding.models import SafeguardingFlag
from facilitator.staff.models import StaffUser
from tests import factories
from tests.conftest import csrf_token, received, staff_socket


@pytest.fixture
def lead(app, event):
    with app.app_context():
        user, password = factories.staff_user(event.id, "safeguarding")
    return staff_socket(app, event.id, user.email, password)


@pytest.fixture
def moderator(app, event):
    with app.app_context():
        user, password = factories.staff_user(event.id, "moderator")
    return staff_socket(app, event.id, user.email, password)


def test_disclosure_helps_only_the_writer_and_alerts_only_the_lead(phone, new_phone, lead, moderator, projector):
    other = new_phone()
    for client in (other.socket, lead, moderator, projector):
        client.get_received()
    ack = phone.submit("nataka kujiua, sina mtu wa kuongea naye")
    assert ack["ok"] and ack["support"] is True
    assert ack["entry"]["state"] == "waiting"  # never "blocked"
    alerts = received(lead, "safeguarding_alert")
    assert len(alerts) == 1 and "distress" in alerts[0]["flag"]["reasons"]
    assert alerts[0]["flag"]["entry"]["text"].startswith("nataka kujiua")
    for outsider in (other.socket, moderator, projector):
        assert "kujiua" not in str(outsider.get_received())
    assert phone.submit("Ads for betting everywhere")["support"] is False


def test_lead_sees_context_and_records_follow_up(app, phone, lead):
    phone.submit("Group chats are fun")
    phone.submit("someone is hurting me and I am scared")
    flags = lead.emit("safeguarding:sync", {}, callback=True)["flags"]
    assert len(flags) == 1
    flag = flags[0]
    assert [o["text"] for o in flag["other_entries"]] == ["Group chats are fun"]
    assert flag["activity"] == "The internet we have and the internet we want"
    done = lead.emit(
        "safeguarding:follow_up",
        {"flag_id": flag["id"], "state": "talked_to_child", "note": "Spoke with them at break; referred to counsellor"},
        callback=True,
    )
    assert done["ok"] and done["flag"]["state"] == "talked_to_child" and done["flag"]["handled_by"]
    assert (
        lead.emit("safeguarding:follow_up", {"flag_id": flag["id"], "state": "deleted"}, callback=True)["ok"] is False
    )
    with app.app_context():
        audit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "safeguarding_follow_up"))
        assert audit.detail["after"] == "talked_to_child"


def test_moderator_cannot_read_the_safeguarding_queue(moderator, phone):
    phone.submit("my uncle touches me")
    refused = moderator.emit("safeguarding:sync", {}, callback=True)
    assert refused["ok"] is False and refused["error"] == "forbidden"


def test_help_request_needs_no_text_and_alerts_the_lead(phone, lead):
    lead.get_received()
    assert phone.socket.emit("participant:help", {}, callback=True)["ok"]
    ack = phone.socket.emit("participant:help", {"where": "table 4, call me 0712345678"}, callback=True)
    assert ack["ok"]
    alerts = received(lead, "safeguarding_alert")
    assert [a["flag"]["reasons"] for a in alerts] == [["help_request"], ["help_request"]]
    assert "0712345678" not in alerts[1]["flag"]["message"] and "table 4" in alerts[1]["flag"]["message"]
    for _ in range(2):
        phone.socket.emit("participant:help", {}, callback=True)
    assert phone.socket.emit("participant:help", {}, callback=True)["error"] == "rate_limited"


def test_help_request_without_javascript(app, phone):
    page = phone.http.get(f"/e/{phone.event.join_code}").get_data(as_text=True)
    assert "tel:116" in page and "Talk to someone privately" in page
    reply = phone.http.post(f"/e/{phone.event.join_code}/help", data={"csrf_token": csrf_token(page)})
    assert reply.status_code == 303
    assert "The safeguarding lead has been told" in phone.http.get(f"/e/{phone.event.join_code}").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(SafeguardingFlag.reasons)) == ["help_request"]


def test_no_javascript_disclosure_shows_the_helpline_privately(app, phone):
    page = phone.http.get(f"/e/{phone.event.join_code}").get_data(as_text=True)
    fields = dict(
        __import__("re").findall(
            r'name="(\w+)" value="([^"]*)"', page.split('data-lane="have"', 1)[1].split("</form>")[0]
        )
    )
    fields["text"] = "my stepfather beats me every night"
    phone.http.post(f"/e/{phone.event.join_code}/submit", data=fields)
    after = phone.http.get(f"/e/{phone.event.join_code}").get_data(as_text=True)
    support = after.split('id="support"', 1)[1].split("</section>", 1)[0]
    assert "hidden" not in support.split(">", 1)[0]
    assert "116" in support and "blocked" not in after.lower()


def test_moderator_escalation_removes_the_card_everywhere(app, event, phone, moderator, projector, console):
    entry_id = phone.submit("Names a classmate and where she lives")["entry"]["id"]
    console.emit("console:moderate", {"response_id": entry_id, "action": "approve"}, callback=True)
    assert projector.emit("projector:sync", {}, callback=True)["cards"]
    projector.get_received()
    assert moderator.emit("console:escalate", {"response_id": entry_id}, callback=True)["ok"]
    assert received(projector, "board")[-1]["removed"] == [entry_id]
    assert projector.emit("projector:sync", {}, callback=True)["cards"] == []
    assert (
        moderator.emit("console:moderate", {"response_id": entry_id, "action": "approve"}, callback=True)["error"]
        == "held_for_safeguarding"
    )
    with app.app_context():
        assert db.session.get(Entry, entry_id).status == "held"
        assert db.session.scalar(select(SafeguardingFlag.reasons)) == ["escalated"]


def test_childrens_activity_cannot_open_before_the_checklist(app, event, console):
    with app.app_context():
        board_id = db.session.get(Event, event.id).sessions[0].activities[0].id
    refused = console.emit("console:open_activity", {"activity_id": board_id}, callback=True)
    assert refused["error"] == "not_ready_for_children" and "Guardian consent" in refused["message"]
    with app.app_context():
        current = db.session.get(Event, event.id)
        actor = db.session.scalar(select(StaffUser))
        for item in ("guardian_consent", "dpia"):
            safeguarding_service.confirm_readiness(current, actor, item)
        with pytest.raises(Exception) as no_name:
            safeguarding_service.confirm_readiness(current, actor, "safeguarding_lead", "")
        assert no_name.value.code == "empty_text"
        safeguarding_service.confirm_readiness(current, actor, "safeguarding_lead", "Ms Achieng, green lanyard")
    assert console.emit("console:open_activity", {"activity_id": board_id}, callback=True)["ok"]
    with app.app_context():
        assert safeguarding_service.safeguarding_contact(db.session.get(Event, event.id)) == "Ms Achieng, green lanyard"


def test_readiness_page_confirms_with_csrf(app, event, facilitator):
    user, password = facilitator
    client = app.test_client()
    login_page = client.get("/staff/login").get_data(as_text=True)
    client.post("/staff/login", data={"email": user.email, "password": password, "csrf_token": csrf_token(login_page)})
    page = client.get(f"/console/{event.id}/safeguarding/").get_data(as_text=True)
    assert "Guardian consent" in page
    assert client.post(f"/console/{event.id}/safeguarding/readiness", data={"item": "dpia"}).status_code == 400
    reply = client.post(
        f"/console/{event.id}/safeguarding/readiness", data={"item": "dpia", "csrf_token": csrf_token(page)}
    )
    assert reply.status_code == 302
    with app.app_context():
        assert "dpia" in safeguarding_service.readiness(db.session.get(Event, event.id))


def test_event_word_list_masks_on_a_post_moderated_board(app, event, phone, console):
    with app.app_context():
        current = db.session.get(Event, event.id)
        safeguarding_service.set_blocked_words(current, db.session.scalar(select(StaffUser)), "pineapple\nbad phrase")
        wall_id = current.sessions[0].activities[1].id
    console.emit("console:open_activity", {"activity_id": wall_id}, callback=True)
    ack = phone.submit("this is a p1n3apple idea", lane="main", activity_id=wall_id)
    with app.app_context():
        response = db.session.get(Entry, ack["entry"]["id"])
        assert "profanity" in response.flags and "p1n3apple" not in response.shown_text


def test_purge_keeps_the_redacted_record_and_forgets_the_rest(app, event, phone, console):
    kept = phone.submit("call 0722 111 222 for help with apps")["entry"]["id"]
    console.emit("console:moderate", {"response_id": kept, "action": "approve"}, callback=True)
    waiting = phone.submit("never approved")["entry"]["id"]
    held = phone.submit("I cut myself when I read the comments")["entry"]["id"]
    with app.app_context():
        participant_id = db.session.get(Entry, kept).participant_id
        token_hash = db.session.get(Participant, participant_id).token_hash
        open_activity = db.session.get(Event, event.id).current_activity_id
    # Refused while an activity is open, then while the phone is still connected: the page says why.
    with app.app_context(), pytest.raises(Conflict, match="Close every activity"):
        safeguarding_service.purge_event(db.session.get(Event, event.id), None, reason="test")
    assert console.emit("console:close_activity", {"activity_id": open_activity}, callback=True)["ok"]
    with app.app_context(), pytest.raises(Conflict, match="1 phone"):
        safeguarding_service.purge_event(db.session.get(Event, event.id), None, reason="test")
    phone.socket.disconnect()
    with app.app_context():
        counts = safeguarding_service.purge_event(db.session.get(Event, event.id), None, reason="test")
        assert counts == {"redacted_kept": 1, "text_removed": 1, "held_records": 1, "participants": 1}
        approved = db.session.get(Entry, kept)
        assert "0722" not in approved.text and "0722" not in approved.shown_text
        # The entry that was never shown keeps that it existed (counts read the same), not what it said.
        assert db.session.get(Entry, waiting).text == "[removed after the event]"
        assert db.session.get(Entry, waiting).status == "pending"
        assert db.session.get(Entry, held).text == "[removed after the event]"
        # The participant stays one person for the counts, but no device can act as it any more.
        participant = db.session.get(Participant, participant_id)
        assert participant is not None and participant.token_hash != token_hash
        assert approved.participant_id == participant_id
        assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "purge")).detail["text_removed"] == 1
        with pytest.raises(Conflict, match="already purged"):
            safeguarding_service.purge_event(db.session.get(Event, event.id), None, reason="again")
    # The phone's old cookie no longer names a participant.
    assert phone.http.get(f"/e/{event.join_code}").status_code in (302, 303)


def test_purge_happens_by_itself_after_the_retention_days(app, event):
    from datetime import timedelta

    from facilitator.columns import utcnow

    with app.app_context():
        current = db.session.get(Event, event.id)
        current.last_export_at = utcnow() - timedelta(days=29)
        db.session.commit()
        assert safeguarding_service.purge_due_events() == []
        current.last_export_at = utcnow() - timedelta(days=31)
        db.session.commit()
        assert safeguarding_service.purge_due_events() == [event.id]
        assert db.session.get(Event, event.id).purged_at is not None


# --- two levels of concern --------------------------------------------------------------------------------


@pytest.fixture
def possible_concern(monkeypatch):
    """The screen, for texts starting "MAYBE", as if it found a possible concern (the screen's own judgement is
    tested in tests/safety/; here, what the product does with each level)."""
    from facilitator import safety

    real_screen = safety.screen

    def screen(text, extra_words=None):
        if text.startswith("MAYBE"):
            return safety.Screening(flags=frozenset({"distress"}), redacted=text, held=True, confidence="possible")
        return real_screen(text, extra_words)

    monkeypatch.setattr(safety, "screen", screen)


def test_a_possible_concern_waits_marked_for_the_moderator_and_quietly_for_the_lead(
    possible_concern, phone, new_phone, lead, moderator, projector
):
    other = new_phone()
    for client in (other.socket, lead, moderator, projector):
        client.get_received()
    ack = phone.submit("MAYBE everything feels grey lately")
    assert ack["ok"] and ack["entry"]["state"] == "waiting"
    assert ack["support"] is False  # the writer sees the usual wait, not the helpline
    queue = [e for m in received(moderator, "entries") for e in m["entries"]]
    assert [(e["status"], e["concern"], e["original"]) for e in queue] == [
        ("held", "possible", "MAYBE everything feels grey lately")
    ]
    alerts = received(lead, "safeguarding_alert")
    assert len(alerts) == 1 and alerts[0]["flag"]["level"] == "possible"
    for outsider in (other.socket, projector):
        assert "grey lately" not in str(outsider.get_received())
    # Held means held: the moderator cannot approve it before a review.
    refused = moderator.emit(
        "console:moderate", {"response_id": ack["entry"]["id"], "action": "approve"}, callback=True
    )
    assert refused["ok"] is False


def test_a_high_concern_never_reaches_a_moderator(phone, moderator):
    moderator.get_received()
    ack = phone.submit("nataka kujiua leo usiku")
    assert ack["support"] is True
    queue = [e for m in received(moderator, "entries") for e in m["entries"]]
    assert queue and all(e.get("withheld") for e in queue) and "kujiua" not in str(queue)
    synced = moderator.emit("console:sync", {}, callback=True)
    assert all(e["id"] != ack["entry"]["id"] for e in synced["entries"])


def test_released_entry_goes_to_the_queue_audited_and_can_then_be_approved(
    app, possible_concern, phone, lead, moderator, projector
):
    entry_id = phone.submit("MAYBE I am so tired of school")["entry"]["id"]
    refused = moderator.emit("safeguarding:release", {"response_id": entry_id}, callback=True)
    assert refused["ok"] is False and refused["error"] == "forbidden"  # moderators do not release
    released = lead.emit(
        "safeguarding:release", {"response_id": entry_id, "note": "exam stress, talked"}, callback=True
    )
    assert released["ok"] and released["entry"]["status"] == "pending"
    again = lead.emit("safeguarding:release", {"response_id": entry_id}, callback=True)
    assert again["ok"] is False and again["error"] == "not_held"
    projector.get_received()
    approved = moderator.emit("console:moderate", {"response_id": entry_id, "action": "approve"}, callback=True)
    assert approved["ok"]
    boards = received(projector, "board")
    assert any(card["id"] == entry_id for board in boards for card in board["cards"])
    with app.app_context():
        flag = db.session.scalar(select(SafeguardingFlag).where(SafeguardingFlag.response_id == entry_id))
        assert flag.state == "not_a_concern" and flag.level == "possible" and "exam stress" in flag.note
        audit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "release_held"))
        assert audit.detail == {"concern": "possible", "note": "exam stress, talked"}
        assert db.session.get(Entry, entry_id).concern == "possible"  # the record keeps what the screen said


def test_everyone_boards_are_premoderated_and_post_moderation_is_confirmed_and_audited(app, event, console, phone):
    with app.app_context():
        session_id = db.session.get(Event, event.id).sessions[0].id
    added = console.emit(
        "console:save_activity",
        {"session_id": session_id, "activity": {"kind": "board", "title": "Open wall", "audience": "everyone"}},
        callback=True,
    )
    assert added["ok"] and added["activity"]["moderation"] == "pre"
    activity_id = added["activity"]["id"]
    console.emit("console:open_activity", {"activity_id": activity_id}, callback=True)
    lane = console.emit("console:sync", {"activity_id": activity_id}, callback=True)["focus"]["lanes"][0]["key"]
    ack = phone.submit("A child's idea on an everyone board", lane=lane, activity_id=activity_id)
    assert ack["ok"] and ack["entry"]["state"] == "waiting"
    spec = {**added["activity"], "moderation": "post"}
    unconfirmed = console.emit("console:save_activity", {"activity_id": activity_id, "activity": spec}, callback=True)
    assert unconfirmed["ok"] is False and unconfirmed["error"] == "confirm_post_moderation"
    confirmed = console.emit(
        "console:save_activity",
        {"activity_id": activity_id, "activity": {**spec, "confirm_post_moderation": True}},
        callback=True,
    )
    assert confirmed["ok"] and confirmed["activity"]["moderation"] == "post"
    with app.app_context():
        audit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "post_moderation_chosen"))
        assert audit is not None and audit.target == f"activity:{activity_id}"


# --- an alert stream a lead can work under pressure ---------------------------------------------------------


@pytest.fixture
def quiet_start():
    from facilitator.live import broadcast

    broadcast._last_loud.clear()
    yield
    broadcast._last_loud.clear()


def test_a_flood_of_one_message_sounds_once_and_never_buries_a_distinct_concern(quiet_start, new_phone, lead):
    """Twelve fresh identities send the same distress text, a little varied; then a child discloses something
    else. Every flag reaches the lead's list, the near-identical ones share a key (the list collapses them with
    a count), they are marked as from newly joined phones, and the loud alert sounded once."""
    lead.get_received()
    variants = ["nataka kujiua", "NATAKA KUJIUA!!!", "nataka kujiuaaa 2", "Nataka  kujiua."] * 3
    for text in variants:
        assert new_phone().submit(text)["support"] is True
    disclosure = new_phone().submit("mjomba wangu ananigusa usiku na ananiambia ni siri yetu")
    assert disclosure["support"] is True
    alerts = received(lead, "safeguarding_alert")
    assert len(alerts) == len(variants) + 1  # the list never loses one
    flood = [a["flag"] for a in alerts[:-1]]
    assert len({flag["similar_key"] for flag in flood}) == 1 and all(flag["new_identity"] for flag in flood)
    assert alerts[-1]["flag"]["similar_key"] != flood[0]["similar_key"]
    assert [a["loud"] for a in alerts].count(True) == 1 and alerts[0]["loud"] is True
