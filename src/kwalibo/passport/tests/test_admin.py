"""The passport in the back-office: the inspectorate reads, nobody changes."""

import pytest
from django.test import Client

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import Role
from kwalibo.passport.models import Declaration

pytestmark = pytest.mark.django_db


def staff(role: str) -> Client:
    user = User.objects.create_user(username=f"staff-{role}", role=role, is_staff=True)
    client = Client()
    client.force_login(user)
    return client


def test_the_inspectorate_reads_declarations_and_consignments_but_cannot_change_them(
    declaration: Declaration,
) -> None:
    client = staff(Role.INSPECTORATE)
    listing = client.get("/admin/passport/declaration/")
    assert listing.status_code == 200
    assert declaration.number in listing.content.decode()
    assert client.get(f"/admin/passport/declaration/{declaration.pk}/change/").status_code == 200
    assert client.get("/admin/passport/consignment/").status_code == 200
    assert client.get("/admin/passport/declaration/add/").status_code == 403
    assert (
        client.post(
            f"/admin/passport/declaration/{declaration.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert Declaration.objects.filter(pk=declaration.pk).exists()


def test_signing_keys_show_no_private_key(declaration: Declaration) -> None:
    page = staff(Role.INSPECTORATE).get(
        f"/admin/passport/signingkey/{declaration.signing_key_id}/change/"
    )
    assert page.status_code == 200
    assert declaration.signing_key.encrypted_private_key not in page.content.decode()


def test_the_recognition_office_has_no_passport_pages(db: None) -> None:
    assert staff(Role.RECOGNITION_OFFICE).get("/admin/passport/declaration/").status_code == 403
