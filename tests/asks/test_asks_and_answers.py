"""Themes, asks, duty bearers' answers, ratings and the commitments register, at the service level."""

import pytest
from sqlalchemy import select

from facilitator.asks import answers, asks
from facilitator.asks import register as commitments_register
from facilitator.asks import views as ask_views
from facilitator.audit import AuditEntry
from facilitator.board import entries, themes
from facilitator.board import views as board_views
from facilitator.board.models import Entry
from facilitator.errors import InvalidInput
from facilitator.events import participants
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.staff.models import StaffUser
from facilitator.voting import votes
from tests import factories


@pytest.fixture
def room(ctx, event, facilitator):
    """An event with approved cards on the children's board, a facilitator and two organisations."""
    current = db.session.get(Event, event.id)
    actor = db.session.get(StaffUser, facilitator[0].id)
    child, _ = participants.join(current.join_code, group="child", age_band="14-15")
    cards = []
    for lane, text in [
        ("want", "Make reporting abuse easy and fast"),
        ("want", "Reporting should work in Kiswahili"),
        ("want", "Faster reporting of fake accounts"),
        ("have", "Too many adverts for betting"),
        ("have", "Betting adverts everywhere on videos"),
    ]:
        card = entries.submit_entry(
            current,
            activity_id=current.current_activity_id,
            lane=lane,
            text=text,
            client_key=factories.new_key(),
            participant=child,
        ).response
        card.status = "approved"
        cards.append(card)
    db.session.commit()
    government = asks.add_organisation(current, actor, "Ministry of ICT", "government")
    telco = asks.add_organisation(current, actor, "Safaricom", "isp_telco")
    return current, actor, cards, government, telco


def test_suggested_themes_come_from_shared_keywords(room):
    event, actor, cards, *_ = room
    activity = db.session.get(Entry, cards[0].id).activity_id
    suggestions = themes.suggest_themes(db.session.get(type(event.sessions[0].activities[0]), activity))
    by_keyword = {s["keyword"]: s["response_ids"] for s in suggestions}
    assert by_keyword["reporting"] == sorted(c.id for c in cards[:3])
    assert sorted(c.id for c in cards[3:]) in by_keyword.values()  # "betting" or "advert": both shared
    assert len(suggestions) == 2  # each card suggested once


def test_group_move_merge_and_counts(room):
    event, actor, cards, *_ = room
    activity_id = cards[0].activity_id
    reporting = themes.create_theme(event, actor, activity_id, "Reporting", [c.id for c in cards[:2]])
    ads = themes.create_theme(event, actor, activity_id, "Adverts", [c.id for c in cards[3:]])
    themes.move_cards(event, actor, [cards[2].id], reporting.id)
    views = board_views.themes_view(db.session.get(type(event.sessions[0].activities[0]), activity_id))
    assert [(v["name"], v["count"]) for v in views] == [("Reporting", 3), ("Adverts", 2)]
    themes.merge_themes(event, actor, reporting.id, [ads.id])
    views = board_views.themes_view(db.session.get(type(event.sessions[0].activities[0]), activity_id))
    assert [(v["name"], v["count"]) for v in views] == [("Reporting", 5)]
    with pytest.raises(InvalidInput):
        themes.create_theme(event, actor, activity_id, "Nothing", [])
    assert "merge_themes" in db.session.scalars(select(AuditEntry.action)).all()


def test_pending_cards_cannot_be_grouped(room):
    event, actor, cards, *_ = room
    cards[0].status = "pending"
    db.session.commit()
    with pytest.raises(InvalidInput):
        themes.create_theme(event, actor, cards[0].activity_id, "Reporting", [cards[0].id])


def test_asks_order_by_upvotes_and_by_ranking(room):
    event, actor, cards, government, telco = room
    activity = db.session.get(type(event.sessions[0].activities[0]), cards[0].activity_id)
    activity.settings = {**activity.settings, "upvotes": True}
    db.session.commit()
    theme = themes.create_theme(event, actor, activity.id, "Reporting", [c.id for c in cards[:3]])
    first = asks.create_ask(event, actor, "Stop betting adverts to children", response_id=cards[3].id)
    second = asks.create_ask(event, actor, "Make reporting easy, fast and in our language", theme_id=theme.id)
    for _ in range(3):
        voter, _ = participants.join(event.join_code)
        votes.toggle_upvote(event, voter, cards[0].id)
    assert [a.id for a in ask_views.ordered_asks(event, "upvotes")] == [second.id, first.id]

    ranking = asks.create_ranking_activity(event, actor, event.sessions[0].id)
    assert [o["text"] for o in ranking.options] == [first.text, second.text]
    ranking.state = "open"
    db.session.commit()
    for order in ([0, 1], [0, 1], [1, 0]):
        voter, _ = participants.join(event.join_code)
        votes.cast_vote(event, voter, ranking.id, ranking=order)
    assert [a.id for a in asks.apply_order(event, actor, "ranking")] == [first.id, second.id]


def test_answers_are_screened_moderated_and_rated_once_each(room):
    event, actor, cards, government, telco = room
    ask = asks.create_ask(event, actor, "Make reporting easy")
    asks.assign(event, actor, ask.id, [government.id, telco.id])
    answer = answers.submit_answer(
        event,
        telco,
        ask.id,
        "We will add Kiswahili reporting. Call 0722 000 000.",
        {"what": "Kiswahili reporting in the app", "owner": "Head of Safety", "due_on": "2027-06-30"},
    )
    assert answer.status == "pending" and "0722" not in answer.shown_text
    child, _ = participants.join(event.join_code, group="child", age_band="12-13")
    with pytest.raises(Exception) as not_shown:
        answers.rate_answer(event, child, answer.id, "satisfied")
    assert not_shown.value.code == "unknown_answer"
    answers.moderate_answer(event, actor, answer.id, "approve")
    answers.rate_answer(event, child, answer.id, "satisfied")
    answers.rate_answer(event, child, answer.id, "not_sure")  # changed, not added
    view = ask_views.ratings_view(answer)
    assert (view["count"], view["satisfied"], view["not_sure"]) == (1, 0, 1)
    with pytest.raises(InvalidInput):
        answers.rate_answer(event, child, answer.id, "meh")


def test_rating_splits_never_show_a_group_under_five(room):
    event, actor, cards, government, telco = room
    ask = asks.create_ask(event, actor, "Make reporting easy")
    answer = answers.submit_answer(event, government, ask.id, "We will publish a reporting guide.")
    answers.moderate_answer(event, actor, answer.id, "approve")
    for band, count in (("12-13", 5), ("14-15", 6), ("16-17", 2)):
        for _ in range(count):
            child, _ = participants.join(event.join_code, group="child", age_band=band)
            answers.rate_answer(event, child, answer.id, "satisfied")
    # The two 16-17s cannot be shown, nor left out: the total minus the others would reveal them.
    assert ask_views.ratings_view(answer)["by_age_band"] is None
    for _ in range(3):
        parent, _ = participants.join(event.join_code, group="parent")
        answers.rate_answer(event, parent, answer.id, "not_satisfied")
    by_age = ask_views.ratings_view(answer)["by_age_band"]
    assert [(row["group"], row["count"]) for row in by_age] == [
        ("12-13", 5),
        ("14-15", 6),
        ("smaller groups combined", 5),
    ]
    # By group: 13 children and 3 parents. The parents cannot be shown, and there is nobody to combine them with.
    assert ask_views.ratings_view(answer)["by_group"] is None
    for _ in range(2):
        parent, _ = participants.join(event.join_code, group="parent")
        answers.rate_answer(event, parent, answer.id, "not_satisfied")
    by_group = ask_views.ratings_view(answer)["by_group"]
    assert [(row["group"], row["count"], row["satisfied"], row["not_satisfied"]) for row in by_group or []] == [
        ("child", 13, 13, 0),
        ("parent", 5, 0, 5),
    ]


def test_register_lists_commitments_and_never_drops_an_unanswered_ask(room):
    event, actor, cards, government, telco = room
    answered = asks.create_ask(event, actor, "Make reporting easy")
    silent = asks.create_ask(event, actor, "Teach online safety in every school")
    asks.create_ask(event, actor, "Free data for helplines")  # assigned to nobody
    asks.assign(event, actor, answered.id, [telco.id, government.id])
    asks.assign(event, actor, silent.id, [government.id])
    answer = answers.submit_answer(
        event,
        telco,
        answered.id,
        "Yes.",
        {"what": "Kiswahili reporting", "owner": "Safety team", "due_on": "2027-01-31"},
    )
    answers.moderate_answer(event, actor, answer.id, "approve")
    register = commitments_register.register(event)
    assert [(c["organisation"], c["what"], c["due_on"]) for c in register["commitments"]] == [
        ("Safaricom", "Kiswahili reporting", "2027-01-31")
    ]
    unanswered = {u["ask"]: u["organisations"] for u in register["unanswered"]}
    assert unanswered == {
        "Make reporting easy": ["Ministry of ICT"],
        "Teach online safety in every school": ["Ministry of ICT"],
        "Free data for helplines": [],
    }
    commitment_id = register["commitments"][0]["id"]
    answers.update_commitment(event, actor, commitment_id, {"status": "in_progress", "progress_note": "Pilot in March"})
    assert commitments_register.register(event)["commitments"][0]["status"] == "in_progress"
    audit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "update_commitment"))
    assert audit.detail["before"]["status"] == "planned" and audit.detail["after"]["status"] == "in_progress"
    with pytest.raises(InvalidInput):
        answers.update_commitment(event, actor, commitment_id, {"status": "forgotten"})


def test_projector_shows_the_board_grouped_by_theme_with_counts(app, event, console, phone, projector):
    ids = [
        phone.submit(text, lane="want")["entry"]["id"] for text in ("Report button", "Report in Kiswahili", "Less ads")
    ]
    for entry_id in ids:
        console.emit("console:moderate", {"response_id": entry_id, "action": "approve"}, callback=True)
    with app.app_context():
        current = db.session.get(Event, event.id)
        actor = db.session.scalar(select(StaffUser))
        theme = themes.create_theme(current, actor, event.current_activity_id, "Reporting", ids[:2])
        theme_id = theme.id
    console.emit(
        "console:activity_controls",
        {"activity_id": event.current_activity_id, "changes": {"group_by_theme": True}},
        callback=True,
    )
    snapshot = projector.emit("projector:sync", {}, callback=True)
    assert snapshot["activity"]["group_by_theme"] is True
    assert snapshot["results"]["themes"] == [{"id": theme_id, "name": "Reporting", "name_sw": None, "count": 2}]
    assert sorted(c["theme_id"] or 0 for c in snapshot["cards"]) == [0, theme_id, theme_id]
