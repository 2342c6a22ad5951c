"""Replies to SMS senders: queued off the request path, sent by Africa's Talking's SDK or handed to
gammu-smsd, and tried again while the gateway or the modem fails.

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

from facilitator.extensions import socketio

log = logging.getLogger(__name__)

# Africa's Talking's per-recipient status codes that mean the message was taken: Processed, Sent, Queued.
AT_ACCEPTED = {100, 101, 102}
# At most this many replies are being handed to a gateway at once; the rest wait their turn.
_sending = threading.BoundedSemaphore(8)


class ReplyFailed(RuntimeError):
    """The gateway answered, but did not take the message."""


class Sender(Protocol):
    name: str

    def send(self, number: str, text: str) -> None:
        """Hand one message to the gateway, or raise."""


class AfricasTalkingSender:
    """Through the official SDK (``africastalking``). ``api_url`` replaces the SDK's base URL (its one seam),
    for Africa's Talking's sandbox or a local stand-in of the send endpoint in tests and benchmarks."""

    name = "africastalking"

    def __init__(self, username: str, api_key: str, *, sender_id: str | None = None, api_url: str | None = None):
        self._service = SMSService(username, api_key)
        if api_url:
            self._service._baseUrl = api_url.rstrip("/")
        self._sender_id = sender_id

    def send(self, number: str, text: str) -> None:
        result = self._service.send(text, [number], sender_id=self._sender_id)
        recipients = result.get("SMSMessageData", {}).get("Recipients", []) if isinstance(result, dict) else []
        codes = [recipient.get("statusCode") for recipient in recipients]
        if not any(code in AT_ACCEPTED for code in codes):
            raise ReplyFailed(f"not accepted, status {codes}")


class GammuSender:
    """Through gammu-smsd: the reply is put in its outbox (python-gammu's ``SMSD.InjectSMS``) and the daemon
    sends it through the modem. Long replies are split into a concatenated message."""

    name = "gammu"

    def __init__(self, smsd_config: str):
        self._config = smsd_config

    def send(self, number: str, text: str) -> None:
        import gammu
        import gammu.smsd

        parts = gammu.EncodeSMS(
            {"Class": -1, "Unicode": not text.isascii(), "Entries": [{"ID": "ConcatenatedTextLong", "Buffer": text}]}
        )
        for part in parts:
            part["SMSC"] = {"Location": 1}
            part["Number"] = number
        gammu.smsd.SMSD(self._config).InjectSMS(parts)


class NoSender:
    """No gateway configured for replies: the message is still stored; the missing reply is logged."""

    name = "none"

    def send(self, number: str, text: str) -> None:
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


def queue_reply(sender: Sender, number: str, text: str, policy: RetryPolicy) -> None:
    """Send ``text`` to ``number`` in a background task, so a slow or failing gateway never delays the answer
    to the callback that caused the reply."""
    socketio.start_background_task(_deliver, sender, number, text, policy)


def _deliver(sender: Sender, number: str, text: str, policy: RetryPolicy) -> None:
    for attempt in range(1, policy.attempts + 1):
        try:
            with _sending:
                sender.send(number, text)
            return
        except Exception as error:  # whatever the gateway or the network did: wait, then try again
            log.warning(
                "SMS reply via %s failed (attempt %d of %d): %s",
                sender.name,
                attempt,
                policy.attempts,
                type(error).__name__,
            )
            if attempt < policy.attempts:
                socketio.sleep(policy.first_wait * 2 ** (attempt - 1))
    log.error("SMS reply via %s not sent after %d attempts", sender.name, policy.attempts)
