"""What each live view is told after a change has been committed (persist, then broadcast).

Every message carries the event's version; a view that reconnects compares it with the server's and
asks for a fresh snapshot when it has missed anything.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from flask import Flask, current_app

from facilitator.agenda import views as agenda_views
from facilitator.agenda.models import Activity
from facilitator.asks import views as ask_views
from facilitator.board import views as board_views
from facilitator.board.models import Entry
from facilitator.events.models import Event
from facilitator.extensions import db, socket_sleep, socketio
from facilitator.live import priority
from facilitator.live.connections import participant_room, phones_connected, room
from facilitator.safeguarding import views as safeguarding_views
from facilitator.safeguarding.models import SafeguardingFlag
from facilitator.voting import results as results_service

if TYPE_CHECKING:
    from facilitator.asks.models import DutyBearerAnswer
    from facilitator.board.entries import Submission


def entry_changed(event: Event, response: Entry, activity: Activity | None = None) -> None:
    """An entry was moderated: tell staff, its author, and the projector if it shows there.
    ``activity`` is the entry's, when the caller has it loaded already."""
    _tell_views(
        event, response.activity_id, [response], version=event.version, counts=board_views.counts(response.activity_id)
    )
    if response.participant_id:
        socketio.emit(
            "own_entry",
            {"version": event.version, "entry": board_views.own_entry_view(response)},
            to=participant_room(response.participant_id),
        )
    if activity is None:
        activity = db.session.get(Activity, response.activity_id)
        assert activity is not None  # an entry's activity_id is a foreign key
    _entries_counted_in_results(event, activity)


def entries_moderated(event: Event, responses: list[Entry]) -> None:
    """Several entries were moderated at once: staff and the projector hear once per activity, however many
    there are; each author's phone hears of its own entry."""
    by_activity: dict[int, list[Entry]] = {}
    for response in responses:
        by_activity.setdefault(response.activity_id, []).append(response)
    for activity_id, group in by_activity.items():
        _tell_views(event, activity_id, group, version=event.version, counts=board_views.counts(activity_id))
        activity = db.session.get(Activity, activity_id)
        assert activity is not None  # an entry's activity_id is a foreign key
        _entries_counted_in_results(event, activity)
    for response in responses:
        if response.participant_id:
            socketio.emit(
                "own_entry",
                {"version": event.version, "entry": board_views.own_entry_view(response)},
                to=participant_room(response.participant_id),
            )


def entries_stored(event: Event, submissions: list[Submission]) -> None:
    """New entries were committed (a batch, for one event): one message per view and activity, with the
    counts the batch committed; a flag alerts safeguarding. The writer's phone learnt of its entry from its ack.
    Re-sends change nothing and tell nobody."""
    by_activity: dict[int, list[Submission]] = {}
    activities: dict[int, Activity] = {}
    for submission in submissions:
        if submission.created:
            # A new entry's Submission carries its activity, version and counts (only a re-send's lack them).
            assert submission.activity is not None
            activities.setdefault(submission.activity.id, submission.activity)
            by_activity.setdefault(submission.activity.id, []).append(submission)
    for activity_id, group in by_activity.items():
        _tell_views(
            event,
            activity_id,
            [s.response for s in group],
            version=max(s.version or 0 for s in group),
            counts=group[-1].counts or {},
        )
        _entries_counted_in_results(event, activities[activity_id])
    for group in by_activity.values():
        for submission in group:
            if submission.flag is not None:
                safeguarding_alert(event, submission.flag)


def _tell_views(
    event: Event,
    activity_id: int,
    responses: Sequence[board_views.EntryFields],
    *,
    version: int,
    counts: dict[str, Any],
) -> None:
    """Staff's queue, safeguarding and the projector hear of new or changed entries of one activity, in
    one message each however many there are."""
    # The staff room holds every console; the safeguarding room only those who may read held entries.
    staff_entries = [board_views.entry_for_staff(r, may_safeguard=False) for r in responses]
    socketio.emit(
        "entries",
        {"version": version, "activity_id": activity_id, "entries": staff_entries, "counts": counts},
        to=room(event.id, "staff"),
    )
    held = [board_views.entry_for_staff(r, may_safeguard=True) for r in responses if r.status == "held"]
    if held:
        socketio.emit(
            "entries",
            {"version": version, "activity_id": activity_id, "entries": held, "counts": counts},
            to=room(event.id, "safeguarding"),
        )
    socketio.emit(
        "board",
        {
            "version": version,
            "activity_id": activity_id,
            "counts": counts,
            "cards": [board_views.card_view(r) for r in responses if r.status == "approved"],
            "removed": [r.id for r in responses if r.status != "approved"],
        },
        to=room(event.id, "projector"),
    )


def _entries_counted_in_results(event: Event, activity: Activity) -> None:
    """Word clouds, questions and upvoted boards show entries in their results: those follow too."""
    if activity.kind in ("wordcloud", "qna") or activity.upvotes_enabled:
        results_changed(event, activity)


# The lead's loud alert (sound and banner), built to be worked under pressure: a flag whose text is near-identical
# to one that sounded in the last LOUD_REPEAT_SECONDS joins it quietly, and the event sounds at most once every
# LOUD_EVERY_SECONDS. Every flag still reaches the list; only the noise is limited. Per process: with several
# processes a repeat may sound once on each, which errs on the side of being heard.
LOUD_REPEAT_SECONDS = 600.0
LOUD_EVERY_SECONDS = 5.0
_last_loud: dict[tuple[int, str | None], float] = {}


def safeguarding_alert(event: Event, flag: SafeguardingFlag) -> None:
    """A new flag: it reaches the safeguarding lead's list at once; the view sounds and shows a banner for a high
    concern unless it repeats one just heard. Nobody else is told."""
    view = safeguarding_views.flag_view(flag)
    socketio.emit(
        "safeguarding_alert", {"flag": view, "loud": _sounds(event.id, view)}, to=room(event.id, "safeguarding")
    )


def _sounds(event_id: int, view: dict[str, Any]) -> bool:
    if view["level"] != "high":
        return False
    now = time.monotonic()
    key = view["similar_key"]
    repeat = key is not None and now - _last_loud.get((event_id, key), -LOUD_REPEAT_SECONDS) < LOUD_REPEAT_SECONDS
    crowded = now - _last_loud.get((event_id, None), -LOUD_EVERY_SECONDS) < LOUD_EVERY_SECONDS
    if len(_last_loud) > 10_000:  # forget what no longer silences anything
        for stale in [k for k, at in _last_loud.items() if now - at > LOUD_REPEAT_SECONDS]:
            del _last_loud[stale]
    if key is not None:
        _last_loud[(event_id, key)] = now  # a repeat keeps its text quiet for a while longer
    if repeat or crowded:
        return False
    _last_loud[(event_id, None)] = now
    return True


def flag_changed(event: Event, flag: SafeguardingFlag) -> None:
    """A flag was followed up or its entry released: the lead's list redraws it, without a sound."""
    socketio.emit("safeguarding_flag", {"flag": safeguarding_views.flag_view(flag)}, to=room(event.id, "safeguarding"))


def agenda_changed(event: Event) -> None:
    """The open or projected activity changed: phones follow, the projector redraws, consoles refresh."""
    version = event.version
    current = agenda_views.current_activity(event)
    # Phones fetch the new activity's page fragment after this message; spread those requests over up
    # to a few seconds so thousands of phones do not ask in the same millisecond.
    phones_here = phones_connected(event.id)
    socketio.emit(
        "activity",
        {"version": version, "activity": agenda_views.activity_view(current), "spread_ms": min(4000, phones_here)},
        to=room(event.id, "participants"),
    )
    socketio.emit("projector", projector_snapshot(event), to=room(event.id, "projector"))
    socketio.emit("agenda", {"version": version}, to=room(event.id, "staff"))


def joining_changed(event: Event) -> None:
    """Joining was closed or reopened: the projector's join card says so; consoles refresh. Phones already in
    are not told: nothing changes for them."""
    socketio.emit("projector", projector_snapshot(event), to=room(event.id, "projector"))
    socketio.emit("agenda", {"version": event.version}, to=room(event.id, "staff"))


def projector_snapshot(event: Event) -> dict[str, Any]:
    activity = agenda_views.projected_activity(event)
    return {
        "version": event.version,
        "join_code": event.join_code,
        "joining_open": event.joining_open,
        "activity": agenda_views.activity_view(activity),
        "cards": board_views.cards_on_board(activity.id) if activity else [],
        "counts": board_views.counts(activity.id) if activity else {"received": 0, "shown": 0},
        "results": results_service.projector_results(activity),
    }


# --- Results, batched -----------------------------------------------------------------------------
# A poll with 2,000 voters must not send 2,000 renders: changes mark an activity dirty and a background
# task sends each dirty activity's results at most every RESULTS_BATCH_SECONDS (projector and consoles)
# and every PHONE_RESULTS_SECONDS (phones, which are many and on slow links).

PHONE_RESULTS_SECONDS = 1.0
_dirty: dict[int, int] = {}  # activity id -> event id
_phones_due: dict[int, float] = {}  # activity id -> when phones may next be sent its results
_phones_pending: set[int] = set()  # activities whose latest results phones have not had yet
_flusher_lock = threading.Lock()
_flusher_running = False


def results_changed(event: Event, activity: Activity) -> None:
    interval = current_app.config["RESULTS_BATCH_SECONDS"]
    if not interval:
        send_results(event.id, activity.id, phones=True)
        return
    results_stale(event.id, activity.id)
    # current_app is a proxy, typed as the Flask app it stands for; the thread needs the app itself.
    _ensure_flusher(current_app._get_current_object(), interval)  # type: ignore[attr-defined]


def _ensure_flusher(app: Flask, interval: float) -> None:
    global _flusher_running
    with _flusher_lock:
        if _flusher_running:
            return
        _flusher_running = True
    socketio.start_background_task(_flush_forever, app, interval)


def _flush_forever(app: Flask, interval: float) -> None:
    while True:
        socket_sleep(interval)
        flush_results(app)


def results_stale(event_id: int, activity_id: int) -> None:
    """Mark an activity's results for the next flush (``results_changed`` does, when results are batched)."""
    _dirty[activity_id] = event_id


def flush_results(app: Flask) -> None:
    """Send the results of every activity changed since the last flush: projector and consoles now, phones at
    most every PHONE_RESULTS_SECONDS. Each recount is low-value work: it waits for the entry writer's batch."""
    if not _dirty and not _phones_pending:
        return
    batch = dict(_dirty)
    for activity_id in batch:
        _dirty.pop(activity_id, None)
    now = time.monotonic()
    room_first = priority.of(app)
    with app.app_context():
        try:
            for activity_id, event_id in batch.items():
                phones_now = _phones_due.get(activity_id, 0) <= now
                with room_first.low_value():
                    send_results(event_id, activity_id, phones=phones_now)
                if phones_now:
                    _phones_due[activity_id] = now + PHONE_RESULTS_SECONDS
                    _phones_pending.discard(activity_id)
                else:
                    _phones_pending.add(activity_id)
            # Phones that missed a batch get the latest results once their interval has passed.
            for activity_id in [a for a in _phones_pending if _phones_due.get(a, 0) <= now]:
                _phones_pending.discard(activity_id)
                _phones_due[activity_id] = now + PHONE_RESULTS_SECONDS
                with room_first.low_value():
                    send_phone_results(activity_id)
        except Exception:  # one failed send must not stop live results for the rest of the event
            app.logger.exception("sending results failed")
        finally:
            db.session.remove()


def send_results(event_id: int, activity_id: int, *, phones: bool) -> None:
    activity = db.session.get(Activity, activity_id)
    if activity is None:
        return
    outcome = results_service.results(activity)
    # sent_at lets a client (and the bench) tell the server's pace from the network's bunching.
    message = {"activity_id": activity_id, "results": outcome, "sent_at": time.time()}
    socketio.emit("results", message, to=room(event_id, "staff"))
    if activity.results_on_projector:
        socketio.emit("results", message, to=room(event_id, "projector"))
    if phones:
        send_phone_results(activity_id)


def send_phone_results(activity_id: int) -> None:
    activity = db.session.get(Activity, activity_id)
    outcome = results_service.phone_results(activity) if activity else None
    if activity is not None and outcome is not None:
        socketio.emit(
            "results", {"activity_id": activity_id, "results": outcome}, to=room(activity.event_id, "participants")
        )


# --- Duty bearers' answers ----------------------------------------------------------------------


def answer_changed(event: Event, answer: DutyBearerAnswer) -> None:
    """An answer was written, changed or moderated: staff see it in their queue; once approved, the
    response activity showing its ask redraws on the projector and phones."""

    socketio.emit(
        "answer",
        {"version": event.version, "answer": ask_views.answer_view(answer, staff=True)},
        to=room(event.id, "staff"),
    )
    response_activity_changed(event)


def response_activity_changed(event: Event) -> None:
    """Redraw the duty bearers' response activity wherever it is on show."""

    for activity in {agenda_views.projected_activity(event), agenda_views.current_activity(event)}:
        if activity is None or activity.kind != "response":
            continue
        view = ask_views.response_activity_view(activity)
        message = {"activity_id": activity.id, "results": {"activity_id": activity.id, "kind": "response", **view}}
        if activity.id == event.projected_activity_id:
            socketio.emit("results", message, to=room(event.id, "projector"))
        if activity.id == event.current_activity_id:
            socketio.emit("results", message, to=room(event.id, "participants"))
