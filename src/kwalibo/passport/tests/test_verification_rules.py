"""The verdict of a verification: signature, live status and recognitions together."""

import datetime as dt
from decimal import Decimal

from kwalibo.passport.domain.balance import Flows, discrepancies
from kwalibo.passport.domain.projection import rd_to_wgs84, wgs84_to_rd
from kwalibo.passport.domain.verification import (
    DeclarationStatus,
    RecognitionFinding,
    verification_conclude,
)

FINDING = RecognitionFinding(
    role="sampler", kvk="12345678", activity="monsterneming-partijkeuring",
    on=dt.date(2025, 3, 3), organisation="Bodemadvies Zuid B.V.", recognised=True, status="granted",
)  # fmt: skip


def test_valid_only_when_signature_status_and_recognitions_hold() -> None:
    verdict = verification_conclude(
        signature_valid=True, status=DeclarationStatus.VALID, findings=[FINDING]
    )
    assert verdict.valid is True
    assert verdict.problems == ()


def test_every_failing_check_is_a_reason() -> None:
    unrecognised = RecognitionFinding(
        **{**FINDING.__dict__, "recognised": False, "status": "suspended"}
    )
    verdict = verification_conclude(
        signature_valid=False,
        status=DeclarationStatus.WITHDRAWN,
        findings=[FINDING, unrecognised],
        status_since=dt.date(2025, 4, 1),
    )
    assert verdict.valid is False
    assert [(p.code, p.params) for p in verdict.problems] == [
        ("signature", {}),
        ("withdrawn", {"day": "2025-04-01"}),
        (
            "recognition",
            {
                "organisation": "Bodemadvies Zuid B.V.",
                "kvk": "12345678",
                "activity": "monsterneming-partijkeuring",
                "on": "2025-03-03",
            },
        ),
    ]


def test_a_lapsed_declaration_is_not_valid() -> None:
    verdict = verification_conclude(
        signature_valid=True, status=DeclarationStatus.LAPSED, findings=[]
    )
    assert [p.code for p in verdict.problems] == ["lapsed"]


def test_balance_lists_negative_stock_transit_differences_and_over_declared() -> None:
    flows = Flows(
        excavated=Decimal("100"), dispatched=Decimal("90"), received=Decimal("0"), applied=Decimal("20"),
        transit_sent=Decimal("90"), transit_received=Decimal("88"), over_declared=Decimal("5"),
    )  # fmt: skip
    assert flows.stored == Decimal("-10")
    assert [(d.code, d.params) for d in discrepancies(flows)] == [
        ("over_declared", {"quantity": "5"}),
        ("more_out_than_in", {"quantity": "10"}),
        ("transit_difference", {"received": "88", "sent": "90", "difference": "-2"}),
    ]
    assert discrepancies(Flows(excavated=Decimal("10"), dispatched=Decimal("10"))) == []


def test_rd_new_and_wgs84_round_trip_at_amersfoort() -> None:
    # The RD origin: the Onze Lieve Vrouwetoren in Amersfoort is (155000, 463000).
    longitude, latitude = rd_to_wgs84(155000, 463000)
    assert (round(longitude, 4), round(latitude, 4)) == (5.3872, 52.1552)
    x, y = wgs84_to_rd(longitude, latitude)
    assert abs(x - 155000) < 0.01
    assert abs(y - 463000) < 0.01
