"""Rules for importing an export of the public register (Bbk art 9 lid 4, Rbk art 2.4).

The input is the CSV/XLSX export of the register (one row per recognition in force, the
columns of `COLUMNS`). This module checks one row at a time and the rows against each
other, without a database: the catalogue of activities and norm documents is passed in.

Rules and sources:
* KvK number 8 digits, establishment number 12 digits, Dutch postcode (`identifiers`);
* a recognition rests on a certificate or an accreditation, as fixed per activity, for a
  norm document designated for that activity [RBK art 2.2, Bijlage C];
* a certificate is issued by a certifying institution, an accreditation by the RvA
  (no institution) [BBK art 1 "Accreditatie", "Certificaat"];
* persons are registered only for the activities that register persons [RBK art 2.3];
* the register in force holds granted and suspended recognitions [BBK art 9 lid 4, art 24];
  a suspension lasts at most 2 years [BBK art 23 lid 2].

The history an imported row receives is an application and a grant on `granted_on` and,
for a suspended recognition, a suspension taken over from the earlier register (ground
`imported_suspension`, which needs no intent because the earlier register holds it). It is
replayed by the lifecycle state machine, so an imported history is always a legal one.
"""

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kwalibo.common.domain.errors import N_, DomainError
from kwalibo.register.domain import identifiers
from kwalibo.register.domain.basis import Basis, CertificateKind, check_basis
from kwalibo.register.domain.lifecycle import Decision, DecisionKind, Replay, Status, replay

#: The columns of the register export (`selectors.EXPORT_COLUMNS`), in that order.
COLUMNS: tuple[str, ...] = (
    "recognition_number",
    "kvk_number",
    "establishment_number",
    "name",
    "street",
    "house_number",
    "postcode",
    "city",
    "activity",
    "status",
    "status_since",
    "status_until",
    "granted_on",
    "scope",
    "certificate_number",
    "certificate_kind",
    "norm_document",
    "certifying_institution",
    "certificate_issued_on",
    "certificate_expires_on",
    "persons",
)

#: Statuses an export of the register in force contains, with the Dutch words people type.
STATUS_WORDS: dict[str, Status] = {
    "granted": Status.GRANTED,
    "verleend": Status.GRANTED,
    "suspended": Status.SUSPENDED,
    "geschorst": Status.SUSPENDED,
}
KIND_WORDS: dict[str, CertificateKind] = {
    "certificate": CertificateKind.CERTIFICATE,
    "certificaat": CertificateKind.CERTIFICATE,
    "accreditation": CertificateKind.ACCREDITATION,
    "accreditatie": CertificateKind.ACCREDITATION,
}

#: Lengths of the register's fields (models.py), checked here so every database refuses alike.
MAX_LENGTHS: dict[str, int] = {
    "recognition_number": 20,
    "name": 200,
    "street": 120,
    "house_number": 20,
    "city": 80,
    "scope": 300,
    "certificate_number": 40,
    "certifying_institution": 60,
}
PERSON_MAX_LENGTHS = {"initials": 20, "surname_prefix": 20, "surname": 120}

#: Dutch (and common foreign) surname prefixes (tussenvoegsels), written in lower case
#: between the initials and the surname: "J. van der Berg" = initials "J.", prefix
#: "van der", surname "Berg".
SURNAME_PREFIXES = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "te", "ten", "ter", "in", "op", "aan", "bij",
        "onder", "over", "uit", "voor", "vd", "v/d", "v.d.", "d'", "l'", "la", "le", "les", "du",
        "da", "di", "del", "della", "dos", "das", "von", "vom", "zu", "zum", "zur", "am", "auf",
        "im", "el", "al", "'s", "y",
    }
)  # fmt: skip

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


@dataclass(frozen=True)
class ActivityFacts:
    """What the import needs to know of a designated activity (Rbk art 2.1-2.3)."""

    code: str
    basis: Basis
    registers_persons: bool


@dataclass(frozen=True)
class Catalogue:
    """The designated activities and, per norm document code, the activities it is designated for."""

    activities: Mapping[str, ActivityFacts]
    norm_documents: Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class FieldError:
    """A refused value: the column and the reason."""

    field: str
    error: DomainError


class InvalidRowError(Exception):
    """A row breaks one or more rules; `errors` names each field."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.field}: {e.error}" for e in self.errors))


@dataclass(frozen=True)
class PersonName:
    """The public name of a registered person as the register shows it (Bbk art 9 lid 2)."""

    initials: str
    surname_prefix: str
    surname: str

    def __str__(self) -> str:
        return " ".join(p for p in (self.initials, self.surname_prefix, self.surname) if p)


@dataclass(frozen=True)
class RegisterRow:
    """One valid row: a recognition in force with its organisation and certificate.

    `line` is the row number as a spreadsheet shows it (the header is row 1).
    `history` is the list of decisions the import records; `replayed` their status periods.
    """

    line: int
    recognition_number: str
    kvk_number: str
    establishment_number: str
    name: str
    street: str
    house_number: str
    postcode: str
    city: str
    activity: str
    status: Status
    status_since: dt.date
    status_until: dt.date | None
    granted_on: dt.date
    scope: str
    certificate_number: str
    certificate_kind: CertificateKind
    norm_document: str
    certifying_institution: str
    certificate_issued_on: dt.date
    certificate_expires_on: dt.date
    persons: tuple[PersonName, ...]
    history: tuple[Decision, ...] = field(repr=False)
    replayed: Replay = field(repr=False, compare=False)

    @property
    def establishment(self) -> tuple[str, str]:
        """The key of the organisation: KvK number and establishment number."""
        return (self.kvk_number, self.establishment_number)

    @property
    def address(self) -> tuple[str, str, str, str]:
        return (self.street, self.house_number, self.postcode, self.city)

    @property
    def certificate(self) -> tuple[object, ...]:
        """The certificate as the row describes it, to compare rows that share a number."""
        return (
            self.establishment,
            self.certificate_kind,
            self.norm_document,
            self.certifying_institution,
            self.certificate_issued_on,
            self.certificate_expires_on,
        )


def header_columns(header: Sequence[str]) -> list[str]:
    """The column names of `header`, normalised (trimmed, lower case, byte order mark removed).

    Raises:
        DomainError: the file has no header, a column appears twice, or columns of
            `COLUMNS` are missing (all missing columns are named).
    """
    names = [str(cell or "").lstrip("\ufeff").strip().lower() for cell in header]
    if not any(names):
        raise DomainError(N_("The file is empty: it has no header row."))
    doubles = sorted({n for n in names if n and names.count(n) > 1})
    if doubles:
        raise DomainError(
            N_("These columns appear more than once: %(columns)s."), columns=", ".join(doubles)
        )
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        unknown = [n for n in names if n and n not in COLUMNS]
        if unknown:
            raise DomainError(
                N_(
                    "The header lacks the columns %(missing)s (the file has the unknown columns %(unknown)s)."
                ),
                missing=", ".join(missing),
                unknown=", ".join(unknown),
            )
        raise DomainError(
            N_("The header lacks the columns %(missing)s."), missing=", ".join(missing)
        )
    return names


def date_parse(value: str) -> dt.date:
    """A date written as ISO (2024-03-01) or the Dutch way (01-03-2024, 1-3-2024, 01/03/2024).

    Raises:
        DomainError: not a date in one of those forms, or not a day of the calendar.
    """
    text = value.strip()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DUTCH.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise DomainError(
            N_("'%(value)s' is not a date (write 2024-03-01 or 01-03-2024)."), value=value
        )
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise DomainError(N_("'%(value)s' is not a day of the calendar."), value=value) from error


def persons_parse(text: str) -> tuple[PersonName, ...]:
    """The persons of the `persons` column: names separated by ';', each "initials [prefix] surname".

    Raises:
        DomainError: a name lacks initials or a surname, or a part is too long.
    """
    persons = []
    for part in text.split(";"):
        tokens = part.split()
        if not tokens:
            continue
        if len(tokens) < 2:
            raise DomainError(
                N_("'%(name)s' is not a person's name: write initials and surname (J. de Vries)."),
                name=part.strip(),
            )
        end = 1
        while end < len(tokens) - 1 and tokens[end] in SURNAME_PREFIXES:
            end += 1
        person = PersonName(tokens[0], " ".join(tokens[1:end]), " ".join(tokens[end:]))
        for attribute, limit in PERSON_MAX_LENGTHS.items():
            if len(getattr(person, attribute)) > limit:
                raise DomainError(
                    N_("The name '%(name)s' is too long for the register."), name=part.strip()
                )
        persons.append(person)
    return tuple(persons)


class _Checker:
    """Collects the field errors of one row, so that a user sees all of them at once."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = values
        self.errors: list[FieldError] = []

    def text(self, name: str, *, required: bool = False) -> str:
        value = " ".join(str(self.values.get(name) or "").split())
        if required and not value:
            self.fail(name, DomainError(N_("A value is required.")))
        limit = MAX_LENGTHS.get(name)
        if limit is not None and len(value) > limit:
            self.fail(
                name,
                DomainError(
                    N_("At most %(limit)s characters, not %(length)s."),
                    limit=limit,
                    length=len(value),
                ),
            )
        return value

    def date(self, name: str, *, required: bool = True) -> dt.date | None:
        value = self.text(name, required=required)
        if not value:
            return None
        try:
            return date_parse(value)
        except DomainError as error:
            self.fail(name, error)
            return None

    def fail(self, name: str, error: DomainError) -> None:
        self.errors.append(FieldError(name, error))


def history_build(
    *,
    status: Status,
    granted_on: dt.date,
    status_since: dt.date,
    status_until: dt.date | None,
) -> tuple[Decision, ...]:
    """The decisions the import records for a recognition in force (see the module docstring)."""
    decisions = [
        Decision(DecisionKind.APPLICATION, granted_on, granted_on, "application"),
        Decision(DecisionKind.GRANT, granted_on, granted_on, "grant"),
    ]
    if status is Status.SUSPENDED:
        decisions.append(
            Decision(
                DecisionKind.SUSPENSION,
                status_since,
                status_since,
                "imported_suspension",
                effective_until=status_until,
            )
        )
    return tuple(decisions)


def row_parse(
    line: int, values: Mapping[str, str], *, catalogue: Catalogue, today: dt.date
) -> RegisterRow:
    """Check one row of the export and return it typed and normalised.

    Args:
        line: the row number as a spreadsheet shows it (header = 1).
        values: the cells by (normalised) column name, as text.
        catalogue: the designated activities and norm documents.
        today: the day of the import; the register described cannot lie after it.

    Raises:
        InvalidRowError: with every field that breaks a rule.
    """
    check = _Checker(values)
    number = check.text("recognition_number", required=True)
    kvk = check.text("kvk_number", required=True)
    if kvk:
        try:
            kvk = identifiers.validate_kvk(kvk)
        except DomainError as error:
            check.fail("kvk_number", error)
    establishment = check.text("establishment_number")
    if establishment:
        try:
            establishment = identifiers.validate_establishment_number(establishment)
        except DomainError as error:
            check.fail("establishment_number", error)
    name = check.text("name", required=True)
    street, house_number = check.text("street"), check.text("house_number")
    postcode, city = check.text("postcode"), check.text("city")
    if city or street or house_number or postcode:
        for column, value in (("street", street), ("house_number", house_number), ("city", city)):
            if not value:
                check.fail(
                    column,
                    DomainError(N_("An address needs street, house number, postcode and place.")),
                )
        try:
            postcode = identifiers.validate_postcode(postcode)
        except DomainError as error:
            check.fail("postcode", error)

    activity_code = check.text("activity", required=True)
    activity = catalogue.activities.get(activity_code)
    if activity_code and activity is None:
        check.fail(
            "activity",
            DomainError(
                N_("'%(code)s' is not the code of a designated activity (see docs/activities.md)."),
                code=activity_code,
            ),
        )

    status_text = check.text("status", required=True)
    status = STATUS_WORDS.get(status_text.lower())
    if status_text and status is None:
        check.fail(
            "status",
            DomainError(
                N_(
                    "'%(value)s' is not a status of the register in force; the import takes granted or suspended."
                ),
                value=status_text,
            ),
        )
    status_since = check.date("status_since")
    status_until = check.date("status_until", required=False)
    granted_on = check.date("granted_on")
    for column, day in (("granted_on", granted_on), ("status_since", status_since)):
        if day is not None and day > today:
            check.fail(
                column,
                DomainError(
                    N_("%(day)s lies after the day of the import (%(today)s)."),
                    day=day.isoformat(),
                    today=today.isoformat(),
                ),
            )
    if granted_on and status_since and status_since < granted_on:
        check.fail(
            "status_since",
            DomainError(
                N_("The status cannot start before the recognition was granted (granted_on).")
            ),
        )
    if status is Status.GRANTED and status_until is not None:
        check.fail("status_until", DomainError(N_("Only a suspension has an end date.")))
    if (
        status is Status.SUSPENDED
        and status_until is None
        and "status_until" not in {e.field for e in check.errors}
    ):
        check.fail("status_until", DomainError(N_("A suspension needs an end date.")))
    scope = check.text("scope")

    certificate_number = check.text("certificate_number", required=True)
    kind_text = check.text("certificate_kind", required=True)
    kind = KIND_WORDS.get(kind_text.lower())
    if kind_text and kind is None:
        check.fail(
            "certificate_kind",
            DomainError(N_("'%(value)s' is not certificate or accreditation."), value=kind_text),
        )
    norm_code = check.text("norm_document", required=True)
    designated_for = catalogue.norm_documents.get(norm_code)
    if norm_code and designated_for is None:
        check.fail(
            "norm_document",
            DomainError(N_("'%(code)s' is not a designated norm document."), code=norm_code),
        )
    elif (
        designated_for is not None and activity is not None and activity.code not in designated_for
    ):
        check.fail(
            "norm_document",
            DomainError(
                N_("%(code)s is not designated for the activity %(activity)s (Rbk Bijlage C)."),
                code=norm_code,
                activity=activity.code,
            ),
        )
    if activity is not None and kind is not None:
        try:
            check_basis(activity.basis, kind)
        except DomainError as error:
            check.fail("certificate_kind", error)
    institution = check.text("certifying_institution")
    if kind is CertificateKind.CERTIFICATE and not institution:
        check.fail(
            "certifying_institution",
            DomainError(N_("A certificate is issued by a certifying institution; name it.")),
        )
    if kind is CertificateKind.ACCREDITATION and institution:
        check.fail(
            "certifying_institution",
            DomainError(N_("An accreditation is issued by the RvA; leave the institution empty.")),
        )
    issued_on = check.date("certificate_issued_on")
    expires_on = check.date("certificate_expires_on")
    if issued_on and expires_on and expires_on <= issued_on:
        check.fail(
            "certificate_expires_on",
            DomainError(N_("The certificate must expire after the date of issue.")),
        )

    persons: tuple[PersonName, ...] = ()
    try:
        persons = persons_parse(str(values.get("persons") or ""))
    except DomainError as error:
        check.fail("persons", error)
    if persons and activity is not None and not activity.registers_persons:
        check.fail(
            "persons",
            DomainError(N_("This activity does not register persons (Rbk art 2.3).")),
        )

    history: tuple[Decision, ...] = ()
    replayed = Replay()
    if status is not None and granted_on and status_since and not check.errors:
        history = history_build(
            status=status,
            granted_on=granted_on,
            status_since=status_since,
            status_until=status_until,
        )
        try:
            replayed = replay(history)
        except DomainError as error:
            check.fail("status_until" if status is Status.SUSPENDED else "status", error)

    if check.errors:
        raise InvalidRowError(check.errors)
    assert status is not None
    assert kind is not None
    assert activity is not None
    assert granted_on is not None
    assert status_since is not None
    assert issued_on is not None
    assert expires_on is not None
    return RegisterRow(
        line=line,
        recognition_number=number,
        kvk_number=kvk,
        establishment_number=establishment,
        name=name,
        street=street,
        house_number=house_number,
        postcode=postcode if city else "",
        city=city,
        activity=activity.code,
        status=status,
        status_since=status_since,
        status_until=status_until,
        granted_on=granted_on,
        scope=scope,
        certificate_number=certificate_number,
        certificate_kind=kind,
        norm_document=norm_code,
        certifying_institution=institution,
        certificate_issued_on=issued_on,
        certificate_expires_on=expires_on,
        persons=persons,
        history=history,
        replayed=replayed,
    )


def rows_cross_check(rows: Iterable[RegisterRow]) -> dict[int, list[FieldError]]:
    """Rows that contradict an earlier row of the same file, by line.

    A recognition number appears once; all rows of one establishment (KvK number and
    establishment number) give the same name and address; all rows that name one
    certificate number describe the same certificate. The first row wins; later rows
    that differ are refused.
    """
    errors: dict[int, list[FieldError]] = {}
    numbers: dict[str, RegisterRow] = {}
    establishments: dict[tuple[str, str], RegisterRow] = {}
    certificates: dict[str, RegisterRow] = {}

    def refuse(row: RegisterRow, column: str, error: DomainError) -> None:
        errors.setdefault(row.line, []).append(FieldError(column, error))

    for row in rows:
        earlier = numbers.get(row.recognition_number)
        if earlier is not None:
            refuse(
                row,
                "recognition_number",
                DomainError(
                    N_("Recognition %(number)s is also in row %(line)s."),
                    number=row.recognition_number,
                    line=earlier.line,
                ),
            )
            continue
        earlier = establishments.get(row.establishment)
        if earlier is not None and (earlier.name, earlier.address) != (row.name, row.address):
            refuse(
                row,
                "name" if earlier.name != row.name else "street",
                DomainError(
                    N_("Row %(line)s gives another name or address for this establishment."),
                    line=earlier.line,
                ),
            )
            continue
        earlier = certificates.get(row.certificate_number)
        if earlier is not None and earlier.certificate != row.certificate:
            refuse(
                row,
                "certificate_number",
                DomainError(
                    N_("Row %(line)s describes certificate %(number)s differently."),
                    line=earlier.line,
                    number=row.certificate_number,
                ),
            )
            continue
        numbers[row.recognition_number] = row
        establishments.setdefault(row.establishment, row)
        certificates.setdefault(row.certificate_number, row)
    return errors
