"""Answers by SMS: Africa's Talking's incoming-message callback, posted to the real route, becomes an entry
through the same service as a phone's; every sender hears back the same way whatever the screen found."""

from __future__ import annotations

import logging
import time

from sqlalchemy import func, select

from facilitator.board.models import Entry
from facilitator.events.models import Event, Participant
from facilitator.extensions import db
from facilitator.reports import exports
from facilitator.safeguarding import service as safeguarding_service
from facilitator.safeguarding.models import SafeguardingFlag
from facilitator.safeguarding.views import flag_view
from facilitator.sms import inbound
from facilitator.web import ratelimit
from tests import factories
from tests.conftest import Phone
from tests.sms.conftest import NUMBER, SECRET, sms

RECEIVED_EN = "Thank you, your answer was received. Need to talk to someone? Call 116, free."
UNANSWERED = "+254799999001"  # a sender whose callbacks are refused: nothing may ever be sent to it
RECEIVED_SW = "Asante, jibu lako limepokelewa. Unahitaji kuongea na mtu? Piga 116, bila malipo."


def entries(app):
    with app.app_context():
        return list(db.session.scalars(select(Entry).order_by(Entry.id)))


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_an_sms_answer_becomes_a_pending_entry_and_its_sender_is_thanked(app, client, gateway, sms_event):
    reply = sms(client, f"{sms_event.join_code} Apps should ask our age before we join")
    assert reply.status_code == 200
    [entry] = entries(app)
    assert (entry.text, entry.status, entry.source, entry.lane) == (
        "Apps should ask our age before we join",
        "pending",  # the children's board is pre-moderated: it waits for a moderator like a phone's
        "sms",
        "have",  # no keyword: the board's first lane
    )
    [sent] = gateway.wait_for(1)
    assert sent["to"] == NUMBER and sent["message"] == RECEIVED_EN and sent["username"] == "sandbox"


def test_a_lane_keyword_picks_the_lane_and_the_reply_is_in_the_senders_language(app, client, gateway, sms_event):
    sms(client, f"{sms_event.join_code.lower()} tunataka watoto walindwe kwenye mtandao")
    [entry] = entries(app)
    assert (entry.lane, entry.text) == ("want", "watoto walindwe kwenye mtandao")
    assert gateway.wait_for(1)[0]["message"] == RECEIVED_SW


def test_the_same_message_id_twice_stores_one_entry_and_sends_one_reply(app, client, gateway, sms_event):
    for _ in range(2):
        assert sms(client, f"{sms_event.join_code} WANT safer games", message_id="ATXid_retry").status_code == 200
    assert len(entries(app)) == 1
    gateway.wait_for(1)
    time.sleep(0.2)
    assert len(gateway.sent) == 1


def test_a_wrong_or_missing_secret_is_refused_and_nothing_is_stored(app, client, gateway, sms_event):
    code = sms_event.join_code
    assert sms(client, f"{code} hello", number=UNANSWERED, secret="not-the-secret").status_code == 403
    assert sms(client, f"{code} hello", number=UNANSWERED, secret=SECRET[:-1]).status_code == 403
    assert client.post("/sms//africastalking/incoming", data={"from": UNANSWERED}).status_code in (403, 404)
    app.config["SMS_CALLBACK_SECRET"] = None  # an installation without a secret refuses every callback
    assert sms(client, f"{code} hello", number=UNANSWERED).status_code == 403
    assert count(app, Entry) == 0 and count(app, Participant) == 0
    time.sleep(0.5)  # longer than replies wait to be gathered
    assert not [m for m in gateway.sent if m["to"] == UNANSWERED]


def test_messages_that_cannot_reach_the_board_get_a_clear_reply_and_store_nothing(app, client, gateway, sms_event):
    code = sms_event.join_code
    cases = {
        "ZZZZZ2 my answer": "No event has that code",
        "hello there": "That code is not right",
        f"{code}": "empty",
        f"{code}   ": "empty",
        f"{code} " + "a" * 1000: "too long",
        f"{code} \x00\x01\x02\xff\ufffd\x7f": "could not read your message",
    }
    for n, (text, expected) in enumerate(cases.items(), 1):
        assert sms(client, text).status_code == 200
        reply = gateway.wait_for(n)[-1]  # one at a time: replies are sent in the background, in any order
        assert expected in reply["message"] and reply["to"] == NUMBER, (text, reply)
    with app.app_context():
        event = db.session.get(Event, sms_event.id)
        event.sms_enabled = False
        db.session.commit()
    sms(client, f"{code} SMS is off for this event")
    assert "not taking answers by SMS" in gateway.wait_for(len(cases) + 1)[-1]["message"]
    assert count(app, Entry) == 0 and count(app, Participant) == 0


def test_a_closed_activity_says_so_and_stores_nothing(app, client, gateway, sms_event):
    with app.app_context():
        event = db.session.get(Event, sms_event.id)
        db.session.get(type(event.sessions[0].activities[0]), event.current_activity_id).state = "closed"
        db.session.commit()
    sms(client, f"{sms_event.join_code} too late")
    assert "not open right now" in gateway.wait_for(1)[0]["message"]
    assert count(app, Entry) == 0


def test_a_disclosure_by_sms_is_held_alerts_the_lead_marked_sms_and_gets_the_same_reply(
    app, client, gateway, sms_event
):
    sms(client, f"{sms_event.join_code} my uncle touches me and says it is our secret")
    [entry] = entries(app)
    assert entry.status == "held" and entry.source == "sms"
    with app.app_context():
        [flag] = db.session.scalars(select(SafeguardingFlag))
        assert flag_view(flag)["entry"]["source"] == "sms"
    assert gateway.wait_for(1)[0]["message"] == RECEIVED_EN  # nothing on the phone tells what was found


def test_one_number_is_one_participant_and_the_purge_destroys_its_key(app, client, gateway, sms_event):
    code = sms_event.join_code
    sms(client, f"{code} first answer")
    sms(client, f"{code} second answer")
    sms(client, f"{code} from a friend", number="+254700000001")
    first, second, friend = entries(app)
    assert first.participant_id == second.participant_id != friend.participant_id
    with app.app_context():
        event = db.session.get(Event, sms_event.id)
        assert event.number_secret is not None
        factories.close_every_activity(event)
        safeguarding_service.purge_event(event, None, reason="test")
        assert db.session.get(Event, sms_event.id).number_secret is None


def test_closed_joining_takes_no_new_number_and_keeps_the_numbers_already_in(app, client, gateway, sms_event):
    code = sms_event.join_code
    sms(client, f"{code} I was here before")
    with app.app_context():
        db.session.get(Event, sms_event.id).joining_open = False
        db.session.commit()
    sms(client, f"{code} me too", number="+254700000002")
    replies_by_number = {reply["to"].lstrip("+"): reply["message"] for reply in gateway.wait_for(2)}
    assert "Joining this event is closed" in replies_by_number["254700000002"]
    sms(client, f"{code} and again")
    assert [e.text for e in entries(app)] == ["I was here before", "and again"]
    assert count(app, Participant) == 1


def test_one_sender_is_limited_per_window(app, client, gateway, sms_event):
    ratelimit.sms_limits.configure(limit=2, window=60)
    for n in range(3):
        sms(client, f"{sms_event.join_code} answer number {n}")
    assert len(entries(app)) == 2
    assert any("many messages" in m["message"] for m in gateway.wait_for(3))


def test_the_senders_number_is_in_no_table_and_no_log_line(app, client, gateway, sms_event, caplog):
    caplog.set_level(logging.DEBUG)
    gateway.fail_next = 1  # a failed reply is logged: without the number
    code = sms_event.join_code
    for text in (f"{code} an answer", f"{code} TUNAYO simu za bei nafuu", f"{code} I want to die", "WRONG1 x"):
        sms(client, text)
    gateway.wait_for(4)
    assert any("SMS reply via africastalking failed" in r.getMessage() for r in caplog.records)
    digits = NUMBER.lstrip("+")
    with app.app_context():
        dump = []
        for table in db.metadata.sorted_tables:
            dump += [repr(tuple(row)) for row in db.session.execute(table.select())]
    assert len(dump) > 5
    assert not [row for row in dump if digits in row or digits[3:] in row]
    assert not [r for r in caplog.records if digits[3:] in r.getMessage()]


def test_the_reply_is_sent_off_the_request_path_and_retried_while_the_gateway_fails(app, client, gateway, sms_event):
    gateway.delay = 0.5
    gateway.fail_next = 2
    started = time.monotonic()
    assert sms(client, f"{sms_event.join_code} a slow gateway").status_code == 200
    assert time.monotonic() - started < 0.4  # answered before the gateway's first answer
    [sent] = gateway.wait_for(1, timeout=10)
    assert sent["message"] == RECEIVED_EN and gateway.fail_next == 0 and gateway.attempts >= 3


def test_the_report_counts_sms_answers_apart_and_the_data_export_marks_them(app, client, gateway, sms_event):
    phone = Phone(app, sms_event)
    sms(client, f"{sms_event.join_code} WANT an answer by text message")
    assert phone.submit("An answer from the phone page")["ok"]
    with app.app_context():
        event = db.session.get(Event, sms_event.id)
        for entry in db.session.scalars(select(Entry)):
            entry.status = "approved"
        db.session.commit()
        report = exports.export(event, format="md", actor=None).body.decode()
        data = exports.export(event, format="csv", actor=None, kind="entries").body.decode()
    assert "| Entries received | 2 |" in report and "| of which by SMS | 1 |" in report
    assert any(",sms," in line and "an answer by text message" in line for line in data.splitlines())


def test_a_callback_without_an_id_or_a_sender_is_refused_and_answers_nobody(app, client, gateway, sms_event):
    code = sms_event.join_code
    assert sms(client, f"{code} no id", number=UNANSWERED, message_id="").status_code == 400
    assert sms(client, f"{code} no sender", number="").status_code == 400
    assert sms(client, f"{code} not a number", number="Safaricom").status_code == 400
    assert client.post(f"/sms/{SECRET}/africastalking/incoming", data={}).status_code == 400
    assert count(app, Entry) == 0 and count(app, Participant) == 0
    time.sleep(0.5)  # longer than replies wait to be gathered
    assert not [m for m in gateway.sent if m["to"] in (UNANSWERED, "Safaricom", "")]


def test_the_reply_language_follows_the_answer_not_the_letters_of_the_code():
    assert inbound.language_of("too late") == "en"
    assert inbound.language_of("NA2KWA late") == "en"  # a code's letters are no words
    assert inbound.language_of("tunataka watoto walindwe") == "sw"


def test_the_callback_secret_is_scrubbed_from_log_lines():
    from facilitator.web import log_privacy

    line = f'127.0.0.1 - - "POST /sms/{SECRET}/africastalking/incoming HTTP/1.1" 200'
    assert SECRET not in log_privacy.scrub(line)
    assert "/sms/[secret]/africastalking/incoming" in log_privacy.scrub(line)
