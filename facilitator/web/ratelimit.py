"""Rate limits over a sliding window, in memory for one process or in Redis for many.

What is limited, and by what:

- participant entries: per participant and per connection (``participant_limits``, checked by the board
  service);
- joining an event: per event code, shared between processes, and per network peer, in this process's
  memory only (``join_limits_by_code``, ``join_limits_by_peer``; see ``check_join``);
- SMS and USSD senders: per sender, by the keyed hash of their number (``sms_limits``, checked by the SMS
  rules before the entry's own limits);
- staff sign-in: per e-mail address (``login_limits``) and failed attempts per network peer
  (``login_failures_by_peer``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

from facilitator.errors import RateLimited

log = logging.getLogger(__name__)

SLOW_DOWN = _l("You are sending very fast. Wait a few seconds, then try again.")
TOO_MANY_ANSWERS = "You have sent many answers in a short time. Wait a few minutes, then send this one again."
BUSY_JOINING = _l("Lots of people are joining right now. Wait a minute, then press Join again.")
TOO_MANY_SIGN_INS = "Too many sign-in attempts. Wait a few minutes, then try again."
TOO_MANY_MESSAGES = _l("You have sent many messages in a short time. Wait a few minutes, then send it again.")


class MemoryCounter:
    """Hits per key over the last ``window`` seconds, in this process's memory.

    A sliding-window estimate (this window's hits plus the previous window's, weighted by how much of it
    still overlaps the last ``window`` seconds): a plain fixed window would let a burst straddling a window
    boundary through at twice the limit. ``clock`` is injectable so tests can be exact."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[int, int, int]] = {}  # key -> (window number, hits in it, hits before)

    def _advance(self, key: str, bucket: int) -> tuple[int, int]:
        start, current, previous = self._windows.get(key, (bucket, 0, 0))
        if start == bucket:
            return current, previous
        return 0, (current if start == bucket - 1 else 0)

    def hit(self, key: str, window: int) -> float:
        now = self._clock()
        bucket = int(now // window)
        with self._lock:
            if len(self._windows) > 100_000:  # forget finished windows instead of growing without bound
                self._windows = {k: v for k, v in self._windows.items() if v[0] >= bucket - 1}
            current, previous = self._advance(key, bucket)
            current += 1
            self._windows[key] = (bucket, current, previous)
        return _estimate(current, previous, now, window)

    def count(self, key: str, window: int) -> float:
        now = self._clock()
        with self._lock:
            current, previous = self._advance(key, int(now // window))
        return _estimate(current, previous, now, window)


def _estimate(current: int, previous: int, now: float, window: int) -> float:
    overlap = 1 - (now % window) / window
    return current + previous * overlap


class RedisCounter:
    """Like ``MemoryCounter``, shared by every process that uses the same Redis.

    If Redis cannot be reached the count falls back to this process's memory: a rate-limit outage must
    not stop a room of children from writing, and the per-process limit still holds."""

    def __init__(self, url: str, *, prefix: str = "facilitator:rl:", clock: Callable[[], float] = time.time):
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        self._errors = (redis.RedisError, OSError)
        self._prefix = prefix
        self._clock = clock
        self._fallback = MemoryCounter(clock)

    def _names(self, key: str, bucket: int) -> tuple[str, str]:
        return f"{self._prefix}{key}:{bucket}", f"{self._prefix}{key}:{bucket - 1}"

    def hit(self, key: str, window: int) -> float:
        now = self._clock()
        current_name, previous_name = self._names(key, int(now // window))
        try:
            pipe = self._redis.pipeline()
            pipe.incr(current_name)
            pipe.expire(current_name, window * 2)
            pipe.get(previous_name)
            current, _, previous = pipe.execute()
        except self._errors as error:
            # One line per 30 s with a count while Redis is away (web.log_summary), not one per entry.
            log.warning("rate-limit counter in Redis unavailable; counting in memory", exc_info=error)
            return self._fallback.hit(key, window)
        return _estimate(int(current), int(previous or 0), now, window)

    def count(self, key: str, window: int) -> float:
        now = self._clock()
        try:
            current, previous = self._redis.mget(self._names(key, int(now // window)))
        except self._errors:
            return self._fallback.count(key, window)
        return _estimate(int(current or 0), int(previous or 0), now, window)


class RateLimiter:
    """``limit`` actions per ``window`` seconds per subject, refused with ``RateLimited(message)``.

    ``memory_only`` limiters never use Redis, whatever the configuration: they count subjects that must not
    leave this process (network addresses; see ``peer_key``)."""

    def __init__(
        self, *, limit: int = 10, window: int = 10, message: str | LazyString = SLOW_DOWN, memory_only: bool = False
    ):
        self.counter: MemoryCounter | RedisCounter = MemoryCounter()
        self.limit = limit
        self.window = window
        self.message = message
        self.memory_only = memory_only

    def configure(self, *, limit: int, window: int, redis_url: str | None = None) -> None:
        self.limit, self.window = limit, window
        self.counter = RedisCounter(redis_url) if redis_url and not self.memory_only else MemoryCounter()

    def check(self, action: str, *subjects: str, limit: int | None = None) -> None:
        """Count one ``action`` against each subject (a participant, a connection); refuse past the limit
        (``limit``, when given, instead of the configured one)."""
        for subject in subjects:
            if self.counter.hit(f"{action}:{subject}", self.window) > (limit or self.limit):
                raise RateLimited("rate_limited", self.message)

    def exceeded(self, action: str, subject: str, limit: int | None = None) -> bool:
        """Whether ``subject`` has used up its ``action``s in this window, without counting one more.
        With ``record``: for limits on what succeeded or failed only (a wrong password, a join let in), not on
        every attempt."""
        return self.counter.count(f"{action}:{subject}", self.window) >= (limit or self.limit)

    def record(self, action: str, subject: str) -> None:
        self.counter.hit(f"{action}:{subject}", self.window)


# A fresh random key each time the process starts: the counter keys below cannot be turned back into
# addresses, not even by someone reading this process's memory after the key is gone.
_PEER_KEY = secrets.token_bytes(32)


def peer_key(address: str | None) -> str:
    """An opaque, per-process name for a network peer, for in-memory counters only."""
    return hmac.new(_PEER_KEY, (address or "-").encode(), hashlib.sha256).hexdigest()[:24]


participant_limits = RateLimiter()

# Joining is the one thing a phone does before it has a participant token or a socket, so there is no
# participant to count against. Two counters, on purpose:
# - per event code: nothing personal, so it may live in Redis and hold across processes. Generous, because
#   a hall of thousands scans the QR code within minutes; it bounds how fast one event can be flooded with
#   made-up participants.
# - per network peer: brakes one script (flooding, or guessing codes across events) without letting it use
#   up an event's budget for everyone. DESIGN.md promises no IP address is kept for participants, so this
#   counter is keyed by ``peer_key`` and is memory_only: never in the database, never in Redis (which may
#   write to disk), forgotten when its window ends or the process stops. It is generous too: a whole venue
#   may share one address behind the Wi-Fi's NAT.
join_limits_by_code = RateLimiter(limit=3000, window=60, message=BUSY_JOINING)
join_limits_by_peer = RateLimiter(limit=1200, window=60, message=BUSY_JOINING, memory_only=True)

# Staff sign-in: every attempt per e-mail address (slows guessing one account's password), and failed
# attempts per peer (slows trying one password on many accounts). Successes are not counted per peer, so a
# room of staff behind one address can always sign in.
login_limits = RateLimiter(limit=10, window=300, message=TOO_MANY_SIGN_INS)
login_failures_by_peer = RateLimiter(limit=100, window=300, message=TOO_MANY_SIGN_INS, memory_only=True)

# SMS and USSD, per sender (the participant their number's hash names): a text costs the child money and a
# reply costs the event, so fewer than a phone's taps; enough for a child who sends an answer a minute.
sms_limits = RateLimiter(limit=5, window=60, message=TOO_MANY_MESSAGES)

# "Talk to someone privately" per participant: enough for a child who asks again, too few to flood the lead.
help_request_limits = RateLimiter(limit=3, window=600)

# A duty bearer's answering link: generous for people answering a dozen asks and correcting typos; tight
# enough that a leaked link cannot fill the moderation queue. Per organisation, shared between processes
# when Redis is configured.
answer_limits = RateLimiter(limit=30, window=600, message=TOO_MANY_ANSWERS)


def check_join(join_code: str | None, peer_address: str | None, *, expected_participants: int | None = None) -> None:
    """Count one join; ``RateLimited`` when the peer (every attempt counts) or the event code (joins let in
    count) is over its limit.
    ``join_code`` is None when what was typed is not a code at all (it still counts against the peer).

    Both limits grow with the room the organiser expects: a whole venue may sit behind one NAT address and
    join within the same minute, so the peer's limit is at least the room, and the code's at least twice it
    (phones that join again after a lost cookie)."""
    room = expected_participants or 0
    join_limits_by_peer.check("join", peer_key(peer_address), limit=max(join_limits_by_peer.limit, room))
    if join_code:
        # Only joins let in count against the code: in a rush, children press Join again, and refused presses
        # counted too kept the whole room out for longer (200 phones at 50 joins a minute: 111 in after 390 s,
        # their 288 refused retries using up the allowance; measured with bench/load.py).
        if join_limits_by_code.exceeded("join", join_code, limit=max(join_limits_by_code.limit, 2 * room)):
            raise RateLimited("rate_limited", join_limits_by_code.message)
        join_limits_by_code.record("join", join_code)


def configure_from(config: Mapping[str, Any]) -> None:
    """Set every limit from the app's configuration (facilitator/config.py holds the keys and defaults). Called
    once by the app factory; a test calls it again to start from fresh counters."""
    redis_url = config.get("RATE_LIMIT_REDIS_URL")
    participant_limits.configure(
        limit=int(config["RATE_LIMIT_SUBMISSIONS"]),
        window=int(config["RATE_LIMIT_WINDOW_SECONDS"]),
        redis_url=redis_url,
    )
    help_request_limits.configure(
        limit=int(config["RATE_LIMIT_HELP_REQUESTS"]), window=int(config["RATE_LIMIT_HELP_WINDOW_SECONDS"])
    )
    answer_limits.configure(
        limit=int(config["RATE_LIMIT_ANSWERS_PER_ORGANISATION"]),
        window=int(config["RATE_LIMIT_ANSWERS_WINDOW_SECONDS"]),
        redis_url=redis_url,
    )
    sms_limits.configure(
        limit=int(config["RATE_LIMIT_SMS_PER_SENDER"]),
        window=int(config["RATE_LIMIT_SMS_WINDOW_SECONDS"]),
        redis_url=redis_url,
    )
    join_window = int(config["RATE_LIMIT_JOIN_WINDOW_SECONDS"])
    join_limits_by_code.configure(
        limit=int(config["RATE_LIMIT_JOINS_PER_CODE"]), window=join_window, redis_url=redis_url
    )
    join_limits_by_peer.configure(limit=int(config["RATE_LIMIT_JOINS_PER_PEER"]), window=join_window)
    login_window = int(config["RATE_LIMIT_LOGIN_WINDOW_SECONDS"])
    login_limits.configure(limit=int(config["RATE_LIMIT_LOGINS_PER_EMAIL"]), window=login_window, redis_url=redis_url)
    login_failures_by_peer.configure(limit=int(config["RATE_LIMIT_LOGIN_FAILURES_PER_PEER"]), window=login_window)
