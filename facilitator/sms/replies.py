"""Replies to SMS senders: queued off the request path, sent by Africa's Talking's SDK or handed to
gammu-smsd, and tried again while the gateway or the modem fails.

Replies are gathered for a moment (``GATHER_SECONDS``) and the same text goes to many numbers in one request
(Africa's Talking's bulk send, up to ``MAX_RECIPIENTS``): every thank-you is the same text, so a busy room costs
one request where it would cost a hundred.

The number a reply goes to is kept in memory only, for as long as the reply is being sent: it is in no table
and no log line (failures are logged by the sender's name and the error's type, never its text, which may
quote the number). A reply still unsent when the process stops is lost: the price of storing no numbers.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from africastalking.SMS import SMSService

from facilitator.extensions import socket_sleep, socketio

log = logging.getLogger(__name__)

# Africa's Talking's per-recipient status codes that mean the message was taken: Processed, Sent, Queued.
AT_ACCEPTED = {100, 101, 102}
# At most this many requests are being made to a gateway at once; the rest wait their turn.
_sending = threading.BoundedSemaphore(8)
GATHER_SECONDS = 0.25
MAX_RECIPIENTS = 100


class ReplyFailed(RuntimeError):
    """The gateway answered, but did not take the message."""


class Sender(Protocol):
    name: str

    def send(self, numbers: list[str], text: str) -> list[str]:
        """Hand one text for these numbers to the gateway; returns the numbers it did not take (or raises)."""


class AfricasTalkingSender:
    """Through the official SDK (``africastalking``). ``api_url`` replaces the SDK's base URL (its one seam),
    for Africa's Talking's sandbox or a local stand-in of the send endpoint in tests and benchmarks."""

    name = "africastalking"

    def __init__(self, username: str, api_key: str, *, sender_id: str | None = None, api_url: str | None = None):
        self._service = SMSService(username, api_key)
        if api_url:
            self._service._baseUrl = api_url.rstrip("/")
        self._sender_id = sender_id

    def send(self, numbers: list[str], text: str) -> list[str]:
        result = self._service.send(text, numbers, sender_id=self._sender_id)
        recipients = result.get("SMSMessageData", {}).get("Recipients", []) if isinstance(result, dict) else []
        taken = {recipient.get("number") for recipient in recipients if recipient.get("statusCode") in AT_ACCEPTED}
        return [number for number in numbers if number not in taken]


class GammuSender:
    """Through gammu-smsd: the reply is put in its outbox (python-gammu's ``SMSD.InjectSMS``) and the daemon
    sends it through the modem. Long replies are split into a concatenated message."""

    name = "gammu"

    def __init__(self, smsd_config: str):
        self._config = smsd_config

    def send(self, numbers: list[str], text: str) -> list[str]:
        import gammu
        import gammu.smsd

        smsd = gammu.smsd.SMSD(self._config)
        for n, number in enumerate(numbers):
            parts = gammu.EncodeSMS(
                {
                    "Class": -1,
                    "Unicode": not text.isascii(),
                    "Entries": [{"ID": "ConcatenatedTextLong", "Buffer": text}],
                }
            )
            for part in parts:
                part["SMSC"] = {"Location": 1}
                part["Number"] = number
            try:
                smsd.InjectSMS(parts)
            except gammu.GSMError:
                return numbers[n:]
        return []


class NoSender:
    """No gateway configured for replies: the message is still stored; the missing reply is logged."""

    name = "none"

    def send(self, numbers: list[str], text: str) -> list[str]:
        raise ReplyFailed("no SMS sender is configured (AFRICASTALKING_USERNAME or GAMMU_SMSD_CONFIG)")


def africastalking_sender(config: Mapping[str, Any]) -> Sender:
    return _africastalking_sender(
        config["AFRICASTALKING_USERNAME"],
        config["AFRICASTALKING_API_KEY"],
        config["AFRICASTALKING_SENDER_ID"],
        config["AFRICASTALKING_API_URL"],
    )


@functools.lru_cache(maxsize=4)
def _africastalking_sender(username: str, api_key: str, sender_id: str | None, api_url: str | None) -> Sender:
    """One sender per account: the SDK's service holds no state between messages."""
    if not username:
        return NoSender()
    return AfricasTalkingSender(username, api_key, sender_id=sender_id, api_url=api_url)


def gammu_sender(config: Mapping[str, Any]) -> Sender:
    return GammuSender(config["GAMMU_SMSD_CONFIG"]) if config["GAMMU_SMSD_CONFIG"] else NoSender()


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int
    first_wait: float  # seconds before the second attempt; doubled before each next one

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> RetryPolicy:
        return cls(max(1, int(config["SMS_REPLY_ATTEMPTS"])), float(config["SMS_REPLY_RETRY_SECONDS"]))


class ReplyQueue:
    """Replies waiting for their moment, by sender and text. A background task started by the first reply sends
    what gathered, in groups, each in a task of its own, and ends when nothing more is waiting."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[tuple[Sender, str], list[str]] = {}
        self._policy: dict[Sender, RetryPolicy] = {}
        self._running = False
        self._sending = 0  # groups being sent (or waiting to be tried again)

    def busy(self) -> bool:
        """Whether any reply is still waiting or being sent (the tests wait for this; so may a shutdown)."""
        with self._lock:
            return self._running or self._sending > 0

    def put(self, sender: Sender, number: str, text: str, policy: RetryPolicy) -> None:
        with self._lock:
            self._waiting.setdefault((sender, text), []).append(number)
            self._policy[sender] = policy
            if self._running:
                return
            self._running = True
        socketio.start_background_task(self._send_gathered)

    def _send_gathered(self) -> None:
        try:
            self._send_until_none_wait()
        except Exception:  # a bug here must not stop every later reply: the next one starts a fresh task
            log.exception("the SMS reply queue failed")
            with self._lock:
                self._running = False

    def _send_until_none_wait(self) -> None:
        while True:
            socket_sleep(GATHER_SECONDS)
            with self._lock:
                waiting, self._waiting = self._waiting, {}
                if not waiting:
                    self._running = False
                    return
                policies = dict(self._policy)
            for (sender, text), numbers in waiting.items():
                for start in range(0, len(numbers), MAX_RECIPIENTS):
                    group = numbers[start : start + MAX_RECIPIENTS]
                    with self._lock:
                        self._sending += 1
                    socketio.start_background_task(self._deliver, sender, group, text, policies[sender])

    def _deliver(self, sender: Sender, numbers: list[str], text: str, policy: RetryPolicy) -> None:
        try:
            _deliver(sender, numbers, text, policy)
        finally:
            with self._lock:
                self._sending -= 1


_queue = ReplyQueue()


def replies_busy() -> bool:
    return _queue.busy()


def queue_reply(sender: Sender, number: str, text: str, policy: RetryPolicy) -> None:
    """Send ``text`` to ``number`` from a background task, so a slow or failing gateway never delays the answer
    to the callback that caused the reply."""
    _queue.put(sender, number, text, policy)


def _deliver(sender: Sender, numbers: list[str], text: str, policy: RetryPolicy) -> None:
    """Send until every number was taken, waiting longer after each failure; only the numbers the gateway did
    not take are tried again."""
    for attempt in range(1, policy.attempts + 1):
        try:
            with _sending:
                numbers = sender.send(numbers, text)
            if not numbers:
                return
            log.warning(
                "SMS reply via %s: %d recipients not taken (attempt %d of %d)",
                sender.name,
                len(numbers),
                attempt,
                policy.attempts,
            )
        except Exception as error:  # whatever the gateway or the network did: wait, then try again
            log.warning(
                "SMS reply via %s failed (attempt %d of %d): %s",
                sender.name,
                attempt,
                policy.attempts,
                type(error).__name__,
            )
        if attempt < policy.attempts:
            socket_sleep(policy.first_wait * 2 ** (attempt - 1))
    log.error("SMS reply via %s: %d recipients not sent after %d attempts", sender.name, len(numbers), policy.attempts)
