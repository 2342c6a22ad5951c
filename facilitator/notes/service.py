"""Rapporteur notes: saved while they are written (debounced autosave, or a plain form post), each change
audited, personal details redacted in what exports show. No Flask request in here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from facilitator import audit, safety, validation
from facilitator.agenda import views as agenda_views
from facilitator.agenda.models import Activity
from facilitator.columns import utcnow
from facilitator.errors import Conflict, InvalidInput
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.notes.models import NOTE_KINDS, NOTE_MAX_CHARS, Note
from facilitator.staff.models import StaffUser

OWNER_MAX_CHARS = 200
# Autosave stores a note every second or so while it is typed. One audit entry per spell of editing (the
# same person, without a pause this long) keeps who-changed-what without thousands of rows; a different
# editor, a change of kind or a deletion is always recorded, with the text as it was before.
AUDIT_SPELL = timedelta(minutes=10)


class StaleNote(Conflict):
    """A save older than what is stored, with different content: another tab or person changed the note."""

    def __init__(self, note: Note):
        super().__init__(
            "note_changed_elsewhere",
            "This note was changed somewhere else since you opened it. Copy your text, then reload.",
        )
        self.note = note


@dataclass(frozen=True)
class Saved:
    note: Note | None  # None: an empty new note, nothing stored
    created: bool
    changed: bool  # False for a re-sent save: nothing new stored


def current_session_id(event: Event) -> int | None:
    """The session of the activity phones are on now, so the rapporteur starts where the room is."""
    if not event.current_activity_id:
        return None
    return db.session.scalar(select(Activity.session_id).where(Activity.id == event.current_activity_id))


def notes_of_session(event: Event, session_id: int) -> list[Note]:
    return list(
        db.session.scalars(
            select(Note)
            .where(Note.event_id == event.id, Note.session_id == session_id)
            .order_by(Note.created_at, Note.id)
        )
    )


def note_counts(event: Event) -> dict[int, int]:
    """Notes per session, for the list of sessions down the side."""
    counts: dict[int, int] = {}
    for session_id in db.session.scalars(select(Note.session_id).where(Note.event_id == event.id)):
        counts[session_id] = counts.get(session_id, 0) + 1
    return counts


def _due_date(raw: Any) -> date | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise InvalidInput("invalid_date", "Give the due date as YYYY-MM-DD.")


def _revision(raw: Any) -> int:
    if raw in (None, ""):
        return 1
    if isinstance(raw, str) and raw.isdigit():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 < raw < 2**31:
        raise InvalidInput("invalid_revision", "The note's revision must be a positive number.")
    return raw


def _fields(note: Note) -> dict[str, Any]:
    return _as_fields(
        {"kind": note.kind, "text": note.text, "action_owner": note.action_owner, "action_due_on": note.action_due_on}
    )


def _as_fields(values: dict[str, Any]) -> dict[str, Any]:
    """What a save changes, as plain values (for comparing, for the audit log and for the page's script)."""
    due = values["action_due_on"]
    return {**values, "action_due_on": due.isoformat() if due else None}


def save_note(
    event: Event,
    actor: StaffUser,
    *,
    session_id: Any,
    client_key: Any,
    text: Any,
    kind: Any = "note",
    action_owner: Any = None,
    action_due_on: Any = None,
    revision: Any = None,
) -> Saved:
    """Create or update the note named by ``client_key``. A save whose revision is not newer than the stored
    one is a re-send when its content is the same (a no-op) and a conflict otherwise."""
    key = validation.client_key(client_key)
    wanted = {
        "kind": validation.choice(kind or "note", NOTE_KINDS, field="Kind of note"),
        "text": validation.clean_text(text, field="The note", max_chars=NOTE_MAX_CHARS, required=False),
        "action_owner": validation.clean_text(
            action_owner, field="Who owns the action", max_chars=OWNER_MAX_CHARS, required=False
        )
        or None,
        "action_due_on": _due_date(action_due_on),
    }
    revision = _revision(revision)
    note = db.session.scalar(select(Note).where(Note.event_id == event.id, Note.client_key == key))
    if note is None:
        session = agenda_views.get_session(event, session_id)
        if not wanted["text"]:
            return Saved(None, created=False, changed=False)
        note = Note(event_id=event.id, session_id=session.id, client_key=key, author_id=actor.id)
        _apply(event, note, actor, wanted, revision)
        db.session.add(note)
        try:
            db.session.flush()
        except IntegrityError:
            # The same note's first save arrived twice at once (a re-send racing the original).
            db.session.rollback()
            return save_note(
                event,
                actor,
                session_id=session_id,
                client_key=key,
                text=text,
                kind=kind,
                action_owner=action_owner,
                action_due_on=action_due_on,
                revision=revision,
            )
        audit.record(event.id, actor, "create_note", f"note:{note.id}", session=note.session_id, after=_fields(note))
        db.session.commit()
        return Saved(note, created=True, changed=True)

    same = _fields(note) == _as_fields(wanted)
    if revision <= note.revision:
        if same:
            return Saved(note, created=False, changed=False)
        raise StaleNote(note)
    if same:
        note.revision = revision  # nothing to record, but later saves count from here
        db.session.commit()
        return Saved(note, created=False, changed=False)
    before = _fields(note)
    new_spell = (
        note.updated_by_id != actor.id
        or note.kind != wanted["kind"]
        or (note.updated_at or note.created_at) + AUDIT_SPELL < utcnow()
    )
    _apply(event, note, actor, wanted, revision)
    if new_spell:
        audit.record(
            event.id, actor, "edit_note", f"note:{note.id}", session=note.session_id, before=before, after=_fields(note)
        )
    db.session.commit()
    return Saved(note, created=False, changed=True)


def _apply(event: Event, note: Note, actor: StaffUser, wanted: dict[str, Any], revision: int) -> None:
    note.kind, note.text = wanted["kind"], wanted["text"]
    note.shown_text = safety.screen(wanted["text"], event.blocked_words).redacted if wanted["text"] else ""
    note.action_owner, note.action_due_on = wanted["action_owner"], wanted["action_due_on"]
    note.revision, note.updated_by_id = revision, actor.id
    if note.id is not None:
        note.updated_at = utcnow()


def delete_note(event: Event, actor: StaffUser, client_key: Any) -> None:
    key = validation.client_key(client_key)
    note = db.session.scalar(select(Note).where(Note.event_id == event.id, Note.client_key == key))
    if note is None:
        return  # already gone: deleting twice is deleting once
    audit.record(event.id, actor, "delete_note", f"note:{note.id}", session=note.session_id, before=_fields(note))
    db.session.delete(note)
    db.session.commit()


def note_view(note: Note) -> dict[str, Any]:
    """A note as the notes page's script sees it after a save."""
    return {
        "id": note.id,
        "client_key": note.client_key,
        "session_id": note.session_id,
        "revision": note.revision,
        **_fields(note),
        "redacted": note.shown_text != note.text,
        "shown_text": note.shown_text,
        "updated_at": (note.updated_at or note.created_at).isoformat(),
    }
