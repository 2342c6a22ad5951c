"""The commitments register as staff read and download it: ``services.answers.register`` with what a
reader also needs to trust that nothing was dropped (who answered without committing, whose answer is
still waiting for a moderator, which asks were put to nobody)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from datetime import date
from typing import Any

from sqlalchemy import select

from facilitator.asks import answers as answer_service
from facilitator.asks.models import SECTOR_NAMES, Commitment, DutyBearerAnswer, Organisation
from facilitator.asks.views import ordered_asks
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


def register_view(event: Event, *, today: date | None = None) -> dict[str, Any]:
    """Every commitment (with sector name, ask number and whether it is overdue), every ask with the
    organisations that have not answered it and why, asks put to nobody, and approved answers that made
    no commitment."""
    today = today or date.today()
    asks_by_id = {ask.id: ask for ask in ordered_asks(event)}
    numbers = {ask_id: number for number, ask_id in enumerate(asks_by_id, start=1)}
    base = answer_service.register(event)
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

    rows = db.session.execute(
        select(DutyBearerAnswer.ask_id, Organisation.name, DutyBearerAnswer.status, Commitment.id)
        .join(Organisation, Organisation.id == DutyBearerAnswer.organisation_id)
        .outerjoin(Commitment, Commitment.answer_id == DutyBearerAnswer.id)
        .where(DutyBearerAnswer.event_id == event.id)
    ).all()
    answer_status = {(ask_id, name): status for ask_id, name, status, _ in rows}
    sectors = dict(
        db.session.execute(
            select(Organisation.name, Organisation.sector).where(Organisation.event_id == event.id)
        ).all()
    )

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
                            "why": NOT_ANSWERED_WHY.get(answer_status.get((entry["ask_id"], name)), "no answer"),
                        }
                        for name in entry["organisations"]
                    ],
                }
            )

    without_commitment = sorted(
        (
            {
                "ask_id": ask_id,
                "ask": asks_by_id[ask_id].text,
                "ask_number": numbers[ask_id],
                "organisation": name,
                "sector_name": SECTOR_NAMES.get(sectors.get(name, ""), ""),
            }
            for ask_id, name, status, commitment_id in rows
            if status == "approved" and commitment_id is None
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
