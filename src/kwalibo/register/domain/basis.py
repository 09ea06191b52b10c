"""Which basis a recognition for an activity rests on (Rbk art 2.2).

Per activity the Rbk fixes whether the recognition rests on a certificate (issued by a
certifying institution) or on an accreditation (issued by the Raad voor Accreditatie),
or either of the two [RBK art 2.2 lid 1; STCRT-2018-38631 for letter r].
"""

from enum import StrEnum

from kwalibo.common.domain.errors import N_, DomainError


class Basis(StrEnum):
    """What a recognition for an activity may rest on."""

    CERTIFICATE = "certificate"
    ACCREDITATION = "accreditation"
    EITHER = "either"


class CertificateKind(StrEnum):
    """A certificate (from a CI) or an accreditation (from the RvA)."""

    CERTIFICATE = "certificate"
    ACCREDITATION = "accreditation"

    @property
    def label(self) -> str:
        return N_("certificate") if self is CertificateKind.CERTIFICATE else N_("accreditation")


def check_basis(activity_basis: Basis, kind: CertificateKind) -> None:
    """Raise DomainError if a `kind` cannot be the basis for an activity with `activity_basis`."""
    if activity_basis is Basis.EITHER or activity_basis.value == kind.value:
        return
    raise DomainError(
        N_("This activity rests on a %(required)s (Rbk art 2.2), not on a %(given)s."),
        required=CertificateKind(activity_basis.value),
        given=kind,
    )


def check_certificate_for_grant(
    *,
    activity_basis: Basis,
    kind: CertificateKind,
    designated_for_activity: bool,
    same_holder: bool,
    valid_on_day: bool,
) -> None:
    """Raise DomainError unless the certificate can carry a recognition (Bbk art 11, Rbk art 2.2, 2.7).

    Args:
        activity_basis: what the activity rests on per Rbk art 2.2.
        kind: certificate or accreditation.
        designated_for_activity: the norm document is designated for the activity (Bijlage C).
        same_holder: the certificate is held by the applicant.
        valid_on_day: the certificate is issued, not expired, suspended or withdrawn on the day
            the recognition takes effect.
    """
    check_basis(activity_basis, kind)
    if not designated_for_activity:
        raise DomainError(
            N_(
                "The norm document of the certificate is not designated for this activity (Rbk Bijlage C)."
            )
        )
    if not same_holder:
        raise DomainError(N_("The certificate is held by another organisation."))
    if not valid_on_day:
        raise DomainError(
            N_("The certificate is not valid on the day the recognition takes effect.")
        )
