"""Staff passwords: argon2id at argon2-cffi's recommended cost in production, any cost in tests, and every
stored hash verifying whatever the current settings."""

from __future__ import annotations

import argon2
import pytest
from argon2.profiles import RFC_9106_LOW_MEMORY
from flask import Flask

from facilitator import config
from facilitator.extensions import db
from facilitator.staff import service as staff_service
from facilitator.staff.models import StaffUser
from tests import factories

PASSWORD = "a-long-test-password"


@pytest.mark.parametrize("environment", ["production", "development"])
def test_the_default_cost_is_argon2s_recommended_one(monkeypatch, tmp_path, environment):
    for name in ("PASSWORD_HASH_TIME_COST", "PASSWORD_HASH_MEMORY_KIB", "PASSWORD_HASH_PARALLELISM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FACILITATOR_ENV", environment)
    monkeypatch.setenv("SECRET_KEY", "Wq3-hZ8sKd0pLr5TnV1bXy7cJm4GfA9eUo2iRt6EsNw")
    settings = config.load(tmp_path)
    recommended = argon2.PasswordHasher()
    assert (
        settings["PASSWORD_HASH_TIME_COST"],
        settings["PASSWORD_HASH_MEMORY_KIB"],
        settings["PASSWORD_HASH_PARALLELISM"],
    ) == (recommended.time_cost, recommended.memory_cost, recommended.parallelism)
    assert (recommended.time_cost, recommended.memory_cost, recommended.parallelism) == (
        RFC_9106_LOW_MEMORY.time_cost,
        RFC_9106_LOW_MEMORY.memory_cost,
        RFC_9106_LOW_MEMORY.parallelism,
    )


def test_a_hash_made_with_the_defaults_carries_them(monkeypatch, tmp_path):
    for name in ("PASSWORD_HASH_TIME_COST", "PASSWORD_HASH_MEMORY_KIB", "PASSWORD_HASH_PARALLELISM"):
        monkeypatch.delenv(name, raising=False)
    bare = Flask(__name__)  # not the suite's app, which hashes cheaply
    bare.config.from_mapping(config.load(tmp_path))
    with bare.app_context():
        user = StaffUser(email="someone@example.org", display_name="Someone")
        staff_service.set_password(user, PASSWORD)
    assert user.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_the_cost_can_be_set_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PASSWORD_HASH_TIME_COST", "4")
    monkeypatch.setenv("PASSWORD_HASH_MEMORY_KIB", "131072")
    monkeypatch.setenv("PASSWORD_HASH_PARALLELISM", "2")
    settings = config.load(tmp_path)
    assert (
        settings["PASSWORD_HASH_TIME_COST"],
        settings["PASSWORD_HASH_MEMORY_KIB"],
        settings["PASSWORD_HASH_PARALLELISM"],
    ) == (4, 131072, 2)


def test_the_test_suite_hashes_cheaply(ctx, event):
    user, _ = factories.staff_user(event.id, "moderator")
    assert user.password_hash.startswith("$argon2id$v=19$m=8,t=1,p=1$")


def test_a_hash_made_at_another_cost_still_verifies_and_is_remade_at_sign_in(ctx, event):
    user, _ = factories.staff_user(event.id, "moderator")
    stored = db.session.get(StaffUser, user.id)
    # Made at another cost (cheap, as this is a test; a real database's would be production's).
    stored.password_hash = argon2.PasswordHasher(time_cost=2, memory_cost=16, parallelism=1).hash(PASSWORD)
    db.session.commit()
    assert staff_service.authenticate(user.email, "not the password") is None
    assert staff_service.authenticate(user.email, PASSWORD) is not None
    assert db.session.get(StaffUser, user.id).password_hash.startswith("$argon2id$v=19$m=8,t=1,p=1$")
    assert staff_service.authenticate(user.email, PASSWORD) is not None


def test_an_unknown_address_is_checked_against_a_hash_of_the_same_cost(app, ctx, event, monkeypatch):
    """Unknown, disabled and password-less accounts cost one verification, as a real one does, so the time a
    sign-in takes does not tell which addresses have accounts."""
    verified: list[str] = []

    class Recording(argon2.PasswordHasher):
        def verify(self, hash_, password):
            verified.append(hash_)
            return super().verify(hash_, password)

    passwords = staff_service._passwords()
    recording = Recording(
        time_cost=passwords.hasher.time_cost,
        memory_cost=passwords.hasher.memory_cost,
        parallelism=passwords.hasher.parallelism,
    )
    monkeypatch.setitem(app.extensions, "staff_passwords", staff_service._Passwords(recording, passwords.dummy_hash))
    user, _ = factories.staff_user(event.id, "moderator")
    assert staff_service.authenticate("nobody@example.org", PASSWORD) is None
    assert staff_service.authenticate(user.email, "not the password") is None
    assert len(verified) == 2
    dummy, real = verified
    assert dummy != real and dummy.split("$")[:4] == real.split("$")[:4]  # argon2id, same version, same cost
