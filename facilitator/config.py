"""Configuration in one place: environment variables with safe defaults for the embedded mode.

Embedded mode (no environment set): SQLite in ``instance/``, one process, no message queue.
Production (``FACILITATOR_ENV=production``): refuses to start without a real ``SECRET_KEY``.
"""

from __future__ import annotations

import math
import os
import secrets
from collections import Counter
from datetime import timedelta
from pathlib import Path

INSECURE_KEYS = {"", "dev", "change-me", "secret"}
ENVIRONMENTS = ("development", "production")
# A signing key must be hard to guess: at least 128 bits, estimated from how varied its characters are (a key
# of one repeated character, or a word repeated, estimates near zero). secrets.token_urlsafe(48) gives ~380.
MIN_KEY_BITS = 128

# argon2id as argon2-cffi recommends (RFC 9106, second recommended option: 3 passes over 64 MiB, 4 lanes).
PASSWORD_HASH_DEFAULTS = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4}


class ConfigError(RuntimeError):
    """The configuration is unsafe or incomplete for the chosen environment."""


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def estimated_bits(key: str) -> float:
    """Shannon entropy of the key's characters times its length: a floor-free estimate, enough to refuse keys
    a person typed (repeats, words), not a proof of randomness."""
    counts = Counter(key)
    per_char = -sum(n / len(key) * math.log2(n / len(key)) for n in counts.values()) if key else 0.0
    return per_char * len(key)


def private_instance_folder(instance_path: Path) -> None:
    """``instance/`` holds the SQLite database and the secret key: only the service's own user may enter it."""
    instance_path.mkdir(parents=True, exist_ok=True)
    instance_path.chmod(0o700)


def _instance_secret_key(instance_path: Path) -> str:
    """A per-installation random key kept in ``instance/``, so embedded mode needs no setup
    and sessions survive restarts."""
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(48)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def load(instance_path: Path) -> dict:
    """Build the app's configuration from the environment."""
    environment = os.environ.get("FACILITATOR_ENV", "development").strip().lower()
    if environment not in ENVIRONMENTS:
        raise ConfigError(f"FACILITATOR_ENV must be one of {', '.join(ENVIRONMENTS)}, not {environment!r}.")
    private_instance_folder(instance_path)
    secret_key = os.environ.get("SECRET_KEY", "")
    if environment == "production":
        if secret_key in INSECURE_KEYS or len(secret_key) < 32 or estimated_bits(secret_key) < MIN_KEY_BITS:
            raise ConfigError(
                "FACILITATOR_ENV=production needs SECRET_KEY set to a random value of at least "
                "32 characters (python -c 'import secrets; print(secrets.token_urlsafe(48))')."
            )
    elif not secret_key:
        secret_key = _instance_secret_key(instance_path)

    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'facilitator.db'}"
    if database_url.startswith("postgres://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgres://") :]
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]

    production = environment == "production"
    # A staff sign-in ends after this long unused, and after this long whatever happens (staff/sessions.py).
    staff_session_idle_hours = _float("STAFF_SESSION_IDLE_HOURS", 8)
    staff_session_max_hours = _float("STAFF_SESSION_MAX_HOURS", 24)
    return {
        "ENVIRONMENT": environment,
        "SECRET_KEY": secret_key,
        "SQLALCHEMY_DATABASE_URI": database_url,
        # A ping before each use survives a restarted PostgreSQL; SQLite is a file and needs none.
        "SQLALCHEMY_ENGINE_OPTIONS": {} if database_url.startswith("sqlite") else {"pool_pre_ping": True},
        # Socket.IO: a Redis URL here is required once more than one process serves the app.
        "SOCKETIO_MESSAGE_QUEUE": os.environ.get("SOCKETIO_MESSAGE_QUEUE") or None,
        # Redis channels are shared across database numbers: give each deployment its own.
        "SOCKETIO_CHANNEL": os.environ.get("SOCKETIO_CHANNEL", "facilitator"),
        # Comma-separated origins allowed to open a Socket.IO connection; empty means same origin only.
        "SOCKETIO_CORS_ORIGINS": [o for o in os.environ.get("SOCKETIO_CORS_ORIGINS", "").split(",") if o],
        # Seconds between pings, and for a pong: a phone whose link died silently reconnects, and the server lets it
        # go, after the two together (bench/README.md measures what a ping costs a phone). Socket.IO's defaults, kept
        # (checked 2026-11-30): what decides the interval is how soon a phone notices a dead link (a Wi-Fi roam, a
        # sleeping phone) and re-sends its outbox, not keeping a NAT open: carriers' NATs and firewalls measured in
        # the wild drop idle TCP after minutes, not seconds (NetPiculet, Wang et al., SIGCOMM 2011), and nginx's
        # example here reads for 120 s. A longer interval saves little: 60-160 µs of server CPU a ping and pong
        # (2,000 and 10,000 idle phones), 1.2-4% of a core at 5,000 phones, and little of it falls in a bench burst
        # (the first pings come 25 s after a phone connects, the burst begins 6 s after the last of 6-13 s of
        # connects: 0 and 2% of its py-spy samples).
        "SOCKETIO_PING_INTERVAL": _float("SOCKETIO_PING_INTERVAL", 25.0),
        "SOCKETIO_PING_TIMEOUT": _float("SOCKETIO_PING_TIMEOUT", 20.0),
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", "").rstrip("/"),
        "SESSION_COOKIE_SECURE": _bool("COOKIE_SECURE", production),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "PARTICIPANT_COOKIE_NAME": "participant",
        "PARTICIPANT_COOKIE_DAYS": _int("PARTICIPANT_COOKIE_DAYS", 3),
        "WTF_CSRF_TIME_LIMIT": None,  # a phone left open all day must still be able to post
        "MAX_CONTENT_LENGTH": 64 * 1024,
        # Participant actions allowed per rolling window (per participant token and per connection).
        "RATE_LIMIT_SUBMISSIONS": _int("RATE_LIMIT_SUBMISSIONS", 10),
        "RATE_LIMIT_WINDOW_SECONDS": _int("RATE_LIMIT_WINDOW_SECONDS", 10),
        # Phones' entries are stored in batches, one transaction each (facilitator/live/entry_writer.py); past
        # ENTRY_QUEUE_LIMIT entries waiting, or ENTRY_WAIT_SECONDS without a commit, a phone hears "busy"
        # and re-sends from its outbox.
        "ENTRY_BATCH_MAX": _int("ENTRY_BATCH_MAX", 200),
        "ENTRY_BATCH_INTERVAL_SECONDS": _float("ENTRY_BATCH_INTERVAL_SECONDS", 0.03),
        "ENTRY_QUEUE_LIMIT": _int("ENTRY_QUEUE_LIMIT", 2000),
        "ENTRY_WAIT_SECONDS": _float("ENTRY_WAIT_SECONDS", 10),
        "PROXY_FIX": _bool("PROXY_FIX", False),
        # Comma-separated host names the app answers to (Flask's check; ports are not compared); any other Host is
        # a 400. Behind PROXY_FIX the Host comes from the proxy's X-Forwarded-Host, so this stops a
        # forged one from reaching the QR code's address or the same-origin checks. Empty: any host.
        "TRUSTED_HOSTS": [h.strip() for h in os.environ.get("TRUSTED_HOSTS", "").split(",") if h.strip()] or None,
        # Set by the entry point that owns the process (wsgi.py, the serve command); plain imports of the
        # app (tests, CLI commands) use threads. Explicit, because Flask-SocketIO would otherwise pick
        # eventlet whenever it happens to be installed.
        "ASYNC_MODE": os.environ.get("ASYNC_MODE", "threading"),
        "RATE_LIMIT_REDIS_URL": os.environ.get("RATE_LIMIT_REDIS_URL") or None,
        "RATE_LIMIT_JOINS_PER_CODE": _int("RATE_LIMIT_JOINS_PER_CODE", 3000),
        "RATE_LIMIT_JOINS_PER_PEER": _int("RATE_LIMIT_JOINS_PER_PEER", 1200),
        "RATE_LIMIT_JOIN_WINDOW_SECONDS": _int("RATE_LIMIT_JOIN_WINDOW_SECONDS", 60),
        "RATE_LIMIT_LOGINS_PER_EMAIL": _int("RATE_LIMIT_LOGINS_PER_EMAIL", 10),
        "RATE_LIMIT_LOGIN_FAILURES_PER_PEER": _int("RATE_LIMIT_LOGIN_FAILURES_PER_PEER", 100),
        "RATE_LIMIT_LOGIN_WINDOW_SECONDS": _int("RATE_LIMIT_LOGIN_WINDOW_SECONDS", 300),
        "RATE_LIMIT_ANSWERS_PER_ORGANISATION": _int("RATE_LIMIT_ANSWERS_PER_ORGANISATION", 30),
        "RATE_LIMIT_ANSWERS_WINDOW_SECONDS": _int("RATE_LIMIT_ANSWERS_WINDOW_SECONDS", 600),
        "RATE_LIMIT_HELP_REQUESTS": _int("RATE_LIMIT_HELP_REQUESTS", 3),
        "RATE_LIMIT_HELP_WINDOW_SECONDS": _int("RATE_LIMIT_HELP_WINDOW_SECONDS", 600),
        # Live results (polls, word clouds) are sent at most this often; phones at most once a second.
        "RESULTS_BATCH_SECONDS": _float("RESULTS_BATCH_SECONDS", 0.1),
        "STAFF_INVITE_HOURS": _int("STAFF_INVITE_HOURS", 72),
        "STAFF_SESSION_IDLE_HOURS": staff_session_idle_hours,
        "STAFF_SESSION_MAX_HOURS": staff_session_max_hours,
        # Flask refuses a signed session cookie older than this (and a staff cookie expires then): no cookie
        # outlives the longest a staff session may last. The session row is the authority; this bounds the rest.
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=staff_session_max_hours),
        # Staff passwords' argon2id cost, for new hashes (a stored hash keeps its own and still verifies;
        # it is re-made with these on its owner's next sign-in). The defaults are argon2-cffi's own, RFC 9106's
        # low-memory profile: lower them only where nothing real is protected (the test suite does).
        "PASSWORD_HASH_TIME_COST": _int("PASSWORD_HASH_TIME_COST", PASSWORD_HASH_DEFAULTS["time_cost"]),
        "PASSWORD_HASH_MEMORY_KIB": _int("PASSWORD_HASH_MEMORY_KIB", PASSWORD_HASH_DEFAULTS["memory_cost"]),
        "PASSWORD_HASH_PARALLELISM": _int("PASSWORD_HASH_PARALLELISM", PASSWORD_HASH_DEFAULTS["parallelism"]),
        # --- SMS answers and USSD votes (facilitator/sms/; docs/deployment.md, "SMS and USSD") ---
        # The secret in the gateway's callback URLs (/sms/<secret>/...): Africa's Talking does not sign its
        # requests, so this is what tells them from anyone else's. Unset, every callback is refused.
        "SMS_CALLBACK_SECRET": os.environ.get("SMS_CALLBACK_SECRET") or None,
        # What the room is shown: the number (or short code) to text, and the USSD code to dial.
        "SMS_NUMBER": os.environ.get("SMS_NUMBER", ""),
        "USSD_CODE": os.environ.get("USSD_CODE", ""),
        # Replies by Africa's Talking's SDK: the account, the sender id (short code or alphanumeric; empty for
        # the account's default) and, for a sandbox or a local stand-in, the API's base URL instead of theirs.
        "AFRICASTALKING_USERNAME": os.environ.get("AFRICASTALKING_USERNAME", ""),
        "AFRICASTALKING_API_KEY": os.environ.get("AFRICASTALKING_API_KEY", ""),
        "AFRICASTALKING_SENDER_ID": os.environ.get("AFRICASTALKING_SENDER_ID") or None,
        "AFRICASTALKING_API_URL": os.environ.get("AFRICASTALKING_API_URL") or None,
        # A GSM modem through gammu-smsd (files backend): its configuration file (replies are handed to it)
        # and its inbox folder, read every GAMMU_POLL_SECONDS by the serving process.
        "GAMMU_SMSD_CONFIG": os.environ.get("GAMMU_SMSD_CONFIG") or None,
        "GAMMU_INBOX_PATH": os.environ.get("GAMMU_INBOX_PATH") or None,
        "GAMMU_POLL_SECONDS": _float("GAMMU_POLL_SECONDS", 2),
        # A reply that fails is tried again, waiting SMS_REPLY_RETRY_SECONDS, then twice as long each time.
        "SMS_REPLY_ATTEMPTS": _int("SMS_REPLY_ATTEMPTS", 6),
        "SMS_REPLY_RETRY_SECONDS": _float("SMS_REPLY_RETRY_SECONDS", 2),
        # Messages per sender (their number's hash) per window, on top of the per-participant entry limit.
        "RATE_LIMIT_SMS_PER_SENDER": _int("RATE_LIMIT_SMS_PER_SENDER", 5),
        "RATE_LIMIT_SMS_WINDOW_SECONDS": _int("RATE_LIMIT_SMS_WINDOW_SECONDS", 60),
    }
