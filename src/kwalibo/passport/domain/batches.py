"""Splitting and merging batches (partijen), and the quantity a declaration covers.

* **Splitting** [Rbk art 4.3.1]: sub-batches may use the declaration of the original batch
  when the administration records the relation to the original batch, who split it and
  when (lid 1); for a batch above background values these go on the notification form
  (lid 2); the party that orders the split is responsible (lid 3). The sub-batches together
  cannot hold more than is left of the original batch.
* **Merging** [Rbk art 4.3.2]: merging batches of soil or dredgings into a batch larger than
  25 m³ is only allowed when (a) they are in the same quality class and (b) they were
  inspected and merged per BRL 9335 or BRL 7500 by a recognised party (activity r,
  `samenvoegen-partijen`) (lid 1). Batches smaller than 100 tonnes may be of different or
  unknown classes (lid 3; condition b still applies). Condition b does not apply to batches
  of background quality (Bbk art 39) with a recognised quality declaration under BRL 9313 or
  BRL 9321 (lid 4). The declarations of the original batches lapse and the merger issues a
  new one (lid 2). Interpretation: "smaller than 100 tonnes" is read per original batch,
  with a known mass.
* **Quantity**: the quantity applied under one declaration never exceeds the batch it was
  issued for, including everything applied from its sub-batches.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kwalibo.common.domain.errors import N_, DomainError
from kwalibo.passport.domain.declarations import DeclarationType, Material

MERGE_FREE_VOLUME_M3 = Decimal("25")  # Rbk art 4.3.2 lid 1
MERGE_MIXED_CLASS_TONNES = Decimal("100")  # Rbk art 4.3.2 lid 3
MERGE_EXEMPT_SCHEMES = frozenset({"BRL 9313", "BRL 9321"})  # Rbk art 4.3.2 lid 4
BACKGROUND = "achtergrondwaarde"


def split_check(*, available_m3: Decimal, parts_m3: Sequence[Decimal]) -> None:
    """Refuse a split that creates nothing, an empty part, or more than is available.

    Raises:
        DomainError: fewer than one part, a part of zero or less, or the parts together
            exceed the quantity of the batch still available at that place.
    """
    if not parts_m3:
        raise DomainError(N_("A split needs at least one sub-batch."))
    if any(part <= 0 for part in parts_m3):
        raise DomainError(N_("Every sub-batch needs a positive volume."))
    total = sum(parts_m3, Decimal(0))
    if total > available_m3:
        raise DomainError(
            N_(
                "The sub-batches hold %(total)s m³ but only %(available)s m³ of the batch is "
                "available there (Rbk art 4.3.1)."
            ),
            total=total,
            available=available_m3,
        )


@dataclass(frozen=True)
class MergeSource:
    """What the merge rules need to know of one original batch."""

    number: str
    material: Material
    volume_m3: Decimal
    mass_tonnes: Decimal | None
    quality_class: str  # "" when not assessed (unknown class)
    declaration_type: DeclarationType | None
    quality_scheme: str = ""  # e.g. "BRL 9313" for a recognised quality declaration


@dataclass(frozen=True)
class MergeOutcome:
    """A permitted merge: the resulting volume and class, and whether it needs recognition r."""

    volume_m3: Decimal
    mass_tonnes: Decimal | None
    material: Material
    quality_class: str  # "" when the classes differed: a new assessment is needed
    needs_recognised_merger: bool


def merge_check(*, sources: Sequence[MergeSource], merger_recognised: bool) -> MergeOutcome:
    """Apply Rbk art 4.3.2 to a proposed merge.

    Args:
        sources: the batches to merge (at least two).
        merger_recognised: whether the merging organisation holds a recognition for
            activity r (`samenvoegen-partijen`) on the merge day.

    Raises:
        DomainError: the merge is not allowed; the message says which rule.
    """
    if len(sources) < 2:
        raise DomainError(N_("A merge needs at least two batches."))
    if len({s.number for s in sources}) != len(sources):
        raise DomainError(N_("A batch cannot be merged with itself."))
    materials = {s.material for s in sources}
    if Material.BUILDING_MATERIAL in materials:
        raise DomainError(
            N_("Only batches of soil or dredgings can be merged under Rbk art 4.3.2.")
        )
    if len(materials) > 1:
        raise DomainError(N_("Soil and dredgings cannot be merged into one batch."))
    volume = sum((s.volume_m3 for s in sources), Decimal(0))
    masses = [s.mass_tonnes for s in sources]
    mass = sum((m for m in masses if m is not None), Decimal(0)) if None not in masses else None
    classes = {s.quality_class for s in sources}
    same_class = len(classes) == 1 and "" not in classes
    result_class = next(iter(classes)) if same_class else ""
    if volume <= MERGE_FREE_VOLUME_M3:
        return MergeOutcome(volume, mass, next(iter(materials)), result_class, False)
    small = all(
        s.mass_tonnes is not None and s.mass_tonnes < MERGE_MIXED_CLASS_TONNES for s in sources
    )
    if not same_class and not small:
        raise DomainError(
            N_(
                "Batches of different or unknown quality classes can only be merged into more "
                "than 25 m³ when each is smaller than 100 tonnes (Rbk art 4.3.2 lid 1 a, lid 3)."
            )
        )
    exempt = all(
        s.quality_class == BACKGROUND
        and s.declaration_type is DeclarationType.CERTIFIED_QUALITY
        and s.quality_scheme in MERGE_EXEMPT_SCHEMES
        for s in sources
    )
    if not exempt and not merger_recognised:
        raise DomainError(
            N_(
                "Merging into more than 25 m³ must be done by an organisation recognised for "
                "merging batches (activity r, BRL 9335 or BRL 7500; Rbk art 4.3.2 lid 1 b)."
            )
        )
    return MergeOutcome(volume, mass, next(iter(materials)), result_class, not exempt)


def application_within_declaration(
    *, declared_m3: Decimal, applied_m3: Decimal, adding_m3: Decimal
) -> None:
    """Refuse applying `adding_m3` when the declaration's batch would be exceeded.

    Raises:
        DomainError: `applied_m3 + adding_m3` exceeds `declared_m3`.
    """
    if adding_m3 <= 0:
        raise DomainError(N_("The quantity must be positive."))
    if applied_m3 + adding_m3 > declared_m3:
        raise DomainError(
            N_(
                "This would bring the quantity under declaration to %(total)s m³, more than the "
                "%(declared)s m³ of the batch it was issued for."
            ),
            total=applied_m3 + adding_m3,
            declared=declared_m3,
        )
