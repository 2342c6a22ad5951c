"""Staff users, passwords, what each role may do in an event, and inviting staff to an event."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import CursorResult, delete, func, not_, select, update

from facilitator import audit, validation
from facilitator.columns import utcnow
from facilitator.errors import Conflict, Forbidden, InvalidInput, NotFound, ServiceError
from facilitator.extensions import db
from facilitator.live import connections
from facilitator.live.on_commit import send_after_commit
from facilitator.lookups import get_in_event
from facilitator.staff import sessions as staff_sessions
from facilitator.staff.models import STAFF_ROLES, StaffInvite, StaffRole, StaffSession, StaffUser

MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class _Passwords:
    hasher: PasswordHasher
    # Verifying against this when the e-mail is unknown keeps the response time the same, so a login
    # form does not tell an outsider which addresses have accounts. Made by the same hasher, so it costs
    # what a real account's check costs.
    dummy_hash: str


def _passwords() -> _Passwords:
    """The app's argon2id hasher, built once per app from its PASSWORD_HASH_* settings (config.py).

    Only new hashes use these settings: a stored hash carries its own, so every existing hash still
    verifies, and one made with other settings is re-made on its owner's next sign-in."""
    app = current_app
    passwords: _Passwords | None = app.extensions.get("staff_passwords")
    if passwords is None:
        hasher = PasswordHasher(
            time_cost=app.config["PASSWORD_HASH_TIME_COST"],
            memory_cost=app.config["PASSWORD_HASH_MEMORY_KIB"],
            parallelism=app.config["PASSWORD_HASH_PARALLELISM"],
        )
        # Two threads may both get here first; either's result is as good as the other's.
        passwords = app.extensions["staff_passwords"] = _Passwords(hasher, hasher.hash(secrets.token_urlsafe(16)))
    return passwords


# What each permission needs. One place, so a new staff action names its permission and nothing else.
PERMISSIONS: dict[str, frozenset[str]] = {
    "view_console": frozenset({"facilitator", "moderator", "safeguarding", "rapporteur"}),
    "run_agenda": frozenset({"facilitator"}),
    "moderate": frozenset({"facilitator", "moderator"}),
    "enter_paper": frozenset({"facilitator", "moderator"}),
    "safeguard": frozenset({"safeguarding", "facilitator"}),
    # Invite staff, revoke roles and invites. An owner of the event may too, whatever their role
    # (see may_manage_staff).
    "manage_staff": frozenset({"facilitator"}),
    # Edit the event's details, days and sessions, copy it for next year. Whoever holds it in any event is an
    # organiser and may create new events (may_create_events).
    "set_up_event": frozenset({"facilitator"}),
}


def normalise_email(raw: str) -> str:
    email = (raw or "").strip().lower()
    if "@" not in email or len(email) > 254 or email.startswith("@") or email.endswith("@"):
        raise InvalidInput("invalid_email", "Enter a valid e-mail address.")
    return email


def create_user(email: str, display_name: str, password: str | None = None) -> StaffUser:
    email = normalise_email(email)
    if db.session.scalar(select(StaffUser.id).where(StaffUser.email == email)) is not None:
        raise InvalidInput("email_taken", "A staff user with that e-mail already exists.")
    user = StaffUser(email=email, display_name=display_name.strip() or email)
    if password is not None:
        set_password(user, password)
    db.session.add(user)
    db.session.flush()
    return user


def set_password(user: StaffUser, password: str) -> None:
    """A new password, which ends every session of the user (signed in with the old one, or by whoever had it):
    once committed, their pages need signing in again and their open consoles are cut off."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("weak_password", f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    user.password_hash = _passwords().hasher.hash(password)
    if user.id is not None:
        end_sessions_of(user.id)


# --- Sessions ----------------------------------------------------------------------------------
#
# A browser's signed cookie carries a random session id and nothing else that grants anything; the row it names
# (staff.models.StaffSession, stored by the id's hash) is the authority, so ending the row ends every copy of
# the cookie. Whether a session is live: staff.sessions.


def start_session(user: StaffUser, *, replacing: Any = None) -> str:
    """A new session for ``user``, signing in, and its id for the browser's cookie: a new id at every sign-in,
    so an id known before signing in is worth nothing after it. The session the browser held until now
    (``replacing``) ends; rows of the user's sessions no longer live are cleared."""
    end_session(replacing)
    now = utcnow()
    db.session.execute(
        delete(StaffSession)
        .where(StaffSession.user_id == user.id, not_(staff_sessions.live_clause(now)))
        .execution_options(synchronize_session=False)
    )
    session_id = staff_sessions.new_session_id()
    db.session.add(
        StaffSession(
            user_id=user.id, token_hash=staff_sessions.hash_session_id(session_id), created_at=now, last_seen_at=now
        )
    )
    db.session.flush()
    return session_id


def end_session(session_id: Any) -> None:
    """Signing out: the session this id names ends, and, once committed, its open sockets on this process are
    cut off (another process's are refused on their next call). An unknown or ended id changes nothing."""
    plausible = staff_sessions.plausible_session_id(session_id)
    if plausible is None:
        return
    ended = db.session.scalar(
        select(StaffSession).where(
            StaffSession.token_hash == staff_sessions.hash_session_id(plausible), StaffSession.ended_at.is_(None)
        )
    )
    if ended is not None:
        _end([ended])


def end_sessions_of(user_id: int) -> None:
    """Every session of the user ends (a new password)."""
    _end(
        list(
            db.session.scalars(
                select(StaffSession).where(StaffSession.user_id == user_id, StaffSession.ended_at.is_(None))
            )
        )
    )


def _end(ended: list[StaffSession]) -> None:
    if not ended:
        return
    now = utcnow()
    for staff_session in ended:
        staff_session.ended_at = now
    db.session.flush()
    send_after_commit(connections.disconnect_staff_sessions, tuple(sorted(s.id for s in ended)))


def new_one_time_password() -> str:
    return secrets.token_urlsafe(12)


def set_one_time_password(user: StaffUser, password: str) -> None:
    """A password shown once on a terminal: it opens one sign-in, after which the user must choose their own.
    (A printed password sits in scrollback, shell history and screenshots; it must not stay the key.)"""
    set_password(user, password)
    user.must_set_password = True


def use_one_time_password(user: StaffUser) -> None:
    """The one sign-in a one-time password opens has happened: the password stops working now, whether or not
    a new one is chosen (an abandoned attempt needs a reset, not the old password again)."""
    user.password_hash = None


def choose_password(user: StaffUser, password: Any, repeated: Any) -> None:
    """The user's own password, after a one-time one."""
    if not isinstance(password, str) or password != repeated:
        raise InvalidInput("passwords_differ", "The two passwords are not the same.")
    set_password(user, password)
    user.must_set_password = False


def authenticate(email: str, password: str) -> StaffUser | None:
    """The active user with this e-mail and password, or None."""
    try:
        email = normalise_email(email)
    except InvalidInput:
        email = ""
    user = db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == email)) if email else None
    passwords = _passwords()
    if user is None or not user.is_active or not user.password_hash:
        try:
            passwords.hasher.verify(passwords.dummy_hash, password or "-")
        except VerificationError:
            pass
        return None
    try:
        passwords.hasher.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if passwords.hasher.check_needs_rehash(user.password_hash):
        user.password_hash = passwords.hasher.hash(password)
    user.last_login_at = utcnow()
    return user


def grant_role(
    user: StaffUser, event_id: int, role: str, *, owner: bool = False, organisation: str | None = None
) -> StaffRole:
    if role not in STAFF_ROLES:
        raise InvalidInput("invalid_role", f"Unknown role {role!r}.")
    existing = db.session.scalar(
        select(StaffRole).where(StaffRole.event_id == event_id, StaffRole.user_id == user.id, StaffRole.role == role)
    )
    if existing:
        return existing
    granted = StaffRole(event_id=event_id, user_id=user.id, role=role, is_owner=owner, organisation=organisation)
    db.session.add(granted)
    db.session.flush()
    return granted


def roles_in_event(user_id: int | None, event_id: int) -> set[str]:
    if not user_id:
        return set()
    return set(
        db.session.scalars(
            select(StaffRole.role)
            .join(StaffUser, StaffUser.id == StaffRole.user_id)
            .where(StaffRole.user_id == user_id, StaffRole.event_id == event_id, StaffUser.is_active.is_(True))
        )
    )


def require(user_id: int | None, event_id: int, permission: str) -> StaffUser:
    """The staff user, if their roles in this event grant ``permission``; Forbidden otherwise.
    Called on every staff action, never cached, so a revoked role stops working at once."""
    if not roles_in_event(user_id, event_id) & PERMISSIONS[permission]:
        raise Forbidden("forbidden", "You do not have permission to do that in this event.")
    return _user(user_id)


def _user(user_id: int | None) -> StaffUser:
    """The account of someone whose roles were just checked (an account's roles go with it)."""
    user = db.session.get(StaffUser, user_id) if user_id is not None else None
    if user is None:
        raise Forbidden("forbidden", "You do not have permission to do that in this event.")
    return user


def events_of(user_id: int) -> list[int]:
    return list(db.session.scalars(select(StaffRole.event_id).where(StaffRole.user_id == user_id).distinct()))


def is_owner(user_id: int | None, event_id: int) -> bool:
    if not user_id:
        return False
    return (
        db.session.scalar(
            select(StaffRole.id)
            .join(StaffUser, StaffUser.id == StaffRole.user_id)
            .where(
                StaffRole.user_id == user_id,
                StaffRole.event_id == event_id,
                StaffRole.is_owner.is_(True),
                StaffUser.is_active.is_(True),
            )
            .limit(1)
        )
        is not None
    )


def may_manage_staff(user_id: int | None, event_id: int) -> bool:
    """A facilitator or an owner of the event may invite staff and revoke roles and invites."""
    return bool(roles_in_event(user_id, event_id) & PERMISSIONS["manage_staff"]) or is_owner(user_id, event_id)


def may_create_events(user_id: int | None) -> bool:
    """An organiser: someone who may set up some event (or owns one) may create another."""
    if not user_id:
        return False
    return (
        db.session.scalar(
            select(StaffRole.id)
            .join(StaffUser, StaffUser.id == StaffRole.user_id)
            .where(
                StaffRole.user_id == user_id,
                StaffUser.is_active.is_(True),
                (StaffRole.role.in_(PERMISSIONS["set_up_event"])) | StaffRole.is_owner.is_(True),
            )
            .limit(1)
        )
        is not None
    )


def capabilities(user_id: int | None, event_id: int) -> dict[str, bool]:
    """Each permission of PERMISSIONS and whether this user has it in the event: what templates and scripts
    show (``can.run_agenda``), never role names. The server still checks every action."""
    roles = roles_in_event(user_id, event_id)
    can = {permission: bool(roles & needs) for permission, needs in PERMISSIONS.items()}
    can["manage_staff"] = can["manage_staff"] or is_owner(user_id, event_id)
    return can


def require_staff_manager(user_id: int | None, event_id: int) -> StaffUser:
    """Like ``require``, for managing the event's staff."""
    if not may_manage_staff(user_id, event_id):
        raise Forbidden("forbidden", "You do not have permission to do that in this event.")
    return _user(user_id)


def staff_of_event(event_id: int) -> list[StaffRole]:
    """Every role in the event with its user, owners first, then by name."""
    return list(
        db.session.scalars(
            select(StaffRole)
            .join(StaffUser, StaffUser.id == StaffRole.user_id)
            .where(StaffRole.event_id == event_id)
            .order_by(StaffRole.is_owner.desc(), func.lower(StaffUser.display_name), StaffRole.role)
        )
    )


def revoke_role(event_id: int, actor: StaffUser, role_id: Any) -> StaffRole:
    """Take one role away. It stops working on the next request or socket call (nothing is cached).
    Only an owner can remove an owner, and the event always keeps one facilitator."""
    granted = get_in_event(
        StaffRole,
        event_id,
        role_id,
        field="Role",
        code="unknown_role",
        message="That role does not exist in this event.",
    )
    if granted.is_owner and not is_owner(actor.id, event_id):
        raise Forbidden("owner_role", "Only an owner of the event can remove an owner's role.")
    if granted.role == "facilitator":
        facilitators = db.session.scalars(
            select(func.count(StaffRole.id)).where(StaffRole.event_id == event_id, StaffRole.role == "facilitator")
        ).one()
        if facilitators <= 1:
            raise Conflict(
                "last_facilitator",
                "The event needs at least one facilitator: invite another one before removing this one.",
            )
    audit.record(
        event_id,
        actor,
        "role_revoked",
        f"staff_role:{granted.id}",
        user_id=granted.user_id,
        email=granted.user.email,
        role=granted.role,
    )
    db.session.delete(granted)
    db.session.flush()
    # Pages check the role on every request. Live consoles of this person are dropped too, once the removal is
    # committed, so they stop hearing the event's rooms now and a console that reconnects gets only the roles
    # still there.
    send_after_commit(connections.disconnect_consoles_of, event_id, granted.user_id)
    return granted


# --- Invitations -------------------------------------------------------------------------------

INVITE_TOKEN_BYTES = 32


class InviteUnusable(ServiceError):
    """The link was real but can no longer be used: used, withdrawn or expired (HTTP 410 Gone)."""

    status = 410


@dataclass(frozen=True)
class IssuedInvite:
    invite: StaffInvite
    token: str  # goes into the link shown once to the facilitator; only its hash is stored


def hash_invite_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_staff(
    event_id: int,
    actor: StaffUser,
    *,
    email: Any,
    role: Any,
    organisation: Any = None,
    valid_for: timedelta,
) -> IssuedInvite:
    """A one-time link giving ``role`` in the event to ``email``. A pending invitation for the same person
    and role is withdrawn, so only the newest link works."""
    email = normalise_email(email if isinstance(email, str) else "")
    role = validation.choice(role, STAFF_ROLES, field="Role")
    if role == "duty_bearer":
        organisation = validation.clean_text(organisation, field="Organisation", max_chars=200)
    else:
        organisation = None
    existing_user = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
    if existing_user is not None and role in roles_in_event(existing_user.id, event_id):
        raise InvalidInput("already_staff", f"{email} already has the {role.replace('_', ' ')} role in this event.")
    now = utcnow()
    for previous in pending_invites(event_id, now=now):
        if previous.email == email and previous.role == role:
            previous.revoked_at = now
            audit.record(event_id, actor, "invite_replaced", f"invite:{previous.id}", email=email, role=role)
    token = secrets.token_urlsafe(INVITE_TOKEN_BYTES)
    invite = StaffInvite(
        event_id=event_id,
        email=email,
        role=role,
        organisation=organisation,
        token_hash=hash_invite_token(token),
        invited_by_id=actor.id,
        created_at=now,
        expires_at=now + valid_for,
    )
    db.session.add(invite)
    db.session.flush()
    audit.record(
        event_id,
        actor,
        "staff_invited",
        f"invite:{invite.id}",
        email=email,
        role=role,
        expires_at=invite.expires_at.isoformat(),
    )
    return IssuedInvite(invite, token)


def pending_invites(event_id: int, *, now: datetime | None = None) -> list[StaffInvite]:
    now = now or utcnow()
    return list(
        db.session.scalars(
            select(StaffInvite)
            .where(
                StaffInvite.event_id == event_id,
                StaffInvite.used_at.is_(None),
                StaffInvite.revoked_at.is_(None),
                StaffInvite.expires_at > now,
            )
            .order_by(StaffInvite.created_at)
        )
    )


def revoke_invite(event_id: int, actor: StaffUser, invite_id: Any) -> StaffInvite:
    invite = get_in_event(
        StaffInvite,
        event_id,
        invite_id,
        field="Invitation",
        code="unknown_invite",
        message="That invitation does not exist in this event.",
    )
    if invite.state() != "pending":
        raise Conflict("invite_not_pending", f"That invitation is already {invite.state()}.")
    invite.revoked_at = utcnow()
    audit.record(event_id, actor, "invite_revoked", f"invite:{invite.id}", email=invite.email, role=invite.role)
    return invite


_UNUSABLE = {
    "used": (
        "invite_used",
        "This invitation link has already been used. If it was you, sign in with your "
        "e-mail and password; otherwise ask the facilitator for a new link.",
    ),
    "revoked": ("invite_revoked", "This invitation was withdrawn. Ask the facilitator for a new link."),
    "expired": ("invite_expired", "This invitation link has expired. Ask the facilitator for a new one."),
}


def invite_for_token(token: Any) -> StaffInvite:
    """The pending invitation behind a link; NotFound for a link that never existed, InviteUnusable
    (with a message saying why) for one that was used, withdrawn or has expired."""
    if not isinstance(token, str) or not (20 <= len(token) <= 100):
        raise NotFound("unknown_invite", "This invitation link is not valid. Check that you copied all of it.")
    invite = db.session.scalar(select(StaffInvite).where(StaffInvite.token_hash == hash_invite_token(token)))
    if invite is None:
        raise NotFound("unknown_invite", "This invitation link is not valid. Check that you copied all of it.")
    state = invite.state()
    if state != "pending":
        raise InviteUnusable(*_UNUSABLE[state])
    return invite


def account_for_invite(invite: StaffInvite) -> StaffUser | None:
    """The existing account the invitation will add a role to, if there is one with a password."""
    user = db.session.scalar(select(StaffUser).where(StaffUser.email == invite.email))
    return user if user is not None and user.password_hash else None


def accept_invite(
    token: Any,
    *,
    display_name: Any = None,
    password: Any = None,
    password_again: Any = None,
    existing_password: Any = None,
) -> StaffUser:
    """Use the link once: give its role to the invitee and return them, to be signed in.

    A new invitee chooses a display name and a password (twice). Someone who already has an account proves
    it with their current password instead, so a link cannot be used to take over an account."""
    invite = invite_for_token(token)
    user = account_for_invite(invite)
    if user is not None:
        if not user.is_active:
            raise Forbidden("account_disabled", "This staff account is disabled. Ask the facilitator.")
        if authenticate(user.email, existing_password if isinstance(existing_password, str) else "") is None:
            raise InvalidInput("wrong_password", "That is not the password of this account.")
    else:
        name = validation.clean_text(display_name, field="Your name", max_chars=120)
        if not isinstance(password, str) or password != password_again:
            raise InvalidInput("password_mismatch", "The two passwords are not the same.")
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == invite.email))
        if user is None:
            user = create_user(invite.email, name, password)
        else:  # an account made without a password (e.g. by the CLI): the invitee sets it now
            user.display_name = name
            set_password(user, password)
    # Claim the link atomically: of two people opening it at once, exactly one gets the role.
    now = utcnow()
    claimed = cast(
        "CursorResult[Any]",
        db.session.execute(
            update(StaffInvite)
            .where(
                StaffInvite.id == invite.id,
                StaffInvite.used_at.is_(None),
                StaffInvite.revoked_at.is_(None),
                StaffInvite.expires_at > now,
            )
            .values(used_at=now, used_by_id=user.id)
            .execution_options(synchronize_session=False)
        ),
    ).rowcount
    if claimed != 1:
        raise InviteUnusable(*_UNUSABLE["used"])
    grant_role(user, invite.event_id, invite.role, organisation=invite.organisation)
    user.last_login_at = now
    audit.record(invite.event_id, user, "invite_accepted", f"invite:{invite.id}", email=user.email, role=invite.role)
    db.session.flush()
    return user
