"""Theme suggestions name what cards share, never the filler words of either language of the room."""

from __future__ import annotations

import pytest

from facilitator.agenda.models import Activity
from facilitator.board import entries, themes
from facilitator.events import participants
from facilitator.events.models import Event
from facilitator.extensions import db
from tests import factories

CARDS = [
    "Bila usalama kuhusu mitandao ya kijamii",
    "Kuhusu usalama bila wazazi kujua",
    "Tunataka usalama zaidi kwenye simu",
    "Without reporting buttons about bullying nothing changes",
    "About bullying: reporting takes too long without help",
    "Kuhusu matusi bila kujali",
    "Matusi kwenye WhatsApp bila sababu",
]


def _approved_cards(event, texts) -> Activity:
    current = db.session.get(Event, event.id)
    board = current.sessions[0].activities[0]
    for text in texts:
        child, _ = participants.join(current.join_code)
        card = entries.submit_entry(
            current, activity_id=board.id, lane="have", text=text, client_key=factories.new_key(), participant=child
        ).response
        card.status = "approved"
    db.session.commit()
    return board


def test_filler_words_of_either_language_are_never_a_theme(ctx, event):
    board = _approved_cards(event, CARDS)
    suggestions = themes.suggest_themes(board)
    names = {s["name"] for s in suggestions}
    assert names.isdisjoint({"Bila", "Kuhusu", "Without", "About", "Tunataka", "Zaidi", "Kwenye"})
    by_keyword = {s["keyword"]: len(s["response_ids"]) for s in suggestions}
    assert by_keyword["usalama"] == 3 and by_keyword["matusi"] == 2
    assert {"reporting", "bullying"} & set(by_keyword)


@pytest.mark.parametrize("word", ["Bila", "KUHUSU", "kwenye", "ambayo", "watoto", "the", "Things", "about"])
def test_stop_words_of_both_languages_are_left_out_of_a_cards_keywords(word):
    assert themes._words(f"{word} usalama") == {"usalama"}
