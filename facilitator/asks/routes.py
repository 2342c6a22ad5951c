"""The console's 'Themes & asks' page: group cards into themes, word asks, put them to organisations.
Plain forms (POST, then back to the page), so it works the same with or without JavaScript."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from facilitator.agenda.models import Activity, AgendaSession
from facilitator.asks import asks as ask_service
from facilitator.asks import views as ask_views
from facilitator.asks.models import SECTOR_NAMES, SECTORS
from facilitator.board import themes as theme_service
from facilitator.board import views as board_views
from facilitator.board.models import Entry
from facilitator.errors import ServiceError
from facilitator.events import service as event_service
from facilitator.extensions import db
from facilitator.staff.routes import login_required, staff_or_404, staff_page

bp = Blueprint("asks", __name__, url_prefix="/console/<int:event_id>/asks")


def _boards(event) -> list[Activity]:
    return list(
        db.session.scalars(
            select(Activity)
            .join(AgendaSession, AgendaSession.id == Activity.session_id)
            .where(Activity.event_id == event.id, Activity.kind == "board")
            .order_by(AgendaSession.position, Activity.position)
        )
    )


@bp.get("/")
@login_required
def manage(event_id):
    user, event, can = staff_page(event_id, "moderate")
    boards = _boards(event)
    chosen = request.args.get("board", type=int)
    board = next((b for b in boards if b.id == chosen), None) or next(
        (b for b in boards if "want" in b.lane_keys()), boards[0] if boards else None
    )
    cards = (
        list(
            db.session.scalars(
                select(Entry)
                .where(Entry.activity_id == board.id, Entry.status == "approved")
                .order_by(Entry.lane, Entry.id)
            )
        )
        if board
        else []
    )
    asks = ask_views.ordered_asks(event)
    themes = board_views.themes_view(board) if board else []
    return render_template(
        "asks/manage.html",
        event=event,
        user=user,
        boards=boards,
        board=board,
        cards=cards,
        themes=themes,
        theme_names={t["id"]: t["name"] for t in themes},
        suggestions=theme_service.suggest_themes(board) if board else [],
        asks=asks,
        ask_views={a.id: ask_views.ask_view(a) for a in asks},
        answer_counts={a.id: len(ask_views.approved_answers(a)) for a in asks},
        organisations=ask_service.organisations(event),
        sectors=SECTORS,
        sector_names=SECTOR_NAMES,
        sessions=event_service.agenda(event),
        response_activities=[a for s in event_service.agenda(event) for a in s.activities if a.kind == "response"],
        can=can,
        has_ranking=ask_views.ranking_activity(event) is not None,
    )


def _act(event_id: int, permission: str, action: Callable, *, board: int | None = None):
    """Run one service call for the signed-in staff member, flash its outcome, and go back to the page."""
    actor = staff_or_404(event_id, permission)
    event = event_service.get_event(event_id)
    try:
        message = action(event, actor)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        flash(message, "ok")
    board = board or request.form.get("board", type=int)
    return redirect(url_for("asks.manage", event_id=event_id, board=board) + request.form.get("anchor", ""))


def _ids(name: str) -> list:
    return request.form.getlist(name)


@bp.post("/themes")
@login_required
def create_theme(event_id):
    form = request.form
    return _act(
        event_id,
        "moderate",
        lambda e, a: (
            "Theme “%s” created."
            % theme_service.create_theme(
                e, a, form.get("board"), form.get("name"), _ids("response_id"), form.get("name_sw")
            ).name
        ),
    )


@bp.post("/themes/move")
@login_required
def move_cards(event_id):
    target = request.form.get("theme_id") or None

    def move(event, actor):
        theme_service.move_cards(event, actor, _ids("response_id"), target)
        return "Cards moved."

    return _act(event_id, "moderate", move)


@bp.post("/themes/<int:theme_id>/rename")
@login_required
def rename_theme(event_id, theme_id):
    form = request.form
    return _act(
        event_id,
        "moderate",
        lambda e, a: (
            "Renamed to “%s”." % theme_service.rename_theme(e, a, theme_id, form.get("name"), form.get("name_sw")).name
        ),
    )


@bp.post("/themes/<int:theme_id>/merge")
@login_required
def merge_themes(event_id, theme_id):
    return _act(
        event_id,
        "moderate",
        lambda e, a: "Merged into “%s”." % theme_service.merge_themes(e, a, theme_id, _ids("from_id")).name,
    )


@bp.post("/themes/<int:theme_id>/delete")
@login_required
def delete_theme(event_id, theme_id):
    def delete(event, actor):
        theme_service.delete_theme(event, actor, theme_id)
        return "Theme removed; its cards are back among the ungrouped ones."

    return _act(event_id, "moderate", delete)


@bp.post("/")
@login_required
def create_ask(event_id):
    form = request.form
    return _act(
        event_id,
        "run_agenda",
        lambda e, a: (
            "Ask added: “%s”."
            % ask_service.create_ask(
                e,
                a,
                form.get("text"),
                text_sw=form.get("text_sw"),
                theme_id=form.get("theme_id") or None,
                response_id=form.get("response_id") or None,
            ).text
        ),
    )


@bp.post("/<int:ask_id>")
@login_required
def edit_ask(event_id, ask_id):
    form = request.form

    def save(event, actor):
        ask_service.edit_ask(event, actor, ask_id, form.get("text"), form.get("text_sw"))
        ask_service.assign(event, actor, ask_id, _ids("organisation_id"))
        return "Ask saved."

    return _act(event_id, "run_agenda", save)


@bp.post("/order")
@login_required
def order_asks(event_id):
    return _act(
        event_id,
        "run_agenda",
        lambda e, a: (
            "Asks ordered by %s (%d)."
            % (request.form.get("by"), len(ask_service.apply_order(e, a, request.form.get("by"))))
        ),
    )


@bp.post("/ranking")
@login_required
def rank_asks(event_id):
    return _act(
        event_id,
        "run_agenda",
        lambda e, a: (
            "Ranking activity “%s” added to the agenda: open it from the console."
            % ask_service.create_ranking_activity(e, a, request.form.get("session_id")).title
        ),
    )


@bp.post("/<int:ask_id>/show")
@login_required
def show_ask(event_id, ask_id):
    def show(event, actor):
        activity = ask_service.show_ask(event, actor, request.form.get("activity_id"), ask_id)
        return f"Now showing this ask in “{activity.title}”."

    return _act(event_id, "run_agenda", show)


@bp.post("/organisations")
@login_required
def add_organisation(event_id):
    form = request.form
    return _act(
        event_id,
        "run_agenda",
        lambda e, a: "Added %s." % ask_service.add_organisation(e, a, form.get("name"), form.get("sector")).name,
    )


@bp.post("/organisations/<int:organisation_id>/renew")
@login_required
def renew_link(event_id, organisation_id):
    return _act(
        event_id,
        "run_agenda",
        lambda e, a: (
            "New answering link for %s; the old one no longer works."
            % ask_service.renew_answer_link(e, a, organisation_id).name
        ),
    )
