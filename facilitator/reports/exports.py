"""Exporting an event or one session: the one entry point the console and the CLI call. Picks the
renderer, names the file, and keeps the record of exports (the audit log, and ``Event.last_export_at``,
which starts the clock for purging raw entries: see ``safeguarding.service.purge_due_events``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from facilitator import audit, validation
from facilitator.agenda.models import AgendaSession
from facilitator.agenda.views import get_session
from facilitator.errors import InvalidInput
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.reports import content, tables, to_csv, to_docx, to_html, to_markdown, to_xlsx
from facilitator.reports import record as record_module
from facilitator.staff.models import StaffUser

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "zip": "application/zip",
}
FORMATS = ("docx", "md", "html", "csv", "xlsx")
FORMAT_NAMES = {
    "docx": "Word report (DOCX)",
    "md": "Markdown",
    "html": "Printable web page (HTML)",
    "csv": "Data, CSV files (zip)",
    "xlsx": "Data, Excel workbook (XLSX)",
}


@dataclass(frozen=True)
class Export:
    filename: str
    content_type: str
    body: bytes


def slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-") or "event"


def filename(
    event: Event,
    extension: str,
    *,
    session: AgendaSession | None = None,
    kind: str | None = None,
    full: bool = False,
    on: date | None = None,
) -> str:
    """``<event title>[-<session>][-<kind>][-full]-<date>.<ext>``, plain ASCII so every browser keeps it."""
    parts = [slug(event.title)]
    if session is not None:
        parts.append(f"day{session.day}-{slug(session.title, 40)}")
    if kind:
        parts.append(kind)
    if full:
        parts.append("full")
    parts.append((on or date.today()).isoformat())
    return "-".join(parts) + "." + extension


def export(
    event: Event,
    *,
    format: Any,
    actor: StaffUser | None,
    session_id: Any = None,
    full: bool = False,
    kind: Any = None,
    css_href: str | None = None,
) -> Export:
    """Render the event (or one session) in ``format``. Permission is the caller's to check: the full
    staff export is for facilitators only. A whole-event export sets ``Event.last_export_at``."""
    format = validation.choice(format, FORMATS, field="Format")
    session = get_session(event, session_id) if session_id not in (None, "") else None
    if kind not in (None, ""):
        if format not in ("csv", "xlsx"):
            raise InvalidInput("invalid_kind", "Only a data export (CSV) is split by kind.")
        kind = validation.choice(kind, tables.KINDS, field="Kind")
    else:
        kind = None
    record = record_module.load(event, session_id=session.id if session else None, full=bool(full))
    today = record.generated_at.date()

    def name(extension: str, with_kind: str | None = None) -> str:
        return filename(event, extension, session=session, kind=with_kind, full=bool(full), on=today)

    if format in ("docx", "md", "html"):
        report = content.build(record)
        if format == "docx":
            result = Export(
                name("docx"), CONTENT_TYPES["docx"], to_docx.render(report, generated_at=record.generated_at)
            )
        elif format == "md":
            result = Export(name("md"), CONTENT_TYPES["md"], to_markdown.render(report).encode("utf-8"))
        else:
            result = Export(
                name("html"), CONTENT_TYPES["html"], to_html.render(report, css_href=css_href).encode("utf-8")
            )
    elif format == "csv":
        if kind:
            result = Export(name("csv", kind), CONTENT_TYPES["csv"], to_csv.sheet_csv(tables.build(record, (kind,))[0]))
        else:
            stem = name("zip")[:-4]
            result = Export(name("zip"), CONTENT_TYPES["zip"], to_csv.zipped(tables.build(record), stem))
    else:
        sheets = tables.build(record, (kind,) if kind else tables.KINDS)
        result = Export(name("xlsx", kind), CONTENT_TYPES["xlsx"], to_xlsx.render(sheets, title=event.title))

    if session is None:
        event.last_export_at = record.generated_at
    audit.record(
        event.id,
        actor,
        "export",
        f"event:{event.id}",
        format=format,
        session=session.id if session else None,
        full=bool(full),
        kind=kind,
        file=result.filename,
    )
    db.session.commit()
    return result
