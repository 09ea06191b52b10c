"""The volume balance of soil flows per site and per project, and its discrepancies.

Soil is neither created nor lost on its way: what is excavated at a site or received there
either left it again, was applied there, or is still there. A closed balance is what
traceability systems aim for (Grondbank: "garanties voor een gesloten massabalans", anchors
§6). Quantities are in m³ as declared at each confirmed step:

* excavated: batches that came out of the ground at the site (sub-batches and merged batches
  do not add soil, so they are not counted);
* dispatched: confirmed dispatches from the site; received: confirmed receipts at the site;
  applied: confirmed applications at the site; in transit: dispatched towards the site and
  not yet received;
* stored (still on site) = excavated + received - dispatched - applied.

Discrepancies listed:

* ``more_out_than_in``: more left the site or was applied there than was excavated or
  received (stored below zero);
* ``transit_difference``: for consignments that arrived, the quantity received differs from
  the quantity dispatched;
* ``over_declared``: more was applied under a declaration than the batch it covers.
"""

from dataclasses import dataclass
from decimal import Decimal

from kwalibo.common.domain.errors import N_

ZERO = Decimal(0)


@dataclass(frozen=True)
class Flows:
    """The summed flows of one site or project."""

    excavated: Decimal = ZERO
    dispatched: Decimal = ZERO
    received: Decimal = ZERO
    applied: Decimal = ZERO
    in_transit: Decimal = ZERO
    transit_sent: Decimal = ZERO  # dispatched in consignments that have been received
    transit_received: Decimal = ZERO  # received in those consignments
    over_declared: Decimal = ZERO  # applied beyond the declared batches

    @property
    def stored(self) -> Decimal:
        return self.excavated + self.received - self.dispatched - self.applied


@dataclass(frozen=True)
class Discrepancy:
    code: str
    template: str
    params: dict[str, str]


def discrepancies(flows: Flows) -> list[Discrepancy]:
    """The discrepancies of a balance, most serious first."""
    found: list[Discrepancy] = []
    if flows.over_declared > 0:
        found.append(
            Discrepancy(
                "over_declared",
                N_("%(quantity)s m³ more was applied than the declarations cover."),
                {"quantity": str(flows.over_declared)},
            )
        )
    if flows.stored < 0:
        found.append(
            Discrepancy(
                "more_out_than_in",
                N_(
                    "%(quantity)s m³ more left the site or was applied there than was "
                    "excavated or received."
                ),
                {"quantity": str(-flows.stored)},
            )
        )
    difference = flows.transit_received - flows.transit_sent
    if difference != 0:
        found.append(
            Discrepancy(
                "transit_difference",
                N_(
                    "Received %(received)s m³ of %(sent)s m³ dispatched (difference %(difference)s m³)."
                ),
                {
                    "received": str(flows.transit_received),
                    "sent": str(flows.transit_sent),
                    "difference": str(difference),
                },
            )
        )
    return found
