"""Safeguarding: flags for the safeguarding lead, help requests, escalation, the readiness checklist,
and purging raw entries once the record is kept. Only the safeguarding lead and facilitators see flags."""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from facilitator import audit, safety, validation
from facilitator.agenda.models import Activity
from facilitator.board import views as board_views
from facilitator.board.models import Entry
from facilitator.columns import utcnow
from facilitator.errors import Conflict, InvalidInput
from facilitator.events.models import Event, Participant
from facilitator.events.participants import hash_token
from facilitator.events.service import bump_version
from facilitator.extensions import db
from facilitator.live import broadcast, connections
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.lookups import get_in_event
from facilitator.safeguarding.models import FLAG_STATES, READINESS_ITEMS, ReadinessCheck, SafeguardingFlag
from facilitator.staff.models import StaffUser
from facilitator.web.ratelimit import help_request_limits

log = logging.getLogger(__name__)

HELP_NOTE_MAX_CHARS = 120


def open_flag(
    event: Event,
    *,
    reasons: list[str],
    response: board_views.EntryFields | None = None,
    participant_id: int | None = None,
    message: str | None = None,
    level: str = "high",
) -> SafeguardingFlag:
    flag = SafeguardingFlag(
        level=level,
        event_id=event.id,
        response_id=response.id if response else None,
        participant_id=participant_id
        if participant_id is not None
        else (response.participant_id if response else None),
        reasons=sorted(set(reasons)),
        message=message,
    )
    db.session.add(flag)
    db.session.flush()
    return flag


def request_help(event: Event, participant: Participant, where: Any = None) -> SafeguardingFlag:
    """A participant asks to talk to someone privately. No text is needed; where they can be found is
    optional and screened like any entry (only the safeguarding lead reads it)."""
    help_request_limits.check("help", f"p{participant.id}")
    note = validation.clean_text(where, field=_l("Where you are"), max_chars=HELP_NOTE_MAX_CHARS, required=False)
    flag = open_flag(
        event,
        reasons=["help_request"],
        participant_id=participant.id,
        message=safety.screen(note).redacted if note else None,
    )
    send_after_commit(broadcast.safeguarding_alert, event, flag)
    commit()
    return flag


def escalate(event: Event, actor: StaffUser, response: Entry, note: Any = None) -> SafeguardingFlag:
    """A moderator sends an entry to the safeguarding lead: it leaves every board and export at once."""
    if response.status == "held":
        raise Conflict("already_held", "This entry is already with the safeguarding lead.")
    note = validation.clean_text(note, field="The note", max_chars=500, required=False) or None
    before = response.status
    response.status = "held"
    response.concern = "high"  # a person judged it: it leaves every other view, the moderators' queue too
    response.pinned = False
    flag = open_flag(event, reasons=["escalated"], response=response)
    flag.note = note
    audit.record(event.id, actor, "escalate", f"response:{response.id}", before=before, note=note)
    bump_version(event)
    send_after_commit(broadcast.entry_changed, event, response)
    send_after_commit(broadcast.safeguarding_alert, event, flag)
    commit()
    return flag


def get_flag(event: Event, flag_id: Any) -> SafeguardingFlag:
    return get_in_event(
        SafeguardingFlag,
        event.id,
        flag_id,
        field="Flag",
        code="unknown_flag",
        message="That safeguarding flag does not exist in this event.",
    )


def record_follow_up(event: Event, actor: StaffUser, flag_id: Any, state: Any, note: Any = None) -> SafeguardingFlag:
    """Acknowledged, talked to the child, referred, closed: with a note, audited."""
    flag = get_flag(event, flag_id)
    state = validation.choice(state, FOLLOW_UP_STATES, field="State")
    note = validation.clean_text(note, field="The note", max_chars=2000, required=False)
    audit.record(
        event.id, actor, "safeguarding_follow_up", f"flag:{flag.id}", before=flag.state, after=state, note=note
    )
    flag.state = state
    if note:
        flag.note = f"{flag.note}\n{note}" if flag.note else note
    flag.handled_by_id = actor.id
    flag.updated_at = utcnow()
    send_after_commit(broadcast.flag_changed, event, flag)
    commit()
    return flag


# What the lead records while following a flag up. "not_a_concern" is only ever set by a release.
FOLLOW_UP_STATES = tuple(state for state in FLAG_STATES if state != "not_a_concern")


def release_held_entry(event: Event, actor: StaffUser, entry_id: Any, note: Any = None) -> Entry:
    """'Reviewed: not a concern': an entry the checks held goes to the moderation queue, where a moderator decides
    as for any other. Its flags stay in the record, marked with who released it and why; audited."""
    entry = get_in_event(
        Entry,
        event.id,
        entry_id,
        field="Entry",
        code="unknown_response",
        message="That entry does not exist in this event.",
    )
    if entry.status != "held":
        raise Conflict("not_held", "This entry is not held for safeguarding.")
    note = validation.clean_text(note, field="The note", max_chars=500, required=False) or None
    entry.status = "pending"
    flags = list(db.session.scalars(select(SafeguardingFlag).where(SafeguardingFlag.response_id == entry.id)))
    for flag in flags:
        flag.state = "not_a_concern"
        flag.handled_by_id = actor.id
        flag.note = f"{flag.note}\n{note}" if flag.note and note else (note or flag.note)
        flag.updated_at = utcnow()
        send_after_commit(broadcast.flag_changed, event, flag)
    audit.record(event.id, actor, "release_held", f"response:{entry.id}", concern=entry.concern, note=note)
    bump_version(event)
    send_after_commit(broadcast.entry_changed, event, entry)
    commit()
    return entry


def flags(event: Event) -> list[SafeguardingFlag]:
    return list(
        db.session.scalars(
            select(SafeguardingFlag).where(SafeguardingFlag.event_id == event.id).order_by(SafeguardingFlag.id.desc())
        )
    )


# --- Ready before children join ---------------------------------------------------------------


def readiness(event: Event) -> dict[str, ReadinessCheck]:
    return {c.item: c for c in db.session.scalars(select(ReadinessCheck).where(ReadinessCheck.event_id == event.id))}


def confirm_readiness(event: Event, actor: StaffUser, item: Any, detail: Any = None) -> ReadinessCheck:
    item = validation.choice(item, tuple(READINESS_ITEMS), field="Checklist item")
    detail = validation.clean_text(detail, field="Details", max_chars=300, required=item == "safeguarding_lead") or None
    check = readiness(event).get(item) or ReadinessCheck(event_id=event.id, item=item)
    check.detail, check.confirmed_by_id, check.confirmed_at = detail, actor.id, utcnow()
    db.session.add(check)
    audit.record(event.id, actor, "readiness_confirmed", f"readiness:{item}", detail=detail)
    commit()
    return check


def require_ready_for_children(event: Event, activity: Activity) -> None:
    if activity.audience != "children":
        return
    missing = [label for item, label in READINESS_ITEMS.items() if item not in readiness(event)]
    if missing:
        raise Conflict(
            "not_ready_for_children",
            "Children's activities open only after the safeguarding checklist is confirmed: "
            + "; ".join(missing)
            + ".",
        )


def safeguarding_contact(event: Event) -> str | None:
    """How children can find the named adult in the room, as the organiser wrote it."""
    check = readiness(event).get("safeguarding_lead")
    return check.detail if check else None


# --- Purging raw entries --------------------------------------------------------------------


PURGE_CONFIRMATION = "PURGE"
REMOVED_TEXT = "[removed after the event]"


def purge_on_request(event: Event, actor: StaffUser, confirmation: Any) -> dict[str, Any]:
    """An organiser's purge from the console: only with the word typed, because it cannot be undone."""
    if confirmation != PURGE_CONFIRMATION:
        raise InvalidInput("not_confirmed", f"Type {PURGE_CONFIRMATION} to confirm: this cannot be undone.")
    return purge_event(event, actor, reason="by an organiser in the console")


def purge_refusal(event: Event) -> str | None:
    """Why the event cannot be purged now, or None. A purge under a live room would pull the ground from under
    phones still answering (their participant gone mid-activity) and cut an activity's record in two."""
    if event.purged_at is not None:
        return "This event's raw entries were already purged."
    open_titles = db.session.scalars(
        select(Activity.title).where(Activity.event_id == event.id, Activity.state == "open").order_by(Activity.id)
    ).all()
    if open_titles:
        return f"Close every activity first: still open: {', '.join(open_titles)}."
    phones = connections.phones_connected(event.id)
    if phones:
        return (
            f"{phones} phone(s) are still connected. Close joining and wait until the room has left, "
            "or try again after the event."
        )
    return None


def purge_event(event: Event, actor: StaffUser | None, *, reason: str) -> dict[str, Any]:
    """Forget what was only ever raw, and keep the record reading exactly as before (DESIGN.md §3).

    Gone: the original wording of every entry (approved ones keep their redacted text; waiting, hidden and held
    ones keep only that they existed, their status and their group), safeguarding messages and their link to a
    participant, and every phone's token, so no device can act as its participant again. Kept: each
    participant as a row with no token (declared group and age band only, which every entry and vote of theirs
    already carries), so counts of people, vote totals and the rule that hides groups under five read the same
    after the purge as before it. Deleting those rows would make every entry and vote its own "person".
    """
    refusal = purge_refusal(event)
    if refusal:
        raise Conflict("purge_refused", refusal)
    counts = {"redacted_kept": 0, "text_removed": 0, "held_records": 0, "participants": 0}
    for entry in db.session.scalars(select(Entry).where(Entry.event_id == event.id)):
        if entry.status == "approved":
            entry.text = entry.shown_text
            counts["redacted_kept"] += 1
        elif entry.status == "held":
            entry.text = entry.shown_text = REMOVED_TEXT
            counts["held_records"] += 1
        else:
            entry.text = entry.shown_text = REMOVED_TEXT
            counts["text_removed"] += 1
    for flag in db.session.scalars(select(SafeguardingFlag).where(SafeguardingFlag.event_id == event.id)):
        flag.participant_id = None
        flag.message = None
    for participant in db.session.scalars(select(Participant).where(Participant.event_id == event.id)):
        # A token nobody holds: the hash of fresh random bytes, thrown away.
        participant.token_hash = hash_token(secrets.token_urlsafe(32))
        counts["participants"] += 1
    event.number_secret = None  # no SMS or USSD sender's hash can be matched to their number again
    event.purged_at = utcnow()
    audit.record(event.id, actor, "purge", f"event:{event.id}", reason=reason, **counts)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return counts


def events_due_for_purge(now: datetime | None = None) -> list[Event]:
    now = now or utcnow()
    return [
        event
        for event in db.session.scalars(
            select(Event).where(Event.last_export_at.is_not(None), Event.purged_at.is_(None))
        )
        if event.last_export_at is not None and event.last_export_at + timedelta(days=event.retention_days) <= now
    ]


def purge_due_events(now: datetime | None = None) -> list[int]:
    purged = []
    for event in events_due_for_purge(now):
        # Weeks after the event, an activity left open is an oversight, not a room still answering: it is closed
        # (audited) in the purge's own transaction. (agenda.running.close_activity needs this module, so the
        # two lines are here.)
        for activity in db.session.scalars(
            select(Activity).where(Activity.event_id == event.id, Activity.state == "open")
        ):
            activity.state = "closed"
            audit.record(event.id, None, "close_activity", f"activity:{activity.id}", reason="automatic purge")
        refusal = purge_refusal(event)
        if refusal:
            # Tried again at the next scheduled run; the organiser sees the same reason on the page.
            log.warning("event %s is due for purge but cannot be purged now: %s", event.id, refusal)
            db.session.rollback()
            continue
        purge_event(event, None, reason=f"automatic: {event.retention_days} days after the final export")
        purged.append(event.id)
    return purged


def set_blocked_words(event: Event, actor: StaffUser, raw: Any) -> list[str]:
    """The event's own word list, one word or phrase a line, on top of the shipped lists."""
    text = validation.clean_text(raw, field="The word list", max_chars=5000, required=False)
    words = sorted({line.strip().lower() for line in text.splitlines() if line.strip()})
    if any(len(word) > 60 for word in words):
        raise InvalidInput("word_too_long", "Each line can be at most 60 characters.")
    audit.record(event.id, actor, "blocked_words", f"event:{event.id}", count=len(words))
    event.blocked_words = words
    # No view shows the list, but the entry writers of other processes hold the event from batch to batch until its
    # version moves (board.entries._Snapshot).
    bump_version(event)
    commit()
    return words
