"""Reports and data exports, opened the way their readers open them: DOCX with python-docx, XLSX with
openpyxl, CSV with the csv module. What leaves the app: approved, redacted entries (and, in the full staff
export, the unapproved ones), never a held entry, never a participant, never a group under five."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import event as sa_event
from sqlalchemy import select

from facilitator.asks import answers, asks
from facilitator.asks import views as ask_views
from facilitator.audit import AuditEntry
from facilitator.board import entries, themes
from facilitator.events import participants
from facilitator.events import service as event_service
from facilitator.events.models import Event, Participant
from facilitator.extensions import db
from facilitator.notes import service as notes_service
from facilitator.reports import exports, tables, to_docx
from facilitator.reports.exports import slug
from facilitator.safeguarding import service as safeguarding_service
from facilitator.safeguarding.service import REMOVED_TEXT
from facilitator.staff.models import StaffUser
from facilitator.voting import votes
from tests import factories
from tests.conftest import csrf_token

TEMPLATE = {
    "title": "Roundtable on Child Online Safety",
    "subtitle": "Listening to children",
    "sessions": [
        {
            "day": 1,
            "start": "11:00",
            "end": "12:00",
            "kind": "childrens_voices",
            "title": "The internet we have",
            "activities": [
                {
                    "kind": "board",
                    "title": "Have and want",
                    "prompt": "What is the internet like for you?",
                    "prompt_sw": "Mtandao uko aje kwako?",
                    "audience": "children",
                    "moderation": "pre",
                    "lanes": [
                        {"key": "have", "name": "The internet we have"},
                        {"key": "want", "name": "The internet we want"},
                    ],
                },
                {
                    "kind": "poll",
                    "title": "Who do you tell?",
                    "audience": "children",
                    "options": [{"text": "A parent"}, {"text": "A teacher"}, {"text": "Nobody"}],
                },
                # Planned, never opened: the report leaves it out and lists it once, in the last annex.
                {
                    "kind": "poll",
                    "title": "Which app do you use most?",
                    "audience": "children",
                    "options": [{"text": "WhatsApp"}, {"text": "TikTok"}],
                },
            ],
        },
        {"day": 1, "start": "12:00", "end": "13:00", "kind": "break", "title": "Lunch break"},
        {
            "day": 2,
            "start": "09:00",
            "end": "10:00",
            "kind": "duty_bearers_response",
            "title": "Duty bearers respond",
            "activities": [{"kind": "response", "title": "Answers to the asks"}],
        },
    ],
}
PHONE = "Call me on 0712 345 678 to talk about scams"
HELD = "someone is hurting me at home"
PENDING = "Adverts for betting on every video"
HIDDEN = "This is off topic"
FORMULA = '=HYPERLINK("http://evil.example","click")'


@dataclass
class Room:
    event_id: int
    board_id: int
    poll_id: int
    sessions: list[int]
    facilitator: StaffUser
    password: str
    answered_ask: str = "Make reporting easy and in Kiswahili"
    silent_ask: str = "Teach online safety in every school"
    nobody_ask: str = "Free data for the helpline"


def _entry(event, activity_id, lane, text, child, status):
    response = entries.submit_entry(
        event, activity_id=activity_id, lane=lane, text=text, client_key=factories.new_key(), participant=child
    ).response
    if response.status != "held":
        response.status = status
    return response


@pytest.fixture
def room(app) -> Room:
    """A record with everything a report shows: a board with approved, waiting, hidden and held entries and
    a theme; a poll by 13 children (5 aged 12-13, 6 aged 14-15, 2 aged 16-17); three asks (one answered
    with a commitment and rated, one put to an organisation that stayed silent, one put to nobody);
    rapporteur notes of every kind."""
    with app.app_context():
        event = event_service.create_event_from_template(TEMPLATE, starts_on=date(2026, 12, 3))
        event.ends_on = date(2026, 12, 4)
        db.session.flush()
        board_activity, poll, _never_opened = event.sessions[0].activities
        answers_activity = event.sessions[2].activities[0]
        for opened in (board_activity, poll, answers_activity):
            opened.state, opened.first_opened_at = "open", datetime(2026, 12, 3, 8, 30, tzinfo=UTC)
        db.session.commit()
        user, password = factories.staff_user(event.id, "facilitator")
        actor = db.session.get(StaffUser, user.id)
        children = []
        for band, count in (("12-13", 5), ("14-15", 6), ("16-17", 2)):
            for _ in range(count):
                children.append(participants.join(event.join_code, group="child", age_band=band)[0])
        db.session.commit()
        shown = [
            _entry(event, board_activity.id, "have", PHONE, children[0], "approved"),
            _entry(event, board_activity.id, "want", "Reporting that works in Kiswahili", children[1], "approved"),
            _entry(event, board_activity.id, "want", "Make reporting abuse <b>fast</b>", children[2], "approved"),
            _entry(event, board_activity.id, "want", FORMULA, children[3], "approved"),
        ]
        _entry(event, board_activity.id, "have", PENDING, children[4], "pending")
        _entry(event, board_activity.id, "have", HIDDEN, children[5], "hidden")
        held = _entry(event, board_activity.id, "have", HELD, children[6], "approved")
        assert held.status == "held"
        db.session.commit()
        themes.create_theme(event, actor, board_activity.id, "Reporting", [shown[1].id, shown[2].id])
        for index, child in enumerate(children):
            votes.cast_vote(event, child, poll.id, choices=[index % 3])
        ministry = asks.add_organisation(event, actor, "Ministry of ICT", "government")
        telco = asks.add_organisation(event, actor, "Safaricom", "isp_telco")
        answered = asks.create_ask(event, actor, "Make reporting easy and in Kiswahili")
        silent = asks.create_ask(event, actor, "Teach online safety in every school")
        asks.create_ask(event, actor, "Free data for the helpline")
        asks.assign(event, actor, answered.id, [telco.id])
        asks.assign(event, actor, silent.id, [ministry.id])
        answer = answers.submit_answer(
            event,
            telco,
            answered.id,
            "We will add Kiswahili reporting.",
            {"what": "Kiswahili reporting menu", "owner": "Head of Safety", "due_on": "2027-06-30"},
        )
        answers.moderate_answer(event, actor, answer.id, "approve")
        for child in children:
            answers.rate_answer(event, child, answer.id, "satisfied")
        first = event.sessions[0].id
        for kind, text in (
            ("key_point", "Reporting tools exist but do not work"),
            ("recommendation", "Platforms to offer reporting in Kiswahili"),
            ("action", "Send the asks to absent duty bearers"),
            ("note", "The session ran ten minutes over.\nChildren asked for the report."),
        ):
            notes_service.save_note(
                event,
                actor,
                session_id=first,
                client_key=factories.new_key(),
                text=text,
                kind=kind,
                action_owner="NCCS" if kind == "action" else None,
                action_due_on="2027-01-15" if kind == "action" else None,
            )
        return Room(event.id, board_activity.id, poll.id, [s.id for s in event.sessions], user, password)


def export(app, room: Room, export_format: str, **options) -> exports.Export:
    with app.app_context():
        return exports.export(db.session.get(Event, room.event_id), format=export_format, actor=None, **options)


def docx_text(body: bytes) -> tuple[Document, str]:
    document = Document(io.BytesIO(body))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return document, "\n".join(parts)


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def sign_in(client, user, password):
    page = client.get("/staff/login").get_data(as_text=True)
    reply = client.post(
        "/staff/login", data={"email": user.email, "password": password, "csrf_token": csrf_token(page)}
    )
    assert reply.status_code == 302


# --- The Word report -------------------------------------------------------------------------------------


def test_word_report_uses_word_styles_and_states_every_count(app, room):
    document, text = docx_text(export(app, room, "docx").body)
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == ["Roundtable on Child Online Safety"]
    assert headings(document, 1) == [
        "At a glance",
        "Agenda",
        "Day 1 · The internet we have",
        "Day 2 · Duty bearers respond",
        "Children's asks and the duty bearers' answers",
        "Commitments register",
        "Recommendations and actions",
        "Annex: the entries",
        "Annex: activities planned but not run",
    ]
    assert {"Have and want", "Who do you tell?", "Answers to the asks", "Rapporteur's notes"} <= set(
        headings(document, 2)
    )
    assert "Themes" in headings(document, 3)
    # 7 written: 4 approved, 1 waiting and 1 hidden (held by moderation), 1 held for safeguarding.
    assert "7 entries received, 4 shown, 2 held by moderation, 1 flagged for safeguarding." in text
    assert "13 responses received, 13 shown, 0 held by moderation, 0 flagged for safeguarding." in text
    assert "Prompt: What is the internet like for you?" in text and "Mtandao uko aje kwako?" in text
    assert "Reporting | 1 | 2" not in text and "Reporting | 0 | 2 | 2" in text  # theme counts per lane
    assert "Day 1 | 11:00–12:00 | The internet we have" in text  # the agenda
    assert "Lunch break" in text  # on the agenda, with no chapter of its own
    styles = {table.style.name for table in document.tables}
    assert styles == {to_docx.TABLE_STYLE}
    assert 'TOC \\o "1-2"' in document.element.xml  # a real contents field Word can update
    assert document.sections[0].page_width.cm == pytest.approx(21.0, abs=0.01)


def test_redacted_text_stays_redacted_and_held_entries_never_leave(app, room):
    for full in (False, True):
        for export_format in ("docx", "md", "html", "xlsx", "csv"):
            body = export(app, room, export_format, full=full).body
            readable = _readable(export_format, body)
            assert "0712" not in readable and "345 678" not in readable, (export_format, full)
            assert "hurting" not in readable, (export_format, full)
            if export_format in ("docx", "md", "html", "xlsx"):
                assert "phone number removed" in readable, export_format
            assert (PENDING in readable) is full and (HIDDEN in readable) is full, (export_format, full)


def _readable(export_format: str, body: bytes) -> str:
    if export_format == "docx":
        return docx_text(body)[1]
    if export_format == "xlsx":
        workbook = load_workbook(io.BytesIO(body))
        return "\n".join(str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row)
    if export_format == "csv":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())
    return body.decode("utf-8")


def test_no_group_under_five_is_ever_shown(app, room):
    """13 children: 5 aged 12-13, 6 aged 14-15 and 2 aged 16-17. The two cannot be shown, nor folded into an
    'others' of two; so no split by age band anywhere, while the split by group (all children) says nothing."""
    document, text = docx_text(export(app, room, "docx").body)
    assert "Aged 16–17" not in text and "Aged 12–13" not in text
    assert "Not broken down by age band: a group of fewer than 5 people would stand out." in text
    workbook = load_workbook(io.BytesIO(export(app, room, "xlsx").body))
    for sheet in ("votes", "ratings", "entries"):
        ages = {
            row[0].value
            for row in workbook[sheet].iter_rows(
                min_row=2, min_col=_column(workbook[sheet], "age band"), max_col=_column(workbook[sheet], "age band")
            )
        }
        assert ages <= {tables.NOT_SHOWN}, sheet


def test_with_three_more_children_the_small_band_is_folded_into_others(app, room):
    with app.app_context():
        event = db.session.get(Event, room.event_id)
        for _ in range(3):
            child, _ = participants.join(event.join_code, group="child", age_band="16-17")
            votes.cast_vote(event, child, room.poll_id, choices=[2])
    document, text = docx_text(export(app, room, "docx").body)
    assert "By age band" in headings(document, 3)
    # 5 aged 16-17 now: every band is shown, each with at least five people.
    assert "Aged 12–13" in text and "Aged 14–15" in text and "Aged 16–17" in text
    assert "People who voted | 5 | 6 | 5" in text


def test_rating_splits_follow_the_services_rule(app, room):
    """The report's rule is asks.views.ratings_view's rule: same answer, same verdict."""
    from facilitator.asks.models import DutyBearerAnswer
    from facilitator.reports import groups
    from facilitator.reports import record as record_module

    with app.app_context():
        answer = db.session.scalar(select(DutyBearerAnswer))
        expected = ask_views.ratings_view(answer)
        loaded = record_module.load(db.session.get(Event, room.event_id))
        ratings = loaded.ratings[answer.id]
        for attribute, key in (("age_band", "by_age_band"), ("group", "by_group")):
            mapping = groups.shown_groups(groups.people_by(ratings, attribute), attribute)
            assert (mapping is None) == (expected[key] is None)


def test_every_unanswered_ask_is_listed(app, room):
    document, text = docx_text(export(app, room, "docx").body)
    assert "Asks no organisation answered" in headings(document, 2)
    assert f"Ask 2: {room.silent_ask} (put to Ministry of ICT)" in text
    assert f"Ask 3: {room.nobody_ask} (put to no organisation)" in text
    assert "Unanswered: no organisation has answered this ask." in text
    assert "1 | Safaricom | Kiswahili reporting menu | Head of Safety | 30 Jun 2027 | Planned" in text
    assert "Still to answer" in headings(document, 2)


def test_notes_become_key_points_recommendations_and_actions(app, room):
    document, text = docx_text(export(app, room, "docx").body)
    assert {"Key points", "Recommendations", "Actions", "Notes"} <= set(headings(document, 3))
    assert "Platforms to offer reporting in Kiswahili (Day 1 · The internet we have)" in text
    assert "Send the asks to absent duty bearers | NCCS | 15 Jan 2027 | Day 1 · The internet we have" in text
    assert "The session ran ten minutes over.\nChildren asked for the report." in text


def test_markdown_and_html_say_what_the_word_report_says(app, room):
    markdown = export(app, room, "md").body.decode()
    html = export(app, room, "html").body.decode()
    for text in (markdown, html):
        assert "7 entries received, 4 shown, 2 held by moderation, 1 flagged for safeguarding." in text
        assert "Asks no organisation answered" in text
    assert "## Day 1 · The internet we have" in markdown and "| Option |" in markdown
    assert '=HYPERLINK(\\"' not in markdown and "\\[phone number removed\\]" in markdown
    assert "<style>" in html and "@page" in html and "size: A4" in html  # a standalone file prints as A4
    assert "<h2 id=" in html and 'href="#section-1"' in html
    # What a child typed is text in every format, never markup.
    assert "&lt;b&gt;fast&lt;/b&gt;" in html and "<b>fast</b>" not in html
    assert "\\<b\\>fast\\</b\\>" in markdown and "<b>fast</b>" not in markdown
    assert "Make reporting abuse <b>fast</b>" in docx_text(export(app, room, "docx").body)[1]


def test_one_session_exports_only_that_session(app, room):
    document, text = docx_text(export(app, room, "docx", session_id=room.sessions[0]).body)
    assert "Day 1 · The internet we have" in headings(document, 1)
    assert "Day 2 · Duty bearers respond" not in headings(document, 1)
    assert "Send the asks to absent duty bearers" in text
    response_session = export(app, room, "docx", session_id=room.sessions[2])
    document, text = docx_text(response_session.body)
    assert "Have and want" not in headings(document, 2)
    assert f"Ask 1: {room.answered_ask}" in headings(document, 2)  # where duty bearers answer: every ask
    assert response_session.filename.startswith("roundtable-on-child-online-safety-day2-duty-bearers-respond-")


# --- Data -------------------------------------------------------------------------------------------------------


def _column(worksheet, name: str) -> int:
    return [c.value for c in worksheet[1]].index(name) + 1


def test_workbook_has_a_typed_sheet_per_kind_with_frozen_headers(app, room):
    workbook = load_workbook(io.BytesIO(export(app, room, "xlsx").body))
    assert workbook.sheetnames == list(tables.KINDS)
    for worksheet in workbook.worksheets:
        assert worksheet.freeze_panes == "A2"
        assert worksheet["A1"].font.bold
        assert worksheet.column_dimensions["B"].width >= 6
    entries = workbook["entries"]
    rows = list(entries.iter_rows(min_row=2, values_only=True))
    header = [c.value for c in entries[1]]
    assert "participant" not in " ".join(header)
    written = rows[0][header.index("written (Africa/Nairobi)")]
    assert isinstance(written, datetime) and isinstance(rows[0][header.index("upvotes")], int)
    formula = next(row for row in entries.iter_rows(min_row=2) if str(row[header.index("text")].value).startswith("="))
    assert formula[header.index("text")].data_type == "s"  # a child's text is never run as a formula
    due = workbook["commitments"].cell(row=2, column=_column(workbook["commitments"], "due"))
    assert due.is_date and due.value.date() == date(2027, 6, 30)
    votes = workbook["votes"]  # counted, not listed: no row is one child's vote
    counted = {row[3]: row[-1] for row in votes.iter_rows(min_row=2, values_only=True)}
    assert counted == {"A parent": 5, "A teacher": 4, "Nobody": 4}
    assert isinstance(votes.cell(row=2, column=_column(votes, "value (option, rating or rank)")).value, int)
    ratings = list(workbook["ratings"].iter_rows(min_row=2, values_only=True))
    assert [(r[3], r[-1]) for r in ratings] == [("Satisfied", 13)]
    notes = workbook["notes"]
    assert {row[1] for row in notes.iter_rows(min_row=2, values_only=True)} == {
        "Key point",
        "Recommendation",
        "Action",
        "Note",
    }
    asks_sheet = workbook["asks"]
    unanswered = {row[1]: row[-1] for row in asks_sheet.iter_rows(min_row=2, values_only=True)}
    assert unanswered[room.silent_ask] == "yes" and unanswered[room.nobody_ask] == "yes"


def test_participants_appear_only_as_group_and_age_band(app, room):
    with app.app_context():
        hashes = db.session.scalars(select(Participant.token_hash)).all()
    for export_format in ("xlsx", "csv", "docx", "md"):
        readable = _readable(export_format, export(app, room, export_format, full=True).body)
        assert not any(h in readable for h in hashes)
        assert "participant_id" not in readable and "token" not in readable.lower()


def test_csv_zip_has_one_parseable_file_per_kind(app, room):
    result = export(app, room, "csv")
    assert result.content_type == "application/zip" and result.filename.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(result.body)) as archive:
        names = archive.namelist()
        assert [n.rsplit("/", 1)[1] for n in names] == [f"{kind}.csv" for kind in tables.KINDS]
        entries = list(csv.DictReader(io.StringIO(archive.read(names[0]).decode("utf-8-sig"))))
    assert len(entries) == 4 and {e["status"] for e in entries} == {"shown"}
    assert any(e["text"].startswith("'=HYPERLINK") for e in entries)  # defused for spreadsheets
    assert {e["group"] for e in entries} <= {"Children", tables.NOT_SHOWN}
    single = export(app, room, "csv", kind="commitments")
    rows = list(csv.reader(io.StringIO(single.body.decode("utf-8-sig"))))
    assert rows[0][:3] == ["ask", "ask text", "organisation"] and rows[1][6] == "2027-06-30"
    assert re.fullmatch(r"roundtable-on-child-online-safety-commitments-\d{4}-\d{2}-\d{2}\.csv", single.filename)


# --- Downloads from the console -----------------------------------------------------------------------------------


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "csv": "application/zip",
}


def download(client, event_id: int, headers: dict | None = None, **fields):
    """An export as the reports page asks for it: a POST with the session's CSRF token (taken from the sign-in
    form, which anyone may open, so that outsiders are refused for who they are, not for a missing token)."""
    page = client.get("/staff/login").get_data(as_text=True)
    return client.post(
        f"/console/{event_id}/reports/download", data={"csrf_token": csrf_token(page), **fields}, headers=headers or {}
    )


def test_downloads_have_the_right_type_and_name(app, client, room):
    sign_in(client, room.facilitator, room.password)
    page = client.get(f"/console/{room.event_id}/reports/")
    assert page.status_code == 200 and "Full staff export" in page.get_data(as_text=True)
    today = date.today().isoformat()
    for export_format, extension in (
        ("docx", "docx"),
        ("xlsx", "xlsx"),
        ("md", "md"),
        ("html", "html"),
        ("csv", "zip"),
    ):
        reply = download(client, room.event_id, format=export_format)
        assert reply.status_code == 200, export_format
        assert reply.headers["Content-Type"] == CONTENT_TYPES[export_format]
        assert reply.headers["Content-Disposition"] == (
            f"attachment; filename=roundtable-on-child-online-safety-{today}.{extension}"
        )
        assert reply.headers["Cache-Control"] == "no-store"
    one = download(client, room.event_id, format="csv", kind="entries")
    assert one.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert f"filename=roundtable-on-child-online-safety-entries-{today}.csv" in one.headers["Content-Disposition"]
    shown = download(client, room.event_id, format="html", view="1")
    html = shown.get_data(as_text=True)
    assert "Content-Disposition" not in shown.headers or shown.headers["Content-Disposition"].startswith("inline")
    assert "<style>" not in html and 'rel="stylesheet" href="/static/reports/report.css?v=' in html
    assert download(client, room.event_id, format="pdf").status_code == 400
    assert download(client, room.event_id, format="docx", session="999999").status_code == 404
    crossed = download(client, room.event_id, format="docx", headers={"Sec-Fetch-Site": "cross-site"})
    assert crossed.status_code == 403


def test_only_facilitators_get_the_full_export(app, client, room):
    with app.app_context():
        rapporteur, password = factories.staff_user(room.event_id, "rapporteur")
    sign_in(client, rapporteur, password)
    page = client.get(f"/console/{room.event_id}/reports/").get_data(as_text=True)
    assert "Full staff export" not in page
    assert download(client, room.event_id, format="docx").status_code == 200
    assert download(client, room.event_id, format="docx", full="1").status_code == 404
    facilitator = app.test_client()
    sign_in(facilitator, room.facilitator, room.password)
    full = download(facilitator, room.event_id, format="xlsx", full="1")
    assert full.status_code == 200 and "-full-" in full.headers["Content-Disposition"]


def test_outsiders_get_nothing(app, client, room):
    assert client.get(f"/console/{room.event_id}/reports/").status_code == 302  # a phone: to staff sign-in
    assert download(client, room.event_id, format="docx").status_code == 302
    with app.app_context():
        other = event_service.create_event_from_template(TEMPLATE)
        db.session.commit()
        outsider, password = factories.staff_user(other.id, "facilitator")
        duty, duty_password = factories.staff_user(room.event_id, "duty_bearer")
    for user, secret in ((outsider, password), (duty, duty_password)):
        http = app.test_client()
        sign_in(http, user, secret)
        assert http.get(f"/console/{room.event_id}/reports/").status_code == 404
        assert download(http, room.event_id, format="docx").status_code == 404
        assert download(http, room.event_id, format="docx", full="1").status_code == 404
        assert http.get(f"/console/{room.event_id}/reports/download?format=docx").status_code == 405


def test_a_whole_event_export_starts_the_purge_clock_and_is_audited(app, room):
    with app.app_context():
        assert db.session.get(Event, room.event_id).last_export_at is None
    export(app, room, "md", session_id=room.sessions[0])
    with app.app_context():
        assert db.session.get(Event, room.event_id).last_export_at is None  # one session is not the record
    export(app, room, "xlsx", full=True)
    with app.app_context():
        assert db.session.get(Event, room.event_id).last_export_at is not None
        audit = db.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "export").order_by(AuditEntry.id)
        ).all()
        assert [(a.detail["format"], a.detail["full"]) for a in audit] == [("md", False), ("xlsx", True)]


def test_cli_export_writes_the_file(app, runner, room, tmp_path):
    result = runner.invoke(args=["export", str(room.event_id), "--format", "docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = list(tmp_path.iterdir())
    assert len(written) == 1 and written[0].name == f"{slug(TEMPLATE['title'])}-{date.today().isoformat()}.docx"
    assert "Commitments register" in docx_text(written[0].read_bytes())[1]
    target = tmp_path / "session.xlsx"
    result = runner.invoke(
        args=[
            "export",
            str(room.event_id),
            "--format",
            "xlsx",
            "--session",
            str(room.sessions[0]),
            "--full",
            "-o",
            str(target),
        ]
    )
    assert result.exit_code == 0 and load_workbook(target)["entries"].max_row == 7  # 6 + header; held never
    assert runner.invoke(args=["export", "999999"]).exit_code != 0
    with app.app_context():
        assert db.session.get(Event, room.event_id).last_export_at is not None


def test_export_queries_do_not_grow_with_the_entries(app, room):
    """No N+1: ten times the entries, the same number of queries."""

    def queries_for_export() -> int:
        statements = []
        with app.app_context():
            engine = db.engine

            def listener(*args):
                statements.append(args[2])

            sa_event.listen(engine, "before_cursor_execute", listener)
            try:
                exports.export(db.session.get(Event, room.event_id), format="xlsx", actor=None)
                exports.export(db.session.get(Event, room.event_id), format="docx", actor=None)
            finally:
                sa_event.remove(engine, "before_cursor_execute", listener)
        return len(statements)

    before = queries_for_export()
    with app.app_context():
        event = db.session.get(Event, room.event_id)
        child, _ = participants.join(event.join_code, group="child", age_band="14-15")
        for number in range(60):
            _entry(event, room.board_id, "want", f"Idea number {number}", child, "approved")
        db.session.commit()
    assert queries_for_export() == before


def test_an_export_is_never_a_get(app, client, room):
    """An export is recorded (a whole-event one starts the purge clock): a link or an image on any page must not
    be able to make a signed-in browser do it, nor may a form without the CSRF token."""
    sign_in(client, room.facilitator, room.password)
    assert client.get(f"/console/{room.event_id}/reports/download?format=docx").status_code == 405
    assert client.post(f"/console/{room.event_id}/reports/download", data={"format": "docx"}).status_code == 400
    with app.app_context():
        assert db.session.get(Event, room.event_id).last_export_at is None


def test_the_purge_leaves_every_export_reading_as_before_minus_the_raw_text(app, room):
    """Counts, vote totals, ratings and the rule that hides groups under five are the same after the purge;
    the only change is that the full staff export no longer has the wording of entries that were never shown."""
    generated = re.compile(
        r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?(\+00:00| UTC)?|\d{1,2} \w{3} \d{4} \d{2}:\d{2}"
    )
    formats = ("docx", "md", "html", "xlsx", "csv")

    def readable_exports() -> dict[tuple[str, bool], str]:
        # Markdown escapes brackets; compared without its escapes, so the removal notice reads the same everywhere.
        return {
            (export_format, full): generated.sub(
                "<time>", _readable(export_format, export(app, room, export_format, full=full).body)
            )
            .replace("\\[", "[")
            .replace("\\]", "]")
            for export_format in formats
            for full in (False, True)
        }

    before = readable_exports()
    with app.app_context():
        event = db.session.get(Event, room.event_id)
        factories.close_every_activity(event)
        safeguarding_service.purge_event(event, None, reason="test")
    after = readable_exports()
    for key, text in before.items():
        export_format, full = key
        if full:
            text = text.replace(PENDING, REMOVED_TEXT).replace(HIDDEN, REMOVED_TEXT)
        assert after[key] == text, key
    assert "13 responses received" in after[("docx", False)]
    assert PENDING not in after[("xlsx", True)]
