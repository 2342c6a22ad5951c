"""Asks: what children want, worded by the facilitator, put to named organisations, in priority order."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import func, select

from facilitator import audit, validation
from facilitator.agenda.models import Activity
from facilitator.agenda.views import get_activity, get_session, next_position
from facilitator.asks.models import SECTORS, Ask, AskAssignment, Organisation
from facilitator.asks.views import ordered_asks, ranking_activity
from facilitator.board.models import Entry
from facilitator.board.themes import get_theme
from facilitator.errors import Conflict, InvalidInput, NotFound
from facilitator.events.models import Event
from facilitator.events.service import bump_version
from facilitator.extensions import db
from facilitator.live import broadcast
from facilitator.live.on_commit import commit, send_after_commit
from facilitator.lookups import get_in_event
from facilitator.staff.models import StaffUser

ASK_MAX_CHARS = 300


# --- Organisations ------------------------------------------------------------------------------


def add_organisation(event: Event, actor: StaffUser, name: Any, sector: Any) -> Organisation:
    name = validation.clean_text(name, field="Organisation", max_chars=200)
    sector = validation.choice(sector, SECTORS, field="Sector")
    if db.session.scalar(select(Organisation.id).where(Organisation.event_id == event.id, Organisation.name == name)):
        raise Conflict("organisation_exists", "That organisation is already in this event.")
    organisation = Organisation(event_id=event.id, name=name, sector=sector, answer_token=secrets.token_urlsafe(24))
    db.session.add(organisation)
    db.session.flush()
    audit.record(event.id, actor, "add_organisation", f"organisation:{organisation.id}", name=name, sector=sector)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return organisation


def get_organisation(event: Event, organisation_id: Any) -> Organisation:
    return get_in_event(
        Organisation,
        event.id,
        organisation_id,
        field="Organisation",
        code="unknown_organisation",
        message="That organisation is not in this event.",
    )


def organisation_by_token(token: Any) -> Organisation:
    if not isinstance(token, str) or not 16 <= len(token) <= 64:
        raise NotFound("unknown_link", "This answering link is not valid. Ask the facilitator for a new one.")
    organisation = db.session.scalar(select(Organisation).where(Organisation.answer_token == token))
    if organisation is None:
        raise NotFound("unknown_link", "This answering link is not valid. Ask the facilitator for a new one.")
    return organisation


def renew_answer_link(event: Event, actor: StaffUser, organisation_id: Any) -> Organisation:
    organisation = get_organisation(event, organisation_id)
    organisation.answer_token = secrets.token_urlsafe(24)
    audit.record(event.id, actor, "renew_answer_link", f"organisation:{organisation.id}")
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return organisation


def organisations(event: Event) -> list[Organisation]:
    return list(
        db.session.scalars(
            select(Organisation)
            .where(Organisation.event_id == event.id)
            .order_by(Organisation.sector, Organisation.name)
        )
    )


# --- Asks ------------------------------------------------------------------------------------------


def get_ask(event: Event, ask_id: Any) -> Ask:
    return get_in_event(
        Ask, event.id, ask_id, field="Ask", code="unknown_ask", message="That ask does not exist in this event."
    )


def create_ask(
    event: Event, actor: StaffUser, text: Any, *, text_sw: Any = None, theme_id: Any = None, response_id: Any = None
) -> Ask:
    """An ask worded by the facilitator from a theme, or from one approved card (usually of the
    'internet we want' lane), or from nothing but their notes."""
    theme = get_theme(event, theme_id) if theme_id is not None else None
    card = None
    if response_id is not None:
        card = db.session.get(Entry, validation.positive_int(response_id, field="Card"))
        if card is None or card.event_id != event.id or card.status != "approved":
            raise InvalidInput("invalid_selection", "An ask comes from an approved card of this event.")
    last = db.session.scalar(select(func.max(Ask.position)).where(Ask.event_id == event.id))
    ask = Ask(
        event_id=event.id,
        text=validation.clean_text(text, field="The ask", max_chars=ASK_MAX_CHARS),
        text_sw=validation.clean_text(text_sw, field="The ask (Kiswahili)", max_chars=ASK_MAX_CHARS, required=False)
        or None,
        theme_id=theme.id if theme else None,
        response_id=card.id if card else None,
        position=(last if last is not None else -1) + 1,
    )
    db.session.add(ask)
    db.session.flush()
    audit.record(event.id, actor, "create_ask", f"ask:{ask.id}", text=ask.text)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return ask


def ask_from_entry(event: Event, actor: StaffUser, response_id: Any, text: Any = None) -> Ask:
    """A card made an ask straight from the moderation queue, no theme needed: the ask says what the card
    says as the room saw it (its shown text, personal details masked) unless the facilitator words it."""
    card = get_in_event(
        Entry, event.id, response_id, field="Card", code="unknown_response", message="That card is not in this event."
    )
    if card.status != "approved":
        raise InvalidInput("invalid_selection", "An ask comes from an approved card of this event.")
    wording = text if text is not None and str(text).strip() else card.shown_text[:ASK_MAX_CHARS]
    return create_ask(event, actor, wording, response_id=card.id)


def edit_ask(event: Event, actor: StaffUser, ask_id: Any, text: Any, text_sw: Any = None) -> Ask:
    ask = get_ask(event, ask_id)
    before = ask.text
    ask.text = validation.clean_text(text, field="The ask", max_chars=ASK_MAX_CHARS)
    ask.text_sw = (
        validation.clean_text(text_sw, field="The ask (Kiswahili)", max_chars=ASK_MAX_CHARS, required=False) or None
    )
    audit.record(event.id, actor, "edit_ask", f"ask:{ask.id}", before=before, after=ask.text)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return ask


def assign(event: Event, actor: StaffUser, ask_id: Any, organisation_ids: Any) -> Ask:
    """Put the ask to exactly these organisations."""
    ask = get_ask(event, ask_id)
    if not isinstance(organisation_ids, list) or len(organisation_ids) > 100:
        raise InvalidInput("invalid_selection", "Choose the organisations this ask is for.")
    chosen = {get_organisation(event, i).id for i in organisation_ids}
    current = {a.organisation_id: a for a in ask.assignments}
    for organisation_id in set(current) - chosen:
        ask.assignments.remove(current[organisation_id])
    for organisation_id in chosen - set(current):
        ask.assignments.append(AskAssignment(organisation_id=organisation_id))
    audit.record(event.id, actor, "assign_ask", f"ask:{ask.id}", organisations=sorted(chosen))
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return ask


def apply_order(event: Event, actor: StaffUser, order_by: Any) -> list[Ask]:
    """Make an ordering the asks' priority (their position), so every view shows the same order."""
    order_by = validation.choice(order_by, ("upvotes", "ranking"), field="Order")
    if order_by == "ranking" and ranking_activity(event) is None:
        raise Conflict("no_ranking", "Run a ranking activity on the asks first.")
    asks = ordered_asks(event, order_by)
    for position, ask in enumerate(asks):
        ask.position = position
    audit.record(event.id, actor, "order_asks", None, by=order_by)
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return asks


def create_ranking_activity(event: Event, actor: StaffUser, session_id: Any) -> Activity:
    """A ranking activity whose options are the asks (up to 8, in their current order), for children."""
    session = get_session(event, session_id)
    asks = ordered_asks(event)[:8]
    if len(asks) < 2:
        raise Conflict("too_few_asks", "Write at least two asks before ranking them.")
    activity = Activity(
        event_id=event.id,
        session_id=session.id,
        position=next_position(session),
        kind="ranking",
        title="Which asks matter most?",
        title_sw="Maombi yapi ni muhimu zaidi?",
        prompt="Put the asks in order: 1 is the most important to you.",
        prompt_sw="Panga maombi kwa mpangilio: 1 ni muhimu zaidi kwako.",
        audience="children",
        moderation="pre",
        state="draft",
        settings={"options": [{"text": a.text, "text_sw": a.text_sw} for a in asks], "ask_ids": [a.id for a in asks]},
    )
    db.session.add(activity)
    db.session.flush()
    audit.record(event.id, actor, "rank_asks_activity", f"activity:{activity.id}", asks=[a.id for a in asks])
    bump_version(event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return activity


def show_ask(event: Event, actor: StaffUser, activity_id: Any, ask_id: Any) -> Activity:
    """Put one ask on the response activity: the projector shows it with its answers arriving live."""
    activity = get_activity(event, validation.positive_int(activity_id, field="Activity"))
    if activity.kind != "response":
        raise InvalidInput("wrong_kind", "Asks are shown in a duty bearers' response activity.")
    ask = get_ask(event, ask_id)
    activity.settings = {**activity.settings, "ask_id": ask.id}
    audit.record(event.id, actor, "show_ask", f"ask:{ask.id}", activity=activity.id)
    bump_version(event)
    send_after_commit(broadcast.response_activity_changed, event)
    send_after_commit(broadcast.agenda_changed, event)
    commit()
    return activity
