"""The children's feedback page, in their words: what they asked, what each organisation promised and
how that is going, who has not answered. Built from asks, answers and
commitments only: what the purge of an event keeps (safeguarding.service.purge_event).

Progress notes are not shown: they are the organisers' working notes, not written for children."""

from __future__ import annotations

from datetime import date
from typing import Any

from facilitator.asks import asks as ask_service
from facilitator.asks.models import SECTOR_NAMES, SECTOR_NAMES_SW
from facilitator.asks.views import answer_view, approved_answers, ordered_asks, organisation_of
from facilitator.events.models import Event

# Each commitment status in plain words, English and Kiswahili.
STATUS_WORDS = {
    "planned": ("Planned: not started yet", "Imepangwa: bado haijaanza"),
    "in_progress": ("They are working on it", "Wanaifanyia kazi"),
    "done": ("Done", "Imekamilika"),
    "delayed": ("Late: it is taking longer than they promised", "Imechelewa: inachukua muda zaidi ya walivyoahidi"),
    "dropped": ("Stopped: they will not do this", "Imesitishwa: hawataifanya"),
}
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_SW = (
    "Januari",
    "Februari",
    "Machi",
    "Aprili",
    "Mei",
    "Juni",
    "Julai",
    "Agosti",
    "Septemba",
    "Oktoba",
    "Novemba",
    "Desemba",
)


def friendly_date(iso: str | None) -> tuple[str, str] | None:
    """'30 June 2027' and '30 Juni 2027', or None when no date was given."""
    if not iso:
        return None
    day = date.fromisoformat(iso)
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}", f"{day.day} {MONTHS_SW[day.month - 1]} {day.year}"


def _sector(sector: str | None) -> tuple[str, str]:
    return SECTOR_NAMES.get(sector or "", ""), SECTOR_NAMES_SW.get(sector or "", "")


def asks_for_children(event: Event) -> list[dict[str, Any]]:
    """Each ask in priority order, with the promises made on it (approved answers with a commitment),
    the approved answers that promised nothing, and the organisations asked that have not answered."""
    sectors = {o.name: o.sector for o in ask_service.organisations(event)}
    asks = []
    for number, ask in enumerate(_asks_with_answers(event)["asks"], start=1):
        promises, answers_only = [], []
        for answer in ask["answers"]:
            organisation = {
                "organisation": answer["organisation"],
                "sector": _sector(answer["sector"]),
                "answer": answer["text"],
            }
            commitment = answer["commitment"]
            if commitment is None:
                answers_only.append(organisation)
                continue
            status = commitment["status"]
            promises.append(
                {
                    **organisation,
                    "what": commitment["what"],
                    "owner": commitment["owner"],
                    "due": friendly_date(commitment["due_on"]),
                    "status": status,
                    "status_words": STATUS_WORDS.get(status, (status, status)),
                }
            )
        answered = {answer["organisation"] for answer in ask["answers"]}
        not_answered = [
            {"organisation": name, "sector": _sector(sectors.get(name))}
            for name in sorted(ask["assigned"])
            if name not in answered
        ]
        asks.append(
            {
                "number": number,
                "text": ask["text"],
                "text_sw": ask["text_sw"],
                "promises": promises,
                "answers_only": answers_only,
                "not_answered": not_answered,
                "put_to_nobody": not ask["assigned"],
            }
        )
    return asks


def _asks_with_answers(event: Event) -> dict[str, Any]:
    """'You said / They committed / What happens next', for the public feedback page."""
    asks = []
    for ask in ordered_asks(event):
        answers = [answer_view(a) for a in approved_answers(ask)]
        asks.append(
            {
                "text": ask.text,
                "text_sw": ask.text_sw,
                "answers": answers,
                "assigned": [organisation_of(a).name for a in ask.assignments],
            }
        )
    return {"asks": asks}
