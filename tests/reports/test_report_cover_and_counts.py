"""The report counts what ran: the cover names the organisers, venue and dates; activities never opened are left
out and listed once, in an annex; times are the venue's; answers say their language."""

from __future__ import annotations

import csv
import io
import zipfile
from zoneinfo import ZoneInfo

from sqlalchemy import select

from facilitator.asks.models import DutyBearerAnswer
from facilitator.board.models import Entry
from facilitator.events.models import Event
from facilitator.extensions import db
from tests.reports.test_reports import docx_text, export, room  # noqa: F401 (room is a fixture)


def _set_details(app, room_) -> None:  # noqa: F811
    with app.app_context():
        event = db.session.get(Event, room_.event_id)
        event.organisers, event.venue, event.time_zone = "Watoto Online Trust; NCCS", "KICC, Nairobi", "Africa/Nairobi"
        db.session.commit()


def test_the_cover_names_organisers_venue_dates_and_the_time_zone(app, room):  # noqa: F811
    _set_details(app, room)
    document, text = docx_text(export(app, room, "docx").body)
    cover = "\n".join(p.text for p in document.paragraphs[:12])
    assert "Organised by: Watoto Online Trust; NCCS" in cover
    assert "Venue: KICC, Nairobi" in cover
    assert "Dates: 3–4 December 2026" in cover
    assert "Times: Africa/Nairobi, the venue's local time" in cover
    markdown = export(app, room, "md").body.decode()
    assert "**Organised by:** Watoto Online Trust; NCCS" in markdown and "**Venue:** KICC, Nairobi" in markdown


def test_only_what_ran_is_counted_and_what_never_opened_is_listed_once(app, room):  # noqa: F811
    _, text = docx_text(export(app, room, "docx").body)
    assert "Activities run | 3" in text
    assert "Activities planned but not run (listed in the last annex) | 1" in text
    assert text.count("Which app do you use most?") == 1  # only in the annex, not in its session's chapter
    assert "Day 1 · The internet we have | Which app do you use most? | Poll" in text
    assert text.count("No votes were cast") == 0  # the poll that ran has votes; the one that did not is not there
    assert "(1 planned activity not run: see the last annex)" in text  # the agenda says so, without the title


def test_times_are_the_venues(app, room):  # noqa: F811
    _, text = docx_text(export(app, room, "docx").body)
    # Opened 08:30 UTC: 11:30 in Nairobi.
    assert "first opened 03 Dec, 11:30" in text
    with zipfile.ZipFile(io.BytesIO(export(app, room, "csv").body)) as archive:
        name = next(n for n in archive.namelist() if "entries" in n)
        rows = list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
    with app.app_context():
        first = db.session.scalar(select(Entry).where(Entry.id == int(rows[0]["entry"])))
        local = first.created_at.astimezone(ZoneInfo("Africa/Nairobi"))
    assert rows[0]["written (Africa/Nairobi)"] == local.strftime("%Y-%m-%d %H:%M")


def test_an_answers_language_is_in_the_report(app, room):  # noqa: F811
    _, english = docx_text(export(app, room, "docx").body)
    assert "In English: We will add Kiswahili reporting." in english
    with app.app_context():
        db.session.scalar(select(DutyBearerAnswer)).language = "sw"
        db.session.commit()
    _, kiswahili = docx_text(export(app, room, "docx").body)
    assert "In Kiswahili: We will add Kiswahili reporting." in kiswahili
