"""Server-side staff sessions (issue 15, finding 2): the signed cookie carries only a random session id, which
must name a live session row; signing out, a new password, or time ends the session, and with it every copy
of the cookie and every console socket it opened."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select, text, update

from facilitator.columns import utcnow
from facilitator.extensions import db, socketio
from facilitator.staff import service as staff_service
from tests import factories
from tests.conftest import csrf_token


def signed_in(app, email: str, password: str):
    browser = app.test_client()
    page = browser.get("/staff/login").get_data(as_text=True)
    reply = browser.post("/staff/login", data={"email": email, "password": password, "csrf_token": csrf_token(page)})
    assert reply.status_code == 302
    return browser


def session_cookie(app, browser) -> str:
    cookie = browser.get_cookie(app.config.get("SESSION_COOKIE_NAME", "session"))
    assert cookie is not None
    return cookie.value


def browser_with_cookie(app, value: str):
    thief = app.test_client()
    thief.set_cookie(app.config.get("SESSION_COOKIE_NAME", "session"), value)
    return thief


def console_socket(app, browser, event_id: int):
    return socketio.test_client(app, flask_test_client=browser, auth={"view": "console", "event_id": event_id})


def sign_out(browser, event_id: int) -> None:
    page = browser.get(f"/console/{event_id}").get_data(as_text=True)
    assert browser.post("/staff/logout", data={"csrf_token": csrf_token(page)}).status_code == 302


def opens_console(browser, event_id: int) -> bool:
    reply = browser.get(f"/console/{event_id}")
    if reply.status_code == 302:
        assert "/staff/login" in reply.headers["Location"]
        return False
    assert reply.status_code == 200
    return True


def session_rows(app, user_id: int) -> list:
    from facilitator.staff.models import StaffSession  # here, so that each test fails on its own before it exists

    with app.app_context():
        rows = list(db.session.scalars(select(StaffSession).where(StaffSession.user_id == user_id)))
        for row in rows:
            db.session.expunge(row)
        return rows


def set_session_times(app, user_id: int, **values) -> None:
    from facilitator.staff.models import StaffSession

    with app.app_context():
        db.session.execute(update(StaffSession).where(StaffSession.user_id == user_id).values(**values))
        db.session.commit()


def test_a_cookie_copied_before_logout_opens_nothing_after_it(app, event, facilitator):
    user, password = facilitator
    browser = signed_in(app, user.email, password)
    copied = session_cookie(app, browser)
    assert opens_console(browser_with_cookie(app, copied), event.id)  # the copy works while the session lives

    sign_out(browser, event.id)

    thief = browser_with_cookie(app, copied)
    assert not opens_console(thief, event.id)
    socket = console_socket(app, thief, event.id)
    assert not socket.is_connected()


def test_an_open_console_socket_is_cut_off_at_logout(app, event, facilitator):
    user, password = facilitator
    browser = signed_in(app, user.email, password)
    socket = console_socket(app, browser, event.id)
    assert socket.is_connected()
    assert socket.emit("console:sync", {}, callback=True)["ok"]

    sign_out(browser, event.id)

    assert not socket.is_connected()


def test_a_socket_of_an_ended_session_is_refused_on_its_next_call(app, event, facilitator):
    """Another process ended the session (its socket here was not disconnected): the next call is refused."""
    user, password = facilitator
    browser = signed_in(app, user.email, password)
    socket = console_socket(app, browser, event.id)
    assert socket.emit("console:sync", {}, callback=True)["ok"]

    set_session_times(app, user.id, ended_at=utcnow())

    ack = socket.emit("console:sync", {}, callback=True)
    assert not ack["ok"] and ack["error"] == "forbidden"


@pytest.mark.parametrize(
    "times",
    [
        pytest.param({"last_seen_at": timedelta(hours=8, minutes=1)}, id="idle for longer than 8 hours"),
        pytest.param({"created_at": timedelta(hours=24, minutes=1)}, id="signed in more than 24 hours ago"),
    ],
)
def test_a_session_times_out(app, event, facilitator, times):
    user, password = facilitator
    browser = signed_in(app, user.email, password)
    socket = console_socket(app, browser, event.id)
    assert opens_console(browser, event.id) and socket.emit("console:sync", {}, callback=True)["ok"]

    now = utcnow()
    set_session_times(app, user.id, **{column: now - ago for column, ago in times.items()})

    assert not opens_console(browser, event.id)
    ack = socket.emit("console:sync", {}, callback=True)
    assert not ack["ok"] and ack["error"] == "forbidden"
    assert not console_socket(app, browser, event.id).is_connected()


def test_a_session_just_inside_its_limits_still_works(app, event, facilitator):
    user, password = facilitator
    browser = signed_in(app, user.email, password)
    now = utcnow()
    set_session_times(app, user.id, created_at=now - timedelta(hours=23), last_seen_at=now - timedelta(hours=7))
    assert opens_console(browser, event.id)


def test_use_keeps_a_session_alive_with_at_most_one_write_a_minute(app, event, facilitator):
    user, password = facilitator
    browser = signed_in(app, user.email, password)
    socket = console_socket(app, browser, event.id)
    [row] = session_rows(app, user.id)
    assert opens_console(browser, event.id)
    assert session_rows(app, user.id)[0].last_seen_at == row.last_seen_at  # seconds later: not written again

    earlier = utcnow() - timedelta(minutes=2)
    set_session_times(app, user.id, last_seen_at=earlier)
    assert opens_console(browser, event.id)
    assert session_rows(app, user.id)[0].last_seen_at > earlier

    set_session_times(app, user.id, last_seen_at=earlier)
    assert socket.emit("console:sync", {}, callback=True)["ok"]  # a console working through its socket is not idle
    assert session_rows(app, user.id)[0].last_seen_at > earlier


def test_a_new_password_ends_every_session_of_that_user(app, event, facilitator):
    user, password = facilitator
    laptop = signed_in(app, user.email, password)
    tablet = signed_in(app, user.email, password)
    socket = console_socket(app, tablet, event.id)
    assert socket.is_connected()

    with app.app_context():
        from facilitator.live.on_commit import commit

        staff_service.set_password(db.session.get(type(user), user.id), "a-brand-new-password")
        commit()

    assert not opens_console(laptop, event.id)
    assert not opens_console(tablet, event.id)
    assert not socket.is_connected()
    assert all(row.ended_at is not None for row in session_rows(app, user.id))
    assert opens_console(signed_in(app, user.email, "a-brand-new-password"), event.id)


def test_a_password_reset_from_the_command_line_ends_the_sessions(app, runner, event, facilitator):
    user, password = facilitator
    browser = signed_in(app, user.email, password)
    result = runner.invoke(args=["create-staff", user.email, "--reset"])
    assert result.exit_code == 0, result.output
    assert not opens_console(browser, event.id)


def test_a_removed_role_cuts_off_that_users_live_consoles(app, event, facilitator):
    user, password = facilitator
    with app.app_context():
        moderator, moderator_password = factories.staff_user(event.id, "moderator")
        role_id = db.session.scalar(
            select(staff_service.StaffRole.id).where(staff_service.StaffRole.user_id == moderator.id)
        )
    theirs = console_socket(app, signed_in(app, moderator.email, moderator_password), event.id)
    assert theirs.is_connected()
    organiser = signed_in(app, user.email, password)
    page = organiser.get(f"/console/{event.id}/staff").get_data(as_text=True)
    organiser.post(f"/console/{event.id}/staff/roles/{role_id}/revoke", data={"csrf_token": csrf_token(page)})
    assert not theirs.is_connected()


def test_session_ids_are_stored_only_as_hashes(app, facilitator):
    user, password = facilitator
    browser = signed_in(app, user.email, password)
    with app.app_context():
        contents = app.session_interface.get_signing_serializer(app).loads(session_cookie(app, browser))
        session_id = contents["staff_session"]
        assert "staff_user_id" not in contents  # the cookie names no user: the session row does
        rows = db.session.execute(text("SELECT * FROM staff_sessions")).all()
    assert len(rows) == 1
    assert session_id not in repr(rows)
    assert hashlib.sha256(session_id.encode()).hexdigest() in repr(rows)


def test_signing_in_again_rotates_the_session_id(app, event, facilitator):
    user, password = facilitator
    browser = signed_in(app, user.email, password)
    before = session_cookie(app, browser)
    page = browser.get("/staff/login").get_data(as_text=True)
    browser.post("/staff/login", data={"email": user.email, "password": password, "csrf_token": csrf_token(page)})
    after = session_cookie(app, browser)
    with app.app_context():
        serializer = app.session_interface.get_signing_serializer(app)
        assert serializer.loads(before)["staff_session"] != serializer.loads(after)["staff_session"]
    assert opens_console(browser, event.id)
    assert not opens_console(browser_with_cookie(app, before), event.id)  # the one it replaced is ended


def test_a_session_planted_before_sign_in_is_not_kept(app, event, facilitator):
    """Session fixation: whatever id the browser held before signing in is not the one it holds after."""
    user, password = facilitator
    planted = app.test_client()
    with planted.session_transaction() as session:
        session["staff_session"] = "planted-by-someone-else-0123456789"
    page = planted.get("/staff/login").get_data(as_text=True)
    planted.post("/staff/login", data={"email": user.email, "password": password, "csrf_token": csrf_token(page)})
    with app.app_context():
        contents = app.session_interface.get_signing_serializer(app).loads(session_cookie(app, planted))
    assert contents["staff_session"] != "planted-by-someone-else-0123456789"


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        "eyJzdGFmZl9zZXNzaW9uIjoieCJ9.forged.signature",
        "",
        "a" * 3000,
    ],
)
def test_a_forged_or_malformed_cookie_is_not_signed_in(app, event, facilitator, value):
    browser = browser_with_cookie(app, value)
    assert not opens_console(browser, event.id)
    assert not console_socket(app, browser, event.id).is_connected()


@pytest.mark.parametrize(
    "planted",
    [
        12345,
        ["a", "list"],
        {"a": "dict"},
        None,
        "x" * 3000,
        "not-a-session-that-exists-0123456789",
    ],
)
def test_a_signed_cookie_with_an_odd_session_id_is_not_signed_in(app, event, facilitator, planted):
    user, _ = facilitator
    browser = app.test_client()
    with browser.session_transaction() as session:
        session["staff_session"] = planted
        session["staff_user_id"] = user.id  # an old-style cookie's user id is no authority any more
    assert not opens_console(browser, event.id)
    assert not console_socket(app, browser, event.id).is_connected()


def test_the_signed_cookie_lives_no_longer_than_a_session_may(app):
    assert app.permanent_session_lifetime == timedelta(hours=app.config["STAFF_SESSION_MAX_HOURS"])
    assert app.config["STAFF_SESSION_IDLE_HOURS"] == 8 and app.config["STAFF_SESSION_MAX_HOURS"] == 24


def test_a_console_that_only_listens_is_cut_off_once_its_session_times_out(app, event, facilitator):
    """No call comes to refuse: the minute's sweep (live.connections) cuts it off, so it hears no more."""
    from facilitator.live.connections import cut_off_consoles_of_ended_sessions

    user, password = facilitator
    listening = console_socket(app, signed_in(app, user.email, password), event.id)
    with app.app_context():
        other, other_password = factories.staff_user(event.id, "moderator")
    working = console_socket(app, signed_in(app, other.email, other_password), event.id)
    assert listening.is_connected() and working.is_connected()

    with app.app_context():
        cut_off_consoles_of_ended_sessions()
    assert listening.is_connected() and working.is_connected()

    set_session_times(app, user.id, last_seen_at=utcnow() - timedelta(hours=9))
    with app.app_context():
        cut_off_consoles_of_ended_sessions()
    assert not listening.is_connected()
    assert working.is_connected()
