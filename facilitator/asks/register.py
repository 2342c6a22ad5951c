"""The commitments register, the event's main output: every commitment with organisation, ask, owner, due date
and status, and what a reader also needs to trust that nothing was dropped (who has not answered an ask and
why, who answered without committing, which asks were put to nobody). Read once per call, in a few queries,
for the staff page, its CSV download, the report and the children's feedback page."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from facilitator.asks.models import SECTOR_NAMES, Ask, AskAssignment, Commitment, DutyBearerAnswer, Organisation
from facilitator.asks.views import commitment_view, ordered_asks
from facilitator.events.models import Event
from facilitator.extensions import db

# Why an organisation the ask was put to is listed as not having answered.
NOT_ANSWERED_WHY = {
    None: "no answer",
    "pending": "answer waiting for a moderator",
    "held": "answer waiting for a moderator",
    "hidden": "answer not shown by a moderator",
}
CLOSED_STATUSES = ("done", "dropped")
CSV_COLUMNS = (
    "record",
    "ask_number",
    "ask",
    "organisation",
    "sector",
    "what",
    "owner",
    "due_on",
    "status",
    "progress_note",
)


@dataclass
class _Answered:
    answer: DutyBearerAnswer
    organisation: Organisation
    commitment: Commitment | None


@dataclass
class _Rows:
    """Everything the register reads, loaded once: asks in priority order, each ask's answers (in the order they
    were first written) and the organisations it was put to."""

    asks: list[Ask]
    answers: dict[int, dict[int, _Answered]]  # ask id -> organisation id -> its answer
    assigned: dict[int, list[Organisation]]  # ask id -> organisations, in the order they were put to it


def _load(event: Event) -> _Rows:
    answers: dict[int, dict[int, _Answered]] = defaultdict(dict)
    for answer, organisation, commitment in db.session.execute(
        select(DutyBearerAnswer, Organisation, Commitment)
        .join(Organisation, Organisation.id == DutyBearerAnswer.organisation_id)
        .outerjoin(Commitment, Commitment.answer_id == DutyBearerAnswer.id)
        .where(DutyBearerAnswer.event_id == event.id)
        .order_by(DutyBearerAnswer.id)
    ):
        answers[answer.ask_id][organisation.id] = _Answered(answer, organisation, commitment)
    assigned: dict[int, list[Organisation]] = defaultdict(list)
    for ask_id, organisation in db.session.execute(
        select(AskAssignment.ask_id, Organisation)
        .join(Organisation, Organisation.id == AskAssignment.organisation_id)
        .where(Organisation.event_id == event.id)
        .order_by(AskAssignment.id)
    ):
        assigned[ask_id].append(organisation)
    return _Rows(ordered_asks(event), answers, assigned)


def register(event: Event) -> dict[str, Any]:
    """Every commitment of an approved answer (in ask order), and for every ask the organisations it was put to
    that have not had an answer shown (or that it was put to nobody). Nothing dropped."""
    return _register(_load(event))


def _register(rows: _Rows) -> dict[str, Any]:
    commitments, unanswered = [], []
    for ask in rows.asks:
        answers = rows.answers.get(ask.id, {})
        for answered in answers.values():
            if answered.commitment is not None and answered.answer.status == "approved":
                commitments.append(
                    {
                        **commitment_view(answered.commitment),
                        "organisation": answered.organisation.name,
                        "sector": answered.organisation.sector,
                        "ask": ask.text,
                        "ask_id": ask.id,
                    }
                )
        assigned = rows.assigned.get(ask.id, [])
        silent = [o.name for o in assigned if o.id not in answers or answers[o.id].answer.status != "approved"]
        if silent or not assigned:
            unanswered.append({"ask_id": ask.id, "ask": ask.text, "organisations": silent, "assigned": bool(assigned)})
    return {"commitments": commitments, "unanswered": unanswered}


def register_view(event: Event, *, today: date | None = None) -> dict[str, Any]:
    """The register as staff read it: every commitment (with sector name, ask number and whether it is overdue),
    every ask with the organisations that have not answered it and why, asks put to nobody, and approved
    answers that made no commitment."""
    today = today or date.today()
    rows = _load(event)
    base = _register(rows)
    numbers = {ask.id: number for number, ask in enumerate(rows.asks, start=1)}
    commitments = [
        {
            **c,
            "ask_number": numbers[c["ask_id"]],
            "sector_name": SECTOR_NAMES.get(c["sector"], c["sector"]),
            "overdue": bool(c["due_on"])
            and c["status"] not in CLOSED_STATUSES
            and date.fromisoformat(c["due_on"]) < today,
        }
        for c in base["commitments"]
    ]
    by_name = {
        (ask_id, answered.organisation.name): answered
        for ask_id, answers in rows.answers.items()
        for answered in answers.values()
    }
    sectors = {o.name: o.sector for organisations in rows.assigned.values() for o in organisations}
    sectors.update({name: answered.organisation.sector for (_, name), answered in by_name.items()})

    not_answered, put_to_nobody = [], []
    for entry in base["unanswered"]:
        ask = {"ask_id": entry["ask_id"], "ask": entry["ask"], "ask_number": numbers[entry["ask_id"]]}
        if not entry["assigned"]:
            put_to_nobody.append(ask)
        if entry["organisations"]:
            not_answered.append(
                {
                    **ask,
                    "organisations": [
                        {
                            "name": name,
                            "sector_name": SECTOR_NAMES.get(sectors.get(name, ""), ""),
                            "why": NOT_ANSWERED_WHY.get(
                                by_name[(entry["ask_id"], name)].answer.status
                                if (entry["ask_id"], name) in by_name
                                else None,
                                "no answer",
                            ),
                        }
                        for name in entry["organisations"]
                    ],
                }
            )

    asks_by_id = {ask.id: ask for ask in rows.asks}
    without_commitment = sorted(
        (
            {
                "ask_id": ask_id,
                "ask": asks_by_id[ask_id].text,
                "ask_number": numbers[ask_id],
                "organisation": name,
                "sector_name": SECTOR_NAMES.get(answered.organisation.sector, ""),
            }
            for (ask_id, name), answered in by_name.items()
            if answered.answer.status == "approved" and answered.commitment is None and ask_id in asks_by_id
        ),
        key=lambda row: (row["ask_number"], row["organisation"]),
    )
    return {
        "commitments": commitments,
        "not_answered": not_answered,
        "put_to_nobody": put_to_nobody,
        "without_commitment": without_commitment,
    }


def _cell(value: object) -> str:
    """A spreadsheet cell that stays text: a leading =, +, - or @ would make Excel run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def register_csv(event: Event) -> str:
    """The register as CSV, one row per commitment, then one per organisation that has not answered an ask,
    per approved answer without a commitment, and per ask put to nobody (column ``record`` says which)."""
    view = register_view(event)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for c in view["commitments"]:
        writer.writerow(
            [
                _cell(v)
                for v in (
                    "commitment",
                    c["ask_number"],
                    c["ask"],
                    c["organisation"],
                    c["sector_name"],
                    c["what"],
                    c["owner"],
                    c["due_on"],
                    c["status"],
                    c["progress_note"],
                )
            ]
        )
    for row in view["without_commitment"]:
        writer.writerow(
            [
                _cell(v)
                for v in (
                    "answered without commitment",
                    row["ask_number"],
                    row["ask"],
                    row["organisation"],
                    row["sector_name"],
                    "",
                    "",
                    "",
                    "",
                    "",
                )
            ]
        )
    for entry in view["not_answered"]:
        for organisation in entry["organisations"]:
            writer.writerow(
                [
                    _cell(v)
                    for v in (
                        "not answered",
                        entry["ask_number"],
                        entry["ask"],
                        organisation["name"],
                        organisation["sector_name"],
                        "",
                        "",
                        "",
                        organisation["why"],
                        "",
                    )
                ]
            )
    for entry in view["put_to_nobody"]:
        writer.writerow(
            [_cell(v) for v in ("put to nobody", entry["ask_number"], entry["ask"], "", "", "", "", "", "", "")]
        )
    return out.getvalue()


def csv_filename(event: Event, on: date | None = None) -> str:
    """``commitments-<event title>-<date>.csv``, in plain ASCII so every browser keeps it."""
    ascii_title = unicodedata.normalize("NFKD", event.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60] or "event"
    return f"commitments-{slug}-{(on or date.today()).isoformat()}.csv"
