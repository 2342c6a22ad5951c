"""Every activity kind: counting, one-vote rules, changed votes, locked and closed activities, results
hidden from phones, and the facilitator's controls."""

from sqlalchemy import func, select

from facilitator.agenda import editing
from facilitator.audit import AuditEntry
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.voting.models import Vote
from tests.conftest import received


def add(app, event, console, spec):
    with app.app_context():
        session_id = db.session.get(Event, event.id).sessions[0].id
    ack = console.emit("console:save_activity", {"session_id": session_id, "activity": spec}, callback=True)
    assert ack["ok"], ack
    activity_id = ack["activity"]["id"]
    assert console.emit("console:open_activity", {"activity_id": activity_id}, callback=True)["ok"]
    return activity_id


POLL = {
    "kind": "poll",
    "title": "Biggest risk",
    "audience": "everyone",
    "options": [{"text": "Strangers", "text_sw": "Wageni"}, {"text": "Bullying"}, {"text": "Scams"}],
}


def test_poll_counts_one_vote_each_and_a_vote_can_change(app, event, console, phone, new_phone, projector):
    poll = add(app, event, console, POLL)
    other = new_phone()
    assert phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [0]}, callback=True)["ok"]
    assert other.socket.emit("participant:vote", {"activity_id": poll, "choices": [0]}, callback=True)["ok"]
    changed = phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [2]}, callback=True)
    assert changed["votes"]["choices"] == [2]
    results = projector.emit("projector:sync", {}, callback=True)["results"]
    assert [o["count"] for o in results["options"]] == [1, 0, 1] and results["voters"] == 2
    two = phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [0, 1]}, callback=True)
    assert two["error"] == "invalid_choice"
    assert phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [7]}, callback=True)["ok"] is False
    with app.app_context():
        assert db.session.scalar(select(func.count(Vote.id))) == 2


def test_multiple_choice_counts_per_option_and_withdraws_unticked(app, event, console, phone, projector):
    poll = add(app, event, console, {**POLL, "multiple": True})
    phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [0, 1]}, callback=True)
    phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [1, 2]}, callback=True)
    results = projector.emit("projector:sync", {}, callback=True)["results"]
    assert [o["count"] for o in results["options"]] == [0, 1, 1] and results["voters"] == 1


def test_scale_average_and_distribution(app, event, console, new_phone, projector):
    scale = add(
        app,
        event,
        console,
        {
            "kind": "scale",
            "title": "How safe do you feel online?",
            "scale": {"min": 1, "max": 5, "min_label": "Not safe", "max_label": "Very safe", "faces": True},
        },
    )
    for value in (1, 4, 4, 5):
        assert new_phone().socket.emit("participant:vote", {"activity_id": scale, "value": value}, callback=True)["ok"]
    results = projector.emit("projector:sync", {}, callback=True)["results"]
    assert results["average"] == 3.5 and results["faces"] is True
    assert [d["count"] for d in results["distribution"]] == [1, 0, 0, 2, 1]
    assert new_phone().socket.emit("participant:vote", {"activity_id": scale, "value": 6}, callback=True)["ok"] is False


def test_ranking_average_rank(app, event, console, new_phone, projector):
    ranking = add(
        app,
        event,
        console,
        {"kind": "ranking", "title": "Prioritise the asks", "options": [{"text": "A"}, {"text": "B"}, {"text": "C"}]},
    )
    for order in ([1, 0, 2], [1, 2, 0], [0, 1, 2]):
        assert new_phone().socket.emit("participant:vote", {"activity_id": ranking, "ranking": order}, callback=True)[
            "ok"
        ]
    results = projector.emit("projector:sync", {}, callback=True)["results"]
    assert [(i["text"], i["average_rank"]) for i in results["items"]] == [("B", 1.33), ("A", 2.0), ("C", 2.67)]
    bad = new_phone().socket.emit("participant:vote", {"activity_id": ranking, "ranking": [0, 0, 1]}, callback=True)
    assert bad["error"] == "invalid_ranking"


def test_wordcloud_counts_normalised_terms_and_limits_words(app, event, console, phone, new_phone, projector):
    cloud = add(
        app,
        event,
        console,
        {
            "kind": "wordcloud",
            "title": "One word",
            "audience": "everyone",
            "moderation": "post",
            "confirm_post_moderation": True,
        },
    )
    for text in ("Safe", " safe! ", "SAFE.", "scared"):
        assert new_phone().submit(text, lane="main", activity_id=cloud)["ok"]
    assert phone.submit("far too many words here", lane="main", activity_id=cloud)["error"] == "too_many_words"
    results = projector.emit("projector:sync", {}, callback=True)["results"]
    assert results["words"] == [{"word": "safe", "count": 3}, {"word": "scared", "count": 1}]


def test_qna_is_premoderated_upvoted_once_and_marked_answered(app, event, console, phone, new_phone, projector):
    qna = add(app, event, console, {"kind": "qna", "title": "Questions for the panel", "audience": "everyone"})
    ack = phone.submit("How fast do you remove reported content?", lane="main", activity_id=qna)
    assert ack["entry"]["state"] == "waiting"  # pre-moderated by default
    question = ack["entry"]["id"]
    assert (
        phone.socket.emit("participant:upvote", {"response_id": question}, callback=True)["error"] == "unknown_response"
    )
    console.emit("console:moderate", {"response_id": question, "action": "approve"}, callback=True)
    voter = new_phone()
    assert voter.socket.emit("participant:upvote", {"response_id": question}, callback=True)["votes"]["upvoted"] == [
        question
    ]
    results = projector.emit("projector:sync", {}, callback=True)["results"]
    assert results["questions"][0]["votes"] == 1
    assert voter.socket.emit("participant:upvote", {"response_id": question}, callback=True)["votes"]["upvoted"] == []
    console.emit("console:mark_answered", {"response_id": question, "answered": True}, callback=True)
    assert projector.emit("projector:sync", {}, callback=True)["results"]["questions"][0]["answered"] is True
    # An answered question takes no more upvotes: the service says so, not only the phone's page.
    late = voter.socket.emit("participant:upvote", {"response_id": question}, callback=True)
    assert late["ok"] is False and late["error"] == "question_answered"


def test_childrens_board_has_no_upvotes_unless_turned_on(app, event, console, phone):
    ack = phone.submit("We want safer games")
    console.emit("console:moderate", {"response_id": ack["entry"]["id"], "action": "approve"}, callback=True)
    refused = phone.socket.emit("participant:upvote", {"response_id": ack["entry"]["id"]}, callback=True)
    assert refused["error"] == "upvotes_off"
    console.emit(
        "console:activity_controls",
        {"activity_id": event.current_activity_id, "changes": {"upvotes": True}},
        callback=True,
    )
    assert phone.socket.emit("participant:upvote", {"response_id": ack["entry"]["id"]}, callback=True)["ok"]


def test_locked_and_closed_activities_refuse_input_with_a_clear_error(app, event, console, phone):
    poll = add(app, event, console, POLL)
    console.emit("console:activity_controls", {"activity_id": poll, "changes": {"locked": True}}, callback=True)
    locked = phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [1]}, callback=True)
    assert locked["error"] == "voting_locked" and "locked" in locked["message"]
    console.emit("console:activity_controls", {"activity_id": poll, "changes": {"locked": False}}, callback=True)
    assert phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [1]}, callback=True)["ok"]
    console.emit("console:close_activity", {"activity_id": poll}, callback=True)
    closed = phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [0]}, callback=True)
    assert closed["error"] == "activity_closed"


def test_results_reach_phones_only_when_shown(app, event, console, phone, new_phone):
    poll = add(app, event, console, POLL)
    watcher = new_phone()
    watcher.socket.get_received()
    phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [1]}, callback=True)
    assert received(watcher.socket, "results") == []
    assert watcher.socket.emit("participant:sync", {}, callback=True)["results"] is None
    assert (
        "Bullying</span>"
        not in watcher.http.get(f"/e/{event.join_code}/activity").get_data(as_text=True).split("phone-results")[1]
    )
    console.emit(
        "console:activity_controls", {"activity_id": poll, "changes": {"results_on_phones": True}}, callback=True
    )
    phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [2]}, callback=True)
    shown = received(watcher.socket, "results")
    assert shown and [o["count"] for o in shown[-1]["results"]["options"]] == [0, 0, 1]


def test_results_hidden_from_projector(app, event, console, phone, projector):
    poll = add(app, event, console, POLL)
    console.emit(
        "console:activity_controls", {"activity_id": poll, "changes": {"results_on_projector": False}}, callback=True
    )
    projector.get_received()
    phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [1]}, callback=True)
    assert received(projector, "results") == []
    assert projector.emit("projector:sync", {}, callback=True)["results"] is None


def test_next_follows_the_agenda_and_phones_follow(app, event, console, phone, projector):
    with app.app_context():
        first, second = [a.id for a in db.session.get(Event, event.id).sessions[0].activities]
    phone.socket.get_received()
    ack = console.emit("console:next_activity", {}, callback=True)
    assert ack["activity"]["id"] == second
    assert received(phone.socket, "activity")[-1]["activity"]["id"] == second
    html = phone.http.get(f"/e/{event.join_code}/activity").get_data(as_text=True)
    assert 'data-activity-id="%d"' % second in html
    assert console.emit("console:next_activity", {}, callback=True)["error"] == "end_of_agenda"


def test_timer_and_reset_are_audited_and_reset_needs_the_title(app, event, console, phone):
    poll = add(app, event, console, POLL)
    assert console.emit("console:timer", {"activity_id": poll, "seconds": 120}, callback=True)["activity"][
        "timer_ends_at"
    ]
    assert (
        console.emit("console:timer", {"activity_id": poll, "seconds": 99999}, callback=True)["error"]
        == "invalid_timer"
    )
    phone.socket.emit("participant:vote", {"activity_id": poll, "choices": [1]}, callback=True)
    wrong = console.emit("console:reset_activity", {"activity_id": poll, "confirm": "yes"}, callback=True)
    assert wrong["error"] == "not_confirmed"
    assert console.emit("console:reset_activity", {"activity_id": poll, "confirm": "Biggest risk"}, callback=True)["ok"]
    with app.app_context():
        assert db.session.scalar(select(func.count(Vote.id))) == 0
        actions = db.session.scalars(select(AuditEntry.action)).all()
        assert "reset_activity" in actions and "activity_timer" in actions


def test_reset_keeps_entries_held_for_safeguarding(app, event, console, phone):
    phone.submit("someone is hurting me at home")
    phone.submit("Too many ads")
    with app.app_context():
        title = db.session.get(Event, event.id).sessions[0].activities[0].title
    assert console.emit(
        "console:reset_activity", {"activity_id": event.current_activity_id, "confirm": title}, callback=True
    )["ok"]
    lead_view = console.emit("console:sync", {}, callback=True)["entries"]
    assert [e["status"] for e in lead_view] == ["held"]


def test_add_edit_move_and_duplicate_activities(app, event, console):
    with app.app_context():
        session = db.session.get(Event, event.id).sessions[0]
        session_id, first = session.id, session.activities[0].id
    added = console.emit(
        "console:save_activity",
        {
            "session_id": session_id,
            "activity": {
                "kind": "board",
                "title": "Doing right / can improve",
                "lanes": [{"text": "Doing right"}, {"text": "Can improve"}],
            },
        },
        callback=True,
    )["activity"]
    assert [lane["text"] for lane in added["lanes"]] == ["Doing right", "Can improve"]
    edited = console.emit(
        "console:save_activity",
        {
            "activity_id": added["id"],
            "activity": {
                "kind": "board",
                "title": "Protocols",
                "lanes": [{"text": "What is done right", "text_sw": "Yanayofanywa vizuri"}, {"text": "Can improve"}],
            },
        },
        callback=True,
    )["activity"]
    assert edited["title"] == "Protocols" and edited["lanes"][0]["text_sw"] == "Yanayofanywa vizuri"
    copy = console.emit("console:duplicate_activity", {"activity_id": added["id"]}, callback=True)["activity"]
    assert copy["title"] == "Protocols (copy)"
    console.emit("console:move_activity", {"activity_id": copy["id"], "direction": "up"}, callback=True)
    order = [a["id"] for a in console.emit("console:sync", {}, callback=True)["agenda"][0]["activities"]]
    assert order.index(copy["id"]) < order.index(added["id"])
    assert (
        console.emit("console:move_activity", {"activity_id": first, "direction": "up"}, callback=True)["error"]
        == "cannot_move"
    )
    bad = console.emit(
        "console:save_activity",
        {"session_id": session_id, "activity": {"kind": "poll", "title": "x", "options": [{"text": "only one"}]}},
        callback=True,
    )
    assert bad["error"] == "invalid_options"


def test_activities_with_existing_lane_keep_their_cards_when_renamed(app, event, console, phone):
    ack = phone.submit("cards stay", lane="want")
    console.emit(
        "console:save_activity",
        {
            "activity_id": event.current_activity_id,
            "activity": {
                "kind": "board",
                "title": "Renamed",
                "audience": "children",
                "lanes": [{"text": "What we have"}, {"text": "What we want"}],
            },
        },
        callback=True,
    )
    with app.app_context():
        activity = db.session.get(Event, event.id).sessions[0].activities[0]
        assert [lane["key"] for lane in activity.lanes] == ["have", "want"]
        assert editing.activity_spec(activity)["lanes"][1]["text"] == "What we want"
    assert ack["entry"]["lane"] == "want"


def test_votes_without_javascript(app, event, console, phone):
    poll = add(app, event, console, POLL)
    page = phone.http.get(f"/e/{event.join_code}").get_data(as_text=True)
    assert 'name="choice" value="2"' in page
    from tests.conftest import csrf_token

    reply = phone.http.post(
        f"/e/{event.join_code}/vote", data={"csrf_token": csrf_token(page), "activity_id": poll, "choice": "2"}
    )
    assert reply.status_code == 303
    again = phone.http.get(f"/e/{event.join_code}").get_data(as_text=True)
    assert 'value="2" checked' in again and "Change my vote" in again
    ranking = add(app, event, console, {"kind": "ranking", "title": "Rank", "options": [{"text": "A"}, {"text": "B"}]})
    page = phone.http.get(f"/e/{event.join_code}").get_data(as_text=True)
    reply = phone.http.post(
        f"/e/{event.join_code}/vote",
        data={"csrf_token": csrf_token(page), "activity_id": ranking, "rank_0": "2", "rank_1": "1"},
    )
    assert reply.status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Vote.ranking).where(Vote.activity_id == ranking)) == [1, 0]


def test_a_ranking_from_the_plain_form_refuses_ties_and_missing_options(app, event, console, phone):
    """Drop-downs let a child put 1, 1, 1: the rule refuses it (it used to be sorted into a valid order)."""
    from tests.conftest import csrf_token

    ranking = add(
        app,
        event,
        console,
        {"kind": "ranking", "title": "Rank", "options": [{"text": "A"}, {"text": "B"}, {"text": "C"}]},
    )
    page = phone.http.get(f"/e/{event.join_code}").get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "activity_id": ranking}
    for places, message in (
        ({"rank_0": "1", "rank_1": "1", "rank_2": "1"}, "Give each option a different place, from 1 to 3."),
        ({"rank_0": "1", "rank_1": "2", "rank_2": "4"}, "Give each option a different place, from 1 to 3."),
        ({"rank_0": "1", "rank_1": "2"}, "Put every option in order, each once."),
        ({"rank_0": "1", "rank_1": "2", "rank_5": "3"}, "Put every option in order, each once."),
        ({"rank_0": "1", "rank_1": "x", "rank_2": "3"}, "Choose one of the options."),
    ):
        reply = phone.http.post(f"/e/{event.join_code}/vote", data={**form, **places})
        assert reply.status_code == 400 and message in reply.get_data(as_text=True), places
    with app.app_context():
        assert db.session.scalar(select(func.count(Vote.id)).where(Vote.activity_id == ranking)) == 0
    reply = phone.http.post(f"/e/{event.join_code}/vote", data={**form, "rank_0": "2", "rank_1": "3", "rank_2": "1"})
    assert reply.status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Vote.ranking).where(Vote.activity_id == ranking)) == [2, 0, 1]
    # The socket's ranking is a list of options, checked the same way: no option twice.
    ack = phone.socket.emit("participant:vote", {"activity_id": ranking, "ranking": [0, 0, 1]}, callback=True)
    assert ack["ok"] is False and ack["error"] == "invalid_ranking"
