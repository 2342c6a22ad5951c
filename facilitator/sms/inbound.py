"""A text message becomes an entry: the same service, screen, moderation, limits and counts as the phone page.

A message is the event's join code, then the answer, optionally after a lane keyword (``views.LANE_KEYWORDS``):
``K7QM4D WANT apps that ask our age``. Every message that reaches the board gets the same reply in the sender's
language, whatever the safety screen found, so whoever reads the phone later learns nothing from it. A message
that cannot reach the board (a wrong code, nothing written, too long, unreadable, nothing open) gets a reply
that says why, and nothing is stored.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from facilitator import validation
from facilitator.agenda.models import WRITTEN_KINDS
from facilitator.agenda.views import current_activity
from facilitator.board.entries import ENTRY_MAX_CHARS, NewEntry
from facilitator.errors import Busy, Conflict, InvalidInput, ServiceError
from facilitator.events.participants import PHONE_NUMBER, participant_for_number
from facilitator.events.service import event_by_join_code
from facilitator.extensions import db
from facilitator.live import entry_writer
from facilitator.sms import replies
from facilitator.sms.views import lane_for_keyword
from facilitator.voting.votes import require_open_for_input
from facilitator.web.ratelimit import sms_limits

RECEIVED = _l("Thank you, your answer was received. Need to talk to someone? Call 116, free.")
UNREADABLE = _l(
    "We could not read your message. Send it again as plain text: the code on the screen, then your answer."
)
SMS_OFF = _l("This event is not taking answers by SMS.")
NOTHING_OPEN = _l("Nothing is open for written answers right now. Wait for the facilitator, then send it again.")
# A gateway's message id is opaque; one much longer than any gateway's is junk.
MESSAGE_ID_MAX = 200
# Longer than any SMS a phone sends, concatenated: beyond it a message is refused before it is even read.
RAW_MAX_CHARS = 2000

# Common words, to reply in the language the sender wrote in (Kiswahili, or English when unsure).
_SWAHILI = set(
    "na ni kwa wa ya za la cha vya kwenye sana hii hiyo huu yangu wangu zetu yetu wetu tuna tunataka tunayo "
    "watoto mtoto mimi sisi wao nina sina hatuna tafadhali asante kuwa kama lakini pia au bila mtandao simu "
    "shule wazazi walimu kila kitu hapana ndiyo ndio".split()
)
_ENGLISH = set(
    "the and is are to of in on for we i you it that this with our my not no yes want have be can should "
    "please thank internet phone school parents teachers children apps".split()
)


@dataclass(frozen=True)
class IncomingSms:
    """One message as a gateway or a modem gave it, before anything is checked."""

    sender: Any  # the number: used for the participant's hash and the reply, then forgotten
    text: Any
    message_id: Any  # the gateway's id: a retried callback carries it again, and stores nothing new
    channel: replies.Sender  # how the reply goes back: the way the message came


@dataclass(frozen=True)
class SmsOutcome:
    stored: bool  # an entry was stored by this message
    reply: str | None  # what the sender is sent back (None: a repeat of a message already answered)


def language_of(text: str) -> str:
    words = [word for word in re.findall(r"\w+", text.casefold()) if word.isalpha()]
    swahili = sum(word in _SWAHILI for word in words)
    english = sum(word in _ENGLISH for word in words)
    return "sw" if swahili > english else "en"


def receive_sms(message: IncomingSms) -> SmsOutcome:
    """Store the message as an entry of the open activity, or refuse it with a reason; queue the reply."""
    if not isinstance(message.message_id, str) or not 0 < len(message.message_id) <= MESSAGE_ID_MAX:
        raise InvalidInput("invalid_message_id", "The message has no id.")
    if not isinstance(message.sender, str) or not PHONE_NUMBER.match(message.sender.strip()):
        raise InvalidInput("invalid_number", "The message's sender is not a phone number.")
    text = message.text if isinstance(message.text, str) else ""
    language = language_of(text.strip().partition(" ")[2])  # the answer's words, not the code's letters
    try:
        outcome = _store(message, text, language)
    except Busy:
        db.session.rollback()
        raise  # not stored yet, perhaps: the gateway is told to try again (503), and a retry is a no-op
    except ServiceError as error:
        db.session.rollback()
        outcome = SmsOutcome(stored=False, reply=_in_language(error, language))
    if outcome.reply is not None:
        policy = replies.RetryPolicy.from_config(current_app.config)
        replies.queue_reply(message.channel, message.sender.strip(), outcome.reply, policy)
    return outcome


def _store(message: IncomingSms, text: str, language: str) -> SmsOutcome:
    if len(text) > RAW_MAX_CHARS or _unreadable(text):
        raise InvalidInput("unreadable", UNREADABLE)
    code, _, answer = text.strip().partition(" ")
    event = event_by_join_code(code)
    if not event.sms_enabled or event.purged_at is not None:
        raise Conflict("sms_off", SMS_OFF)
    activity = current_activity(event)
    if activity is None or activity.kind not in WRITTEN_KINDS:
        raise Conflict("nothing_open", NOTHING_OPEN)
    require_open_for_input(activity)
    first_word, _, rest = answer.strip().partition(" ")
    lane = lane_for_keyword(activity, first_word) if first_word else None
    if lane is not None:
        answer = rest
    else:
        lane = activity.lanes[0]["key"]
    # Checked before the sender becomes a participant, so a refused message leaves nothing behind.
    answer = validation.clean_text(answer, field=_l("Your answer"), max_chars=ENTRY_MAX_CHARS)
    participant = participant_for_number(event, message.sender, language=language)
    sms_limits.check("sms", f"p{participant.id}")
    entry = NewEntry(
        activity.id, lane, answer, client_key(message.message_id), participant_id=participant.id, source="sms"
    )
    event_id = event.id
    # Committed, and the session left alone, before the entry writer stores the entry in its own transaction:
    # SQLite has one writer at a time, and this request must not hold a transaction while it waits.
    db.session.commit()
    # The phones' own path under load: the entry writer stores what arrives together in one transaction.
    ack = entry_writer.store(event_id, entry)
    if ack["duplicate"]:
        return SmsOutcome(stored=False, reply=None)  # the gateway retried a callback already answered
    return SmsOutcome(stored=True, reply=_in_language(RECEIVED, language))


def client_key(message_id: str) -> str:
    """The entry's client key, from the gateway's message id: a retried callback is recognised as a re-send."""
    return "sms-" + hashlib.sha256(message_id.encode()).hexdigest()[:48]


def _unreadable(text: str) -> bool:
    """Binary junk rather than words: control characters, or the marks of bytes that were not text."""
    return any(ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t") for ch in text)


def _in_language(message: Any, language: str) -> str:
    with force_locale(language):
        return str(message)
