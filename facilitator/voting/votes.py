"""Votes: poll choices, scale values, rankings and upvotes. One vote per participant per activity (per
option for multiple choice, per card for upvotes), changeable while voting is open."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from facilitator import validation
from facilitator.agenda.models import Activity
from facilitator.agenda.views import get_activity
from facilitator.board.models import Entry
from facilitator.columns import utcnow
from facilitator.errors import Conflict, InvalidInput, NotFound
from facilitator.events.models import Event, Participant
from facilitator.extensions import db
from facilitator.live import broadcast
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.voting.models import Vote
from facilitator.voting.results import scale_bounds
from facilitator.web.ratelimit import participant_limits

VOTE_KINDS = ("poll", "scale", "ranking")
MAX_OPTIONS = 8


def require_open_for_input(activity: Activity) -> None:
    """The one rule every participant input obeys: the activity is open and voting is not locked."""
    if activity.state != "open":
        raise Conflict("activity_closed", _l("This activity is not open right now."))
    if activity.locked:
        raise Conflict("voting_locked", _l("Voting is locked for now."))


def _int_list(raw: Any, *, field: str) -> list[int]:
    if isinstance(raw, (int, str)):
        raw = [raw]
    if not isinstance(raw, list) or len(raw) > MAX_OPTIONS:
        raise InvalidInput("invalid_choice", _l("Choose one of the options."))
    values = []
    for item in raw:
        if isinstance(item, bool):
            raise InvalidInput("invalid_choice", _l("Choose one of the options."))
        if isinstance(item, str) and item.lstrip("-").isdigit():
            item = int(item)
        if not isinstance(item, int):
            raise InvalidInput("invalid_choice", _l("Choose one of the options."))
        values.append(item)
    return values


def _order_from_places(places: Any, count: int) -> list[int]:
    """``{"0": "2", "1": "1", ...}`` (each option's place) as option indexes in order of place; refused when an
    option is missing or two options share a place (a form of drop-downs allows 1, 1, 1)."""
    if not isinstance(places, dict) or len(places) > MAX_OPTIONS:
        raise InvalidInput("invalid_ranking", _l("Put every option in order, each once."))
    placed: dict[int, int] = {}
    for option, place in places.items():
        option_index = _int_list(option, field=_l("Your ranking"))[0]
        placed[option_index] = _int_list(place, field=_l("Your ranking"))[0]
    if sorted(placed) != list(range(count)):
        raise InvalidInput("invalid_ranking", _l("Put every option in order, each once."))
    if sorted(placed.values()) != list(range(1, count + 1)):
        raise InvalidInput("ranking_tie", _l("Give each option a different place, from 1 to %(n)s."), n=count)
    return sorted(placed, key=placed.__getitem__)


def cast_vote(
    event: Event,
    participant: Participant,
    activity_id: Any,
    *,
    choices: Any = None,
    value: Any = None,
    ranking: Any = None,
    places: Any = None,
    connection_id: str | None = None,
) -> Activity:
    """Store (or change) this participant's vote. Returns the activity, whose results changed. A ranking comes
    as ``ranking`` (option indexes, most important first) or as ``places`` (option index -> place, from the
    form without JavaScript); either way every option once, no two in the same place."""
    activity = get_activity(event, validation.positive_int(activity_id, field=_l("Activity")))
    if activity.kind not in VOTE_KINDS:
        raise InvalidInput("wrong_kind", _l("This activity does not take answers like this."))
    require_open_for_input(activity)
    participant_limits.check("vote", f"p{participant.id}", *([f"c{connection_id}"] if connection_id else []))

    rows: list[dict[str, Any]]
    if activity.kind == "poll":
        picked = sorted(set(_int_list(choices, field=_l("Your choice"))))
        if not picked or any(not 0 <= i < len(activity.options) for i in picked):
            raise InvalidInput("invalid_choice", _l("Choose one of the options."))
        if not activity.settings.get("multiple") and len(picked) > 1:
            raise InvalidInput("invalid_choice", _l("Choose only one option."))
        rows = [{"slot": i if activity.settings.get("multiple") else 0, "choice": i} for i in picked]
    elif activity.kind == "scale":
        low, high = scale_bounds(activity)
        number = _int_list(value, field=_l("Your rating"))
        if len(number) != 1 or not low <= number[0] <= high:
            raise InvalidInput("invalid_choice", _l("Choose a number from %(n)s to %(m)s."), n=low, m=high)
        rows = [{"slot": 0, "choice": number[0]}]
    else:
        if places is not None:
            order = _order_from_places(places, len(activity.options))
        else:
            order = _int_list(ranking, field=_l("Your ranking"))
        if sorted(order) != list(range(len(activity.options))):
            raise InvalidInput("invalid_ranking", _l("Put every option in order, each once."))
        rows = [{"slot": 0, "ranking": order}]

    # A changed vote replaces the old one; for multiple choice, options no longer picked are withdrawn.
    db.session.execute(
        delete(Vote).where(
            Vote.activity_id == activity.id,
            Vote.participant_id == participant.id,
            Vote.slot.not_in([row["slot"] for row in rows]),
            Vote.response_id.is_(None),
        )
    )
    for row in rows:
        vote = db.session.scalar(
            select(Vote).where(
                Vote.activity_id == activity.id, Vote.participant_id == participant.id, Vote.slot == row["slot"]
            )
        )
        if vote is None:
            vote = Vote(
                event_id=event.id,
                activity_id=activity.id,
                participant_id=participant.id,
                group=participant.group,
                age_band=participant.age_band,
                slot=row["slot"],
            )
            db.session.add(vote)
        else:
            vote.updated_at = utcnow()
        vote.choice = row.get("choice")
        vote.ranking = row.get("ranking")
    send_after_commit(broadcast.results_changed, event, activity)
    _commit_vote()
    return activity


def toggle_upvote(
    event: Event, participant: Participant, response_id: Any, *, connection_id: str | None = None
) -> Entry:
    """Upvote an approved card or question once; a second tap takes the upvote back."""
    response = db.session.get(Entry, validation.positive_int(response_id, field=_l("Card")))
    if response is None or response.event_id != event.id or response.status != "approved":
        raise NotFound("unknown_response", _l("That card is not on the board."))
    activity = db.session.get(Activity, response.activity_id)
    assert activity is not None  # an entry's activity_id is a foreign key
    if not activity.upvotes_enabled:
        raise Conflict("upvotes_off", _l("Agreeing is off for this activity."))
    if response.answered_at is not None:
        raise Conflict("question_answered", _l("This question has been answered."))
    require_open_for_input(activity)
    participant_limits.check("vote", f"p{participant.id}", *([f"c{connection_id}"] if connection_id else []))
    existing = db.session.scalar(
        select(Vote).where(
            Vote.activity_id == activity.id, Vote.participant_id == participant.id, Vote.slot == response.id
        )
    )
    if existing is not None:
        db.session.delete(existing)
    else:
        db.session.add(
            Vote(
                event_id=event.id,
                activity_id=activity.id,
                participant_id=participant.id,
                slot=response.id,
                response_id=response.id,
                group=participant.group,
                age_band=participant.age_band,
            )
        )
    send_after_commit(broadcast.results_changed, event, activity)
    _commit_vote()
    return response


def _commit_vote() -> None:
    try:
        commit()
    except IntegrityError:
        # The same participant's vote arrived twice at once (two taps, two tabs): the first one stands.
        db.session.rollback()
        raise Conflict("vote_in_progress", _l("Your vote is being saved. Try again in a moment.")) from None


def own_votes(participant: Participant, activity: Activity) -> dict[str, Any]:
    """What this participant chose, so their phone shows it selected."""
    votes = list(
        db.session.scalars(select(Vote).where(Vote.activity_id == activity.id, Vote.participant_id == participant.id))
    )
    return {
        "choices": sorted(v.choice for v in votes if v.response_id is None and v.choice is not None),
        "ranking": next((v.ranking for v in votes if v.ranking), None),
        "upvoted": sorted(v.response_id for v in votes if v.response_id is not None),
    }
