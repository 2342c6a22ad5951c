"""What a report of an event, or of one of its sessions, says, and in what order. Every format (DOCX,
Markdown, HTML) renders the ``Report`` built here, so they say the same thing.

Order: a title page (title, organisers, venue, dates, the time zone every time is in); the figures at a glance;
the agenda; each session with the activities that ran, i.e. were opened at least once (prompts,
how many entries were received, shown, held by moderation and flagged for safeguarding, themes with
counts and representative quotes, results as tables, breakdowns by group and age band from ``breakdowns``)
and the rapporteur's notes; the children's asks with the duty bearers' answers, commitments and ratings, and
every ask nobody answered; the commitments register; the recommendations and actions from the notes;
an annex of the entries themselves when there are not too many to print; an annex of the activities planned
but never opened, which nothing else counts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from facilitator.agenda.models import SESSION_KIND_NAMES, WRITTEN_KINDS, Activity, AgendaSession
from facilitator.asks.models import RATINGS, SECTOR_NAMES, DutyBearerAnswer
from facilitator.events import times
from facilitator.reports import breakdowns, groups
from facilitator.reports.document import Block, BulletList, Cell, Heading, Paragraph, Quote, Report, Table
from facilitator.reports.record import NoteRow, Rating, Record, RecordedEntry
from facilitator.web.i18n import LANGUAGE_NAMES

KIND_NAMES = {
    "board": "Board",
    "wordcloud": "Word cloud",
    "poll": "Poll",
    "scale": "Rating scale",
    "ranking": "Ranking",
    "qna": "Questions to the panel",
    "response": "Duty bearers' response",
}
RATING_NAMES = {"satisfied": "Satisfied", "not_sure": "Not sure", "not_satisfied": "Not satisfied"}
COMMITMENT_STATUS_NAMES = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "delayed": "Delayed",
    "dropped": "Dropped",
}
ENTRY_STATUS_NAMES = {"approved": "shown", "pending": "waiting for moderation", "hidden": "hidden by a moderator"}
NOT_ANSWERED_WHY = {
    None: "no answer",
    "pending": "answer waiting for a moderator",
    "held": "answer waiting for a moderator",
    "hidden": "answer not approved",
}
QUOTES_PER_THEME = 3
QUOTES_PER_LANE = 5
TOP_WORDS = 30
TOP_QUESTIONS = 25
# Up to this many entries the annex prints them all; beyond, the data export carries them.
ANNEX_LIMIT = 400


def build(record: Record) -> Report:
    blocks: list[Block] = []
    if record.session is None:
        blocks += _at_a_glance(record)
    blocks += _agenda(record)
    for session in record.sessions:
        if session.kind == "break" and not record.activities_run(session) and not record.notes.get(session.id):
            continue
        blocks += _session(record, session)
    blocks += _asks(record)
    blocks += _register(record)
    blocks += _recommendations(record)
    blocks += _annex(record)
    blocks += _not_run(record)
    event = record.event
    if record.session is None:
        kind = "Report of the event"
    else:
        kind = f"Session report: {record.session.title}"
    facts = []
    if event.organisers:
        facts.append(("Organised by", event.organisers))
    if event.venue:
        facts.append(("Venue", event.venue))
    if event.starts_on:
        facts.append(("Dates", date_range(event.starts_on, event.ends_on)))
    if record.session is not None:
        facts.append(("Session", _when(record.session)))
    facts.append(("Times", f"{event.time_zone}, the venue's local time"))
    prepared = times.in_event_zone(record.generated_at, event).date()
    facts.append(("Prepared", f"{long_date(prepared)}, from the live record"))
    facts.append(
        (
            "Contents",
            "Full staff export: every entry except those held for safeguarding"
            if record.full
            else "Approved entries only, personal details redacted",
        )
    )
    return Report(
        title=event.title,
        subtitle=event.subtitle,
        kind=kind,
        facts=facts,
        notices=_notices(record),
        full=record.full,
        blocks=blocks,
    )


# --- Dates and small words -------------------------------------------------------------------------


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def date_range(start: date, end: date | None) -> str:
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{long_date(start)} – {long_date(end)}"


def _when(session: AgendaSession) -> str:
    hours = (
        f"{session.starts_at}–{session.ends_at}" if session.starts_at and session.ends_at else (session.starts_at or "")
    )
    return ", ".join(part for part in (f"Day {session.day}", hours) if part)


def session_heading(session: AgendaSession) -> str:
    """Sessions of the two days may share a title ("Evidence sharing"): the day tells them apart."""
    return f"Day {session.day} · {session.title}"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _notices(record: Record) -> list[str]:
    notices = [
        "Participants joined from their phones without giving a name. Entries appear as they were written, after "
        "moderation, with personal details (phone numbers, e-mail addresses, links, names) replaced by a "
        "bracketed note such as [phone number removed].",
        f"Where views are broken down, it is only by the group people said they speak for and by children's age "
        f"band. A group of fewer than {groups.MIN_GROUP_SIZE} people is never shown on its own: it is combined with "
        f"other small groups, or the breakdown is left out.",
        "Entries held for the safeguarding lead are not in this report, only their number.",
    ]
    if record.full:
        notices.insert(
            0,
            "FULL STAFF EXPORT, for the organising team only: it also contains entries that "
            "moderators did not approve, marked as such. Do not circulate.",
        )
    return notices


# --- Figures at a glance and the agenda ---------------------------------------------------------------


def _entry_counts(record: Record, activity: Activity) -> dict[str, int]:
    """Received, shown, held by moderation (waiting or hidden) and flagged for safeguarding (held)."""
    if activity.kind in breakdowns.VOTE_KINDS:
        voters = breakdowns.count_people(record.ballots.get(activity.id, []))
        return {"received": voters, "shown": voters, "moderation": 0, "safeguarding": 0}
    if activity.kind == "response":
        ask_id = activity.settings.get("ask_id")
        statuses = Counter(status for (answer_ask, _), status in record.answer_statuses.items() if answer_ask == ask_id)
    else:
        statuses = record.status_counts.get(activity.id, Counter())
    return {
        "received": sum(statuses.values()),
        "shown": statuses["approved"],
        "moderation": statuses["pending"] + statuses["hidden"],
        "safeguarding": statuses["held"],
    }


def _counts_line(counts: dict[str, int], kind: str) -> str:
    noun = {"poll": "responses", "scale": "responses", "ranking": "responses", "response": "answers"}.get(
        kind, "entries"
    )
    return (
        f"{counts['received']} {noun} received, {counts['shown']} shown, {counts['moderation']} held by "
        f"moderation, {counts['safeguarding']} flagged for safeguarding."
    )


def _at_a_glance(record: Record) -> list[Block]:
    activities = record.activities_run()
    totals: Counter[str] = Counter()
    by_sms = 0
    for activity in activities:
        if activity.kind in WRITTEN_KINDS:
            totals.update(_entry_counts(record, activity))
            by_sms += record.source_counts.get(activity.id, Counter())["sms"]
    votes = sum(len(record.ballots.get(a.id, [])) for a in activities)
    approved_answers = sum(1 for answers in record.answers.values() for a in answers if a.status == "approved")
    unanswered = [ask for ask in record.asks if not _approved(record, ask.id)]
    all_notes = [n for s in record.sessions for n in record.notes.get(s.id, [])]
    rows: list[list[Cell]] = [
        ["Sessions with activities run", sum(1 for s in record.sessions if record.activities_run(s))],
        ["Activities run", len(activities)],
        ["Activities planned but not run (listed in the last annex)", len(record.activities_not_run())],
        ["Entries received", totals["received"]],
        ["of which by SMS", by_sms],
        ["Entries shown (approved by moderators)", totals["shown"]],
        ["Entries held by moderation", totals["moderation"]],
        ["Entries flagged for safeguarding (not in this report)", totals["safeguarding"]],
        ["Votes cast in polls, scales and rankings", votes],
        ["Children's asks put to duty bearers", len(record.asks)],
        ["Answers from duty bearers", approved_answers],
        ["Commitments", len(record.register["commitments"])],
        ["Asks no organisation answered", len(unanswered)],
        ["Recommendations in the rapporteurs' notes", sum(1 for n in all_notes if n.kind == "recommendation")],
        ["Actions in the rapporteurs' notes", sum(1 for n in all_notes if n.kind == "action")],
    ]
    blocks: list[Block] = [Heading(1, "At a glance"), Table(["", "Number"], rows, numeric=[False, True], widths=[5, 1])]
    mapping = groups.shown_groups(record.participants, "group") if record.participants else None
    blocks.append(Heading(2, "Who took part"))
    if mapping:
        sizes: Counter[str] = Counter()
        for key, people in record.participants.items():
            sizes[mapping[key]] += len(people)
        rows = [[groups.label("group", key), sizes[key]] for key in groups.display_order(mapping)]
        rows.append(["Everyone", sum(sizes.values())])
        blocks.append(Paragraph("Phones that joined, by the group their user said they speak for."))
        blocks.append(Table(["Group", "People"], rows, numeric=[False, True], widths=[5, 1]))
    elif record.participants:
        blocks.append(
            Paragraph(
                f"{_plural(sum(len(p) for p in record.participants.values()), 'phone')} joined. "
                f"They are not broken down by group: a group of fewer than "
                f"{groups.MIN_GROUP_SIZE} people would stand out."
            )
        )
    else:
        blocks.append(
            Paragraph(
                "The participants' records have been purged after the event; the entries and "
                "votes below keep their group and age band.",
                tone="muted",
            )
        )
    return blocks


def _agenda(record: Record) -> list[Block]:
    rows = []
    for session in record.agenda:
        hours = f"{session.starts_at or ''}–{session.ends_at or ''}".strip("–")
        ran = [a.title for a in record.activities_run(session)]
        not_run = len(record.activities.get(session.id, [])) - len(ran)
        if not_run:
            ran.append(f"({_plural(not_run, 'planned activity', 'planned activities')} not run: see the last annex)")
        rows.append([f"Day {session.day}", hours, session.title, "\n".join(ran)])
    return [Heading(1, "Agenda"), Table(["Day", "Time", "Session", "Activities"], rows, widths=[1.1, 2.0, 3.4, 4.0])]


# --- A session ---------------------------------------------------------------------------------------


def _session(record: Record, session: AgendaSession) -> list[Block]:
    kind = SESSION_KIND_NAMES.get(session.kind, session.kind.replace("_", " ").capitalize())
    hours = f"{session.starts_at}–{session.ends_at}" if session.starts_at and session.ends_at else session.starts_at
    blocks: list[Block] = [
        Heading(1, session_heading(session)),
        Paragraph(" · ".join(part for part in (hours, kind) if part), tone="muted"),
    ]
    activities = record.activities_run(session)
    if not activities:
        blocks.append(Paragraph("No activities were run in this session.", tone="muted"))
    for activity in activities:
        blocks += _activity(record, activity)
    raised = [ask for ask in record.asks if record.ask_origin.get(ask.id) == session.id]
    if raised:
        blocks.append(Heading(2, "Asks raised in this session"))
        blocks.append(BulletList([f"Ask {record.ask_numbers[a.id]}: {a.text}" for a in raised]))
    blocks += _session_notes(record, session)
    return blocks


def _activity(record: Record, activity: Activity) -> list[Block]:
    audience = "for children" if activity.audience == "children" else "for everyone"
    about = [KIND_NAMES.get(activity.kind, activity.kind), audience]
    if activity.kind in WRITTEN_KINDS:
        about.append("pre-moderated" if activity.moderation == "pre" else "post-moderated")
    about_line = " · ".join(about).capitalize()
    if activity.first_opened_at is not None:
        about_line += f" · first opened {times.event_time(activity.first_opened_at, record.event, '%d %b, %H:%M')}"
    blocks: list[Block] = [Heading(2, activity.title), Paragraph(about_line, tone="muted")]
    if activity.prompt:
        blocks.append(Paragraph(activity.prompt, label="Prompt:"))
    if activity.prompt_sw:
        blocks.append(Paragraph(activity.prompt_sw, label="In Kiswahili:", tone="muted"))
    blocks.append(Paragraph(_counts_line(_entry_counts(record, activity), activity.kind), label="Counts:"))
    body = {
        "board": _board,
        "qna": _questions,
        "wordcloud": _wordcloud,
        "poll": _poll,
        "scale": _scale,
        "ranking": _ranking,
        "response": _response,
    }.get(activity.kind)
    if body:
        blocks += body(record, activity)
    blocks += breakdowns.activity_breakdowns(record, activity)
    return blocks


def _approved_only(entries: list[RecordedEntry]) -> list[RecordedEntry]:
    return [e for e in entries if e.status == "approved"]


def _representative(entries: list[RecordedEntry], limit: int) -> list[RecordedEntry]:
    """The entries the room and the facilitators singled out (starred, pinned, upvoted), then the earliest;
    one of each wording."""
    chosen, seen = [], set()
    for entry in sorted(_approved_only(entries), key=lambda e: (not e.starred, not e.pinned, -e.upvotes, e.id)):
        wording = " ".join(entry.text.casefold().split())
        if wording in seen:
            continue
        seen.add(wording)
        chosen.append(entry)
        if len(chosen) == limit:
            break
    return chosen


def _board(record: Record, activity: Activity) -> list[Block]:
    entries = record.entries.get(activity.id, [])
    if not entries:
        return [Paragraph("No entries were shown.", tone="muted")]
    lanes = breakdowns.lane_names(activity)
    several_lanes = len(lanes) > 1
    by_theme: dict[int | None, list[RecordedEntry]] = defaultdict(list)
    for entry in entries:
        by_theme[entry.theme_id].append(entry)
    themes = sorted(
        (t for t in record.themes.get(activity.id, []) if by_theme.get(t.id)),
        key=lambda t: (-len(by_theme[t.id]), t.id),
    )
    blocks: list[Block] = []
    if themes:
        blocks.append(Heading(3, "Themes"))
        columns = ["Theme"] + (list(lanes.values()) if several_lanes else []) + ["Entries"]
        rows = []
        for theme in themes + ([None] if by_theme.get(None) else []):
            in_theme = by_theme[theme.id if theme else None]
            lane_counts = Counter(e.lane for e in in_theme)
            rows.append(
                [theme.name if theme else "Not in a theme"]
                + ([lane_counts[key] for key in lanes] if several_lanes else [])
                + [len(in_theme)]
            )
        blocks.append(Table(columns, rows, numeric=[False] + [True] * (len(columns) - 1)))
        for theme in themes:
            blocks.append(Paragraph(_plural(len(by_theme[theme.id]), "entry", "entries"), label=f"{theme.name}:"))
            blocks += [
                Quote(e.text, lanes.get(e.lane) if several_lanes else None)
                for e in _representative(by_theme[theme.id], QUOTES_PER_THEME)
            ]
        if by_theme.get(None):
            blocks.append(Paragraph(_plural(len(by_theme[None]), "entry", "entries"), label="Not in a theme:"))
            blocks += [
                Quote(e.text, lanes.get(e.lane) if several_lanes else None)
                for e in _representative(by_theme[None], QUOTES_PER_THEME)
            ]
        return blocks
    for key, name in lanes.items():
        in_lane = [e for e in entries if e.lane == key]
        if not in_lane:
            continue
        blocks.append(Paragraph(_plural(len(in_lane), "entry", "entries"), label=f"{name}:"))
        blocks += [Quote(e.text) for e in _representative(in_lane, QUOTES_PER_LANE)]
    return blocks


def _questions(record: Record, activity: Activity) -> list[Block]:
    entries = sorted(_approved_only(record.entries.get(activity.id, [])), key=lambda e: (-e.upvotes, e.id))
    if not entries:
        return [Paragraph("No questions were shown.", tone="muted")]
    rows = [[e.text, e.upvotes, "Yes" if e.answered else ""] for e in entries[:TOP_QUESTIONS]]
    blocks: list[Block] = [
        Table(["Question", "Upvotes", "Answered"], rows, numeric=[False, True, False], widths=[5.5, 1.2, 1.4])
    ]
    if len(entries) > TOP_QUESTIONS:
        blocks.append(
            Paragraph(
                f"The {TOP_QUESTIONS} most upvoted of {len(entries)} questions; all are in the data export.",
                tone="muted",
            )
        )
    return blocks


def _wordcloud(record: Record, activity: Activity) -> list[Block]:
    result = record.results.get(activity.id) or {}
    words = result.get("words") or []
    if not words:
        return [Paragraph("No words were shown.", tone="muted")]
    blocks: list[Block] = [
        Paragraph(
            f"{_plural(len(words), 'different word')} from "
            f"{_plural(result['entries'], 'entry', 'entries')}; the most frequent:"
        ),
        Table(
            ["Word", "Entries"],
            [[w["word"], w["count"]] for w in words[:TOP_WORDS]],
            numeric=[False, True],
            widths=[4, 1],
        ),
    ]
    return blocks


def _poll(record: Record, activity: Activity) -> list[Block]:
    result = record.results.get(activity.id) or {}
    voters = result.get("voters", 0)
    if not voters:
        return [Paragraph("No votes were cast.", tone="muted")]
    rows = [[o["text"], o["count"], _percent(o["count"], voters)] for o in result.get("options", [])]
    blocks: list[Block] = [
        Table(["Option", "Votes", "Share of voters"], rows, numeric=[False, True, True], widths=[4.5, 1, 1.6])
    ]
    note = f"{_plural(voters, 'person', 'people')} voted."
    if result.get("multiple"):
        note += " People could choose more than one option, so the shares add up to more than 100%."
    blocks.append(Paragraph(note, tone="muted"))
    return blocks


def _scale_label(result: dict[str, Any], value: int) -> str:
    if value == result["min"] and result.get("min_label"):
        return f"{value} – {result['min_label']}"
    if value == result["max"] and result.get("max_label"):
        return f"{value} – {result['max_label']}"
    return str(value)


def _scale(record: Record, activity: Activity) -> list[Block]:
    result = record.results.get(activity.id) or {}
    if not result.get("count"):
        return [Paragraph("No ratings were given.", tone="muted")]
    rows = [
        [_scale_label(result, d["value"]), d["count"], _percent(d["count"], result["count"])]
        for d in result["distribution"]
    ]
    return [
        Paragraph(
            f"Average {result['average']:.1f} on a scale from {result['min']} to {result['max']}, "
            f"from {_plural(result['count'], 'person', 'people')}."
        ),
        Table(["Rating", "People", "Share"], rows, numeric=[False, True, True], widths=[5, 1, 1]),
    ]


def _ranking(record: Record, activity: Activity) -> list[Block]:
    result = record.results.get(activity.id) or {}
    if not result.get("rankers"):
        return [Paragraph("Nobody ranked the items.", tone="muted")]
    rows = [
        [
            position,
            item["text"],
            f"{item['average_rank']:.2f}" if item["average_rank"] is not None else "–",
            item["first_choices"],
        ]
        for position, item in enumerate(result["items"], start=1)
    ]
    return [
        Paragraph(
            f"{_plural(result['rankers'], 'person', 'people')} put the items in order; position 1 is the "
            f"most important. Items are listed by their average position."
        ),
        Table(
            ["Rank", "Item", "Average position", "Ranked first by"],
            rows,
            numeric=[True, False, True, True],
            widths=[0.9, 4.6, 1.7, 1.7],
        ),
    ]


def _response(record: Record, activity: Activity) -> list[Block]:
    ask_id = activity.settings.get("ask_id")
    number = record.ask_numbers.get(ask_id) if ask_id is not None else None
    if number is None:
        return [Paragraph("No ask was put on the screen in this activity.", tone="muted")]
    ask = next((a for a in record.asks if a.id == ask_id), None)
    text = f"Ask {number}" + (f": {ask.text}" if ask else "")
    return [
        Paragraph(
            f"{text}. The duty bearers' answers to every ask are in the chapter "
            f"“Children's asks and the duty bearers' answers”.",
            label="Last ask on the screen:",
        )
    ]


# --- The rapporteur's notes --------------------------------------------------------------------------


def _due(day: date | None) -> str:
    return day.strftime("%d %b %Y").lstrip("0") if day else "–"


def _session_notes(record: Record, session: AgendaSession) -> list[Block]:
    notes = record.notes.get(session.id, [])
    if not notes:
        return []
    blocks: list[Block] = [Heading(2, "Rapporteur's notes")]
    by_kind: dict[str, list[NoteRow]] = defaultdict(list)
    for note in notes:
        by_kind[note.kind].append(note)
    if by_kind["key_point"]:
        blocks += [Heading(3, "Key points"), BulletList([n.text for n in by_kind["key_point"]])]
    if by_kind["recommendation"]:
        blocks += [Heading(3, "Recommendations"), BulletList([n.text for n in by_kind["recommendation"]])]
    if by_kind["action"]:
        blocks += [
            Heading(3, "Actions"),
            Table(
                ["Action", "Owner", "Due"],
                [[n.text, n.action_owner or "–", _due(n.action_due_on)] for n in by_kind["action"]],
                widths=[5, 2.5, 1.5],
            ),
        ]
    if by_kind["note"]:
        blocks.append(Heading(3, "Notes"))
        blocks += [Paragraph(n.text) for n in by_kind["note"]]
    return blocks


def _recommendations(record: Record) -> list[Block]:
    titles = {s.id: session_heading(s) for s in record.sessions}
    notes = [n for s in record.sessions for n in record.notes.get(s.id, [])]
    recommendations = [n for n in notes if n.kind == "recommendation"]
    actions = [n for n in notes if n.kind == "action"]
    blocks: list[Block] = [Heading(1, "Recommendations and actions"), Heading(2, "Recommendations")]
    if recommendations:
        blocks.append(BulletList([f"{n.text} ({titles[n.session_id]})" for n in recommendations]))
    else:
        blocks.append(Paragraph("The rapporteurs' notes record no recommendations.", tone="muted"))
    blocks.append(Heading(2, "Actions"))
    if actions:
        actions.sort(key=lambda n: (n.action_due_on is None, n.action_due_on or date.max))
        blocks.append(
            Table(
                ["Action", "Owner", "Due", "Session"],
                [[n.text, n.action_owner or "–", _due(n.action_due_on), titles[n.session_id]] for n in actions],
                widths=[4.2, 2.2, 1.5, 2.5],
            )
        )
    else:
        blocks.append(Paragraph("The rapporteurs' notes record no actions.", tone="muted"))
    return blocks


# --- Asks, answers, ratings and the register -------------------------------------------------------------


def _approved(record: Record, ask_id: int) -> list[DutyBearerAnswer]:
    return [a for a in record.answers.get(ask_id, []) if a.status == "approved"]


def _organisation(record: Record, organisation_id: int) -> str:
    organisation = record.organisations[organisation_id]
    return f"{organisation.name} ({SECTOR_NAMES.get(organisation.sector, organisation.sector)})"


def _asks(record: Record) -> list[Block]:
    blocks: list[Block] = [Heading(1, "Children's asks and the duty bearers' answers")]
    if not record.asks:
        return blocks + [Paragraph("No asks were put to duty bearers.", tone="muted")]
    blocks.append(
        Paragraph(
            f"{_plural(len(record.asks), 'ask')}, each with the answers a moderator approved, the commitment that came "
            f"with it and the children's ratings of the answer; every organisation that has not answered is named."
        )
    )
    titles = {s.id: s.title for s in record.agenda}
    for ask in record.asks:
        number = record.ask_numbers[ask.id]
        blocks.append(Heading(2, f"Ask {number}: {ask.text}"))
        if ask.text_sw:
            blocks.append(Paragraph(ask.text_sw, label="In Kiswahili:", tone="muted"))
        if ask.id in record.ask_origin:
            blocks.append(Paragraph(titles.get(record.ask_origin[ask.id], ""), label="Raised in:"))
        assigned = record.assigned.get(ask.id, [])
        blocks.append(
            Paragraph(
                "; ".join(_organisation(record, o) for o in assigned)
                if assigned
                else "No organisation: this ask was not put to anyone.",
                label="Put to:",
            )
        )
        for answer in record.answers.get(ask.id, []):
            blocks += _answer(record, answer)
        approved = {a.organisation_id for a in _approved(record, ask.id)}
        silent = [o for o in assigned if o not in approved]
        if not approved:
            blocks.append(Paragraph("no organisation has answered this ask.", label="Unanswered:", tone="notice"))
        if silent:
            blocks.append(
                Paragraph(
                    "; ".join(f"{_organisation(record, o)}, {_why_not_answered(record, ask.id, o)}" for o in silent),
                    label="Not answered by:",
                    tone="notice" if approved else "body",
                )
            )
    unanswered = [ask for ask in record.asks if not _approved(record, ask.id)]
    blocks.append(Heading(2, "Asks no organisation answered"))
    if unanswered:
        items = []
        for ask in unanswered:
            assigned = record.assigned.get(ask.id, [])
            to = (
                f"put to {', '.join(record.organisations[o].name for o in assigned)}"
                if assigned
                else "put to no organisation"
            )
            items.append(f"Ask {record.ask_numbers[ask.id]}: {ask.text} ({to})")
        blocks.append(BulletList(items))
    else:
        blocks.append(Paragraph("Every ask has at least one answer."))
    return blocks


def _answer(record: Record, answer: DutyBearerAnswer) -> list[Block]:
    blocks: list[Block] = [Heading(3, _organisation(record, answer.organisation_id))]
    if answer.status != "approved":
        blocks.append(
            Paragraph(
                f"Not approved by a moderator ({ENTRY_STATUS_NAMES.get(answer.status, answer.status)}).", tone="notice"
            )
        )
    blocks.append(Paragraph(answer.shown_text, label=f"In {LANGUAGE_NAMES.get(answer.language, answer.language)}:"))
    commitment = record.commitments.get(answer.id)
    if commitment:
        status = COMMITMENT_STATUS_NAMES.get(commitment.status, commitment.status)
        blocks.append(Paragraph(commitment.what, label="Commitment:"))
        blocks.append(
            Paragraph(f"Owner: {commitment.owner} · Due: {_due(commitment.due_on)} · Status: {status}", tone="muted")
        )
    blocks += _ratings(record, answer.id)
    return blocks


def _ratings(record: Record, answer_id: int) -> list[Block]:
    ratings = record.ratings.get(answer_id, [])
    if not ratings:
        return [Paragraph("No ratings yet.", label="Children's ratings:", tone="muted")]

    def row(name: str, members: list[Rating]) -> list[Cell]:
        counts = Counter(r.rating for r in members)
        return [name, *(counts[r] for r in RATINGS), len(members)]

    rows: list[list[Cell]] = [row("Everyone", ratings)]
    left_out = []
    for attribute in ("age_band", "group"):
        mapping = groups.shown_groups(groups.people_by(ratings, attribute), attribute)
        if mapping is None:
            if len({getattr(r, attribute) for r in ratings}) > 1:
                left_out.append("age band" if attribute == "age_band" else "group")
            continue
        split = breakdowns.split_rows(ratings, attribute, mapping)
        rows += [row(groups.label(attribute, key), split.get(key, [])) for key in groups.display_order(mapping)]
    blocks: list[Block] = [
        Paragraph("", label="Children's ratings of this answer:"),
        Table(
            ["Who"] + [RATING_NAMES[r] for r in RATINGS] + ["Total"],
            rows,
            numeric=[False, True, True, True, True],
            widths=[3, 1.3, 1.3, 1.6, 1],
        ),
    ]
    if left_out:
        blocks.append(
            Paragraph(
                f"Not broken down by {' or '.join(left_out)}: a group of fewer than "
                f"{groups.MIN_GROUP_SIZE} people would stand out.",
                tone="muted",
            )
        )
    return blocks


def _register(record: Record) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, "Commitments register"),
        Paragraph(
            "What each organisation committed to, who owns it and by when, from the answers a moderator approved."
        ),
    ]
    commitments = record.register["commitments"]
    if commitments:
        rows = [
            [
                record.ask_numbers.get(c["ask_id"], ""),
                c["organisation"],
                c["what"],
                c["owner"],
                _due(date.fromisoformat(c["due_on"])) if c["due_on"] else "–",
                COMMITMENT_STATUS_NAMES.get(c["status"], c["status"]),
            ]
            for c in commitments
        ]
        blocks.append(
            Table(
                ["Ask", "Organisation", "Commitment", "Owner", "Due", "Status"],
                rows,
                numeric=[True, False, False, False, False, False],
                widths=[0.9, 2.3, 4.2, 2.3, 1.6, 1.6],
            )
        )
    else:
        blocks.append(Paragraph("No commitments were made.", tone="muted"))
    waiting = record.register["unanswered"]
    blocks.append(Heading(2, "Still to answer"))
    if waiting:
        items = []
        for entry in waiting:
            who = ", ".join(entry["organisations"]) if entry["organisations"] else "put to no organisation"
            items.append(f"Ask {record.ask_numbers.get(entry['ask_id'], '')}: {entry['ask']} ({who})")
        blocks.append(BulletList(items))
    else:
        blocks.append(Paragraph("Every organisation has answered every ask put to it."))
    return blocks


# --- Annex ---------------------------------------------------------------------------------------------------


def _annex(record: Record) -> list[Block]:
    """Every entry of the boards and questions (a word cloud's words are in its table already)."""
    kinds = ("board", "qna")
    activities = [a for a in record.all_activities() if a.kind in kinds and record.entries.get(a.id)]
    total = sum(len(record.entries[a.id]) for a in activities)
    if not total:
        return []
    blocks: list[Block] = [Heading(1, "Annex: the entries")]
    if total > ANNEX_LIMIT:
        return blocks + [
            Paragraph(
                f"The {total} entries of the boards and questions are too many to print here: "
                f"they are in the data export (XLSX or CSV), in the sheet “entries”."
            )
        ]
    blocks.append(
        Paragraph(
            "Every entry of the boards and of the questions to the panel, as shown"
            + (", with entries moderators did not approve marked." if record.full else ".")
        )
    )
    sessions = {s.id: s for s in record.sessions}
    current = None
    for activity in activities:
        if activity.session_id != current:
            current = activity.session_id
            blocks.append(Heading(2, session_heading(sessions[current])))
        lanes = breakdowns.lane_names(activity)
        blocks.append(Heading(3, activity.title))
        for key, name in lanes.items():
            in_lane = [e for e in record.entries[activity.id] if e.lane == key]
            if not in_lane:
                continue
            if len(lanes) > 1:
                blocks.append(Paragraph("", label=f"{name}:"))
            blocks.append(
                BulletList(
                    [
                        e.text if e.status == "approved" else f"{e.text} [{ENTRY_STATUS_NAMES.get(e.status, e.status)}]"
                        for e in in_lane
                    ]
                )
            )
    return blocks


def _not_run(record: Record) -> list[Block]:
    """What the agenda planned and nobody opened, once, so the chapters above count and describe only what ran."""
    planned = record.activities_not_run()
    if not planned:
        return []
    sessions = {s.id: s for s in record.sessions}
    return [
        Heading(1, "Annex: activities planned but not run"),
        Paragraph(
            "These activities were on the agenda but never opened on the phones; they are not counted in this report."
        ),
        Table(
            ["Session", "Activity", "Kind"],
            [[session_heading(sessions[a.session_id]), a.title, KIND_NAMES.get(a.kind, a.kind)] for a in planned],
            widths=[3.5, 4.5, 2],
        ),
    ]


def _why_not_answered(record: Record, ask_id: int, organisation_id: int) -> str:
    return NOT_ANSWERED_WHY.get(record.answer_statuses.get((ask_id, organisation_id)), "no answer")
