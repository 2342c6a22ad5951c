"""Staff users, passwords and what each role may do in an event."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from facilitator.errors import Forbidden, InvalidInput
from facilitator.extensions import db
from facilitator.models import StaffRole, StaffUser
from facilitator.models._types import utcnow
from facilitator.models.people import STAFF_ROLES

_hasher = PasswordHasher()
# Verifying against this when the e-mail is unknown keeps the response time the same, so a login
# form does not tell an outsider which addresses have accounts.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
MIN_PASSWORD_LENGTH = 10

# What each permission needs. One place, so a new staff action names its permission and nothing else.
PERMISSIONS: dict[str, frozenset[str]] = {
    "view_console": frozenset({"facilitator", "moderator", "safeguarding", "rapporteur"}),
    "run_agenda": frozenset({"facilitator"}),
    "moderate": frozenset({"facilitator", "moderator"}),
    "enter_paper": frozenset({"facilitator", "moderator"}),
    "safeguard": frozenset({"safeguarding", "facilitator"}),
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
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("weak_password", f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    user.password_hash = _hasher.hash(password)


def new_one_time_password() -> str:
    return secrets.token_urlsafe(12)


def authenticate(email: str, password: str) -> StaffUser | None:
    """The active user with this e-mail and password, or None."""
    try:
        email = normalise_email(email)
    except InvalidInput:
        email = ""
    user = db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == email)) if email else None
    if user is None or not user.is_active or not user.password_hash:
        try:
            _hasher.verify(_DUMMY_HASH, password or "-")
        except VerificationError:
            pass
        return None
    try:
        _hasher.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login_at = utcnow()
    return user


def grant_role(user: StaffUser, event_id: int, role: str, *, owner: bool = False, organisation: str | None = None) -> StaffRole:
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
    return db.session.get(StaffUser, user_id)


def events_of(user_id: int) -> list[int]:
    return list(db.session.scalars(select(StaffRole.event_id).where(StaffRole.user_id == user_id).distinct()))
