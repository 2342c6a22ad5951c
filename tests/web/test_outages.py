"""The database out of reach (issue 20): the app's own 503 page in the reader's language, socket acks that say
``unavailable`` so phones re-send, and one log line per kind of failure instead of a traceback each. The real
outage, with a PostgreSQL stopped for 15 s, is tests/servers/test_outages.py."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from facilitator.board import entries as board_service
from facilitator.events import service as event_service
from facilitator.web.log_summary import OutageSummary


def refused() -> OperationalError:
    return OperationalError("SELECT 1", {}, Exception('connection to server at "127.0.0.1", port 5432 failed: refused'))


def database_gone(*_args, **_kwargs):
    raise refused()


@pytest.mark.parametrize(
    ("language", "text"),
    [("sw", "Jaribu tena baada ya muda mfupi"), ("en", "We cannot save or load anything just now.")],
)
def test_a_page_answers_the_apps_own_page_in_the_readers_language(client, event, monkeypatch, language, text):
    monkeypatch.setattr(event_service, "event_by_join_code", database_gone)
    reply = client.get(f"/j/{event.join_code}", headers={"Accept-Language": language})
    assert reply.status_code == 503
    assert reply.headers["Retry-After"] == "5"
    body = reply.get_data(as_text=True)
    assert text in body and f'<html lang="{language}">' in body
    assert "Traceback" not in body and "OperationalError" not in body


def test_a_socket_call_acks_unavailable(phone, monkeypatch):
    assert phone.socket.is_connected()  # connected while the database is there
    monkeypatch.setattr(event_service, "get_event", database_gone)
    ack = phone.socket.emit("participant:sync", {}, callback=True)
    assert ack["ok"] is False and ack["error"] == "unavailable"


def test_an_entry_the_writer_cannot_store_acks_unavailable_so_the_phone_sends_it_again(phone, monkeypatch):
    monkeypatch.setattr(board_service, "store_entries", database_gone)
    ack = phone.submit("Safer apps")
    assert ack["ok"] is False and ack["error"] == "unavailable"
    monkeypatch.undo()
    assert phone.submit("Safer apps")["ok"]


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def record(error: BaseException | None, message: str = "storing a batch failed") -> logging.LogRecord:
    exc_info = (type(error), error, None) if error is not None else None
    return logging.LogRecord("facilitator.test", logging.ERROR, __file__, 1, message, None, exc_info)


def test_one_line_per_outage_kind_and_window_with_a_count(caplog):
    clock = Clock()
    summary = OutageSummary(window_seconds=30, clock=clock)
    first = record(refused())
    assert summary.filter(first)
    assert first.exc_info is None and "OperationalError" in first.getMessage()  # a line, no traceback
    for _ in range(199):
        clock.now += 0.1
        assert not summary.filter(record(refused()))
    clock.now = 31
    with caplog.at_level(logging.ERROR, logger="facilitator.web.log_summary"):
        assert summary.filter(record(refused()))
    lines = [r.getMessage() for r in caplog.records if r.name == "facilitator.web.log_summary"]
    assert len(lines) == 1 and lines[0].startswith("199 more failures like this in 30 s: OperationalError: connection")


def test_other_errors_keep_their_tracebacks():
    summary = OutageSummary(window_seconds=30, clock=Clock())
    bug = IntegrityError("INSERT", {}, Exception("duplicate key"))
    for _ in range(3):
        kept = record(bug)
        assert summary.filter(kept) and kept.exc_info is not None
    assert summary.filter(record(None))


def test_redis_out_of_reach_folds_too():
    from redis.exceptions import ConnectionError as RedisConnectionError

    summary = OutageSummary(window_seconds=30, clock=Clock())
    error = RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    kept = [summary.filter(record(error, "rate-limit counter in Redis unavailable")) for _ in range(100)]
    assert kept.count(True) == 1
