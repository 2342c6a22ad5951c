"""The phone: join with a code, see the open activity, send entries. Works without JavaScript;
phone.js upgrades the same forms to live updates over Socket.IO with an outbox."""

from __future__ import annotations

import uuid
from functools import cache
from pathlib import Path

from flask import (
    Blueprint,
    current_app,
    flash,
    get_flashed_messages,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from markupsafe import Markup
from werkzeug.exceptions import RequestEntityTooLarge

from facilitator.agenda import views as agenda_views
from facilitator.asks import answers as answer_service
from facilitator.asks import views as ask_views
from facilitator.board import entries as board_service
from facilitator.board import views as board_views
from facilitator.errors import ServiceError
from facilitator.events import participants as participant_service
from facilitator.events import service as event_service
from facilitator.events.models import AGE_BANDS, GROUPS
from facilitator.extensions import db
from facilitator.safeguarding import service as safeguarding_service
from facilitator.voting import results as results_service
from facilitator.voting import votes as voting_service
from facilitator.web import i18n
from facilitator.web.error_pages import form_before_the_limit
from facilitator.web.security import local_path

bp = Blueprint("participant", __name__)
NOTICE_COOKIE = "notice_seen"  # the phone has seen "Before you write" unfolded once, on this event's page


def _participant_for(event):
    token = request.cookies.get(current_app.config["PARTICIPANT_COOKIE_NAME"])
    return participant_service.participant_in_event(token, event)


@bp.get("/")
def join_form():
    return render_template("participant/join.html", code="", groups=GROUPS, age_bands=AGE_BANDS)


@bp.get("/j/<code>")
def join_with_code(code):
    """The QR code's target: the code is filled in, the participant only confirms."""
    try:
        event = event_service.event_by_join_code(code)
    except ServiceError as error:
        return render_template(
            "participant/join.html", code=code, error=error.message, groups=GROUPS, age_bands=AGE_BANDS
        ), error.status
    if _participant_for(event) is not None:
        return redirect(url_for("participant.activity_page", code=event.join_code))
    return render_template(
        "participant/join.html", code=event.join_code, event=event, groups=GROUPS, age_bands=AGE_BANDS
    )


@bp.post("/join")
def join():
    form = request.form
    try:
        participant, token = participant_service.join(
            form.get("code"),
            group=form.get("group") or None,
            age_band=form.get("age_band") or None,
            language=form.get("language") or "en",
            token=request.cookies.get(current_app.config["PARTICIPANT_COOKIE_NAME"]),
        )
        code = event_service.get_event(participant.event_id).join_code
        db.session.commit()
    except ServiceError as error:
        db.session.rollback()
        return render_template(
            "participant/join.html",
            code=form.get("code", "")[:12],
            error=error.message,
            groups=GROUPS,
            age_bands=AGE_BANDS,
        ), error.status
    response = make_response(redirect(url_for("participant.activity_page", code=code)))
    response.set_cookie(
        current_app.config["PARTICIPANT_COOKIE_NAME"],
        token,
        max_age=current_app.config["PARTICIPANT_COOKIE_DAYS"] * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response


@cache
def _faces() -> dict[int, Markup]:
    """The scale's faces (static/faces/N.svg, the projector's too) drawn inside the phone's page: five requests'
    headers weigh more than the drawings, and the page must stay under 30 KB (DESIGN.md section 5)."""
    folder = Path(current_app.static_folder or "static") / "faces"
    return {value: Markup((folder / f"{value}.svg").read_text(encoding="utf-8")) for value in range(1, 6)}


def _activity_context(event, participant, *, draft=None) -> dict:
    """What the live part of the phone page shows: the open activity, this participant's own entries
    and votes, and the results if the facilitator shows them on phones."""
    activity = agenda_views.current_activity(event)
    entries = board_views.own_entries(participant, activity.id if activity else None)
    return {
        "event": event,
        "activity": activity,
        "entries": [board_views.own_entry_view(r) for r in entries],
        "votes": voting_service.own_votes(participant, activity) if activity else {},
        "my_ratings": ask_views.own_ratings(participant),
        "results": results_service.phone_results(activity),
        "new_client_key": uuid.uuid4().hex,
        "draft": draft or {},
        "max_chars": board_service.ENTRY_MAX_CHARS,
        "faces": _faces(),
    }


def _state_message(what: str, activity_id: int) -> str:
    """A flashed "sent" / "voted" that belongs to the activity it was said about (see _activity_states)."""
    return f"{what}:{activity_id}"


def _activity_states(messages: list[str], activity) -> set[str]:
    """Of the flashed state messages, those about the activity on the page now: "Sent" or "Your vote is saved"
    said about another activity (the facilitator moved on between the post and its page) is not shown."""
    here = str(activity.id) if activity else ""
    return {what for what, _, about in (m.partition(":") for m in messages) if about == here}


def _render_activity_page(event, participant, *, error=None, draft=None, status=200):
    messages = [str(message) for message in get_flashed_messages()]
    context = _activity_context(event, participant, draft=draft)
    states = _activity_states(messages, context["activity"])
    notice_seen = request.cookies.get(NOTICE_COOKIE) == "1"
    response = make_response(
        render_template(
            "participant/activity.html",
            **context,
            error=error,
            version=event.version,
            sent="sent" in states,
            voted="voted" in states or "rated" in states,
            show_support="support" in messages,
            help_requested="help" in messages,
            notice_open=not notice_seen,
            contact=safeguarding_service.safeguarding_contact(event),
            language=participant.language,
        ),
        status,
    )
    if not notice_seen:
        # "Before you write" is read in full once; on every later page it is folded (one tap to open again).
        response.set_cookie(
            NOTICE_COOKIE,
            "1",
            max_age=current_app.config["PARTICIPANT_COOKIE_DAYS"] * 24 * 3600,
            path=url_for("participant.activity_page", code=event.join_code),
            httponly=True,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response


@bp.get("/e/<code>")
def activity_page(code):
    event, participant, elsewhere = _event_and_participant(code)
    if elsewhere:
        return elsewhere
    return _render_activity_page(event, participant)


def _event_and_participant(code):
    """The event of this code and the participant in it, or the page to send the phone to instead."""
    try:
        event = event_service.event_by_join_code(code)
    except ServiceError as error:
        return (
            None,
            None,
            (
                render_template(
                    "participant/join.html", code=code, error=error.message, groups=GROUPS, age_bands=AGE_BANDS
                ),
                error.status,
            ),
        )
    participant = _participant_for(event)
    if participant is None:
        return event, None, redirect(url_for("participant.join_with_code", code=event.join_code))
    return event, participant, None


@bp.get("/e/<code>/activity")
def activity_fragment(code):
    """The live part of the page alone: phone.js swaps it in when the facilitator moves on."""
    event, participant, elsewhere = _event_and_participant(code)
    if elsewhere:
        return elsewhere
    return render_template("participant/_activity.html", **_activity_context(event, participant))


@bp.post("/e/<code>/vote")
def vote(code):
    """A poll choice, a scale value or a ranking from a plain form; the socket event runs the same call."""
    event, participant, elsewhere = _event_and_participant(code)
    if elsewhere:
        return elsewhere
    form = request.form
    # A ranking without JavaScript is one drop-down per option ("rank_<option>": its place); cast_vote checks it.
    places = {key.removeprefix("rank_"): form[key] for key in form if key.startswith("rank_")} or None
    try:
        activity = voting_service.cast_vote(
            event,
            participant,
            form.get("activity_id"),
            choices=form.getlist("choice"),
            value=form.get("value"),
            places=places,
        )
    except ServiceError as error:
        db.session.rollback()
        return _render_activity_page(event, participant, error=error.message, status=error.status)
    flash(_state_message("voted", activity.id))
    return redirect(url_for("participant.activity_page", code=event.join_code), code=303)


@bp.post("/e/<code>/rate")
def rate(code):
    """Satisfied / not sure / not satisfied with a duty bearer's answer; a plain form, same service call."""
    event, participant, elsewhere = _event_and_participant(code)
    if elsewhere:
        return elsewhere
    try:
        answer_service.rate_answer(event, participant, request.form.get("answer_id"), request.form.get("rating"))
    except ServiceError as error:
        db.session.rollback()
        return _render_activity_page(event, participant, error=error.message, status=error.status)
    activity = agenda_views.current_activity(event)
    if activity is not None:
        flash(_state_message("rated", activity.id))
    return redirect(url_for("participant.activity_page", code=event.join_code), code=303)


@bp.post("/e/<code>/upvote")
def upvote(code):
    event, participant, elsewhere = _event_and_participant(code)
    if elsewhere:
        return elsewhere
    try:
        voting_service.toggle_upvote(event, participant, request.form.get("response_id"))
    except ServiceError as error:
        db.session.rollback()
        return _render_activity_page(event, participant, error=error.message, status=error.status)
    return redirect(url_for("participant.activity_page", code=event.join_code), code=303)


@bp.post("/e/<code>/submit")
def submit(code):
    """The no-JavaScript path: the same service call as the socket event, then back to the page."""
    event, participant, elsewhere = _event_and_participant(code)
    if elsewhere:
        return elsewhere
    form = request.form
    lane = form.get("lane")
    try:
        submission = board_service.submit_entry(
            event,
            activity_id=form.get("activity_id"),
            lane=lane,
            text=form.get("text"),
            client_key=form.get("client_key"),
            participant=participant,
        )
    except ServiceError as error:
        db.session.rollback()
        # Keep what they wrote: nothing typed on a phone is lost to an error.
        return _render_activity_page(
            event,
            participant,
            error=error.message,
            draft={"lane": lane, "text": (form.get("text") or "")[:2000]},
            status=error.status,
        )
    flash(_state_message("sent", submission.response.activity_id))
    if submission.needs_safeguarding:
        flash("support")
    return redirect(url_for("participant.activity_page", code=event.join_code) + "#my-entries", code=303)


@bp.errorhandler(CSRFError)
def form_token_refused(error: CSRFError) -> ResponseReturnValue:
    """A phone's page left open past its form token's life, or an old copy of it: the app's own page in the phone's
    language, with what was typed still in the box, never the framework's bare English error."""
    message = _l("This page was open a long time. Check your text and press Send again.")
    code = (request.view_args or {}).get("code")
    event, participant, _elsewhere = _event_and_participant(code) if code else (None, None, None)
    if event is None or participant is None:
        return render_template(
            "participant/join.html",
            code=str(request.form.get("code") or code or "")[:12],
            error=message,
            groups=GROUPS,
            age_bands=AGE_BANDS,
        ), 400
    draft = None
    if request.endpoint == "participant.submit":
        draft = {"lane": request.form.get("lane"), "text": (request.form.get("text") or "")[:2000]}
    return _render_activity_page(event, participant, error=str(message), draft=draft, status=400)


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error: RequestEntityTooLarge) -> ResponseReturnValue:
    """A form past the server's limit on a body (an old browser that ignores the box's maxlength): the phone's own
    page, in its language, saying how long a text may be, with as much of the text as may be sent in the box."""
    code = (request.view_args or {}).get("code")
    event, participant, _elsewhere = _event_and_participant(code) if code else (None, None, None)
    message = _l(
        "That was too long to send: a text may have up to %(n)s characters. Check it, then press Send again.",
        n=board_service.ENTRY_MAX_CHARS,
    )
    if event is None or participant is None:
        return render_template(
            "participant/join.html", code=str(code or "")[:12], error=message, groups=GROUPS, age_bands=AGE_BANDS
        ), 413
    draft = None
    if request.endpoint == "participant.submit":
        form = form_before_the_limit()
        draft = {"lane": form.get("lane"), "text": (form.get("text") or "")[: board_service.ENTRY_MAX_CHARS]}
    return _render_activity_page(event, participant, error=str(message), draft=draft, status=413)


@bp.post("/e/<code>/help")
def ask_for_help(code):
    """'Talk to someone privately': alerts only the safeguarding lead. Works without JavaScript."""
    event, participant, elsewhere = _event_and_participant(code)
    if elsewhere:
        return elsewhere
    try:
        safeguarding_service.request_help(event, participant, request.form.get("where"))
    except ServiceError as error:
        db.session.rollback()
        return _render_activity_page(event, participant, error=error.message, status=error.status)
    flash("help")
    return redirect(url_for("participant.activity_page", code=event.join_code) + "#help", code=303)


@bp.post("/lang")
def switch_language():
    """EN | SW: remembered in a cookie, and on the participant when this phone has joined."""
    language = i18n.chosen_language(request.form.get("lang"))
    participant = participant_service.participant_for_token(
        request.cookies.get(current_app.config["PARTICIPANT_COOKIE_NAME"])
    )
    if participant is not None:
        participant.language = language
        db.session.commit()
    response = redirect(local_path(request.form.get("next"), "/"), code=303)
    i18n.remember_language(response, language)
    return response


@bp.get("/healthz")
def healthz():
    return {"ok": True}
