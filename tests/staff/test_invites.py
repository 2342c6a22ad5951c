"""Inviting staff with a one-time link, and the staff page where a facilitator sees and removes roles,
withdraws invitations and renews the projector link."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select, text, update

from facilitator.audit import AuditEntry
from facilitator.columns import utcnow
from facilitator.events.models import Event
from facilitator.extensions import db, socketio
from facilitator.staff import service as staff_service
from facilitator.staff.models import StaffInvite, StaffRole, StaffUser
from facilitator.staff.service import InviteUnusable
from tests import factories
from tests.conftest import csrf_token, received, staff_socket

LINK = re.compile(r'value="https?://[^/"]+(/staff/invite/[A-Za-z0-9_-]+)"')


def signed_in(app, email: str, password: str):
    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    reply = client.post("/staff/login", data={"email": email, "password": password, "csrf_token": csrf_token(page)})
    assert reply.status_code == 302, reply.get_data(as_text=True)
    return client


def post_form(client, page_path: str, action: str, fields: dict):
    """Submit a form the way a browser does: with the CSRF token of the page it sits on."""
    page = client.get(page_path).get_data(as_text=True)
    return client.post(action, data={**fields, "csrf_token": csrf_token(page)})


def invite_through_the_page(client, event_id: int, email: str, role: str = "moderator", organisation: str = ""):
    reply = post_form(
        client,
        f"/console/{event_id}/staff",
        f"/console/{event_id}/staff/invites",
        {"email": email, "role": role, "organisation": organisation},
    )
    assert reply.status_code == 201, reply.get_data(as_text=True)
    return LINK.search(reply.get_data(as_text=True)).group(1)


def accept(client, link: str, **fields):
    page = client.get(link)
    assert page.status_code == 200, page.get_data(as_text=True)
    return client.post(link, data={**fields, "csrf_token": csrf_token(page.get_data(as_text=True))})


@pytest.fixture
def organiser(app, event):
    """The event's facilitator and owner, signed in."""
    with app.app_context():
        user, password = factories.staff_user(event.id, "facilitator")
        db.session.execute(update(StaffRole).where(StaffRole.user_id == user.id).values(is_owner=True))
        db.session.commit()
    return signed_in(app, user.email, password)


def audit_actions(app, event_id: int) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(select(AuditEntry.action).where(AuditEntry.event_id == event_id).order_by(AuditEntry.id))
        )


# --- the invitation link ---------------------------------------------------------------------


def test_invited_moderator_sets_name_and_password_and_is_signed_in(app, event, organiser):
    link = invite_through_the_page(organiser, event.id, "New.Moderator@Example.org")
    invitee = app.test_client()
    reply = accept(
        invitee, link, display_name="Wanjiru K.", password="a-good-long-password", password_again="a-good-long-password"
    )
    assert reply.status_code == 303 and reply.headers["Location"] == f"/console/{event.id}"
    assert invitee.get(f"/console/{event.id}").status_code == 200  # signed in, with the new role
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == "new.moderator@example.org"))
        assert user.display_name == "Wanjiru K."
        assert user.password_hash.startswith("$argon2id$")
        assert staff_service.roles_in_event(user.id, event.id) == {"moderator"}
    assert audit_actions(app, event.id)[-2:] == ["staff_invited", "invite_accepted"]
    # The new account signs in with its password from now on.
    assert signed_in(app, "new.moderator@example.org", "a-good-long-password")


def test_only_a_hash_of_the_link_is_stored(app, event, organiser):
    link = invite_through_the_page(organiser, event.id, "someone@example.org")
    token = link.rsplit("/", 1)[1]
    assert len(token) >= 40  # 32 random bytes
    with app.app_context():
        stored = db.session.execute(text("SELECT * FROM staff_invites")).all()
        audit = db.session.execute(text("SELECT * FROM audit_entries")).all()
    assert token not in repr(stored) and token not in repr(audit)
    assert staff_service.hash_invite_token(token) in repr(stored)


def test_a_used_link_says_so_and_gives_nothing(app, event, organiser):
    link = invite_through_the_page(organiser, event.id, "once@example.org")
    accept(app.test_client(), link, display_name="Once", password="first-password-1", password_again="first-password-1")
    again = app.test_client().get(link)
    assert again.status_code == 410
    assert "already been used" in again.get_data(as_text=True)
    page_of_a_late_tab = app.test_client()
    reply = page_of_a_late_tab.post(
        link,
        data={
            "display_name": "Thief",
            "password": "x" * 12,
            "password_again": "x" * 12,
            "csrf_token": csrf_token(page_of_a_late_tab.get("/staff/login").get_data(as_text=True)),
        },
    )
    assert reply.status_code == 410
    with app.app_context():
        assert db.session.scalar(select(StaffUser).where(StaffUser.display_name == "Thief")) is None


def test_an_expired_link_says_so(app, event, organiser):
    link = invite_through_the_page(organiser, event.id, "late@example.org")
    with app.app_context():
        db.session.execute(update(StaffInvite).values(expires_at=utcnow() - timedelta(minutes=1)))
        db.session.commit()
    reply = app.test_client().get(link)
    assert reply.status_code == 410 and "expired" in reply.get_data(as_text=True)


def test_links_last_72_hours_by_default(app, event, organiser):
    invite_through_the_page(organiser, event.id, "default@example.org")
    with app.app_context():
        invite = db.session.scalar(select(StaffInvite))
        lifetime = invite.expires_at - invite.created_at
    assert lifetime == timedelta(hours=72) == timedelta(hours=app.config["STAFF_INVITE_HOURS"])


def test_an_unknown_link_is_not_found(client):
    reply = client.get("/staff/invite/" + "A" * 43)
    assert reply.status_code == 404 and "not valid" in reply.get_data(as_text=True)


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"display_name": "Short", "password": "nine-char", "password_again": "nine-char"}, "at least 10 characters"),
        ({"display_name": "Typo", "password": "long-enough-1", "password_again": "long-enough-2"}, "not the same"),
        ({"display_name": "   ", "password": "long-enough-1", "password_again": "long-enough-1"}, "Your name"),
    ],
)
def test_a_refused_form_explains_why_and_the_link_still_works(app, event, organiser, fields, message):
    link = invite_through_the_page(organiser, event.id, "careful@example.org")
    invitee = app.test_client()
    reply = accept(invitee, link, **fields)
    assert reply.status_code == 400 and message in reply.get_data(as_text=True)
    assert (
        accept(
            invitee, link, display_name="Careful", password="long-enough-1", password_again="long-enough-1"
        ).status_code
        == 303
    )


def test_someone_with_an_account_proves_it_with_their_password(app, event, organiser):
    with app.app_context():
        other_event = factories.event_with_open_board()
        existing, password = factories.staff_user(other_event.id, "facilitator", email="known@example.org")
    link = invite_through_the_page(organiser, event.id, "known@example.org", role="rapporteur")
    invitee = app.test_client()
    page = invitee.get(link).get_data(as_text=True)
    assert "already have a staff account" in page and 'name="display_name"' not in page
    wrong = invitee.post(link, data={"existing_password": "not-it-at-all", "csrf_token": csrf_token(page)})
    assert wrong.status_code == 400 and "not the password" in wrong.get_data(as_text=True)
    right = invitee.post(link, data={"existing_password": password, "csrf_token": csrf_token(page)})
    assert right.status_code == 303
    with app.app_context():
        assert staff_service.roles_in_event(existing.id, event.id) == {"rapporteur"}
        assert staff_service.roles_in_event(existing.id, other_event.id) == {"facilitator"}


def test_two_people_racing_for_one_link_get_one_role(ctx, event):
    manager, _ = factories.staff_user(event.id, "facilitator")
    issued = staff_service.invite_staff(
        event.id,
        db.session.get(StaffUser, manager.id),
        email="race@example.org",
        role="moderator",
        valid_for=timedelta(hours=72),
    )
    db.session.commit()
    staff_service.accept_invite(issued.token, display_name="First", password="p" * 12, password_again="p" * 12)
    db.session.commit()
    with pytest.raises(InviteUnusable):
        staff_service.accept_invite(issued.token, display_name="Second", password="q" * 12, password_again="q" * 12)


def test_duty_bearer_invitation_needs_the_organisation(app, event, organiser):
    reply = post_form(
        organiser,
        f"/console/{event.id}/staff",
        f"/console/{event.id}/staff/invites",
        {"email": "panel@example.org", "role": "duty_bearer", "organisation": ""},
    )
    assert reply.status_code == 400 and "Organisation" in reply.get_data(as_text=True)
    link = invite_through_the_page(
        organiser, event.id, "panel@example.org", role="duty_bearer", organisation="Communications Authority"
    )
    accept(app.test_client(), link, display_name="Panelist", password="long-enough-1", password_again="long-enough-1")
    with app.app_context():
        granted = db.session.scalar(select(StaffRole).where(StaffRole.role == "duty_bearer"))
        assert granted.organisation == "Communications Authority"


def test_invitation_page_leaks_the_link_nowhere(app, event, organiser):
    link = invite_through_the_page(organiser, event.id, "private@example.org")
    reply = app.test_client().get(link)
    assert reply.headers["Referrer-Policy"] == "same-origin"  # the token is in the URL
    assert reply.headers["Cache-Control"] == "no-store"


# --- the staff page ----------------------------------------------------------------------------


def test_staff_page_lists_roles_and_pending_invitations(app, event, organiser):
    with app.app_context():
        factories.staff_user(event.id, "moderator", email="mod@example.org")
    invite_through_the_page(organiser, event.id, "pending@example.org", role="rapporteur")
    html = organiser.get(f"/console/{event.id}/staff").get_data(as_text=True)
    assert "mod@example.org" in html and "Moderator" in html
    assert "pending@example.org" in html and "Rapporteur" in html
    assert "/staff/invite/" not in html  # a link is shown once, when it is made, never again


def test_withdrawn_invitation_stops_working(app, event, organiser):
    link = invite_through_the_page(organiser, event.id, "withdrawn@example.org")
    with app.app_context():
        invite_id = db.session.scalar(select(StaffInvite.id))
    reply = post_form(
        organiser, f"/console/{event.id}/staff", f"/console/{event.id}/staff/invites/{invite_id}/revoke", {}
    )
    assert reply.status_code == 303
    gone = app.test_client().get(link)
    assert gone.status_code == 410 and "withdrawn" in gone.get_data(as_text=True)
    assert "invite_revoked" in audit_actions(app, event.id)


def test_a_new_invitation_replaces_the_pending_one(app, event, organiser):
    first = invite_through_the_page(organiser, event.id, "twice@example.org")
    second = invite_through_the_page(organiser, event.id, "twice@example.org")
    assert app.test_client().get(first).status_code == 410
    assert app.test_client().get(second).status_code == 200


def test_removed_role_stops_working_at_once_even_on_an_open_console(app, event, organiser):
    with app.app_context():
        moderator, password = factories.staff_user(event.id, "moderator")
        role_id = db.session.scalar(select(StaffRole.id).where(StaffRole.user_id == moderator.id))
    their_browser = signed_in(app, moderator.email, password)
    their_console = staff_socket(app, event.id, moderator.email, password)
    assert their_console.is_connected()
    reply = post_form(organiser, f"/console/{event.id}/staff", f"/console/{event.id}/staff/roles/{role_id}/revoke", {})
    assert reply.status_code == 303
    assert their_browser.get(f"/console/{event.id}").status_code == 404
    assert not their_console.is_connected()  # dropped: it hears nothing more from the event's rooms
    assert "role_revoked" in audit_actions(app, event.id)


def test_only_an_owner_removes_an_owner_and_the_last_facilitator_stays(app, event, organiser):
    with app.app_context():
        owner_id = db.session.scalar(select(StaffRole.id).where(StaffRole.is_owner.is_(True)))
        colleague, password = factories.staff_user(event.id, "facilitator")
    colleague_browser = signed_in(app, colleague.email, password)
    refused = post_form(
        colleague_browser, f"/console/{event.id}/staff", f"/console/{event.id}/staff/roles/{owner_id}/revoke", {}
    )
    assert refused.status_code == 303
    assert "Only an owner" in colleague_browser.get(f"/console/{event.id}/staff").get_data(as_text=True)
    with app.app_context():
        colleague_role = db.session.scalar(select(StaffRole.id).where(StaffRole.user_id == colleague.id))
    assert (
        post_form(
            organiser, f"/console/{event.id}/staff", f"/console/{event.id}/staff/roles/{colleague_role}/revoke", {}
        ).status_code
        == 303
    )
    post_form(organiser, f"/console/{event.id}/staff", f"/console/{event.id}/staff/roles/{owner_id}/revoke", {})
    assert "at least one facilitator" in organiser.get(f"/console/{event.id}/staff").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(StaffRole, owner_id) is not None


def test_an_owner_without_the_facilitator_role_manages_staff(app, event):
    with app.app_context():
        user, password = factories.staff_user(event.id, "rapporteur")
        db.session.execute(update(StaffRole).where(StaffRole.user_id == user.id).values(is_owner=True))
        db.session.commit()
    owner = signed_in(app, user.email, password)
    html = owner.get(f"/console/{event.id}/staff").get_data(as_text=True)
    assert "Invite someone" in html and "Renew projector link" not in html  # the projector is a facilitator's


@pytest.mark.parametrize("role", ["moderator", "safeguarding", "rapporteur", "duty_bearer"])
def test_other_roles_do_not_see_the_staff_page(app, event, role):
    with app.app_context():
        user, password = factories.staff_user(event.id, role)
    assert signed_in(app, user.email, password).get(f"/console/{event.id}/staff").status_code == 404


def test_a_facilitator_of_another_event_cannot_touch_this_one_through_their_own(app, event, organiser):
    """Ids of event A's roles and invitations, sent to event B's staff page, are not found there."""
    invite_through_the_page(organiser, event.id, "a-invitee@example.org")
    with app.app_context():
        other = factories.event_with_open_board()
        outsider, password = factories.staff_user(other.id, "facilitator")
        role_id = db.session.scalar(select(StaffRole.id).where(StaffRole.event_id == event.id))
        invite_id = db.session.scalar(select(StaffInvite.id))
    browser = signed_in(app, outsider.email, password)
    own_page = f"/console/{other.id}/staff"
    assert post_form(browser, own_page, f"/console/{other.id}/staff/roles/{role_id}/revoke", {}).status_code == 404
    assert post_form(browser, own_page, f"/console/{other.id}/staff/invites/{invite_id}/revoke", {}).status_code == 404
    with app.app_context():
        assert db.session.get(StaffRole, role_id) is not None
        assert db.session.get(StaffInvite, invite_id).state() == "pending"


def test_staff_forms_refuse_a_post_without_its_csrf_token(app, event, organiser):
    reply = organiser.post(f"/console/{event.id}/staff/invites", data={"email": "x@example.org", "role": "moderator"})
    assert reply.status_code == 400
    with app.app_context():
        assert db.session.scalar(select(StaffInvite.id)) is None


# --- the projector link --------------------------------------------------------------------------


def test_renewing_the_projector_link_cuts_off_the_old_screen(app, event, organiser):
    old_screen = socketio.test_client(app, auth={"view": "projector", "token": event.projector_token})
    assert old_screen.is_connected()
    reply = post_form(organiser, f"/console/{event.id}/staff", f"/console/{event.id}/staff/projector-link", {})
    assert reply.status_code == 303
    with app.app_context():
        new_token = db.session.get(Event, event.id).projector_token
    assert new_token != event.projector_token
    assert app.test_client().get(f"/p/{event.projector_token}").status_code == 404
    assert app.test_client().get(f"/p/{new_token}").status_code == 200
    assert not old_screen.is_connected()
    new_screen = socketio.test_client(app, auth={"view": "projector", "token": new_token})
    assert new_screen.emit("projector:sync", {}, callback=True)["ok"]
    assert "projector_link_renewed" in audit_actions(app, event.id)
    assert new_token in organiser.get(f"/console/{event.id}/staff").get_data(as_text=True)


def test_renewed_link_gets_no_more_board_updates_even_if_still_connected(app, event, organiser, phone):
    """Another process's projector socket is not dropped by this one, but it leaves the room everywhere."""
    from facilitator.live import connections

    old_screen = socketio.test_client(app, auth={"view": "projector", "token": event.projector_token})
    sid = socketio.server.manager.sid_from_eio_sid(old_screen.eio_sid, "/")
    connections.connections[sid].view = "projector-elsewhere"  # as if it lived in another process
    post_form(organiser, f"/console/{event.id}/staff", f"/console/{event.id}/staff/projector-link", {})
    old_screen.get_received()
    phone.submit("after the renewal")
    assert received(old_screen, "board") == []
    connections.connections[sid].view = "projector"
    refused = old_screen.emit("projector:sync", {}, callback=True)
    assert refused["ok"] is False and refused["error"] == "unknown_projector"
