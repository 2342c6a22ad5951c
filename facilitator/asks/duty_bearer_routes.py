"""The duty bearer's answering page, ``/d/<answer token>``: no sign-in, the organisation's own link is
the key (renewing it in the console revokes the old one). Plain forms, POST then redirect."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from facilitator.asks import answers as answer_service
from facilitator.asks import asks as ask_service
from facilitator.asks import views as ask_views
from facilitator.asks.models import SECTOR_NAMES
from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.extensions import db

bp = Blueprint("duty_bearers", __name__)


def _page(
    organisation,
    *,
    status: int = 200,
    draft: dict | None = None,
    error: ServiceError | None = None,
    error_ask_id: int | None = None,
):
    event = event_service.get_event(organisation.event_id)
    rows = ask_views.asks_for_organisation(event, organisation)
    saved = request.args.get("saved", type=int)
    return render_template(
        "duty_bearers/answer.html",
        event=event,
        organisation=organisation,
        sector_name=SECTOR_NAMES.get(organisation.sector, organisation.sector),
        put_to_you=[r for r in rows if r.put_to_you],
        others=[r for r in rows if not r.put_to_you],
        answered=sum(1 for r in rows if r.answer is not None),
        max_chars=answer_service.ANSWER_MAX_CHARS,
        draft=draft or {},
        error=error,
        error_ask_id=error_ask_id,
        saved=saved,
        # An error about an ask not on the page (a stale form, a made-up number) shows at the top.
        error_at_top=error is not None and error_ask_id not in {r.ask.id for r in rows},
    ), status


def _invalid_link(error: ServiceError):
    return render_template("duty_bearers/invalid.html", message=error.message), error.status


@bp.get("/d/<token>")
def answer_page(token):
    try:
        organisation = ask_service.organisation_by_token(token)
    except ServiceError as error:
        return _invalid_link(error)
    return _page(organisation)


@bp.post("/d/<token>/asks/<int:ask_id>")
def submit_answer(token, ask_id):
    try:
        organisation = ask_service.organisation_by_token(token)
    except ServiceError as error:
        return _invalid_link(error)
    form = request.form
    draft = {
        "ask_id": ask_id,
        "text": form.get("text", ""),
        "what": form.get("what", ""),
        "owner": form.get("owner", ""),
        "due_on": form.get("due_on", ""),
        "language": form.get("language", ""),
    }
    event = event_service.get_event(organisation.event_id)
    try:
        answer_service.submit_answer(
            event,
            organisation,
            ask_id,
            draft["text"],
            {"what": draft["what"], "owner": draft["owner"], "due_on": draft["due_on"]},
            language=draft["language"],
        )
    except ServiceError as error:
        db.session.rollback()
        return _page(organisation, status=error.status, draft=draft, error=error, error_ask_id=ask_id)
    return redirect(url_for("duty_bearers.answer_page", token=token, saved=ask_id, _anchor=f"ask-{ask_id}"))
