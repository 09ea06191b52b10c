"""Roles decide what a user may do, in one place; passwords are hashed with argon2."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.models import AnonymousUser

from kwalibo.accounts.models import User
from kwalibo.accounts.permissions import has_capability
from kwalibo.accounts.roles import Capability, Role
from kwalibo.conf import settings as production_settings


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.RECOGNITION_OFFICE, {"decide": True, "internal": True, "import": True}),
        (Role.INSPECTORATE, {"decide": False, "internal": True, "import": False}),
        (Role.CERTIFYING_INSTITUTION, {"decide": False, "internal": False, "import": False}),
        (Role.ACCREDITATION_BODY, {"decide": False, "internal": False, "import": False}),
        (Role.ENVIRONMENTAL_SERVICE, {"decide": False, "internal": False, "import": False}),
        (Role.COMPANY, {"decide": False, "internal": False, "import": False}),
    ],
)
def test_capabilities_per_role(role: str, expected: dict[str, bool]) -> None:
    user = User(username="u", role=role, is_active=True)
    assert {
        "decide": has_capability(user, Capability.DECIDE_RECOGNITION),
        "internal": has_capability(user, Capability.VIEW_REGISTER_INTERNAL),
        "import": has_capability(user, Capability.IMPORT_REGISTER),
    } == expected


def test_anonymous_and_inactive_users_have_no_capabilities() -> None:
    assert has_capability(AnonymousUser(), Capability.VIEW_REGISTER_INTERNAL) is False
    inactive = User(username="x", role=Role.RECOGNITION_OFFICE, is_active=False)
    assert has_capability(inactive, Capability.DECIDE_RECOGNITION) is False


@pytest.mark.django_db
def test_admin_model_permissions_follow_the_role() -> None:
    officer = User.objects.create_user("officer", role=Role.RECOGNITION_OFFICE, is_staff=True)
    inspector = User.objects.create_user("inspector", role=Role.INSPECTORATE, is_staff=True)
    company = User.objects.create_user("company", role=Role.COMPANY)
    assert officer.has_perm("register.change_organisation")
    assert not officer.has_perm("register.delete_organisation")
    assert not officer.has_perm("register.change_recognitiondecision")
    assert inspector.has_perm("register.view_organisation")
    assert not inspector.has_perm("register.change_organisation")
    assert not company.has_perm("register.view_organisation")


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login_for_the_back_office(client) -> None:
    response = client.get("/admin/register/recognition/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_production_settings_hash_passwords_with_argon2() -> None:
    assert (
        production_settings.PASSWORD_HASHERS[0]
        == "django.contrib.auth.hashers.Argon2PasswordHasher"
    )
    hasher = Argon2PasswordHasher()  # needs argon2-cffi, a pinned dependency
    encoded = hasher.encode("correct horse battery staple", hasher.salt())
    assert encoded.startswith("argon2$argon2id$")
    assert hasher.verify("correct horse battery staple", encoded)
    assert not hasher.verify("wrong", encoded)


def test_settings_refuse_to_start_without_a_secret_key() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    env["DATA_DIR"] = "/tmp/kwalibo-settings-test"
    result = subprocess.run(
        [sys.executable, "-c", "import kwalibo.conf.settings"],
        env=env | {"SECRET_KEY": ""},
        capture_output=True,
        text=True,
        cwd="/",
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_defaults_are_safe() -> None:
    assert production_settings.DEBUG is False or os.environ.get("DEBUG") == "true"
    assert "*" not in production_settings.ALLOWED_HOSTS
    assert production_settings.X_FRAME_OPTIONS == "DENY"
    assert production_settings.SESSION_COOKIE_HTTPONLY is True
