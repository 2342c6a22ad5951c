import re

import pytest
from sqlalchemy import select

from facilitator.agenda.models import Activity
from facilitator.events.models import Event
from facilitator.extensions import db, socketio
from facilitator.staff import service as staff_service
from facilitator.staff.models import StaffUser
from tests import factories
from tests.conftest import csrf_token


# The demo command migrates the database first, and migrations (and the comparison below) need the engine
# itself: a connection of their own, not the test's transaction.
@pytest.mark.committing
def test_demo_creates_the_roundtable_with_a_two_lane_board(app, runner):
    result = runner.invoke(args=["demo", "--base-url", "http://venue.local:5000"])
    assert result.exit_code == 0, result.output
    password = re.search(r"facilitator@demo\.local / (\S+)", result.output).group(1)
    assert "http://venue.local:5000/j/" in result.output and "http://venue.local:5000/p/" in result.output
    with app.app_context():
        event = db.session.scalar(select(Event))
        titles = [s.title for s in event.sessions]
        assert any("The internet we (children) have" in t for t in titles)
        assert len({s.day for s in event.sessions}) == 2
        board = db.session.scalar(select(Activity).where(Activity.kind == "board").order_by(Activity.id))
        assert [lane["name"] for lane in board.lanes] == ["The internet we have", "The internet we want"]
        assert board.moderation == "pre"
        assert staff_service.authenticate("facilitator@demo.local", password) is not None
    again = runner.invoke(args=["demo"])
    assert again.exit_code == 0 and "shown once" not in again.output
    with app.app_context():
        assert len(db.session.scalars(select(Event)).all()) == 1


@pytest.mark.committing
def test_create_staff_prints_a_one_time_password(app, runner):
    runner.invoke(args=["demo"])
    with app.app_context():
        event_id = db.session.scalar(select(Event.id))
    result = runner.invoke(args=["create-staff", "Mod@Example.org", "--event", str(event_id), "--role", "moderator"])
    assert result.exit_code == 0, result.output
    password = result.output.split(" / ")[1].split()[0]
    with app.app_context():
        user = staff_service.authenticate("mod@example.org", password)
        assert staff_service.roles_in_event(user.id, event_id) == {"moderator"}
    duplicate = runner.invoke(args=["create-staff", "mod@example.org"])
    assert duplicate.exit_code != 0 and "already exists" in duplicate.output


@pytest.mark.committing
def test_migrations_match_the_models(app):
    """A model change without a migration fails here, not on someone's production database."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with app.app_context(), db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_purge_command_needs_confirmation_and_purges(app, runner, event):
    refused = runner.invoke(args=["purge", str(event.id)], input="n\n")
    assert refused.exit_code != 0
    with app.app_context():
        assert db.session.get(Event, event.id).purged_at is None
    while_open = runner.invoke(args=["purge", str(event.id), "--yes"])
    assert while_open.exit_code == 1 and "Close every activity first" in while_open.output
    with app.app_context():
        factories.close_every_activity(db.session.get(Event, event.id))
    done = runner.invoke(args=["purge", str(event.id), "--yes"])
    assert done.exit_code == 0 and "Purged" in done.output
    with app.app_context():
        assert db.session.get(Event, event.id).purged_at is not None
    assert runner.invoke(args=["purge", "--due"]).output.startswith("Purged 0 event(s)")


@pytest.mark.committing
def test_create_staff_for_an_unknown_event_says_so_and_creates_nobody(app, runner):
    result = runner.invoke(args=["create-staff", "nobody@example.org", "--event", "99"])
    assert result.exit_code == 1 and "That event does not exist." in result.output
    assert isinstance(result.exception, SystemExit)  # click's clean exit, not a traceback
    with app.app_context():
        assert db.session.scalar(select(StaffUser).where(StaffUser.email == "nobody@example.org")) is None


def _sign_in(app, email: str, password: str):
    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    reply = client.post("/staff/login", data={"email": email, "password": password, "csrf_token": csrf_token(page)})
    return client, reply


@pytest.mark.committing
def test_a_printed_password_opens_one_sign_in_which_must_choose_a_new_one(app, runner):
    runner.invoke(args=["demo"])
    with app.app_context():
        event_id = db.session.scalar(select(Event.id))
    printed = runner.invoke(
        args=["create-staff", "lead@example.org", "--event", str(event_id), "--role", "safeguarding"]
    )
    password = printed.output.split(" / ")[1].split()[0]
    client, reply = _sign_in(app, "lead@example.org", password)
    assert reply.status_code == 302 and reply.headers["Location"].startswith("/staff/password")
    # Nothing else opens before a password is chosen: no console page, no console socket.
    assert client.get(f"/console/{event_id}").headers["Location"].startswith("/staff/login")
    assert not socketio.test_client(
        app, flask_test_client=client, auth={"view": "console", "event_id": event_id}
    ).is_connected()
    # The printed password has done its one job: a second sign-in with it (another browser) is refused.
    assert _sign_in(app, "lead@example.org", password)[1].status_code == 401
    page = client.get("/staff/password").get_data(as_text=True)
    assert "lead@example.org" in page
    differ = client.post(
        "/staff/password",
        data={"password": "my-own-password-1", "repeated": "my-own-password-2", "csrf_token": csrf_token(page)},
    )
    assert differ.status_code == 400 and "not the same" in differ.get_data(as_text=True)
    short = client.post(
        "/staff/password", data={"password": "short", "repeated": "short", "csrf_token": csrf_token(page)}
    )
    assert short.status_code == 400 and "at least 10 characters" in short.get_data(as_text=True)
    chosen = client.post(
        "/staff/password",
        data={"password": "my-own-password-1", "repeated": "my-own-password-1", "csrf_token": csrf_token(page)},
    )
    assert chosen.status_code == 302
    assert client.get(f"/console/{event_id}").status_code == 200
    # Chosen once: the setup page is closed, and the new password signs in straight to the console.
    assert client.get("/staff/password").headers["Location"].startswith("/staff/login")
    again, reply = _sign_in(app, "lead@example.org", "my-own-password-1")
    assert reply.status_code == 302 and not reply.headers["Location"].startswith("/staff/password")


@pytest.mark.committing
def test_an_abandoned_password_setup_needs_a_reset_not_the_old_password(app, runner):
    runner.invoke(args=["demo"])
    printed = runner.invoke(args=["create-staff", "rap@example.org"])
    password = printed.output.split(" / ")[1].split()[0]
    _sign_in(app, "rap@example.org", password)  # and the browser is closed before choosing a password
    assert _sign_in(app, "rap@example.org", password)[1].status_code == 401
    reset = runner.invoke(args=["create-staff", "rap@example.org", "--reset"])
    new_password = reset.output.split(" / ")[1].split()[0]
    assert _sign_in(app, "rap@example.org", new_password)[1].headers["Location"].startswith("/staff/password")


@pytest.mark.committing
def test_create_event_from_the_cli_with_its_details_and_owner(app, runner):
    with app.app_context():
        staff_service.create_user("lead@example.org", "Lead", "a-long-test-password")
        db.session.commit()
    result = runner.invoke(
        args=[
            "create-event",
            "Roundtable 2027",
            "--organisers",
            "Watoto Online Trust",
            "--venue",
            "KICC, Nairobi",
            "--starts-on",
            "2027-03-10",
            "--ends-on",
            "2027-03-11",
            "--owner",
            "lead@example.org",
        ]
    )
    assert result.exit_code == 0, result.output
    code = re.search(r"Join code: (\w{6})", result.output).group(1)
    with app.app_context():
        event = db.session.scalar(select(Event).where(Event.join_code == code))
        assert (event.venue, event.organisers, event.time_zone) == (
            "KICC, Nairobi",
            "Watoto Online Trust",
            "Africa/Nairobi",
        )
        assert {s.day for s in event.sessions} == {1, 2}
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == "lead@example.org"))
        assert staff_service.roles_in_event(user.id, event.id) == {"facilitator"}


@pytest.mark.committing
@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--time-zone", "Mars/Olympus"], "Mars/Olympus is not a known time zone"),
        (["--starts-on", "2027-03-10", "--ends-on", "2027-03-01"], "The last day is before the first day."),
        (["--template", "blank", "--owner", "ghost@example.org"], "No staff user ghost@example.org"),
    ],
)
def test_create_event_refuses_bad_input_and_creates_nothing(app, runner, options, message):
    result = runner.invoke(args=["create-event", "Roundtable", *options])
    assert result.exit_code == 1 and message in result.output
    with app.app_context():
        assert db.session.scalar(select(Event)) is None
