"""Rate limits: a flooding phone is slowed while its neighbours write on; joining is limited per event code
and per network peer (kept in memory only); staff sign-in is throttled. In memory, and in Redis.

Time is a fake clock wherever a count depends on it, so no test depends on where a window boundary falls.
"""

from __future__ import annotations

import logging
import os
import uuid

import pytest
from sqlalchemy import func, select, text

from facilitator.board.models import Entry
from facilitator.events.models import Event, Participant
from facilitator.extensions import db
from facilitator.web import ratelimit
from facilitator.web.ratelimit import MemoryCounter, RateLimiter, RedisCounter, participant_limits
from tests import factories
from tests.clocks import FakeClock, frozen_limit
from tests.conftest import csrf_token

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(autouse=True)
def default_limits_afterwards(app):
    yield
    ratelimit.configure_from(app.config)


@pytest.fixture
def redis_prefix():
    """A Redis key prefix of this test's own, removed afterwards. .ci/run starts Redis: no Redis is a failure."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.fail(f"no Redis at {REDIS_URL} (.ci/run starts one): {error}")
    prefix = f"facilitator:test:{uuid.uuid4().hex}:"
    yield prefix
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)
    client.close()


# --- a flood from one phone -------------------------------------------------------------------------


def flood(phone, clock: FakeClock, entries: int = 100, per_second: int = 100) -> list[dict]:
    acks = []
    for number in range(entries):
        acks.append(phone.submit(f"flood entry {number}"))
        clock.advance(1 / per_second)
    return acks


@pytest.mark.parametrize("store", ["memory", "redis"])
def test_flooding_phone_is_slowed_and_its_neighbour_is_not(app, event, new_phone, store, request):
    """100 entries a second from one phone: the first 10 of the window are stored, the rest refused with
    a clear message; another phone in the same room keeps writing."""
    clock = FakeClock()
    participant_limits.configure(limit=10, window=10)  # the production default
    if store == "redis":
        participant_limits.counter = RedisCounter(
            REDIS_URL, prefix=request.getfixturevalue("redis_prefix"), clock=clock
        )
    else:
        participant_limits.counter = MemoryCounter(clock)
    flooder, neighbour = new_phone(), new_phone()

    acks = flood(flooder, clock)
    assert [ack["ok"] for ack in acks] == [True] * 10 + [False] * 90
    refused = acks[-1]
    assert refused["error"] == "rate_limited"
    assert refused["message"] == "You are sending very fast. Wait a few seconds, then try again."
    assert flooder.socket.is_connected()

    assert all(neighbour.submit(f"neighbour entry {n}")["ok"] for n in range(5))
    with app.app_context():
        stored = dict(
            db.session.execute(select(Entry.participant_id, func.count(Entry.id)).group_by(Entry.participant_id)).all()
        )
    assert sorted(stored.values()) == [5, 10]

    clock.advance(20)  # two windows later the flooder is welcome again
    assert flooder.submit("calmer now")["ok"]


def test_an_outbox_replay_is_never_refused(app, event, phone):
    """After a reconnect the phone re-sends every entry it has no ack for. Entries already stored are
    recognised by their keys and answered as stored, however fast they come."""
    frozen_limit(participant_limits, limit=3, window=10)
    keys = [factories.new_key() for _ in range(3)]
    assert all(phone.submit(f"entry {n}", key=key)["ok"] for n, key in enumerate(keys))
    replayed = [phone.submit(f"entry {n}", key=key) for n, key in enumerate(keys * 3)]
    assert all(ack["ok"] and ack["duplicate"] for ack in replayed)
    refused = phone.submit("a fourth, new entry")
    assert refused["error"] == "rate_limited"
    with app.app_context():
        assert db.session.scalar(select(func.count(Entry.id))) == 3


def test_a_phone_with_two_connections_is_limited_per_participant(app, event, phone):
    frozen_limit(participant_limits, limit=3, window=10)
    from facilitator.extensions import socketio

    second_tab = socketio.test_client(app, flask_test_client=phone.http, auth={"view": "participant"})
    first = [phone.submit(f"tab one {n}")["ok"] for n in range(3)]
    other_tab = second_tab.emit(
        "participant:submit",
        {
            "activity_id": event.current_activity_id,
            "lane": "have",
            "text": "tab two",
            "client_key": factories.new_key(),
        },
        callback=True,
    )
    assert first == [True, True, True] and other_tab["error"] == "rate_limited"


# --- the counters -----------------------------------------------------------------------------------


def test_a_burst_across_a_window_boundary_is_still_limited():
    """A fixed window would let 10 at the end of one window and 10 at the start of the next through."""
    clock = FakeClock()
    limiter = RateLimiter(limit=10, window=10)
    limiter.counter = MemoryCounter(clock)
    clock.advance(9.5)
    for _ in range(10):
        limiter.check("submit", "p1")
    clock.advance(0.6)  # now in the next window
    with pytest.raises(ratelimit.RateLimited):
        limiter.check("submit", "p1")


def test_the_limit_is_shared_by_processes_through_redis(redis_prefix):
    clock = FakeClock()
    process_one, process_two = RateLimiter(limit=4, window=10), RateLimiter(limit=4, window=10)
    process_one.counter = RedisCounter(REDIS_URL, prefix=redis_prefix, clock=clock)
    process_two.counter = RedisCounter(REDIS_URL, prefix=redis_prefix, clock=clock)
    process_one.check("submit", "p7")
    process_one.check("submit", "p7")
    process_two.check("submit", "p7")
    process_two.check("submit", "p7")
    with pytest.raises(ratelimit.RateLimited):
        process_one.check("submit", "p7")
    process_two.check("submit", "p8")  # someone else is not affected


def test_an_unreachable_redis_falls_back_to_memory(caplog, monkeypatch):
    # Alembic's fileConfig in migrations/env.py disables loggers that existed before the test app migrated
    # (until it passes disable_existing_loggers=False): switch this one back on to see its warning.
    monkeypatch.setattr(logging.getLogger("facilitator.web.ratelimit"), "disabled", False)
    limiter = RateLimiter(limit=2, window=10)
    limiter.counter = RedisCounter("redis://127.0.0.1:1/0")  # nothing listens on port 1
    with caplog.at_level(logging.WARNING, logger="facilitator.web.ratelimit"):
        limiter.check("submit", "p1")
        limiter.check("submit", "p1")
        with pytest.raises(ratelimit.RateLimited):
            limiter.check("submit", "p1")
    assert "counting in memory" in caplog.text


# --- joining ----------------------------------------------------------------------------------------


def join_from(app, code: str, address: str):
    client = app.test_client()
    page = client.get(f"/j/{code}").get_data(as_text=True)
    return client.post(
        "/join", data={"code": code, "csrf_token": csrf_token(page)}, environ_base={"REMOTE_ADDR": address}
    )


def test_joins_are_limited_per_event_code(app, event):
    frozen_limit(ratelimit.join_limits_by_code, limit=3, window=60)
    with app.app_context():
        other = factories.event_with_open_board()
    codes = [join_from(app, event.join_code, f"10.1.0.{n}").status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]
    refused = join_from(app, event.join_code, "10.1.0.9")
    assert "Wait a minute" in refused.get_data(as_text=True)
    assert join_from(app, other.join_code, "10.1.0.9").status_code == 302  # another event is not affected
    with app.app_context():
        assert db.session.scalar(select(func.count(Participant.id))) == 4


def test_refused_joins_do_not_use_up_the_code_s_allowance(app, event):
    """In a rush children press Join again: only the joins let in count against the event code, so the presses
    refused in one minute do not keep the room out in the next."""
    clock = frozen_limit(ratelimit.join_limits_by_code, limit=3, window=60)
    assert [join_from(app, event.join_code, f"10.3.0.{n}").status_code for n in range(3)] == [302, 302, 302]
    assert [join_from(app, event.join_code, f"10.3.1.{n}").status_code for n in range(6)] == [429] * 6
    clock.advance(90)  # half of the last minute's three joins still count: 1.5 of 3
    assert join_from(app, event.join_code, "10.3.2.1").status_code == 302


def test_joins_are_limited_per_peer_and_wrong_codes_count_too(app, event):
    frozen_limit(ratelimit.join_limits_by_peer, limit=3, window=60)
    statuses = [
        join_from(app, "ZZZZZZ", "10.2.0.1").status_code,
        join_from(app, "NOPE", "10.2.0.1").status_code,
        join_from(app, event.join_code, "10.2.0.1").status_code,
        join_from(app, event.join_code, "10.2.0.1").status_code,
    ]
    assert statuses == [404, 400, 302, 429]
    assert join_from(app, event.join_code, "10.2.0.2").status_code == 302


def test_the_peer_counter_never_leaves_memory_and_keeps_no_address(app, event, redis_prefix):
    """Joins per event code may be shared through Redis; the counter keyed by the network peer never is,
    and its keys cannot be read back as addresses. Nothing about the peer reaches the database."""
    ratelimit.configure_from({**app.config, "RATE_LIMIT_REDIS_URL": REDIS_URL})
    assert isinstance(ratelimit.join_limits_by_code.counter, RedisCounter)
    assert isinstance(ratelimit.join_limits_by_peer.counter, MemoryCounter)
    assert join_from(app, event.join_code, "192.0.2.77").status_code == 302
    assert "192.0.2.77" not in repr(ratelimit.join_limits_by_peer.counter._windows)
    with app.app_context():
        everything = [
            db.session.execute(text(f'SELECT * FROM "{table.name}"')).all() for table in db.metadata.sorted_tables
        ]
    assert "192.0.2.77" not in repr(everything)


# --- staff sign-in ----------------------------------------------------------------------------------


def sign_in(app, email: str, password: str, address: str = "10.3.0.1"):
    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    return client.post(
        "/staff/login",
        data={"email": email, "password": password, "csrf_token": csrf_token(page)},
        environ_base={"REMOTE_ADDR": address},
    )


def test_one_password_tried_on_many_accounts_is_slowed(app, event):
    """Per-address limits alone would miss password spraying: failures per network peer are limited too."""
    frozen_limit(ratelimit.login_failures_by_peer, limit=3, window=300)
    with app.app_context():
        user, password = factories.staff_user(event.id, "moderator")
    tries = [sign_in(app, f"guess{n}@example.org", "Summer2026!", "10.3.0.5").status_code for n in range(3)]
    assert tries == [401, 401, 401]
    assert sign_in(app, user.email, password, "10.3.0.5").status_code == 429
    assert sign_in(app, user.email, password, "10.3.0.6").status_code == 302  # the venue's other staff


def test_successful_sign_ins_do_not_count_against_the_address(app, event):
    frozen_limit(ratelimit.login_failures_by_peer, limit=2, window=300)
    with app.app_context():
        user, password = factories.staff_user(event.id, "facilitator")
    assert [sign_in(app, user.email, password).status_code for _ in range(4)] == [302] * 4


def test_sign_in_limit_per_address_is_shared_through_redis(app, event, redis_prefix):
    ratelimit.configure_from({**app.config, "RATE_LIMIT_REDIS_URL": REDIS_URL})
    ratelimit.login_limits.counter = RedisCounter(REDIS_URL, prefix=redis_prefix, clock=FakeClock())
    ratelimit.login_limits.limit = 2
    with app.app_context():
        user, password = factories.staff_user(event.id, "facilitator")
    assert [sign_in(app, user.email, "wrong-password").status_code for _ in range(2)] == [401, 401]
    refused = sign_in(app, user.email, password)
    assert refused.status_code == 429 and "Too many sign-in attempts" in refused.get_data(as_text=True)


def test_the_join_limits_grow_with_the_room_the_organiser_expects(app, event):
    """One venue behind one NAT address: with 3 joins a minute per peer configured, an event expecting 6
    people lets all 6 in from one address (and the 7th is refused); an event expecting nobody in particular
    keeps the configured limit."""
    frozen_limit(ratelimit.join_limits_by_peer, limit=3, window=60)
    with app.app_context():
        other = factories.event_with_open_board()
        db.session.get(Event, event.id).expected_participants = 6
        db.session.commit()
    assert [join_from(app, event.join_code, "10.3.0.1").status_code for _ in range(7)] == [302] * 6 + [429]
    assert [join_from(app, other.join_code, "10.3.0.2").status_code for _ in range(4)] == [302] * 3 + [429]
