"""Who said what, only ever as a group: the names of the groups participants declare, and the rule that
no group of fewer than five people is shown on its own in any export."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from facilitator.asks.views import MIN_GROUP_SIZE as MIN_GROUP_SIZE  # the reports keep the asks' rule
from facilitator.events.models import AGE_BANDS, GROUPS

GROUP_NAMES = {
    "child": "Children",
    "parent": "Parents and carers",
    "government": "Government",
    "cso": "Civil society",
    "isp_telco": "Internet and telecom providers",
    "social_media": "Social media",
    "academia": "Academia",
    "other": "Other",
}
AGE_BAND_NAMES = {band: f"Aged {band.replace('-', '–')}" for band in AGE_BANDS}
NOT_SAID = "not said"
# Where groups too small to show are folded together. Not "other": that is a group people can choose.
COMBINED = "combined"
COMBINED_NAME = "Others combined"


def label(attribute: str, key: str | None) -> str:
    if key == COMBINED:
        return COMBINED_NAME
    if key in (None, NOT_SAID):
        return "Not said"
    names = GROUP_NAMES if attribute == "group" else AGE_BAND_NAMES
    return names.get(key, key)


def order(attribute: str) -> tuple[str, ...]:
    return GROUPS if attribute == "group" else AGE_BANDS


def shown_groups(people: Mapping[str, set[Any] | frozenset[Any] | int], attribute: str) -> dict[str, str] | None:
    """The same rule as ``asks.views.ratings_view``: a group is shown when it has at least
    MIN_GROUP_SIZE people; smaller ones are folded into one combined group, which must itself reach
    MIN_GROUP_SIZE (else the total minus the others would reveal them) and no split is shown; nor is one
    when fewer than two groups remain.

    ``people`` maps each group key (None for "not said") to its people (a set, or a count). Returns each
    group key's key as shown (itself or COMBINED) in display order, or None when no split may be shown."""
    sizes = {
        (key or NOT_SAID): (len(members) if isinstance(members, (set, frozenset)) else int(members))
        for key, members in people.items()
    }
    shown = {key for key, size in sizes.items() if size >= MIN_GROUP_SIZE}
    small = [key for key in sizes if key not in shown]
    if small and sum(sizes[key] for key in small) < MIN_GROUP_SIZE:
        return None
    if len(shown) + (1 if small else 0) < 2:
        return None
    ranking = order(attribute)
    keys = sorted(shown, key=lambda k: (ranking.index(k) if k in ranking else len(ranking), k))
    mapping = {key: key for key in keys}
    mapping.update({key: COMBINED for key in small})
    return mapping


def display_order(mapping: dict[str, str]) -> list[str]:
    """The shown keys of a mapping from ``shown_groups``, the combined group last."""
    seen: list[str] = []
    for shown in mapping.values():
        if shown not in seen and shown != COMBINED:
            seen.append(shown)
    return seen + ([COMBINED] if COMBINED in mapping.values() else [])


# A person: their participant id, or someone without one (a paper card, or after the purge) as one more.
Person = int | tuple[str, int]


def people_by(rows: Iterable[Any], attribute: str) -> dict[str, set[Person]]:
    """Each group's people among ``rows`` (entries, votes or ratings with ``person``, ``group``, ``age_band``).
    Someone without a participant (a paper card, or after the purge) counts as one more person."""
    groups: dict[str, set[Person]] = {}
    for index, row in enumerate(rows):
        key = getattr(row, attribute) or NOT_SAID
        groups.setdefault(key, set()).add(row.person if row.person is not None else ("anonymous", index))
    return groups
