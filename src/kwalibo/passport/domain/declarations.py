"""Types of soil-quality declaration (MvB) and the recognitions each one relies on.

Sources: the types and their issuers in `data/mvb_typen.csv` of the domain dossier (§4.1),
which cites Rbk art 3.4.1-3.6.4 and 4.3.3-4.3.7 and [BP-MVB]; the activities in Rbk art 2.1
lid 1 (codes in docs/activities.md).

* batch inspection (*partijkeuring*) of soil/dredgings (Rbk art 4.3.3) or of building material
  (Rbk art 3.4.1-3.4.2): the sampler must be recognised for sampling at batch inspections
  (letter i, BRL SIKB 1000 / AS SIKB 1000) on the sampling day and the laboratory for the
  analysis of building materials, soil and dredgings (letter c, AP04) on the analysis day;
* soil investigation (*bodemonderzoek*, Rbk art 4.3.4): fieldwork (letter l, BRL SIKB 2000)
  on the sampling day and analysis for soil investigation (letter d, AS SIKB 3000);
* recognised quality declaration (*erkende kwaliteitsverklaring*, Rbk art 3.6.1-3.6.4, 4.3.6):
  the certifying institution for issuing quality declarations (letter b) and the producer for
  producing under the national BRL (letter j), both on the day of issue;
* manufacturer's declaration (*fabrikant-eigenverklaring*, Rbk art 3.5.1-3.5.5, 4.3.7) and a
  declaration based on a soil-quality map (*bodemkwaliteitskaart*, Rbk art 4.3.5): no
  recognition (the producer notifies the Minister; the competent authority adopts the map);
* a declaration for a merged batch is issued by whoever merged it (Rbk art 4.3.2 lid 2); when
  the merge needed a recognition (letter r), the declaration relies on it on the merge day.

A batch inspection of soil or dredgings covers at most 10,000 tonnes [Rbk art 4.3.3 lid 1 a].
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kwalibo.common.domain.errors import N_, DomainError


class Material(StrEnum):
    """What a batch consists of (Bbk art 1: grond, baggerspecie, bouwstof)."""

    SOIL = "grond"
    DREDGINGS = "baggerspecie"
    BUILDING_MATERIAL = "bouwstof"

    @property
    def label(self) -> str:
        return _MATERIAL_LABELS[self]


_MATERIAL_LABELS = {
    Material.SOIL: N_("soil"),
    Material.DREDGINGS: N_("dredgings"),
    Material.BUILDING_MATERIAL: N_("building material"),
}


class DeclarationType(StrEnum):
    """The types of declaration of data/mvb_typen.csv."""

    BATCH_INSPECTION_BUILDING_MATERIAL = "partijkeuring_bouwstof"
    BATCH_INSPECTION_SOIL = "partijkeuring_grond"
    MANUFACTURER = "fabrikant_eigenverklaring"
    CERTIFIED_QUALITY = "erkende_kwaliteitsverklaring"
    SOIL_INVESTIGATION = "bodemonderzoek"
    SOIL_QUALITY_MAP = "bodemkwaliteitskaart"

    @property
    def label(self) -> str:
        return TYPES[self].label


class Role(StrEnum):
    """A party a declaration relies on."""

    SAMPLER = "sampler"
    LABORATORY = "laboratory"
    CERTIFYING_INSTITUTION = "certifying_institution"
    PRODUCER = "producer"
    MERGER = "merger"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.SAMPLER: N_("sampler"),
    Role.LABORATORY: N_("laboratory"),
    Role.CERTIFYING_INSTITUTION: N_("certifying institution"),
    Role.PRODUCER: N_("producer"),
    Role.MERGER: N_("merger of batches"),
}


class DateBasis(StrEnum):
    """Which date of the declaration a recognition must hold on."""

    SAMPLED = "sampled_on"
    ANALYSED = "analysed_on"
    ISSUED = "issued_on"
    MERGED = "merged_on"


@dataclass(frozen=True)
class Reliance:
    """A recognition a declaration type relies on: this role, this activity, on this date."""

    role: Role
    activity: str  # stable activity code (docs/activities.md)
    date_basis: DateBasis


@dataclass(frozen=True)
class TypeRule:
    label: str
    materials: frozenset[Material]
    reliances: tuple[Reliance, ...]
    article: str


_SOIL = frozenset({Material.SOIL, Material.DREDGINGS})
_ALL = frozenset(Material)
_BATCH_INSPECTION = (
    Reliance(Role.SAMPLER, "monsterneming-partijkeuring", DateBasis.SAMPLED),
    Reliance(Role.LABORATORY, "analyse-bouwstoffen-grond", DateBasis.ANALYSED),
)

TYPES: dict[DeclarationType, TypeRule] = {
    DeclarationType.BATCH_INSPECTION_BUILDING_MATERIAL: TypeRule(
        N_("batch inspection (building material)"),
        frozenset({Material.BUILDING_MATERIAL}),
        _BATCH_INSPECTION,
        "Rbk art 3.4.1-3.4.2",
    ),
    DeclarationType.BATCH_INSPECTION_SOIL: TypeRule(
        N_("batch inspection (soil or dredgings)"), _SOIL, _BATCH_INSPECTION, "Rbk art 4.3.3"
    ),
    DeclarationType.MANUFACTURER: TypeRule(
        N_("manufacturer's declaration"), _ALL, (), "Rbk art 3.5.1-3.5.5, 4.3.7"
    ),
    DeclarationType.CERTIFIED_QUALITY: TypeRule(
        N_("recognised quality declaration"),
        _ALL,
        (
            Reliance(Role.CERTIFYING_INSTITUTION, "kwaliteitsverklaringen", DateBasis.ISSUED),
            Reliance(Role.PRODUCER, "productie-bouwstoffen", DateBasis.ISSUED),
        ),
        "Rbk art 3.6.1-3.6.4, 4.3.6",
    ),
    DeclarationType.SOIL_INVESTIGATION: TypeRule(
        N_("soil investigation (NEN 5740 / NEN 5720)"),
        _SOIL,
        (
            Reliance(Role.SAMPLER, "veldwerk", DateBasis.SAMPLED),
            Reliance(Role.LABORATORY, "analyse-bodemonderzoek", DateBasis.ANALYSED),
        ),
        "Rbk art 4.3.4",
    ),
    DeclarationType.SOIL_QUALITY_MAP: TypeRule(
        N_("soil-quality map"), _SOIL, (), "Rbk art 4.3.5, Bijlage M"
    ),
}

MERGE_RELIANCE = Reliance(Role.MERGER, "samenvoegen-partijen", DateBasis.MERGED)
#: Rbk art 4.3.3 lid 1 onder a.
BATCH_INSPECTION_MAX_TONNES = Decimal("10000")


@dataclass(frozen=True)
class RelianceClaim:
    """A concrete claim in a declaration: organisation `kvk` held `activity` on `on`."""

    role: Role
    kvk: str
    activity: str
    on: dt.date


def reliances_for(
    declaration_type: DeclarationType, *, merged_with_recognition: bool = False
) -> tuple[Reliance, ...]:
    """The recognitions a declaration of this type relies on."""
    extra = (MERGE_RELIANCE,) if merged_with_recognition else ()
    return TYPES[declaration_type].reliances + extra


def declaration_type_check(
    declaration_type: DeclarationType, *, material: Material, mass_tonnes: Decimal | None
) -> None:
    """Refuse a declaration type that does not fit the batch.

    Raises:
        DomainError: the type is not for this material, or a batch inspection of soil covers
            more than 10,000 tonnes.
    """
    rule = TYPES[declaration_type]
    if material not in rule.materials:
        raise DomainError(
            N_("A declaration of type %(type)s cannot be issued for %(material)s."),
            type=declaration_type,
            material=material,
        )
    if (
        declaration_type is DeclarationType.BATCH_INSPECTION_SOIL
        and mass_tonnes is not None
        and mass_tonnes > BATCH_INSPECTION_MAX_TONNES
    ):
        raise DomainError(
            N_(
                "A batch inspection covers at most 10,000 tonnes (Rbk art 4.3.3 lid 1 a); "
                "split the batch first."
            )
        )
