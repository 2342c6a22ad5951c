"""Socket events of the facilitator console. Every call checks the caller's role in the event again."""

from __future__ import annotations

from typing import Any

from facilitator import validation
from facilitator.agenda import editing
from facilitator.agenda import running as agenda_service
from facilitator.agenda import views as agenda_views
from facilitator.asks import answers as answer_service
from facilitator.asks import asks as ask_service
from facilitator.asks import views as ask_views
from facilitator.board import entries as board_service
from facilitator.board import moderation as moderation_service
from facilitator.board import views as board_views
from facilitator.events import service as event_service
from facilitator.events.models import Event
from facilitator.live.connections import Connection, handler, since
from facilitator.safeguarding import service as safeguarding_service
from facilitator.staff import service as staff_service
from facilitator.staff.models import StaffUser
from facilitator.voting import results as results_service


def _authorised(connection: Connection, permission: str) -> tuple[StaffUser, Event]:
    actor = staff_service.require(connection.user_id, connection.event_id, permission)
    return actor, event_service.get_event(connection.event_id)


def agenda_view(event: Event) -> list[dict[str, Any]]:
    return [
        {
            "id": session.id,
            "day": session.day,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "title": session.title,
            "kind": session.kind,
            "activities": [
                {
                    "id": a.id,
                    "kind": a.kind,
                    "title": a.title,
                    "state": a.state,
                    "moderation": a.moderation,
                    "audience": a.audience,
                    "locked": a.locked,
                    "results_on_projector": a.results_on_projector,
                    "results_on_phones": a.results_on_phones,
                    "upvotes": a.upvotes_enabled,
                    "group_by_theme": bool(a.settings.get("group_by_theme")),
                    "timer_ends_at": a.timer_ends_at.isoformat() if a.timer_ends_at else None,
                }
                for a in session.activities
            ],
        }
        for session in event_service.agenda(event)
    ]


@handler("console:sync", view="console")
def sync(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """The console's whole state: the agenda and the entries of the activity in focus
    (the one asked for, else the open one, else the projected one)."""
    actor, event = _authorised(connection, "view_console")
    seen = since(data)
    may_safeguard = staff_service.capabilities(actor.id, event.id)["safeguard"]
    focus_id = data.get("activity_id")
    focus = (
        agenda_views.get_activity(event, validation.positive_int(focus_id, field="Activity"))
        if focus_id is not None
        else agenda_views.current_activity(event) or agenda_views.projected_activity(event)
    )
    if seen == event.version:  # nothing missed but votes, which the version does not count
        return {
            "unchanged": True,
            "version": event.version,
            "results": results_service.results(focus) if focus else None,
        }
    return {
        "version": event.version,
        "results": results_service.results(focus) if focus else None,
        "agenda": agenda_view(event),
        "current_activity_id": event.current_activity_id,
        "projector_activity_id": event.projector_activity_id,
        "focus": agenda_views.activity_view(focus),
        "entries": board_views.entries_for_staff(focus.id, may_safeguard=may_safeguard) if focus else [],
        "counts": board_views.counts(focus.id) if focus else None,
        "response": ask_views.response_activity_view(focus, staff=True) if focus and focus.kind == "response" else None,
        "asks": [{"id": a.id, "text": a.text} for a in ask_views.ordered_asks(event)]
        if focus and focus.kind == "response"
        else [],
    }


@handler("console:show_ask", view="console")
def show_ask(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Put one ask on the response activity: the projector and phones show it with its answers."""
    actor, event = _authorised(connection, "run_agenda")
    ask_service.show_ask(event, actor, data.get("activity_id"), data.get("ask_id"))
    return {}


@handler("console:moderate_answer", view="console")
def moderate_answer(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Approve or hide a duty bearer's answer, like a card."""
    actor, event = _authorised(connection, "moderate")
    answer = answer_service.moderate_answer(event, actor, data.get("answer_id"), data.get("action"))
    return {"answer": ask_views.answer_view(answer, staff=True)}


@handler("console:open_activity", view="console")
def open_activity(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    actor, event = _authorised(connection, "run_agenda")
    activity = agenda_service.open_activity(event, actor, data.get("activity_id"))
    return {"activity": agenda_views.activity_view(activity)}


@handler("console:close_activity", view="console")
def close_activity(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    actor, event = _authorised(connection, "run_agenda")
    activity = agenda_service.close_activity(event, actor, data.get("activity_id"))
    return {"activity": agenda_views.activity_view(activity)}


@handler("console:project", view="console")
def project(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    actor, event = _authorised(connection, "run_agenda")
    activity = agenda_service.show_on_projector(event, actor, data.get("activity_id"))
    return {"projector_activity_id": activity.id if activity else None}


@handler("console:next_activity", view="console")
def next_activity(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Open the activity after the current one: every phone and the projector follow."""
    actor, event = _authorised(connection, "run_agenda")
    activity = agenda_service.open_next_activity(event, actor)
    return {"activity": agenda_views.activity_view(activity)}


@handler("console:activity_controls", view="console")
def activity_controls(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Lock or unlock voting; show or hide results on the projector and on phones; upvotes on or off."""
    actor, event = _authorised(connection, "run_agenda")
    activity = agenda_service.set_controls(event, actor, data.get("activity_id"), data.get("changes"))
    return {"activity": agenda_views.activity_view(activity)}


@handler("console:timer", view="console")
def timer(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Start a countdown of ``seconds`` on an activity, or clear it with ``seconds: null``."""
    actor, event = _authorised(connection, "run_agenda")
    activity = agenda_service.set_timer(event, actor, data.get("activity_id"), data.get("seconds"))
    return {"activity": agenda_views.activity_view(activity)}


@handler("console:reset_activity", view="console")
def reset_activity(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Remove every vote and entry of an activity; ``confirm`` must be its exact title."""
    actor, event = _authorised(connection, "run_agenda")
    agenda_service.reset_activity(event, actor, data.get("activity_id"), data.get("confirm"))
    return {}


@handler("console:save_activity", view="console")
def save_activity(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Add an activity to a session (``session_id``) or edit one (``activity_id``), during the event."""
    actor, event = _authorised(connection, "run_agenda")
    if data.get("activity_id") is not None:
        activity = editing.edit_activity(event, actor, data.get("activity_id"), data.get("activity"))
    else:
        activity = editing.add_activity(event, actor, data.get("session_id"), data.get("activity"))
    return {"activity": editing.activity_spec(activity)}


@handler("console:move_activity", view="console")
def move_activity(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    actor, event = _authorised(connection, "run_agenda")
    editing.move_activity(event, actor, data.get("activity_id"), data.get("direction"))
    return {}


@handler("console:duplicate_activity", view="console")
def duplicate_activity(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    actor, event = _authorised(connection, "run_agenda")
    activity = editing.duplicate_activity(event, actor, data.get("activity_id"))
    return {"activity": editing.activity_spec(activity)}


@handler("console:activity_spec", view="console")
def activity_spec(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """An activity's full settings, for the editor."""
    _actor, event = _authorised(connection, "run_agenda")
    activity = agenda_views.get_activity(event, validation.positive_int(data.get("activity_id"), field="Activity"))
    return {"activity": editing.activity_spec(activity)}


@handler("console:mark_answered", view="console")
def mark_answered(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """The panel answered a Q&A question (or, with ``answered: false``, not yet)."""
    actor, event = _authorised(connection, "moderate")
    response = moderation_service.mark_answered(event, actor, data.get("response_id"), data.get("answered", True))
    return {"entry": board_views.staff_view(response)}


@handler("console:moderate", view="console")
def moderate(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    actor, event = _authorised(connection, "moderate")
    response = moderation_service.moderate(event, actor, data.get("response_id"), data.get("action"))
    return {"entry": board_views.staff_view(response)}


@handler("console:moderate_many", view="console")
def moderate_many(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Approve or hide several entries in one go: those selected, every one in view, one word-cloud word's."""
    actor, event = _authorised(connection, "moderate")
    changed, held = moderation_service.moderate_many(event, actor, data.get("response_ids"), data.get("action"))
    return {"entries": [board_views.staff_view(r) for r in changed], "held": [r.id for r in held]}


@handler("console:ask_from_entry", view="console")
def ask_from_entry(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Make an approved card an ask, without a theme."""
    actor, event = _authorised(connection, "run_agenda")
    ask = ask_service.ask_from_entry(event, actor, data.get("response_id"), data.get("text"))
    return {"ask": {"id": ask.id, "text": ask.text}}


@handler("console:edit", view="console")
def edit(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    actor, event = _authorised(connection, "moderate")
    response = moderation_service.edit_text(event, actor, data.get("response_id"), data.get("text"))
    return {"entry": board_views.staff_view(response)}


@handler("console:escalate", view="console")
def escalate(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """Send an entry to the safeguarding lead: it leaves every board and export at once."""
    actor, event = _authorised(connection, "moderate")
    response = moderation_service.get_response(event, data.get("response_id"))
    safeguarding_service.escalate(event, actor, response, data.get("note"))
    return {}


@handler("console:paper_entry", view="console")
def paper_entry(connection: Connection, data: dict[str, Any]) -> dict[str, Any]:
    """A facilitator types in a card written on paper by a child without a phone."""
    actor, event = _authorised(connection, "enter_paper")
    submission = board_service.submit_entry(
        event,
        activity_id=data.get("activity_id"),
        lane=data.get("lane"),
        text=data.get("text"),
        client_key=data.get("client_key"),
        paper_by=actor,
    )
    return {"entry": board_views.staff_view(submission.response), "duplicate": not submission.created}
