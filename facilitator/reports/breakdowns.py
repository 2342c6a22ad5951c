"""Breakdowns of an activity's entries and votes by the group people speak for and by children's age band,
as report tables. Only what ``groups.shown_groups`` allows is shown: no group of fewer than five people."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from facilitator.agenda.models import WRITTEN_KINDS, Activity
from facilitator.reports import groups
from facilitator.reports.document import Block, Cell, Heading, Paragraph, Table
from facilitator.reports.record import Ballot, Rating, Record, RecordedEntry

_Row = TypeVar("_Row", RecordedEntry, Ballot, Rating)

VOTE_KINDS = ("poll", "scale", "ranking")


def lane_names(activity: Activity) -> dict[str, str]:
    return {lane["key"]: lane.get("name") or lane["key"] for lane in activity.lanes}


def activity_breakdowns(record: Record, activity: Activity) -> list[Block]:
    """Tables by group and by age band for one activity, under the small-group rule, or why there are none."""
    if activity.kind in WRITTEN_KINDS:
        return _breakdowns(activity, record.entries.get(activity.id, []), _entry_breakdown)
    if activity.kind in VOTE_KINDS:
        make = {"poll": _poll_breakdown, "scale": _scale_breakdown, "ranking": _ranking_breakdown}[activity.kind]
        return _breakdowns(activity, record.ballots.get(activity.id, []), make)
    return []


def _breakdowns(
    activity: Activity, rows: list[_Row], make: Callable[[Activity, list[_Row], str, dict[str, str]], Table]
) -> list[Block]:
    if not rows:
        return []
    blocks: list[Block] = []
    left_out = []
    for attribute, title in (("group", "By group"), ("age_band", "By age band")):
        people = groups.people_by(rows, attribute)
        mapping = groups.shown_groups(people, attribute)
        if mapping is None:
            if len(people) > 1:
                left_out.append(title[3:])
            continue
        blocks.append(Heading(3, title))
        blocks.append(make(activity, rows, attribute, mapping))
    if left_out:
        blocks.append(
            Paragraph(
                f"Not broken down by {' or '.join(left_out)}: a group of fewer than "
                f"{groups.MIN_GROUP_SIZE} people would stand out.",
                tone="muted",
            )
        )
    return blocks


def split_rows(rows: list[_Row], attribute: str, mapping: dict[str, str]) -> dict[str, list[_Row]]:
    """Rows by the group they are shown under (their own, or the combined one)."""
    split: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        split[mapping[getattr(row, attribute) or groups.NOT_SAID]].append(row)
    return split


def count_people(rows: Sequence[RecordedEntry | Ballot | Rating]) -> int:
    """How many people the rows come from; one without a participant (paper, purged) counts as one."""
    return len({r.person if r.person is not None else ("anonymous", i) for i, r in enumerate(rows)})


def _entry_breakdown(activity: Activity, rows: list[RecordedEntry], attribute: str, mapping: dict[str, str]) -> Table:
    lanes = lane_names(activity)
    several = len(lanes) > 1 and activity.kind == "board"
    split = split_rows(rows, attribute, mapping)
    columns = ["Group" if attribute == "group" else "Age band"]
    columns += (list(lanes.values()) if several else []) + ["Entries", "People"]
    table_rows = []
    for key in groups.display_order(mapping):
        members = split.get(key, [])
        lane_counts = Counter(e.lane for e in members)
        table_rows.append(
            [groups.label(attribute, key)]
            + ([lane_counts[k] for k in lanes] if several else [])
            + [len(members), count_people(members)]
        )
    return Table(columns, table_rows, numeric=[False] + [True] * (len(columns) - 1))


def _poll_breakdown(activity: Activity, rows: list[Ballot], attribute: str, mapping: dict[str, str]) -> Table:
    """Options down, groups across: the options' wording is long, the groups are few."""
    options = [o.get("text", "") for o in activity.options]
    split = split_rows(rows, attribute, mapping)
    keys = groups.display_order(mapping)
    choices = {key: Counter(b.choice for b in split.get(key, [])) for key in keys}
    table_rows = [[text] + [choices[key][index] for key in keys] for index, text in enumerate(options)]
    table_rows.append(["People who voted"] + [count_people(split.get(key, [])) for key in keys])
    return Table(
        ["Option"] + [groups.label(attribute, key) for key in keys],
        table_rows,
        numeric=[False] + [True] * len(keys),
        widths=[4] + [1.5] * len(keys),
    )


def _scale_breakdown(activity: Activity, rows: list[Ballot], attribute: str, mapping: dict[str, str]) -> Table:
    split = split_rows(rows, attribute, mapping)
    table_rows: list[list[Cell]] = []
    for key in groups.display_order(mapping):
        values = [b.choice for b in split.get(key, []) if b.choice is not None]
        table_rows.append(
            [
                groups.label(attribute, key),
                count_people(split.get(key, [])),
                f"{sum(values) / len(values):.1f}" if values else "–",
            ]
        )
    return Table(
        ["Group" if attribute == "group" else "Age band", "People", "Average"], table_rows, numeric=[False, True, True]
    )


def _ranking_breakdown(activity: Activity, rows: list[Ballot], attribute: str, mapping: dict[str, str]) -> Table:
    options = [o.get("text", "") for o in activity.options]
    split = split_rows(rows, attribute, mapping)
    table_rows = []
    for key in groups.display_order(mapping):
        sums: Counter[int] = Counter()
        rankings = [b.ranking for b in split.get(key, []) if b.ranking]
        for order in rankings:
            for position, option in enumerate(order, start=1):
                sums[option] += position
        top = min(sums, key=lambda option: (sums[option], option)) if sums else None
        table_rows.append(
            [
                groups.label(attribute, key),
                count_people(split.get(key, [])),
                options[top] if top is not None and top < len(options) else "–",
            ]
        )
    return Table(
        ["Group" if attribute == "group" else "Age band", "People", "Ranked highest"],
        table_rows,
        numeric=[False, True, False],
        widths=[2, 1, 4],
    )
