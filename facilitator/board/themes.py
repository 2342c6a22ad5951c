"""Grouping approved board cards into themes, and suggesting themes from shared keywords."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from importlib import resources
from typing import Any

from sqlalchemy import select, update

from facilitator import audit, validation
from facilitator.agenda.models import Activity
from facilitator.agenda.views import get_activity
from facilitator.board.models import Entry, Theme
from facilitator.errors import InvalidInput
from facilitator.events.models import Event
from facilitator.events.service import bump_version
from facilitator.extensions import db
from facilitator.live import broadcast
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.lookups import get_in_event
from facilitator.staff.models import StaffUser

THEME_NAME_MAX = 120
STOPWORD_LANGUAGES = ("en", "sw")


def _stopword_list(language: str) -> frozenset[str]:
    text = resources.files("facilitator.board").joinpath(f"stopwords/{language}.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0] for line in text.splitlines())
    return frozenset(unicodedata.normalize("NFKC", word).casefold() for line in lines for word in line.split())


# Words too common to say what a card is about, in both languages of the room (English, Kiswahili and Sheng):
# never a theme suggestion. One list per language, shipped as data (board/stopwords/).
STOPWORDS = frozenset().union(*(_stopword_list(language) for language in STOPWORD_LANGUAGES))


def _words(text: str) -> set[str]:
    """A card's keywords: words of three letters or more, a plural "s" dropped, stop words left out (before
    and after the "s" goes, so "things" and "thing" both go)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    words = set(re.findall(r"[^\W\d_]{3,}", text)) - STOPWORDS
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words} - STOPWORDS


def get_theme(event: Event, theme_id: Any) -> Theme:
    return get_in_event(
        Theme,
        event.id,
        theme_id,
        field="Theme",
        code="unknown_theme",
        message="That theme does not exist in this event.",
    )


def _approved_cards(event: Event, activity: Activity, response_ids: Any) -> list[Entry]:
    if not isinstance(response_ids, list) or not response_ids or len(response_ids) > 500:
        raise InvalidInput("invalid_selection", "Select one or more cards.")
    ids = [validation.positive_int(i, field="Card") for i in response_ids]
    cards = list(
        db.session.scalars(
            select(Entry).where(
                Entry.id.in_(ids),
                Entry.event_id == event.id,
                Entry.activity_id == activity.id,
                Entry.status == "approved",
            )
        )
    )
    if len(cards) != len(set(ids)):
        raise InvalidInput("invalid_selection", "Only approved cards of this board can be grouped.")
    return cards


def create_theme(
    event: Event, actor: StaffUser, activity_id: Any, name: Any, response_ids: Any, name_sw: Any = None
) -> Theme:
    """Name a theme and put the selected cards in it (moving them out of any other theme)."""
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    cards = _approved_cards(event, activity, response_ids)
    theme = Theme(
        event_id=event.id,
        activity_id=activity.id,
        name=validation.clean_text(name, field="Theme name", max_chars=THEME_NAME_MAX),
        name_sw=validation.clean_text(name_sw, field="Theme name (Kiswahili)", max_chars=THEME_NAME_MAX, required=False)
        or None,
    )
    db.session.add(theme)
    db.session.flush()
    for card in cards:
        card.theme_id = theme.id
    audit.record(event.id, actor, "create_theme", f"theme:{theme.id}", name=theme.name, cards=[c.id for c in cards])
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return theme


def move_cards(event: Event, actor: StaffUser, response_ids: Any, theme_id: Any) -> None:
    """Move cards into a theme, or out of every theme with ``theme_id: None``."""
    if not isinstance(response_ids, list) or not response_ids:
        raise InvalidInput("invalid_selection", "Select one or more cards.")
    target = get_theme(event, theme_id) if theme_id is not None else None
    ids = [validation.positive_int(i, field="Card") for i in response_ids]
    cards = list(
        db.session.scalars(
            select(Entry).where(Entry.id.in_(ids), Entry.event_id == event.id, Entry.status == "approved")
        )
    )
    if len(cards) != len(set(ids)) or (target and any(c.activity_id != target.activity_id for c in cards)):
        raise InvalidInput("invalid_selection", "Only approved cards of the theme's board can be moved there.")
    for card in cards:
        card.theme_id = target.id if target else None
    audit.record(event.id, actor, "move_cards", f"theme:{target.id}" if target else None, cards=ids)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()


def rename_theme(event: Event, actor: StaffUser, theme_id: Any, name: Any, name_sw: Any = None) -> Theme:
    theme = get_theme(event, theme_id)
    before = theme.name
    theme.name = validation.clean_text(name, field="Theme name", max_chars=THEME_NAME_MAX)
    theme.name_sw = (
        validation.clean_text(name_sw, field="Theme name (Kiswahili)", max_chars=THEME_NAME_MAX, required=False) or None
    )
    audit.record(event.id, actor, "rename_theme", f"theme:{theme.id}", before=before, after=theme.name)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return theme


def merge_themes(event: Event, actor: StaffUser, into_id: Any, from_ids: Any) -> Theme:
    """Fold other themes of the same board into one; their cards move, the others are deleted."""
    target = get_theme(event, into_id)
    if not isinstance(from_ids, list) or not from_ids:
        raise InvalidInput("invalid_selection", "Choose the themes to merge.")
    merged = [get_theme(event, i) for i in from_ids]
    if any(t.id == target.id or t.activity_id != target.activity_id for t in merged):
        raise InvalidInput("invalid_selection", "Merge themes of the same board into another one.")
    db.session.execute(update(Entry).where(Entry.theme_id.in_([t.id for t in merged])).values(theme_id=target.id))
    for theme in merged:
        db.session.delete(theme)
    audit.record(event.id, actor, "merge_themes", f"theme:{target.id}", merged=[t.name for t in merged])
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return target


def delete_theme(event: Event, actor: StaffUser, theme_id: Any) -> None:
    theme = get_theme(event, theme_id)
    db.session.execute(update(Entry).where(Entry.theme_id == theme.id).values(theme_id=None))
    audit.record(event.id, actor, "delete_theme", f"theme:{theme.id}", name=theme.name)
    db.session.delete(theme)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()


def suggest_themes(activity: Activity, *, max_suggestions: int = 8) -> list[dict[str, Any]]:
    """Keywords shared by two or more approved cards not yet in a theme, greedily: the keyword covering
    the most cards first, each card suggested once. The facilitator accepts, renames or ignores them."""
    cards = list(
        db.session.scalars(
            select(Entry).where(Entry.activity_id == activity.id, Entry.status == "approved", Entry.theme_id.is_(None))
        )
    )
    words_of = {card.id: _words(card.shown_text) for card in cards}
    cards_with: dict[str, set[int]] = defaultdict(set)
    for card_id, words in words_of.items():
        for word in words:
            cards_with[word].add(card_id)
    suggestions: list[dict[str, Any]] = []
    taken: set[int] = set()
    while len(suggestions) < max_suggestions:
        ranked = Counter({word: len(ids - taken) for word, ids in cards_with.items()})
        if not ranked:
            break
        word, size = ranked.most_common(1)[0]
        if size < 2:
            break
        ids = sorted(cards_with.pop(word) - taken)
        taken.update(ids)
        suggestions.append({"name": word.capitalize(), "keyword": word, "response_ids": ids})
    return suggestions
