"""Live results of an activity, computed in the database: what the projector, the console and (when the
facilitator shows them) the phones draw."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import func, select

from facilitator.agenda.models import Activity
from facilitator.board import views as board_views
from facilitator.board.models import Entry
from facilitator.extensions import db
from facilitator.voting.models import Vote

WORDCLOUD_TERMS_SHOWN = 60


def normalise_term(text: str) -> str:
    """'Safe!!', ' SAFE ' and 'safe.' are one word in the cloud."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w\s'-]", " ", text)
    return re.sub(r"\s+", " ", text).strip(" -'")


# Each activity kind's results. A kind owned by another domain (the duty bearers' answers, in asks/) registers its
# own with ``results_of``, so this module needs nothing from the domains that need it.
_RESULTS_BY_KIND: dict[str, Callable[[Activity], dict[str, Any]]] = {}
_Compute = TypeVar("_Compute", bound=Callable[[Activity], dict[str, Any]])


def results_of(kind: str) -> Callable[[_Compute], _Compute]:
    """Register the function that computes the results of activities of ``kind``."""

    def record(compute: _Compute) -> _Compute:
        _RESULTS_BY_KIND[kind] = compute
        return compute

    return record


def results(activity: Activity) -> dict[str, Any]:
    compute = _RESULTS_BY_KIND.get(activity.kind)
    outcome = compute(activity) if compute else {}
    return {"activity_id": activity.id, "kind": activity.kind, **outcome}


def _voters(activity: Activity) -> int:
    return (
        db.session.scalar(
            select(func.count(func.distinct(Vote.participant_id))).where(
                Vote.activity_id == activity.id, Vote.response_id.is_(None)
            )
        )
        or 0
    )


@results_of("poll")
def _poll(activity: Activity) -> dict[str, Any]:
    counts = dict(
        db.session.execute(
            select(Vote.choice, func.count(Vote.id))
            .where(Vote.activity_id == activity.id, Vote.response_id.is_(None))
            .group_by(Vote.choice)
        ).all()
    )
    return {
        "multiple": bool(activity.settings.get("multiple")),
        "voters": _voters(activity),
        "options": [
            {"text": o.get("text", ""), "text_sw": o.get("text_sw"), "count": counts.get(i, 0)}
            for i, o in enumerate(activity.options)
        ],
    }


@results_of("scale")
def _scale(activity: Activity) -> dict[str, Any]:
    low, high = scale_bounds(activity)
    rows = db.session.execute(
        select(Vote.choice, func.count(Vote.id)).where(Vote.activity_id == activity.id).group_by(Vote.choice)
    ).all()
    # A scale's votes all carry a choice.
    counts = {choice: n for choice, n in rows if choice is not None}
    total = sum(counts.values())
    scale = activity.settings.get("scale") or {}
    return {
        "min": low,
        "max": high,
        "min_label": scale.get("min_label"),
        "max_label": scale.get("max_label"),
        "min_label_sw": scale.get("min_label_sw"),
        "max_label_sw": scale.get("max_label_sw"),
        "faces": bool(scale.get("faces")),
        "count": total,
        "average": round(sum(v * c for v, c in counts.items()) / total, 2) if total else None,
        "distribution": [{"value": v, "count": counts.get(v, 0)} for v in range(low, high + 1)],
    }


@results_of("ranking")
def _ranking(activity: Activity) -> dict[str, Any]:
    rank_sums: Counter[int] = Counter()
    first_choices: Counter[int] = Counter()
    rankers = 0
    for (order,) in db.session.execute(
        select(Vote.ranking).where(Vote.activity_id == activity.id, Vote.ranking.is_not(None))
    ):
        assert order is not None  # the query leaves out votes without a ranking
        rankers += 1
        first_choices[order[0]] += 1
        for position, option in enumerate(order, start=1):
            rank_sums[option] += position
    items = [
        {
            "index": i,
            "text": o.get("text", ""),
            "text_sw": o.get("text_sw"),
            "average_rank": round(rank_sums[i] / rankers, 2) if rankers else None,
            "first_choices": first_choices[i],
        }
        for i, o in enumerate(activity.options)
    ]
    items.sort(key=lambda item: (item["average_rank"] is None, item["average_rank"] or 0, item["index"]))
    return {"rankers": rankers, "items": items}


@results_of("wordcloud")
def _wordcloud(activity: Activity) -> dict[str, Any]:
    terms: Counter[str] = Counter()
    for text in db.session.scalars(
        select(Entry.shown_text).where(Entry.activity_id == activity.id, Entry.status == "approved")
    ):
        term = normalise_term(text)
        if term:
            terms[term] += 1
    return {
        "entries": sum(terms.values()),
        "words": [{"word": w, "count": c} for w, c in terms.most_common(WORDCLOUD_TERMS_SHOWN)],
    }


def upvote_counts(activity: Activity) -> dict[int, int]:
    rows = db.session.execute(
        select(Vote.response_id, func.count(Vote.id))
        .where(Vote.activity_id == activity.id, Vote.response_id.is_not(None))
        .group_by(Vote.response_id)
    ).all()
    return {response_id: n for response_id, n in rows if response_id is not None}


@results_of("qna")
def _qna(activity: Activity) -> dict[str, Any]:
    votes = upvote_counts(activity)
    questions = [
        board_views.card_view(r) | {"votes": votes.get(r.id, 0), "answered": r.answered_at is not None}
        for r in board_views.approved_cards(activity.id)
    ]
    questions.sort(key=lambda q: (q["answered"], -q["pinned"], -q["votes"], q["id"]))
    return {"questions": questions}


@results_of("board")
def _board(activity: Activity) -> dict[str, Any]:
    outcome: dict[str, Any] = (
        {"themes": board_views.themes_view(activity)} if activity.settings.get("group_by_theme") else {}
    )
    if activity.upvotes_enabled:
        votes = upvote_counts(activity)
        outcome["upvotes"] = {str(k): v for k, v in votes.items()}
        outcome["order"] = upvoted_order(activity, votes)
    return outcome


def upvoted_order(activity: Activity, votes: dict[int, int]) -> list[int]:
    """An upvoted board's cards (ids) in the order the projector shows them: pinned, then most upvotes,
    then oldest."""
    rows = list(
        db.session.execute(
            select(Entry.id, Entry.pinned).where(Entry.activity_id == activity.id, Entry.status == "approved")
        ).all()
    )
    rows.sort(key=lambda row: (0 if row.pinned else 1, -votes.get(row.id, 0), row.id))
    return [row.id for row in rows]


def scale_bounds(activity: Activity) -> tuple[int, int]:
    scale = activity.settings.get("scale") or {}
    return int(scale.get("min", 1)), int(scale.get("max", 5))


def projector_results(activity: Activity | None) -> dict[str, Any] | None:
    """The results the projector shows of its activity, if any."""
    if activity and (activity.results_on_projector or activity.kind == "response"):
        return results(activity)
    return None


def phone_results(activity: Activity | None) -> dict[str, Any] | None:
    """What phones may see of the results: the items they can upvote always (questions, cards on the
    board), the numbers only when the facilitator shows results on phones."""
    if activity is None:
        return None
    if activity.kind == "response":
        return results(activity)  # the answers children rate, with their rating bars
    if activity.kind == "qna" or (activity.kind == "board" and activity.upvotes_enabled):
        outcome = results(activity)
        if activity.kind == "board":
            outcome["cards"] = board_views.cards_on_board(activity.id)
        if not activity.results_on_phones:
            outcome.pop("upvotes", None)
            outcome.pop("order", None)  # it would tell the votes apart
            for question in outcome.get("questions", []):
                question.pop("votes", None)
        return outcome
    return results(activity) if activity.results_on_phones else None
