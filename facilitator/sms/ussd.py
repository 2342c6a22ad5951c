"""Votes by USSD: the open poll or scale as numbered menus, in English or Kiswahili, voting through the same
service as the phone page (a second session's vote replaces the first, as a phone's does).

Africa's Talking sends the whole path so far with every step, the answers joined by ``*`` ("" at first, then
"2", then "2*3"), and shows what we answer: ``CON …`` to ask for more, ``END …`` to finish. A screen holds at
most 182 characters. The path is: language, then (when several events take USSD votes) the event, then the
choice.
"""

from __future__ import annotations

from typing import Any

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from facilitator.agenda.views import current_activity
from facilitator.errors import InvalidInput, ServiceError
from facilitator.events.models import Event
from facilitator.events.participants import participant_for_number
from facilitator.extensions import db
from facilitator.voting.results import scale_bounds
from facilitator.voting.votes import cast_vote
from facilitator.web.ratelimit import sms_limits

SCREEN_MAX = 182
USSD_KINDS = ("poll", "scale")
# The first screen is in both languages: the sender has not chosen yet.
LANGUAGE_MENU = "CON Choose language / Chagua lugha\n1. English\n2. Kiswahili"
LANGUAGES = {"1": "en", "2": "sw"}
# The most events one menu lists (a venue runs one or two at a time).
MAX_EVENTS = 5


def ussd_screen(number: Any, text: Any) -> str:
    """The screen to show after ``text`` (the answers so far, joined by ``*``), beginning CON or END."""
    if not isinstance(text, str) or len(text) > 200:
        raise InvalidInput("invalid_text", "The USSD text is not a list of answers.")
    answers = text.split("*") if text else []
    if not answers:
        return LANGUAGE_MENU
    language = LANGUAGES.get(answers[0].strip())
    if language is None:
        return "END That is not one of the choices. / Hilo si mojawapo ya machaguo."
    with force_locale(language):
        return _fit(_screen(number, answers[1:], language))


def _screen(number: Any, answers: list[str], language: str) -> str:
    events = list(
        db.session.scalars(
            select(Event)
            .where(Event.ussd_enabled.is_(True), Event.purged_at.is_(None))
            .order_by(Event.id)
            .limit(MAX_EVENTS)
        )
    )
    if not events:
        return "END " + str(_l("No event is taking votes by USSD right now."))
    if len(events) > 1:
        if not answers:
            title = [f"{n}. {_title(event, language)}" for n, event in enumerate(events, 1)]
            return "CON " + str(_l("Choose your event:")) + "\n" + "\n".join(title)
        picked = answers.pop(0).strip()
        if not picked.isdigit() or not 1 <= int(picked) <= len(events):
            return "END " + str(_l("That is not one of the choices. Dial again to vote."))
        event = events[int(picked) - 1]
    else:
        event = events[0]
    activity = current_activity(event)
    if activity is None or activity.kind not in USSD_KINDS or activity.state != "open" or activity.locked:
        return "END " + str(_l("No vote is open right now. Dial again when the facilitator opens one."))
    choices = _choices(activity, language)
    if not answers:
        prompt = (activity.title_sw if language == "sw" and activity.title_sw else activity.title) or ""
        return "CON " + _menu(prompt, [f"{n}. {label}" for n, label in choices])
    picked = answers[0].strip()
    values = dict(choices)
    if not picked.isdigit() or int(picked) not in values:
        return "END " + str(_l("That is not one of the choices. Dial again to vote."))
    try:
        participant = participant_for_number(event, number, language=language)
        sms_limits.check("ussd", f"p{participant.id}")
        if activity.kind == "poll":
            cast_vote(event, participant, activity.id, choices=[int(picked) - 1])
        else:
            cast_vote(event, participant, activity.id, value=int(picked))
    except ServiceError as error:
        db.session.rollback()
        return "END " + str(error)
    return "END " + str(_l("Thank you, your vote was counted. Dial again to change it."))


def _title(event: Event, language: str) -> str:
    return (event.title_sw if language == "sw" and event.title_sw else event.title)[:40]


def _choices(activity: Any, language: str) -> list[tuple[int, str]]:
    """(number to press, label): a poll's options from 1, a scale's own values."""
    if activity.kind == "poll":
        return [
            (n, (option.get("text_sw") if language == "sw" and option.get("text_sw") else option.get("text")) or "")
            for n, option in enumerate(activity.options, 1)
        ]
    low, high = scale_bounds(activity)
    scale = activity.settings.get("scale") or {}
    labels = {low: scale.get("min_label") or "", high: scale.get("max_label") or ""}
    return [(value, labels.get(value, "")) for value in range(low, high + 1)]


def _menu(prompt: str, lines: list[str]) -> str:
    """The prompt and the numbered choices within one screen: the choices are kept whole where they fit,
    shortened evenly where they do not, and the prompt gets what is left."""
    room = SCREEN_MAX - len("CON ")
    per_line = max(3, (room - 20) // max(1, len(lines)) - 1)
    lines = [line if len(line) <= per_line else line[: per_line - 1] + "…" for line in lines]
    choices = "\n".join(lines)
    prompt_room = room - len(choices) - 1
    if prompt_room < 8:
        return choices
    prompt = prompt if len(prompt) <= prompt_room else prompt[: prompt_room - 1] + "…"
    return prompt + "\n" + choices


def _fit(screen: str) -> str:
    return screen if len(screen) <= SCREEN_MAX else screen[: SCREEN_MAX - 1] + "…"
