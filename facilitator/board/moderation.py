"""The moderation queue: approve, hide, pin, star and correct entries. Every action is audited."""

from __future__ import annotations

from typing import Any

from facilitator import audit, safety, validation
from facilitator.board.entries import ENTRY_MAX_CHARS, SAFEGUARDING_FLAGS
from facilitator.board.models import Entry
from facilitator.columns import utcnow
from facilitator.errors import Conflict, InvalidInput
from facilitator.events.models import Event
from facilitator.events.service import bump_version
from facilitator.live import broadcast
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.lookups import get_all_in_event, get_in_event
from facilitator.staff.models import StaffUser

# action -> the change it makes
ACTIONS: dict[str, dict[str, Any]] = {
    "approve": {"status": "approved"},
    "hide": {"status": "hidden"},
    "pin": {"pinned": True},
    "unpin": {"pinned": False},
    "star": {"starred": True},
    "unstar": {"starred": False},
}


def get_response(event: Event, response_id: Any) -> Entry:
    return get_in_event(
        Entry,
        event.id,
        response_id,
        field="Entry",
        code="unknown_response",
        message="That entry does not exist in this event.",
    )


# A room of 50 writes ~200 cards in a board; a batch larger than this is a client gone wrong.
MAX_BATCH = 500
BATCH_ACTIONS = ("approve", "hide")


def moderate_many(event: Event, actor: StaffUser, response_ids: Any, action: Any) -> tuple[list[Entry], list[Entry]]:
    """Approve or hide several entries at once (the ones a moderator selected, every one in view, every entry of
    one word-cloud word): one transaction, one audit row, one broadcast. Entries held for safeguarding are left
    as they are and returned apart (a possible concern can sit in the queue a moderator selects from); an id
    of another event refuses the whole batch. Returns (changed, left held)."""
    if action not in BATCH_ACTIONS:
        raise InvalidInput("invalid_action", "Several entries can be approved or hidden at once.")
    responses = get_all_in_event(
        Entry,
        event.id,
        response_ids,
        field="Entries",
        code="unknown_response",
        message="One of those entries does not exist in this event.",
        max_count=MAX_BATCH,
    )
    changed = [r for r in responses if r.status != "held"]
    held = [r for r in responses if r.status == "held"]
    now = utcnow()
    for response in changed:
        response.status = ACTIONS[action]["status"]
        response.moderated_at = now
    audit.record(event.id, actor, f"{action}_many", None, responses=[r.id for r in changed], held=[r.id for r in held])
    if changed:
        bump_version(event)
        send_after_commit(broadcast.entries_moderated, event, changed)
    commit()
    return changed, held


def _refuse_if_held(response: Entry) -> None:
    if response.status == "held":
        raise Conflict("held_for_safeguarding", "This entry is held for the safeguarding lead and cannot be shown.")


def moderate(event: Event, actor: StaffUser, response_id: Any, action: Any) -> Entry:
    if action not in ACTIONS:
        raise InvalidInput("invalid_action", "Unknown moderation action.")
    response = get_response(event, response_id)
    _refuse_if_held(response)
    before = {field: getattr(response, field) for field in ACTIONS[action]}
    for field, value in ACTIONS[action].items():
        setattr(response, field, value)
    if "status" in ACTIONS[action]:
        response.moderated_at = utcnow()
    audit.record(event.id, actor, action, f"response:{response.id}", before=before)
    bump_version(event)
    send_after_commit(broadcast.entry_changed, event, response)
    commit()
    return response


def edit_text(event: Event, actor: StaffUser, response_id: Any, text: Any) -> Entry:
    """Correct a typo. The new text passes the same safety checks; the original stays in the audit log."""
    response = get_response(event, response_id)
    _refuse_if_held(response)
    clean = validation.clean_text(text, field="The entry", max_chars=ENTRY_MAX_CHARS)
    screening = safety.screen(clean, event.blocked_words)
    audit.record(
        event.id,
        actor,
        "edit",
        f"response:{response.id}",
        before=response.text,
        after=clean,
        flags=sorted(screening.flags),
    )
    response.text = clean
    response.shown_text = screening.redacted
    response.flags = sorted(set(response.flags) | screening.flags)
    if screening.held or SAFEGUARDING_FLAGS & screening.flags:
        response.status = "held"
    bump_version(event)
    send_after_commit(broadcast.entry_changed, event, response)
    commit()
    return response


def mark_answered(event: Event, actor: StaffUser, response_id: Any, answered: Any) -> Entry:
    response = get_response(event, response_id)
    if not isinstance(answered, bool):
        raise InvalidInput("invalid_choice", "Answered is yes or no.")
    _refuse_if_held(response)
    response.answered_at = utcnow() if answered else None
    audit.record(event.id, actor, "answered" if answered else "unanswered", f"response:{response.id}")
    bump_version(event)
    send_after_commit(broadcast.entry_changed, event, response)
    commit()
    return response
