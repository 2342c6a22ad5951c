"""The commitments register for staff (/console/<event>/commitments and its CSV) and the children's
public feedback page (/f/<join code>), through HTTP."""

from __future__ import annotations

import csv
import gzip
import io
import re

import pytest
from sqlalchemy import select

from facilitator.asks import asks
from facilitator.asks.models import Commitment
from facilitator.audit import AuditEntry
from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.safeguarding import service as safeguarding_service
from facilitator.staff.models import StaffUser
from tests import factories
from tests.asks.test_duty_bearer_pages import Room, build_room, give_answer, text_of
from tests.conftest import csrf_token


def sign_in(client, user, password):
    page = client.get("/staff/login").get_data(as_text=True)
    reply = client.post(
        "/staff/login", data={"email": user.email, "password": password, "csrf_token": csrf_token(page)}
    )
    assert reply.status_code == 302


@pytest.fixture
def room(app, event, facilitator) -> Room:
    """TikTok answered the first ask with a commitment (approved); the ministry has not answered it;
    Safaricom's answer to the second ask waits for a moderator; the third ask was put to nobody."""
    room = build_room(app, event, facilitator)
    give_answer(
        app,
        room,
        "TikTok",
        0,
        "We will add a Kiswahili report button.",
        {"what": "Reporting in Kiswahili in the app", "owner": "Head of Trust & Safety", "due_on": "2027-06-30"},
    )
    give_answer(
        app,
        room,
        "Safaricom",
        1,
        "We will look at betting adverts.",
        {"what": "Review betting adverts", "owner": "Chief Legal Officer", "due_on": "2027-03-31"},
        moderate=None,
    )
    return room


def commitment_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(Commitment.id).where(Commitment.what == "Reporting in Kiswahili in the app"))


@pytest.fixture
def signed_in(client, facilitator):
    sign_in(client, *facilitator)
    return client


def register_url(room: Room) -> str:
    return f"/console/{room.event_id}/commitments"


def post_edit(client, room, commitment, *, csrf=None, **fields):
    data = {
        "status": "in_progress",
        "progress_note": "",
        "what": "Reporting in Kiswahili in the app",
        "owner": "Head of Trust & Safety",
        "due_on": "2027-06-30",
        **fields,
    }
    if csrf is not False:
        data["csrf_token"] = csrf or csrf_token(client.get(register_url(room)).get_data(as_text=True))
    return client.post(f"{register_url(room)}/{commitment}", data=data)


# --- The register -----------------------------------------------------------------------------------


def test_register_needs_a_sign_in(client, room):
    reply = client.get(register_url(room))
    assert reply.status_code == 302 and "/staff/login" in reply.headers["Location"]
    assert client.get(register_url(room) + ".csv").status_code == 302


def test_staff_of_another_event_get_not_found(app, client, room):
    with app.app_context():
        other = factories.event_with_open_board()
        outsider = factories.staff_user(other.id, "facilitator")
    sign_in(client, *outsider)
    assert client.get(register_url(room)).status_code == 404
    assert client.get(register_url(room) + ".csv").status_code == 404
    page = csrf_token(client.get(f"/console/{other.id}").get_data(as_text=True))
    assert post_edit(client, room, commitment_id(app), csrf=page).status_code == 404


def test_register_lists_commitments_and_every_unanswered_ask(signed_in, room):
    reply = signed_in.get(register_url(room))
    assert reply.status_code == 200
    html = reply.get_data(as_text=True)
    page = text_of(html)
    row = page[page.index("Commitments 1") : page.index("Asks not yet answered")]
    for expected in (
        "TikTok",
        "Social media",
        "Make reporting abuse easy and fast",
        "Reporting in Kiswahili in the app",
        "Head of Trust & Safety",
        "2027-06-30",
        "Planned",
    ):
        assert expected in row
    assert "Review betting adverts" not in page  # its answer is not approved yet
    unanswered = page[page.index("Asks not yet answered") :]
    assert "Ministry of ICT (Government) — no answer" in unanswered
    assert "Safaricom (Internet / telecom provider) — answer waiting for a moderator" in unanswered
    assert "Put to no organisation" in unanswered and "Teach parents about online safety" in unanswered
    assert f"/f/{room.join_code}" in html and "commitments.csv" in html
    assert 'name="status"' in html and html.count('name="csrf_token"') == 2  # sign-out and one edit form


def test_answer_without_commitment_is_listed_not_dropped(app, signed_in, room):
    give_answer(app, room, "Ministry of ICT", 0, "We are reviewing the law.")
    page = text_of(signed_in.get(register_url(room)).get_data(as_text=True))
    section = page[page.index("Answered without a commitment") : page.index("Asks not yet answered")]
    assert "Make reporting abuse easy and fast — Ministry of ICT (Government)" in section
    assert "Ministry of ICT (Government) — no answer" not in page


def test_facilitator_edits_a_commitment_and_the_edit_is_audited(app, signed_in, room, facilitator):
    commitment = commitment_id(app)
    reply = post_edit(
        signed_in,
        room,
        commitment,
        status="delayed",
        progress_note="Waiting for the app release.",
        owner="Policy lead, East Africa",
        due_on="2027-09-30",
    )
    assert reply.status_code == 302 and reply.headers["Location"].endswith(f"/commitments#commitment-{commitment}")
    with app.app_context():
        stored = db.session.get(Commitment, commitment)
        assert (stored.status, stored.progress_note, stored.owner, stored.due_on.isoformat()) == (
            "delayed",
            "Waiting for the app release.",
            "Policy lead, East Africa",
            "2027-09-30",
        )
        audit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "update_commitment"))
        assert audit.actor_id == facilitator[0].id and audit.target == f"commitment:{commitment}"
        assert (audit.detail["before"]["status"], audit.detail["after"]["status"]) == ("planned", "delayed")
    page = text_of(signed_in.get(register_url(room)).get_data(as_text=True))
    assert "Commitment saved." in page and "Delayed" in page and "Waiting for the app release." in page


def test_bad_date_in_the_register_is_explained_and_the_text_kept(app, signed_in, room):
    commitment = commitment_id(app)
    reply = post_edit(signed_in, room, commitment, due_on="next June", what="Reporting in <Kiswahili> and Sheng")
    assert reply.status_code == 400
    html = reply.get_data(as_text=True)
    assert "Give the due date as YYYY-MM-DD." in html
    assert "Reporting in &lt;Kiswahili&gt; and Sheng</textarea>" in html and 'value="next June"' in html
    with app.app_context():
        assert db.session.get(Commitment, commitment).what == "Reporting in Kiswahili in the app"
        assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "update_commitment")) is None


def test_unknown_status_or_commitment_is_refused(app, signed_in, room, facilitator):
    assert post_edit(signed_in, room, commitment_id(app), status="forgotten").status_code == 400
    missing = post_edit(signed_in, room, 999_999)
    assert missing.status_code == 404 and "That commitment does not exist in this event." in missing.get_data(
        as_text=True
    )


def test_register_edit_without_csrf_token_is_refused(app, signed_in, room):
    assert post_edit(signed_in, room, commitment_id(app), csrf=False, status="done").status_code == 400
    with app.app_context():
        assert db.session.get(Commitment, commitment_id(app)).status == "planned"


@pytest.mark.parametrize("role", ["moderator", "rapporteur", "safeguarding"])
def test_other_staff_read_the_register_but_cannot_edit_it(app, client, room, role):
    with app.app_context():
        user = factories.staff_user(room.event_id, role)
    sign_in(client, *user)
    reply = client.get(register_url(room))
    assert reply.status_code == 200
    html = reply.get_data(as_text=True)
    assert "Reporting in Kiswahili in the app" in html and 'name="status"' not in html
    assert post_edit(client, room, commitment_id(app), csrf=csrf_token(html), status="done").status_code == 404
    with app.app_context():
        assert db.session.get(Commitment, commitment_id(app)).status == "planned"
    assert client.get(register_url(room) + ".csv").status_code == 200


def test_register_csv_lists_every_commitment_and_every_gap(app, signed_in, room):
    with app.app_context():
        event = db.session.get(Event, room.event_id)
        event.title = "Kenya Roundtable: Watoto Mtandaoni"
        db.session.commit()
    give_answer(app, room, "Ministry of ICT", 0, "Noted.", {"what": '=HYPERLINK("http://x")', "owner": "PS"})
    reply = signed_in.get(register_url(room) + ".csv")
    assert reply.status_code == 200 and reply.mimetype == "text/csv"
    disposition = reply.headers["Content-Disposition"]
    assert re.fullmatch(
        r'attachment; filename="commitments-kenya-roundtable-watoto-mtandaoni-\d{4}-\d{2}-\d{2}\.csv"', disposition
    )
    rows = list(csv.DictReader(io.StringIO(reply.get_data().decode("utf-8-sig"))))
    by_record = {}
    for row in rows:
        by_record.setdefault(row["record"], []).append(row)
    tiktok = next(r for r in by_record["commitment"] if r["organisation"] == "TikTok")
    assert (
        tiktok["ask_number"],
        tiktok["ask"],
        tiktok["sector"],
        tiktok["what"],
        tiktok["owner"],
        tiktok["due_on"],
        tiktok["status"],
    ) == (
        "1",
        "Make reporting abuse easy and fast",
        "Social media",
        "Reporting in Kiswahili in the app",
        "Head of Trust & Safety",
        "2027-06-30",
        "planned",
    )
    ministry = next(r for r in by_record["commitment"] if r["organisation"] == "Ministry of ICT")
    assert ministry["what"].startswith("'=")  # never a formula in a spreadsheet
    assert [(r["ask_number"], r["organisation"], r["status"]) for r in by_record["not answered"]] == [
        ("2", "Safaricom", "answer waiting for a moderator")
    ]
    assert [(r["ask_number"], r["ask"]) for r in by_record["put to nobody"]] == [
        ("3", "Teach parents about online safety")
    ]


# --- The children's feedback page ------------------------------------------------------------------


def test_unknown_or_malformed_code_gets_a_friendly_not_found(client, room):
    for code in ("ZZZZZZ", "nope", "x" * 40):
        reply = client.get(f"/f/{code}")
        assert reply.status_code == 404
        html = reply.get_data(as_text=True)
        assert "We could not find this page" in html and 'lang="sw"' in html and "tel:116" in html


def test_feedback_page_shows_what_was_said_promised_and_not_answered(app, client, room):
    with app.app_context():
        commitment = db.session.get(Commitment, commitment_id(app))
        commitment.progress_note = "Internal: chased by email"
        db.session.commit()
    reply = client.get(f"/f/{room.join_code.lower()}")  # no sign-in; the code is forgiving
    assert reply.status_code == 200
    html = reply.get_data(as_text=True)
    page = text_of(html)
    first = page[page.index("Ask 1") : page.index("Ask 2")]
    assert "You said" in first and "Make reporting abuse easy and fast" in first
    assert "Kuripoti unyanyasaji kuwe rahisi na haraka" in first
    assert "They committed" in first and "Waliahidi" in first
    for expected in (
        "TikTok",
        "Social media",
        "Mitandao ya kijamii",
        "Reporting in Kiswahili in the app",
        "Head of Trust & Safety",
        "30 June 2027",
        "30 Juni 2027",
        "Planned: not started yet",
        "Imepangwa: bado haijaanza",
    ):
        assert expected in first
    assert "Not answered yet" in first and "Ministry of ICT" in first[first.index("Not answered yet") :]
    second = page[page.index("Ask 2") : page.index("Ask 3")]
    assert "Review betting adverts" not in page and "No promises yet" in second
    assert "Safaricom" in second[second.index("Not answered yet") :]
    third = page[page.index("Ask 3") : page.index("What happens next")]
    assert "has not been given to any organisation yet" in third
    after = page[page.index("What happens next") :]
    assert "follow up on these promises and update this page" in after and f"/f/{room.join_code}" in after
    assert "116" in after and 'href="tel:116"' in html
    assert "Internal: chased by email" not in page  # staff notes stay in the register
    assert html.count('lang="sw"') > 10
    assert "<form" not in html and "<script" not in html and "style=" not in html
    assert len(gzip.compress(reply.get_data())) < 6000


def test_feedback_page_follows_the_register_status(app, signed_in, room):
    post_edit(signed_in, room, commitment_id(app), status="in_progress")
    page = text_of(signed_in.get(f"/f/{room.join_code}").get_data(as_text=True))
    assert "They are working on it" in page and "Wanaifanyia kazi" in page
    post_edit(signed_in, room, commitment_id(app), status="done")
    page = text_of(signed_in.get(f"/f/{room.join_code}").get_data(as_text=True))
    assert "Done Imekamilika" in page and "1 done" in page


def test_feedback_page_survives_the_purge(app, client, room):
    before = text_of(client.get(f"/f/{room.join_code}").get_data(as_text=True))
    with app.app_context():
        event = db.session.get(Event, room.event_id)
        factories.close_every_activity(event)
        safeguarding_service.purge_event(event, None, reason="test")
    reply = client.get(f"/f/{room.join_code}")
    assert reply.status_code == 200
    assert text_of(reply.get_data(as_text=True)) == before


def test_feedback_text_is_escaped(app, client, event, facilitator):
    with app.app_context():
        current = db.session.get(Event, event.id)
        asks.create_ask(current, db.session.get(StaffUser, facilitator[0].id), "<b>Stop</b> & think")
    html = client.get(f"/f/{event.join_code}").get_data(as_text=True)
    assert "&lt;b&gt;Stop&lt;/b&gt; &amp; think" in html and "<b>Stop" not in html
