"""What each view may see of the board's entries: the projector's cards, the moderators' queue, a phone's own entries,
the counts; and the one order cards are shown in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import case, func, or_, select

from facilitator.agenda.models import Activity
from facilitator.board.models import Entry, Theme
from facilitator.events.models import Participant
from facilitator.extensions import db

# The one order of cards and entries: pinned first, then oldest. Views carry it as ``sort_key`` (a list of
# numbers the scripts compare in turn, ascending); queries sort by CARD_ORDER, the same rule in SQL.
CARD_ORDER = (Entry.pinned.desc(), Entry.id)


class Card(Protocol):
    """What a card's view reads of an entry: an Entry, or a row of just these columns (``cards_on_board``)."""

    @property
    def id(self) -> int: ...
    @property
    def activity_id(self) -> int: ...
    @property
    def lane(self) -> str: ...
    @property
    def shown_text(self) -> str: ...
    @property
    def pinned(self) -> bool: ...
    @property
    def starred(self) -> bool: ...
    @property
    def source(self) -> str: ...
    @property
    def theme_id(self) -> int | None: ...


class EntryFields(Card, Protocol):
    """What the views read of an entry: an Entry, or the ``StoredEntry`` a batch of new entries is told as."""

    @property
    def participant_id(self) -> int | None: ...
    @property
    def client_key(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def flags(self) -> list[str]: ...
    @property
    def status(self) -> str: ...
    @property
    def concern(self) -> str | None: ...
    @property
    def group(self) -> str | None: ...
    @property
    def age_band(self) -> str | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def answered_at(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """A new entry as its batch stored it: the values the batch inserted and the id the database gave it. A
    burst of entries is told to the views and acked from these, not from an ORM object per entry (building and
    tracking those was a good share of a batch's CPU). A new entry has no moderation, answer or theme yet."""

    id: int
    event_id: int
    activity_id: int
    participant_id: int | None
    client_key: str
    lane: str
    text: str
    shown_text: str
    flags: list[str]
    status: str
    concern: str | None
    pinned: bool
    starred: bool
    source: str
    group: str | None
    age_band: str | None
    created_at: datetime
    answered_at: datetime | None = None
    theme_id: int | None = None


def sort_key(response: Card) -> list[int]:
    return [0 if response.pinned else 1, response.id]


def card_view(response: Card) -> dict[str, Any]:
    """A card as the projector and phones show it: redacted text, nothing about its author. ``response``
    may also be a row of just these columns (``cards_on_board``)."""
    return {
        "id": response.id,
        "activity_id": response.activity_id,
        "lane": response.lane,
        "text": response.shown_text,
        "pinned": response.pinned,
        "starred": response.starred,
        "paper": response.source == "paper",
        "sms": response.source == "sms",
        "theme_id": response.theme_id,
        "sort_key": sort_key(response),
    }


def staff_view(response: EntryFields) -> dict[str, Any]:
    """A card as the moderation queue shows it: the original text, its checks and state."""
    return card_view(response) | {
        "original": response.text,
        "status": response.status,
        "flags": list(response.flags),
        "group": response.group,
        "age_band": response.age_band,
        "created_at": response.created_at.isoformat(),
        "edited": response.text != response.shown_text and not response.flags,
        "answered": response.answered_at is not None,
        "concern": response.concern,
    }


def withheld_view(response: EntryFields) -> dict[str, Any]:
    """A held entry as a moderator's console hears of it: that it left the queue, not what it says."""
    return {
        "id": response.id,
        "activity_id": response.activity_id,
        "lane": response.lane,
        "status": "held",
        "withheld": True,
    }


def own_entry_view(response: EntryFields) -> dict[str, Any]:
    """An entry as its author sees it on their phone. A held entry only ever reads as 'received'."""
    state = {"approved": "on_board", "hidden": "not_shown"}.get(response.status, "waiting")
    return {
        "id": response.id,
        "client_key": response.client_key,
        "activity_id": response.activity_id,
        "lane": response.lane,
        "text": response.shown_text,
        "state": state,
    }


def own_entries(participant: Participant, activity_id: int | None) -> list[Entry]:
    if activity_id is None:
        return []
    return list(
        db.session.scalars(
            select(Entry)
            .where(Entry.participant_id == participant.id, Entry.activity_id == activity_id)
            .order_by(Entry.id.desc())
            .limit(100)
        )
    )


def approved_cards(activity_id: int) -> list[Entry]:
    return list(
        db.session.scalars(
            select(Entry).where(Entry.activity_id == activity_id, Entry.status == "approved").order_by(*CARD_ORDER)
        )
    )


def cards_on_board(activity_id: int) -> list[dict[str, Any]]:
    """The approved cards' views, read as plain rows: a board can hold thousands, and loading each as an ORM
    object took a few hundred ms of an activity switch, while every phone waited."""
    rows = db.session.execute(
        select(
            Entry.id,
            Entry.activity_id,
            Entry.lane,
            Entry.shown_text,
            Entry.pinned,
            Entry.starred,
            Entry.source,
            Entry.theme_id,
        )
        .where(Entry.activity_id == activity_id, Entry.status == "approved")
        .order_by(*CARD_ORDER)
    )
    return [card_view(row) for row in rows]


def counts(activity_id: int) -> dict[str, Any]:
    """Entries received and shown: the room can see that moderation is not silencing anyone."""
    received, shown = db.session.execute(
        select(func.count(Entry.id), func.count(case((Entry.status == "approved", 1)))).where(
            Entry.activity_id == activity_id
        )
    ).one()
    return {"received": received, "shown": shown}


def entry_for_staff(entry: EntryFields, *, may_safeguard: bool) -> dict[str, Any]:
    """Who may read a held entry: staff who safeguard (the lead, facilitators) read every one. Other staff see a
    possible concern in their queue, marked, waiting for the lead's review; of a high concern they learn only
    that it left their queue, and its text never reaches them."""
    if entry.status != "held" or may_safeguard or entry.concern == "possible":
        return staff_view(entry)
    return withheld_view(entry)


def entries_for_staff(activity_id: int, *, may_safeguard: bool) -> list[dict[str, Any]]:
    """An activity's entries as a staff member's console lists them (held ones only for those who safeguard)."""
    query = select(Entry).where(Entry.activity_id == activity_id)
    if not may_safeguard:
        query = query.where(or_(Entry.status != "held", Entry.concern == "possible"))
    return [
        entry_for_staff(entry, may_safeguard=may_safeguard) for entry in db.session.scalars(query.order_by(*CARD_ORDER))
    ]


def themes_view(activity: Activity) -> list[dict[str, Any]]:
    """The board's themes with their approved cards' count, largest first."""
    counts = dict(
        db.session.execute(
            select(Entry.theme_id, func.count(Entry.id))
            .where(Entry.activity_id == activity.id, Entry.status == "approved", Entry.theme_id.is_not(None))
            .group_by(Entry.theme_id)
        ).all()
    )
    themes = db.session.scalars(select(Theme).where(Theme.activity_id == activity.id).order_by(Theme.id))
    views = [{"id": t.id, "name": t.name, "name_sw": t.name_sw, "count": counts.get(t.id, 0)} for t in themes]
    return sorted(views, key=lambda v: (-v["count"], v["id"]))
