"""What each live view is told after a change has been committed (persist, then broadcast).

Every message carries the event's version; a view that reconnects compares it with the server's and
asks for a fresh snapshot when it has missed anything.
"""

from __future__ import annotations

from facilitator.extensions import socketio
from facilitator.models import Event, Response
from facilitator.services import agenda as agenda_service
from facilitator.services import board as board_service
from facilitator.sockets import participant_room, room


def entry_changed(event: Event, response: Response) -> None:
    """An entry was submitted or moderated: tell staff, its author, and the projector if it shows there."""
    version = event.version
    counts = board_service.counts(response.activity_id)
    if response.status == "held":
        # Moderators only learn that the entry left their queue; its text goes to safeguarding alone.
        socketio.emit("entry", {"version": version, "entry": board_service.withheld_view(response), "counts": counts},
                      to=room(event.id, "staff"))
        socketio.emit("entry", {"version": version, "entry": board_service.staff_view(response), "counts": counts},
                      to=room(event.id, "safeguarding"))
    else:
        socketio.emit("entry", {"version": version, "entry": board_service.staff_view(response), "counts": counts},
                      to=room(event.id, "staff"))
    if response.participant_id:
        socketio.emit("own_entry", {"version": version, "entry": board_service.own_entry_view(response)},
                      to=participant_room(response.participant_id))
    projector_update = {
        "version": version,
        "activity_id": response.activity_id,
        "counts": counts,
    }
    if response.status == "approved":
        projector_update["card"] = board_service.card_view(response)
    else:
        projector_update["removed"] = response.id
    socketio.emit("board", projector_update, to=room(event.id, "projector"))


def submission_stored(event: Event, submission) -> None:
    """A new entry was committed: the views that may see it are told; a flag alerts safeguarding."""
    if not submission.created:
        return
    entry_changed(event, submission.response)
    if submission.flag is not None:
        safeguarding_alert(event, submission.flag)


def safeguarding_alert(event: Event, flag) -> None:
    """A new flag: the safeguarding lead's view sounds and shows a banner. Nobody else is told."""
    from facilitator.services.safeguarding import flag_view

    socketio.emit("safeguarding_alert", {"flag": flag_view(flag)}, to=room(event.id, "safeguarding"))


def agenda_changed(event: Event) -> None:
    """The open or projected activity changed: phones follow, the projector redraws, consoles refresh."""
    version = event.version
    current = agenda_service.current_activity(event)
    socketio.emit("activity", {"version": version, "activity": agenda_service.activity_view(current)},
                  to=room(event.id, "participants"))
    socketio.emit("projector", projector_snapshot(event), to=room(event.id, "projector"))
    socketio.emit("agenda", {"version": version}, to=room(event.id, "staff"))


def projector_snapshot(event: Event) -> dict:
    activity = agenda_service.projected_activity(event)
    return {
        "version": event.version,
        "join_code": event.join_code,
        "activity": agenda_service.activity_view(activity),
        "cards": [board_service.card_view(r) for r in board_service.approved_cards(activity.id)] if activity else [],
        "counts": board_service.counts(activity.id) if activity else {"received": 0, "shown": 0},
    }
