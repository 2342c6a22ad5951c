"""The record as data sheets, one per kind (entries, votes, ratings, asks, answers, commitments, notes),
with typed columns, for ``to_csv`` and ``to_xlsx``. Entries are listed one by one (they are the words the
room saw); votes and ratings are counted, never listed, so that no row is one child's choice.

The same rules as the report: only what ``record`` let through, text redacted, participants only as group
and age band, and a group of fewer than five people in an activity (or among an answer's raters) never
named: it is folded into "Smaller groups combined", or the column reads "not shown" for that activity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from facilitator.agenda.models import Activity, AgendaSession
from facilitator.asks.models import SECTOR_NAMES
from facilitator.events import times
from facilitator.notes.models import NOTE_KIND_NAMES
from facilitator.reports import groups
from facilitator.reports.content import COMMITMENT_STATUS_NAMES, ENTRY_STATUS_NAMES, KIND_NAMES, RATING_NAMES
from facilitator.reports.record import Ballot, Rating, Record, RecordedEntry

KINDS = ("entries", "votes", "ratings", "asks", "answers", "commitments", "notes")
NOT_SHOWN = "not shown (small group)"


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "text"  # text | int | float | date | datetime (the event's wall clock, see in_event_zone)
    width: float = 14


@dataclass
class Sheet:
    name: str
    columns: list[Column]
    rows: list[list[Any]]


def build(record: Record, kinds: tuple[str, ...] = KINDS) -> list[Sheet]:
    makers = {
        "entries": _entries,
        "votes": _votes,
        "ratings": _ratings,
        "asks": _asks,
        "answers": _answers,
        "commitments": _commitments,
        "notes": _notes,
    }
    return [_in_event_zone(makers[kind](record), record) for kind in kinds]


def _in_event_zone(sheet: Sheet, record: Record) -> Sheet:
    """Times as the venue's clocks showed them, the zone named in the column ("written (Africa/Nairobi)"):
    a spreadsheet has no time zones, and a rapporteur reads 14:05, not 11:05 UTC."""
    zone = record.event.time_zone
    return Sheet(
        sheet.name,
        [Column(f"{c.name} ({zone})", c.type, c.width) if c.type == "datetime" else c for c in sheet.columns],
        [
            [
                times.in_event_zone(value, record.event).replace(tzinfo=None) if isinstance(value, datetime) else value
                for value in row
            ]
            for row in sheet.rows
        ],
    )


def _group_labeller(rows: Sequence[RecordedEntry | Ballot | Rating]) -> Callable[[Any, str], str]:
    """Group and age band as a sheet may show them for these rows (one activity's, or one answer's)."""
    mappings = {
        attribute: groups.shown_groups(groups.people_by(rows, attribute), attribute)
        for attribute in ("group", "age_band")
    }

    labels: dict[tuple[str, str | None], str] = {}

    def shown(row: Any, attribute: str) -> str:
        key = (attribute, getattr(row, attribute))
        if key not in labels:
            mapping = mappings[attribute]
            labels[key] = NOT_SHOWN if mapping is None else groups.label(attribute, mapping[key[1] or groups.NOT_SAID])
        return labels[key]

    return shown


def _context(record: Record) -> tuple[dict[int, AgendaSession], dict[int, Activity]]:
    sessions = {s.id: s for s in record.agenda}
    activities = {a.id: a for rows in record.activities.values() for a in rows}
    return sessions, activities


def _entries(record: Record) -> Sheet:
    sessions, activities = _context(record)
    themes: dict[int | None, str] = {t.id: t.name for rows in record.themes.values() for t in rows}
    rows = []
    for activity in record.all_activities():
        entries = record.entries.get(activity.id, [])
        if not entries:
            continue
        shown = _group_labeller(entries)
        lanes = {lane["key"]: lane.get("name") or lane["key"] for lane in activity.lanes}
        for e in entries:
            rows.append(
                [
                    e.id,
                    sessions[activity.session_id].title,
                    activity.title,
                    KIND_NAMES.get(activity.kind),
                    lanes.get(e.lane, e.lane),
                    themes.get(e.theme_id, ""),
                    e.text,
                    ENTRY_STATUS_NAMES.get(e.status, e.status),
                    shown(e, "group"),
                    shown(e, "age_band"),
                    e.upvotes,
                    "yes" if e.starred else "",
                    "yes" if e.pinned else "",
                    e.source,
                    "yes" if e.answered else "",
                    e.created_at,
                ]
            )
    return Sheet(
        "entries",
        [
            Column("entry", "int", 8),
            Column("session", width=30),
            Column("activity", width=30),
            Column("activity kind", width=14),
            Column("column", width=22),
            Column("theme", width=22),
            Column("text", width=60),
            Column("status", width=12),
            Column("group", width=22),
            Column("age band", width=14),
            Column("upvotes", "int", 9),
            Column("starred", width=8),
            Column("pinned", width=8),
            Column("source", width=8),
            Column("answered", width=9),
            Column("written", "datetime", 17),
        ],
        rows,
    )


def _votes(record: Record) -> Sheet:
    """Votes counted, not listed: one row per answer (a poll's option, a scale's value, a ranked item at a
    position) and group and age band, with how many voted so. No row is one child's vote."""
    sessions, _ = _context(record)
    rows = []
    for activity in record.all_activities():
        ballots = record.ballots.get(activity.id, [])
        if not ballots:
            continue
        shown = _group_labeller(ballots)
        options = [o.get("text", "") for o in activity.options]
        counts: Counter[tuple[int, int | None, tuple[str, str]]] = Counter()  # (option, place, who)
        for b in ballots:
            who = (shown(b, "group"), shown(b, "age_band"))
            if activity.kind == "ranking":
                for place, option in enumerate(b.ranking or [], start=1):
                    if isinstance(option, int) and option < len(options):
                        counts[(option, place, who)] += 1
            elif b.choice is not None:
                counts[(b.choice, None, who)] += 1
        for (choice, position, (group, age_band)), count in sorted(
            counts.items(), key=lambda item: (item[0][0], item[0][1] or 0, item[0][2])
        ):
            value: int | None  # the option's number, or its place in a ranking
            if activity.kind == "poll":
                answer, value = (options[choice] if choice < len(options) else ""), choice + 1
            elif activity.kind == "ranking":
                answer, value = options[choice], position
            else:
                answer, value = str(choice), choice
            rows.append(
                [
                    sessions[activity.session_id].title,
                    activity.title,
                    KIND_NAMES.get(activity.kind),
                    answer,
                    value,
                    group,
                    age_band,
                    count,
                ]
            )
    return Sheet(
        "votes",
        [
            Column("session", width=30),
            Column("activity", width=30),
            Column("activity kind", width=14),
            Column("answer", width=40),
            Column("value (option, rating or rank)", "int", 14),
            Column("group", width=22),
            Column("age band", width=16),
            Column("votes", "int", 8),
        ],
        rows,
    )


def _ratings(record: Record) -> Sheet:
    """The children's ratings of each answer, counted by rating, group and age band."""
    rows = []
    for ask in record.asks:
        for answer in record.answers.get(ask.id, []):
            ratings = record.ratings.get(answer.id, [])
            if not ratings:
                continue
            shown = _group_labeller(ratings)
            organisation = record.organisations[answer.organisation_id].name
            counts = Counter((r.rating, shown(r, "group"), shown(r, "age_band")) for r in ratings)
            order = {rating: index for index, rating in enumerate(RATING_NAMES)}
            for (rating, group, age_band), count in sorted(
                counts.items(), key=lambda i: (order.get(i[0][0], 9), i[0][1:])
            ):
                rows.append(
                    [
                        record.ask_numbers[ask.id],
                        ask.text,
                        organisation,
                        RATING_NAMES.get(rating, rating),
                        group,
                        age_band,
                        count,
                    ]
                )
    return Sheet(
        "ratings",
        [
            Column("ask", "int", 6),
            Column("ask text", width=50),
            Column("organisation", width=30),
            Column("rating", width=14),
            Column("group", width=22),
            Column("age band", width=16),
            Column("ratings", "int", 9),
        ],
        rows,
    )


def _asks(record: Record) -> Sheet:
    titles: dict[int | None, str] = {s.id: s.title for s in record.agenda}  # looked up with an ask's origin, if any
    rows = []
    for ask in record.asks:
        assigned = record.assigned.get(ask.id, [])
        approved = {a.organisation_id for a in record.answers.get(ask.id, []) if a.status == "approved"}
        names = record.organisations
        rows.append(
            [
                record.ask_numbers[ask.id],
                ask.text,
                ask.text_sw or "",
                titles.get(record.ask_origin.get(ask.id), ""),
                "; ".join(names[o].name for o in assigned),
                "; ".join(names[o].name for o in sorted(approved, key=lambda o: names[o].name)),
                "; ".join(names[o].name for o in assigned if o not in approved),
                "yes" if not approved else "",
            ]
        )
    return Sheet(
        "asks",
        [
            Column("ask", "int", 6),
            Column("text", width=50),
            Column("text (Kiswahili)", width=40),
            Column("raised in", width=30),
            Column("put to", width=40),
            Column("answered by", width=40),
            Column("not answered by", width=40),
            Column("unanswered", width=11),
        ],
        rows,
    )


def _answers(record: Record) -> Sheet:
    rows = []
    for ask in record.asks:
        for answer in record.answers.get(ask.id, []):
            organisation = record.organisations[answer.organisation_id]
            counts = Counter(r.rating for r in record.ratings.get(answer.id, []))
            rows.append(
                [
                    record.ask_numbers[ask.id],
                    ask.text,
                    organisation.name,
                    SECTOR_NAMES.get(organisation.sector, organisation.sector),
                    answer.shown_text,
                    ENTRY_STATUS_NAMES.get(answer.status, answer.status),
                    counts["satisfied"],
                    counts["not_sure"],
                    counts["not_satisfied"],
                    sum(counts.values()),
                    answer.updated_at or answer.created_at,
                ]
            )
    return Sheet(
        "answers",
        [
            Column("ask", "int", 6),
            Column("ask text", width=50),
            Column("organisation", width=30),
            Column("sector", width=24),
            Column("answer", width=60),
            Column("status", width=12),
            Column("satisfied", "int", 10),
            Column("not sure", "int", 10),
            Column("not satisfied", "int", 12),
            Column("ratings", "int", 9),
            Column("answered", "datetime", 17),
        ],
        rows,
    )


def _commitments(record: Record) -> Sheet:
    rows = []
    for c in record.register["commitments"]:
        rows.append(
            [
                record.ask_numbers.get(c["ask_id"]),
                c["ask"],
                c["organisation"],
                SECTOR_NAMES.get(c["sector"], c["sector"]),
                c["what"],
                c["owner"],
                date.fromisoformat(c["due_on"]) if c["due_on"] else None,
                COMMITMENT_STATUS_NAMES.get(c["status"], c["status"]),
                c["progress_note"] or "",
            ]
        )
    return Sheet(
        "commitments",
        [
            Column("ask", "int", 6),
            Column("ask text", width=50),
            Column("organisation", width=30),
            Column("sector", width=24),
            Column("commitment", width=60),
            Column("owner", width=28),
            Column("due", "date", 12),
            Column("status", width=12),
            Column("progress note", width=40),
        ],
        rows,
    )


def _notes(record: Record) -> Sheet:
    titles = {s.id: s.title for s in record.agenda}
    rows = [
        [
            titles.get(n.session_id, ""),
            NOTE_KIND_NAMES.get(n.kind, n.kind),
            n.text,
            n.action_owner or "" if n.kind == "action" else "",
            n.action_due_on if n.kind == "action" else None,
            n.author,
            n.created_at,
            n.updated_at,
        ]
        for s in record.sessions
        for n in record.notes.get(s.id, [])
    ]
    return Sheet(
        "notes",
        [
            Column("session", width=30),
            Column("kind", width=15),
            Column("note", width=70),
            Column("action owner", width=28),
            Column("due", "date", 12),
            Column("written by", width=20),
            Column("written", "datetime", 17),
            Column("updated", "datetime", 17),
        ],
        rows,
    )


def plain(value: Any, column: Column) -> Any:
    """A value as text, for CSV: dates in ISO form, times to the minute (in the event's zone)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value
