import pytest

from facilitator.extensions import db
from facilitator.staff import service as staff_service
from tests import factories
from tests.conftest import csrf_token


def login(client, email, password):
    page = client.get("/staff/login").get_data(as_text=True)
    return client.post("/staff/login", data={"email": email, "password": password, "csrf_token": csrf_token(page)})


def test_console_needs_a_login(client, event):
    reply = client.get(f"/console/{event.id}")
    assert reply.status_code == 302 and "/staff/login" in reply.headers["Location"]


def test_facilitator_signs_in_and_sees_the_console(client, event, facilitator):
    user, password = facilitator
    reply = login(client, user.email.upper(), password)
    assert reply.status_code == 302
    html = client.get(f"/console/{event.id}").get_data(as_text=True)
    assert event.join_code in html and f"/p/{event.projector_token}" in html


def test_wrong_password_and_unknown_user_read_the_same(client, facilitator):
    user, _ = facilitator
    wrong = login(client, user.email, "not-the-password")
    unknown = login(client, "nobody@example.org", "not-the-password")
    assert wrong.status_code == unknown.status_code == 401
    assert "do not match" in wrong.get_data(as_text=True) and "do not match" in unknown.get_data(as_text=True)


def test_login_is_throttled(client, facilitator):
    user, password = facilitator
    codes = [login(client, user.email, "wrong-password").status_code for _ in range(11)]
    assert codes[-1] == 429
    assert login(client, user.email, password).status_code == 429  # even the right one, until the window passes


def test_staff_of_another_event_gets_not_found(app, client, event):
    with app.app_context():
        other = factories.event_with_open_board()
        user, password = factories.staff_user(other.id, "facilitator")
    login(client, user.email, password)
    assert client.get(f"/console/{event.id}").status_code == 404
    assert client.get(f"/console/{other.id}").status_code == 200


def test_rapporteur_console_hides_the_projector_link(app, client, event):
    with app.app_context():
        user, password = factories.staff_user(event.id, "rapporteur")
    login(client, user.email, password)
    html = client.get(f"/console/{event.id}").get_data(as_text=True)
    assert event.projector_token not in html


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%0D%0A/evil.example",
        "/%5Cevil.example",
        "/%2F/evil.example",
        "https://evil.example/",
        "%2F%2Fevil.example",
        "/ /evil.example",
    ],
)
def test_next_parameter_cannot_redirect_off_site(client, facilitator, target):
    """Browsers drop tabs and newlines from a URL and read a backslash as a slash: '/\t/evil' is '//evil'."""
    user, password = facilitator
    page = client.get(f"/staff/login?next={target}").get_data(as_text=True)
    reply = client.post(
        f"/staff/login?next={target}",
        data={"email": user.email, "password": password, "csrf_token": csrf_token(page)},
    )
    assert reply.status_code == 302 and reply.headers["Location"] == "/console/"


def test_next_parameter_keeps_a_path_on_this_site(client, event, facilitator):
    user, password = facilitator
    page = client.get("/staff/login").get_data(as_text=True)
    reply = client.post(
        f"/staff/login?next=/console/{event.id}/notes/",
        data={"email": user.email, "password": password, "csrf_token": csrf_token(page)},
    )
    assert reply.headers["Location"] == f"/console/{event.id}/notes/"


def test_logout_needs_csrf_and_ends_the_session(client, event, facilitator):
    user, password = facilitator
    login(client, user.email, password)
    assert client.post("/staff/logout").status_code == 400
    page = client.get(f"/console/{event.id}").get_data(as_text=True)
    client.post("/staff/logout", data={"csrf_token": csrf_token(page)})
    assert client.get(f"/console/{event.id}").status_code == 302


def test_passwords_are_argon2_hashed(ctx):
    user = staff_service.create_user("hash@example.org", "Hash", "correct horse battery")
    db.session.commit()
    assert user.password_hash.startswith("$argon2id$")
    assert staff_service.authenticate("hash@example.org", "correct horse battery").id == user.id
    assert staff_service.authenticate("hash@example.org", "wrong") is None
