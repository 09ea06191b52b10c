"""The passport API: public verification, role-scoped reads, one error shape."""

import datetime as dt
import re
import zlib
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from kwalibo.accounts.models import User
from kwalibo.passport import services
from kwalibo.passport.models import Batch, Consignment, Declaration, Notification
from kwalibo.passport.pdf import verification_qr
from kwalibo.passport.tests.conftest import Parties, Sites
from kwalibo.register.models import Organisation

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_verify_is_public_and_reports_a_valid_declaration(
    client: Client, declaration: Declaration
) -> None:
    response = client.get(f"/api/v1/mvb/{declaration.number}/verify", **EN)
    assert response.status_code == 200
    body = response.json()
    assert (body["valid"], body["signature_valid"], body["status"], body["problems"]) == (
        True, True, "valid", [],
    )  # fmt: skip
    assert body["issuer"] == {"name": "Grondwerken Oost B.V.", "kvk_number": "30000001"}
    assert [f["activity"] for f in body["findings"]] == [
        "monsterneming-partijkeuring",
        "analyse-bouwstoffen-grond",
    ]


def test_verify_reports_withdrawal_with_its_reason(
    client: Client, declaration: Declaration, disposer: User
) -> None:
    services.declaration_withdraw(actor=disposer, declaration=declaration, reason="Analysefout")
    body = client.get(f"/api/v1/mvb/{declaration.number}/verify", **EN).json()
    assert body["valid"] is False
    assert body["problems"] == [
        {
            "code": "withdrawn",
            "message": f"The declaration was withdrawn on {timezone.localdate().isoformat()}.",
        }
    ]


def test_verify_detects_a_changed_payload(client: Client, declaration: Declaration) -> None:
    payload = {**declaration.payload, "issued_on": "2025-01-01"}
    Declaration.objects.filter(pk=declaration.pk).update(payload=payload)
    body = client.get(f"/api/v1/mvb/{declaration.number}/verify", **EN).json()
    assert (body["valid"], body["signature_valid"]) == (False, False)
    assert [p["code"] for p in body["problems"]] == ["signature"]


def test_unknown_number_gives_404_in_the_error_shape(client: Client, db: None) -> None:
    response = client.get("/api/v1/mvb/MVB-2025-XXXXX-XXXXX/verify", **EN)
    assert response.status_code == 404
    assert response.json() == {"detail": "No declaration with this number.", "errors": {}}


def test_public_keys_are_published(client: Client, declaration: Declaration) -> None:
    [key] = client.get("/api/v1/mvb/keys").json()["results"]
    assert key["key_id"] == declaration.signing_key.key_id
    assert key["public_key"] == declaration.signing_key.public_key
    assert "encrypted_private_key" not in key


def test_a_company_issues_through_the_api_and_an_authority_cannot(
    batch: Batch, disposer: User, authority: User
) -> None:
    response = logged_in(authority).post(
        "/api/v1/mvb", {"batch": batch.number}, content_type="application/json"
    )
    assert response.status_code == 403
    response = logged_in(disposer).post(
        "/api/v1/mvb", {"batch": batch.number}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["batch"] == batch.number
    assert Declaration.objects.count() == 1


def test_declarations_are_scoped_to_the_viewer(
    declaration: Declaration,
    parties: Parties,
    user_of: Callable[[Organisation], User],
    authority: User,
) -> None:
    outsider = logged_in(user_of(parties.processor))
    assert outsider.get("/api/v1/mvb").json()["count"] == 0
    assert outsider.get(f"/api/v1/mvb/{declaration.number}", **EN).status_code == 404
    assert logged_in(authority).get("/api/v1/mvb").json()["count"] == 1
    assert Client().get("/api/v1/mvb").status_code == 403


def test_late_notification_is_refused_with_field_errors(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    response = logged_in(disposer).post(
        "/api/v1/notifications",
        {
            "kind": "temporary_storage", "batch": batch.number, "site": sites.storage.pk,
            "starts_on": "2025-03-17", "quantity_m3": "100", "duration_days": 30,
        },
        content_type="application/json",
        **EN,
    )  # fmt: skip
    # Filed today, long after the start: too late.
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "The notification is refused."
    assert list(body["errors"]) == ["starts_on"]
    assert body["errors"]["starts_on"][0].startswith("Too late: for a start on 2025-03-17")
    assert Notification.objects.count() == 0


def test_notification_filed_via_api_is_listed_for_the_competent_authority(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, authority: User
) -> None:
    start = timezone.localdate() + dt.timedelta(days=14)
    response = logged_in(disposer).post(
        "/api/v1/notifications",
        {
            "kind": "temporary_storage", "batch": batch.number, "site": sites.storage.pk,
            "starts_on": start.isoformat(), "quantity_m3": "100", "duration_days": 30,
        },
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201, response.json()
    listed = logged_in(authority).get("/api/v1/notifications").json()
    assert [n["number"] for n in listed["results"]] == [response.json()["number"]]


def test_an_unregistered_transporter_cannot_be_named_via_the_api(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites
) -> None:
    response = logged_in(disposer).post(
        "/api/v1/consignments",
        {
            "batch": batch.number, "from_site": sites.origin.pk, "to_site": sites.processing.pk,
            "purpose": "processing", "quantity_m3": "10", "planned_on": "2025-03-18",
            "transporter_kvks": ["55555555"], "receiver_kvk": "30000006",
        },
        content_type="application/json",
        **EN,
    )  # fmt: skip
    assert response.status_code == 422
    assert response.json() == {
        "detail": "No organisation with KvK number 55555555 is registered; it cannot be named.",
        "errors": {},
    }
    assert Consignment.objects.count() == 0


def test_the_chain_via_the_api_and_a_confirmation_by_the_wrong_party(
    declaration: Declaration, batch: Batch, disposer: User, sites: Sites, parties: Parties,
    user_of: Callable[[Organisation], User],
) -> None:  # fmt: skip
    client = logged_in(disposer)
    created = client.post(
        "/api/v1/consignments",
        {
            "batch": batch.number, "from_site": sites.origin.pk, "to_site": sites.processing.pk,
            "purpose": "processing", "quantity_m3": "10", "planned_on": "2025-03-18",
            "transporter_kvks": ["30000004"], "receiver_kvk": "30000006",
        },
        content_type="application/json",
    ).json()  # fmt: skip
    number = created["number"]
    assert [s["kind"] for s in created["steps"]] == ["origin", "transport", "receipt"]
    confirm = {"quantity_m3": "10", "occurred_on": "2025-03-18"}
    wrong = logged_in(user_of(parties.transporter)).post(
        f"/api/v1/consignments/{number}/steps/0/confirm",
        confirm,
        content_type="application/json",
        **EN,
    )
    assert wrong.status_code == 422
    assert wrong.json()["detail"] == "Only the organisation named for this step can confirm it."
    ok = client.post(
        f"/api/v1/consignments/{number}/steps/0/confirm", confirm, content_type="application/json"
    )
    assert ok.status_code == 200
    assert ok.json()["state"] == "dispatched"


def test_balance_and_map_endpoints(declaration: Declaration, authority: User, sites: Sites) -> None:
    client = logged_in(authority)
    rows = client.get("/api/v1/sites/balance").json()
    assert rows == [
        {
            "site": sites.origin.pk, "site_name": "Bouwput Stationsplein",
            "flows": {
                "excavated": "120.000", "dispatched": "0.000", "received": "0.000", "applied": "0.000",
                "stored": "120.000", "in_transit": "0.000", "over_declared": "0.000",
            },
            "discrepancies": [],
        }
    ]  # fmt: skip
    features = client.get("/api/v1/soil-flows/map").json()
    assert features["type"] == "FeatureCollection"
    origin = next(
        f for f in features["features"] if f["properties"]["name"] == "Bouwput Stationsplein"
    )
    longitude, latitude = origin["geometry"]["coordinates"]
    assert (round(longitude, 2), round(latitude, 2)) == (6.89, 52.22)  # Enschede
    assert origin["properties"]["batches"] == [declaration.batch.number]


def _pdf_text(document: bytes) -> str:
    texts = []
    for stream in re.findall(rb"stream\n(.*?)\nendstream", document, re.S):
        try:
            texts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(texts)


def test_pdf_carries_the_number_and_an_image_of_the_qr_code(
    declaration: Declaration, disposer: User
) -> None:
    response = logged_in(disposer).get(f"/api/v1/mvb/{declaration.number}/pdf", **EN)
    assert response["Content-Type"] == "application/pdf"
    document = response.content
    assert document.startswith(b"%PDF-")
    text = _pdf_text(document)
    assert declaration.number in text
    assert "120.000 m" in text
    assert f"/bodempaspoort/verificatie/{declaration.number}/" in text
    assert b"/Subtype /Image" in document


def test_qr_code_encodes_the_verification_url() -> None:
    url = "http://testserver/bodempaspoort/verificatie/MVB-2025-AAAAA-BBBBB/"
    qr = verification_qr(url)
    assert qr.error == "M"
    assert qr.designator.endswith("-M")
    # The same URL gives the same symbol; another URL does not.
    assert qr.matrix == verification_qr(url).matrix
    assert qr.matrix != verification_qr(url.replace("AAAAA", "CCCCC")).matrix


def test_batch_list_does_a_fixed_number_of_queries(
    disposer: User, sites: Sites, django_assert_num_queries: Callable[..., object]
) -> None:
    for volume in ("10", "20", "30"):
        services.batch_register(
            actor=disposer, origin_site=sites.origin, material="grond",
            volume_m3=Decimal(volume), declaration_type="partijkeuring_grond",
        )  # fmt: skip
    client = logged_in(disposer)
    client.get("/api/v1/batches")  # warm the session
    with django_assert_num_queries(4):  # session, user, count, page
        body = client.get("/api/v1/batches").json()
    assert body["count"] == 3
