"""The suite's own database fixture (conftest.py): a test's commits stay inside its transaction and vanish
after it; a ``committing`` test's are real and are wiped."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from facilitator.events.models import Event
from facilitator.extensions import db
from tests import factories


def events_seen_from_another_connection() -> int:
    # db.engine is the test's connection while a test runs in a transaction; .engine is the engine either way.
    with db.engine.engine.connect() as other:
        return other.scalar(select(func.count(Event.id)))


def test_a_commit_is_seen_by_the_test_but_by_no_other_connection(ctx):
    factories.event_with_open_board()  # commits
    assert db.session.scalar(select(func.count(Event.id))) == 1
    assert events_seen_from_another_connection() == 0


def test_a_rollback_in_the_test_goes_back_to_its_last_commit_only(ctx):
    kept = factories.event_with_open_board()
    db.session.add(Event(title="never committed", join_code="ZZZZZZ", projector_token="t" * 32))
    db.session.flush()
    db.session.rollback()
    assert db.session.scalars(select(Event.id)).all() == [kept.id]


@pytest.mark.parametrize("round", [1, 2])
def test_every_test_starts_on_an_empty_database(ctx, round):
    assert db.session.scalar(select(func.count(Event.id))) == 0
    factories.event_with_open_board()


@pytest.mark.committing
@pytest.mark.parametrize("round", [1, 2])
def test_a_committing_test_commits_for_real_and_is_wiped_after(ctx, round):
    assert db.session.scalar(select(func.count(Event.id))) == 0
    factories.event_with_open_board()
    assert events_seen_from_another_connection() == 1
