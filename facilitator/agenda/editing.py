"""Changing the agenda during the event: add, edit, reorder and duplicate activities."""

from __future__ import annotations

import copy
import re
from typing import Any

from sqlalchemy import select

from facilitator import audit, validation
from facilitator.agenda.models import ACTIVITY_KINDS, AUDIENCES, MODERATION_MODES, WRITTEN_KINDS, Activity
from facilitator.agenda.views import get_activity, get_session, next_position
from facilitator.errors import Conflict, InvalidInput
from facilitator.events.models import Event
from facilitator.events.service import bump_version
from facilitator.extensions import db
from facilitator.live import broadcast
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.staff.models import StaffUser
from facilitator.voting.votes import MAX_OPTIONS

MAX_LANES = 3


def _texts(items: Any, *, field: str, low: int, high: int) -> list[dict[str, Any]]:
    """A list of {text, text_sw} (options) from the console's form."""
    if not isinstance(items, list) or not low <= len(items) <= high:
        raise InvalidInput("invalid_options", f"{field}: give between {low} and {high}.")
    cleaned = []
    for item in items:
        item = item if isinstance(item, dict) else {"text": item}
        cleaned.append(
            {
                "text": validation.clean_text(item.get("text"), field=field, max_chars=120),
                "text_sw": validation.clean_text(item.get("text_sw"), field=field, max_chars=120, required=False)
                or None,
            }
        )
    return cleaned


def _lane_key(name: str, taken: set[str]) -> str:
    key = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")[:20] or "lane"
    while key in taken:
        key += "_"
    taken.add(key)
    return key


def _settings(kind: str, spec: dict[str, Any], existing_lanes: list[dict[str, Any]]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    if kind == "board":
        lanes = _texts(spec.get("lanes") or [{"text": "Ideas"}], field="Lanes", low=1, high=MAX_LANES)
        # A renamed lane keeps its key, so the cards already in it stay in it.
        taken: set[str] = {lane["key"] for lane in existing_lanes[: len(lanes)]}
        settings["lanes"] = [
            {
                "key": existing_lanes[i]["key"] if i < len(existing_lanes) else _lane_key(lane["text"], taken),
                "name": lane["text"],
                "name_sw": lane["text_sw"],
            }
            for i, lane in enumerate(lanes)
        ]
    if kind in ("poll", "ranking"):
        settings["options"] = _texts(spec.get("options"), field="Options", low=2, high=MAX_OPTIONS)
    if kind == "poll":
        settings["multiple"] = bool(spec.get("multiple"))
    if kind == "scale":
        raw_scale = spec.get("scale")
        scale: dict[str, Any] = raw_scale if isinstance(raw_scale, dict) else {}
        low, high = scale.get("min", 1), scale.get("max", 5)
        if not (isinstance(low, int) and isinstance(high, int) and 0 <= low < high <= 10):
            raise InvalidInput("invalid_scale", "A scale runs from a smaller to a larger number, at most 10.")
        settings["scale"] = {
            "min": low,
            "max": high,
            "faces": bool(scale.get("faces")) and (low, high) == (1, 5),
            **{
                key: validation.clean_text(scale.get(key), field="Scale label", max_chars=60, required=False) or None
                for key in ("min_label", "max_label", "min_label_sw", "max_label_sw")
            },
        }
    if kind in ("board", "qna") and "upvotes" in spec:
        settings["upvotes"] = bool(spec["upvotes"])
    return settings


def _apply(event: Event, actor: StaffUser, activity: Activity, spec: Any) -> None:
    if not isinstance(spec, dict):
        raise InvalidInput("invalid_payload", "The activity must be described as an object.")
    kind = validation.choice(spec.get("kind", activity.kind), ACTIVITY_KINDS, field="Kind")
    audience = validation.choice(spec.get("audience", activity.audience or "everyone"), AUDIENCES, field="Audience")
    # Every audience includes children ("everyone" does too), so written entries wait for a moderator unless
    # the facilitator deliberately chooses otherwise: confirmed, and audited.
    moderation = validation.choice(
        spec.get("moderation") or activity.moderation or "pre", MODERATION_MODES, field="Moderation"
    )
    if moderation == "post" and activity.moderation != "post" and kind in WRITTEN_KINDS:
        if spec.get("confirm_post_moderation") is not True:
            raise Conflict(
                "confirm_post_moderation",
                "Children can write in this activity. Post-moderation shows their entries before anyone has read "
                "them (the safety checks still hold distress, disclosure and personal details). Confirm to choose it.",
            )
        audit.record(
            event.id,
            actor,
            "post_moderation_chosen",
            f"activity:{activity.id}" if activity.id else None,
            title=spec.get("title", activity.title),
            audience=audience,
        )
    activity.kind, activity.audience, activity.moderation = kind, audience, moderation
    activity.title = validation.clean_text(spec.get("title", activity.title), field="Title", max_chars=200)
    activity.title_sw = (
        validation.clean_text(spec.get("title_sw"), field="Title (Kiswahili)", max_chars=200, required=False) or None
    )
    activity.prompt = validation.clean_text(spec.get("prompt"), field="Prompt", max_chars=1000, required=False)
    activity.prompt_sw = (
        validation.clean_text(spec.get("prompt_sw"), field="Prompt (Kiswahili)", max_chars=1000, required=False) or None
    )
    activity.settings = _settings(kind, spec, (activity.settings or {}).get("lanes") or [])


def add_activity(event: Event, actor: StaffUser, session_id: Any, spec: Any) -> Activity:
    session = get_session(event, session_id)
    activity = Activity(
        event_id=event.id,
        session_id=session.id,
        position=next_position(session),
        state="draft",
        kind="board",
        title="",
        audience="everyone",
        moderation=None,
        settings={},
    )
    _apply(event, actor, activity, spec)
    db.session.add(activity)
    db.session.flush()
    audit.record(event.id, actor, "add_activity", f"activity:{activity.id}", kind=activity.kind)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return activity


def edit_activity(event: Event, actor: StaffUser, activity_id: Any, spec: Any) -> Activity:
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    if activity.state == "open" and isinstance(spec, dict) and spec.get("kind", activity.kind) != activity.kind:
        raise Conflict("activity_open", "Close the activity before changing its kind.")
    before = {"title": activity.title, "kind": activity.kind, "settings": copy.deepcopy(activity.settings)}
    _apply(event, actor, activity, spec)
    audit.record(event.id, actor, "edit_activity", f"activity:{activity.id}", before=before)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return activity


def move_activity(event: Event, actor: StaffUser, activity_id: Any, direction: Any) -> Activity:
    """Move an activity one place up or down within its session."""
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    direction = validation.choice(direction, ("up", "down"), field="Direction")
    siblings = list(
        db.session.scalars(
            select(Activity).where(Activity.session_id == activity.session_id).order_by(Activity.position, Activity.id)
        )
    )
    index = siblings.index(activity)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        raise Conflict("cannot_move", f"This activity is already the {'first' if direction == 'up' else 'last'}.")
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    audit.record(event.id, actor, "move_activity", f"activity:{activity.id}", direction=direction)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return activity


def duplicate_activity(event: Event, actor: StaffUser, activity_id: Any) -> Activity:
    """A copy right after the original, in draft, with no answers: 'ask the same again'."""
    original = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    for sibling in db.session.scalars(
        select(Activity).where(Activity.session_id == original.session_id, Activity.position > original.position)
    ):
        sibling.position += 1
    copy_ = Activity(
        event_id=event.id,
        session_id=original.session_id,
        position=original.position + 1,
        kind=original.kind,
        title=f"{original.title} (copy)"[:200],
        title_sw=original.title_sw,
        prompt=original.prompt,
        prompt_sw=original.prompt_sw,
        audience=original.audience,
        moderation=original.moderation,
        state="draft",
        results_on_projector=original.results_on_projector,
        results_on_phones=original.results_on_phones,
        settings=copy.deepcopy(original.settings),
    )
    db.session.add(copy_)
    db.session.flush()
    audit.record(event.id, actor, "duplicate_activity", f"activity:{copy_.id}", original=original.id)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return copy_


def activity_spec(activity: Activity) -> dict[str, Any]:
    """An activity as the console's editor fills its form."""
    return {
        "id": activity.id,
        "session_id": activity.session_id,
        "kind": activity.kind,
        "title": activity.title,
        "title_sw": activity.title_sw,
        "prompt": activity.prompt,
        "prompt_sw": activity.prompt_sw,
        "audience": activity.audience,
        "moderation": activity.moderation,
        "lanes": [
            {"text": lane.get("name"), "text_sw": lane.get("name_sw")} for lane in activity.settings.get("lanes", [])
        ],
        "options": activity.options,
        "multiple": bool(activity.settings.get("multiple")),
        "scale": activity.settings.get("scale"),
        "upvotes": activity.upvotes_enabled,
    }
