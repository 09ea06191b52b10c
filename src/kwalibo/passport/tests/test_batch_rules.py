"""Splitting and merging batches (Rbk art 4.3.1-4.3.2) and the quantity under one declaration."""

from decimal import Decimal

import pytest

from kwalibo.common.domain.errors import DomainError
from kwalibo.passport.domain.batches import (
    MergeSource,
    application_within_declaration,
    merge_check,
    split_check,
)
from kwalibo.passport.domain.declarations import (
    DeclarationType,
    Material,
    declaration_type_check,
    reliances_for,
)

M = Decimal


def source(
    number: str, volume: str, cls: str = "wonen", mass: str | None = "200", **extra: object
) -> MergeSource:
    values = {
        "number": number,
        "material": Material.SOIL,
        "volume_m3": M(volume),
        "mass_tonnes": M(mass) if mass else None,
        "quality_class": cls,
        "declaration_type": DeclarationType.BATCH_INSPECTION_SOIL,
    } | extra
    return MergeSource(**values)  # type: ignore[arg-type]


def test_a_split_within_the_available_quantity_is_allowed() -> None:
    split_check(available_m3=M("100"), parts_m3=[M("60"), M("40")])


@pytest.mark.parametrize(
    ("parts", "message"),
    [([], "at least one"), ([M("0")], "positive"), ([M("60"), M("41")], "101 m³ but only 100")],
)
def test_a_split_beyond_the_batch_is_refused(parts: list[Decimal], message: str) -> None:
    with pytest.raises(DomainError, match=message):
        split_check(available_m3=M("100"), parts_m3=parts)


def test_merging_same_class_by_a_recognised_merger_keeps_the_class() -> None:
    outcome = merge_check(
        sources=[source("P1", "300"), source("P2", "200")], merger_recognised=True
    )
    assert (outcome.volume_m3, outcome.mass_tonnes, outcome.quality_class) == (
        M("500"),
        M("400"),
        "wonen",
    )
    assert outcome.needs_recognised_merger is True


def test_merging_into_more_than_25_m3_needs_a_recognised_merger() -> None:
    with pytest.raises(DomainError, match="activity r"):
        merge_check(sources=[source("P1", "20"), source("P2", "10")], merger_recognised=False)


def test_merging_up_to_25_m3_needs_no_recognition_and_may_mix_classes() -> None:
    outcome = merge_check(
        sources=[source("P1", "15", "wonen"), source("P2", "10", "industrie")],
        merger_recognised=False,
    )
    assert (outcome.quality_class, outcome.needs_recognised_merger) == ("", False)


def test_different_classes_above_25_m3_are_refused_unless_each_is_below_100_tonnes() -> None:
    with pytest.raises(DomainError, match="100 tonnes"):
        merge_check(
            sources=[source("P1", "60", "wonen"), source("P2", "60", "industrie")],
            merger_recognised=True,
        )
    outcome = merge_check(
        sources=[source("P1", "30", "wonen", "60"), source("P2", "30", "", "50")],
        merger_recognised=True,
    )
    assert outcome.quality_class == ""


def test_unknown_mass_does_not_count_as_below_100_tonnes() -> None:
    with pytest.raises(DomainError, match="100 tonnes"):
        merge_check(
            sources=[source("P1", "30", "wonen", None), source("P2", "30", "industrie", "50")],
            merger_recognised=True,
        )


def test_background_batches_with_brl_9313_quality_declarations_merge_without_recognition() -> None:
    certified = {
        "declaration_type": DeclarationType.CERTIFIED_QUALITY,
        "quality_scheme": "BRL 9313",
    }
    outcome = merge_check(
        sources=[
            source("P1", "300", "achtergrondwaarde", **certified),
            source("P2", "300", "achtergrondwaarde", **certified),
        ],
        merger_recognised=False,
    )
    assert outcome.needs_recognised_merger is False


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ([source("P1", "30")], "at least two"),
        ([source("P1", "30"), source("P1", "30")], "itself"),
        (
            [source("P1", "30"), source("P2", "30", material=Material.DREDGINGS)],
            "Soil and dredgings",
        ),
        (
            [
                source("P1", "30", material=Material.BUILDING_MATERIAL),
                source("P2", "30", material=Material.BUILDING_MATERIAL),
            ],
            "Only batches of soil",
        ),
    ],
)
def test_impossible_merges_are_refused(sources: list[MergeSource], message: str) -> None:
    with pytest.raises(DomainError, match=message):
        merge_check(sources=sources, merger_recognised=True)


def test_applying_up_to_the_declared_batch_is_allowed_and_beyond_refused() -> None:
    application_within_declaration(declared_m3=M("100"), applied_m3=M("60"), adding_m3=M("40"))
    with pytest.raises(DomainError, match=r"100\.5 m³, more than the 100"):
        application_within_declaration(
            declared_m3=M("100"), applied_m3=M("60"), adding_m3=M("40.5")
        )


def test_batch_inspection_relies_on_sampler_and_laboratory_recognitions() -> None:
    assert [
        (r.role, r.activity, r.date_basis)
        for r in reliances_for(DeclarationType.BATCH_INSPECTION_SOIL)
    ] == [
        ("sampler", "monsterneming-partijkeuring", "sampled_on"),
        ("laboratory", "analyse-bouwstoffen-grond", "analysed_on"),
    ]
    assert reliances_for(DeclarationType.SOIL_QUALITY_MAP, merged_with_recognition=True)[
        0
    ].activity == ("samenvoegen-partijen")


@pytest.mark.parametrize(
    ("kind", "material", "mass", "message"),
    [
        (
            DeclarationType.BATCH_INSPECTION_BUILDING_MATERIAL,
            Material.SOIL,
            None,
            "cannot be issued",
        ),
        (DeclarationType.SOIL_INVESTIGATION, Material.BUILDING_MATERIAL, None, "cannot be issued"),
        (DeclarationType.BATCH_INSPECTION_SOIL, Material.SOIL, M("10000.5"), "10,000 tonnes"),
    ],
)
def test_declaration_type_must_fit_the_batch(
    kind: DeclarationType, material: Material, mass: Decimal | None, message: str
) -> None:
    with pytest.raises(DomainError, match=message):
        declaration_type_check(kind, material=material, mass_tonnes=mass)
