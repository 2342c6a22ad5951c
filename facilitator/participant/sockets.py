"""Socket events of the phone page."""

from __future__ import annotations

from typing import Any

from facilitator.agenda import views as agenda_views
from facilitator.agenda.models import Activity
from facilitator.asks import answers as answer_service
from facilitator.asks import views as ask_views
from facilitator.board import entries as board_service
from facilitator.board import views as board_views
from facilitator.errors import InvalidInput
from facilitator.events import service as event_service
from facilitator.events.models import Participant
from facilitator.extensions import db
from facilitator.live import entry_writer
from facilitator.live.connections import Connection, current_sid, handler, since
from facilitator.safeguarding import service as safeguarding_service
from facilitator.voting import results as results_service
from facilitator.voting import votes as voting_service


@handler("participant:submit", view="participant")
def submit(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Stored (in this process's next batch) before the ack; the ack carries the phone's copy of it."""
    entry = board_service.NewEntry(
        data.get("activity_id"),
        data.get("lane"),
        data.get("text"),
        data.get("client_key"),
        participant_id=connection.participant_id,
        connection_id=current_sid(),
    )
    return entry_writer.store(connection.event_id, entry)


def _participant(connection: Connection) -> Participant:
    """The participant on this phone; gone if the event's data was purged while the phone stayed connected."""
    participant = db.session.get(Participant, connection.participant_id) if connection.participant_id else None
    if participant is None:
        raise InvalidInput("unknown_participant", "Join the event again to take part.")
    return participant


@handler("participant:help", view="participant")
def ask_for_help(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """'Talk to someone privately': alerts only the safeguarding lead."""
    event = event_service.get_event(connection.event_id)
    participant = _participant(connection)
    safeguarding_service.request_help(event, participant, data.get("where"))
    return {}


@handler("participant:sync", view="participant")
def sync(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """The phone's state after a (re)connect: the open activity and the participant's own entries
    (or ``unchanged`` when the phone saw the current version already)."""
    event = event_service.get_event(connection.event_id)
    if since(data) == event.version:
        return {"unchanged": True, "version": event.version}
    participant = _participant(connection)
    activity = agenda_views.current_activity(event)
    entries = board_views.own_entries(participant, activity.id if activity else None)
    return {
        "version": event.version,
        "activity": agenda_views.activity_view(activity),
        "entries": [board_views.own_entry_view(r) for r in entries],
        "votes": voting_service.own_votes(participant, activity) if activity else {},
        "results": results_service.phone_results(activity),
    }


@handler("participant:vote", view="participant")
def vote(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """A poll choice (``choices``), a scale value (``value``) or a ranking (``ranking``): changeable."""
    event = event_service.get_event(connection.event_id)
    participant = _participant(connection)
    activity = voting_service.cast_vote(
        event,
        participant,
        data.get("activity_id"),
        choices=data.get("choices"),
        value=data.get("value"),
        ranking=data.get("ranking"),
        connection_id=current_sid(),
    )
    return {"votes": voting_service.own_votes(participant, activity)}


@handler("participant:upvote", view="participant")
def upvote(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Upvote a card or question once; again to take it back."""
    event = event_service.get_event(connection.event_id)
    participant = _participant(connection)
    response = voting_service.toggle_upvote(event, participant, data.get("response_id"), connection_id=current_sid())
    activity = db.session.get(Activity, response.activity_id)
    assert activity is not None  # an entry's activity_id is a foreign key
    return {"votes": voting_service.own_votes(participant, activity)}


@handler("participant:rate", view="participant")
def rate(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Satisfied / not sure / not satisfied with a duty bearer's answer: one rating each, changeable."""
    event = event_service.get_event(connection.event_id)
    participant = _participant(connection)
    answer = answer_service.rate_answer(event, participant, data.get("answer_id"), data.get("rating"))
    return {"answer_id": answer.id, "ratings": ask_views.own_ratings(participant)}
