"""Verifying a declaration: the signature AND its live status.

A signature proves who issued what; it cannot say that the declaration was withdrawn later,
or that a recognition it relies on did not hold on the day it relies on (anchors §13: the
EU DCC verifier checks signatures only, status belongs to a separate layer). A declaration
is shown as valid only when all of these hold:

* the signature verifies against the issuer's published key over the stored payload, and
  the stored payload is the one that was signed (a changed payload fails the signature);
* it was not withdrawn, and did not lapse by a merge of its batch (Rbk art 4.3.2 lid 2);
* every organisation it relies on held the recognition it relies on, on the date it relies
  on (Bbk art 15, 21, 22; BP-ZOEK), as the register holds it now.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kwalibo.common.domain.errors import N_


class DeclarationStatus(StrEnum):
    VALID = "valid"
    WITHDRAWN = "withdrawn"
    LAPSED = "lapsed"  # Rbk art 4.3.2 lid 2: the batch was merged

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    DeclarationStatus.VALID: N_("in force"),
    DeclarationStatus.WITHDRAWN: N_("withdrawn"),
    DeclarationStatus.LAPSED: N_("lapsed (batch merged)"),
}


@dataclass(frozen=True)
class RecognitionFinding:
    """What the register says about one recognition the declaration relies on."""

    role: str
    kvk: str
    activity: str
    on: dt.date
    organisation: str  # name in the register, "" when unknown
    recognised: bool
    status: str | None  # status on that date, None when there was no recognition


@dataclass(frozen=True)
class Problem:
    code: str
    template: str
    params: dict[str, object]


@dataclass(frozen=True)
class Verification:
    signature_valid: bool
    status: DeclarationStatus
    findings: tuple[RecognitionFinding, ...]
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


def verification_conclude(
    *,
    signature_valid: bool,
    status: DeclarationStatus,
    findings: Sequence[RecognitionFinding],
    status_since: dt.date | None = None,
) -> Verification:
    """Combine signature, status and recognition findings into one verdict with its reasons."""
    problems: list[Problem] = []
    if not signature_valid:
        problems.append(
            Problem(
                "signature",
                N_(
                    "The signature does not match the content: the document was altered or not issued here."
                ),
                {},
            )
        )
    if status is DeclarationStatus.WITHDRAWN:
        problems.append(
            Problem(
                "withdrawn",
                N_("The declaration was withdrawn on %(day)s."),
                {"day": status_since.isoformat() if status_since else ""},
            )
        )
    elif status is DeclarationStatus.LAPSED:
        problems.append(
            Problem(
                "lapsed",
                N_(
                    "The declaration lapsed on %(day)s because its batch was merged (Rbk art 4.3.2 lid 2)."
                ),
                {"day": status_since.isoformat() if status_since else ""},
            )
        )
    problems.extend(
        Problem(
            "recognition",
            N_(
                "%(organisation)s (KvK %(kvk)s) was not recognised for %(activity)s "
                "on %(on)s, which the declaration relies on."
            ),
            {
                "organisation": finding.organisation or finding.kvk,
                "kvk": finding.kvk,
                "activity": finding.activity,
                "on": finding.on.isoformat(),
            },
        )
        for finding in findings
        if not finding.recognised
    )
    return Verification(signature_valid, status, tuple(findings), tuple(problems))
