"""Import of an export of the register: reading CSV/XLSX files and the `register_import` service.

The row rules are in `kwalibo.register.domain.register_import`; this module reads files
into text cells, looks up what the database already holds, and writes everything in one
transaction with bulk inserts.

A second import of the same file changes nothing: rows whose recognition number is
already registered are left as they are ("already registered"), organisations are matched
on KvK number + establishment number, certificates on their number and certifying
institutions on their short name, and reused without changes. Changes to existing
recognitions (a new suspension, another scope) are decisions of the recognition office
and go through the back-office, not through an import.
"""

import csv
import datetime as dt
import io
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from kwalibo.accounts.models import User
from kwalibo.accounts.permissions import has_capability
from kwalibo.accounts.roles import Capability
from kwalibo.audit.models import AuditEvent
from kwalibo.audit.services import SYSTEM_ACTOR
from kwalibo.common.domain.errors import N_, DomainError
from kwalibo.common.i18n import translate_error
from kwalibo.register.domain.basis import Basis, CertificateKind
from kwalibo.register.domain.lifecycle import GROUNDS, DecisionKind, Status
from kwalibo.register.domain.register_import import (
    ActivityFacts,
    Catalogue,
    FieldError,
    InvalidRowError,
    RegisterRow,
    header_columns,
    row_parse,
    rows_cross_check,
)
from kwalibo.register.models import (
    Activity,
    Address,
    Certificate,
    CertifyingInstitution,
    NormDocument,
    Organisation,
    Person,
    RecognisedPerson,
    Recognition,
    RecognitionDecision,
    RecognitionStatusPeriod,
)
from kwalibo.register.services import recognition_number

#: Columns that hold identifiers with leading zeros, padded when a spreadsheet stored them as numbers.
_PADDED = {"kvk_number": 8, "establishment_number": 12}
_CHUNK = 900  # parameters per IN (...) lookup; below SQLite's classic limit of 999
_NUMBER = re.compile(r"ERK-(\d{6,})")
REJECTS_ERROR_COLUMN = "error"

T = TypeVar("T")


# --- reading files ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    """One data row of a file: its spreadsheet row number (header = 1) and its cells as text."""

    line: int
    cells: tuple[str, ...]


@dataclass
class RegisterFile:
    """The header and data rows of a CSV or XLSX file, all cells as text."""

    name: str
    header: list[str]
    rows: list[SourceRow]
    delimiter: str = ","


def _cell_text(value: Any) -> str:
    """A spreadsheet cell as text: dates as ISO, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_read(path: Path) -> RegisterFile:
    from openpyxl import load_workbook  # a heavy import, only needed for spreadsheets

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several unrelated types for broken files
        raise DomainError(
            N_("%(file)s cannot be read as an Excel workbook (.xlsx)."), file=path.name
        ) from error
    try:
        sheet = workbook.worksheets[0]
        # Some writers store a wrong sheet size; read-only mode would trust it and cut rows off.
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        header_cells = next(rows, None)
        if header_cells is None:
            return RegisterFile(path.name, [], [])
        header = [_cell_text(c) for c in header_cells]
        names = [h.strip().lower() for h in header]
        source = []
        for line, cells in enumerate(rows, start=2):
            texts = []
            for index, value in enumerate(cells):
                text = _cell_text(value)
                width = _PADDED.get(names[index]) if index < len(names) else None
                if width and isinstance(value, int | float) and text.isdigit():
                    # A spreadsheet drops the leading zeros of a number: 01234567 became 1234567.
                    text = text.zfill(width)
                texts.append(text)
            source.append(SourceRow(line, tuple(texts)))
        return RegisterFile(path.name, header, source)
    finally:
        workbook.close()


def _delimiter(first_line: str) -> str:
    """The separator of a CSV file: comma, semicolon (Dutch Excel) or tab, whichever the header uses most."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_read(path: Path) -> RegisterFile:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DomainError(
            N_("%(file)s is not UTF-8 text; save it as 'CSV UTF-8' and try again."), file=path.name
        ) from error
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as error:
        raise DomainError(
            N_("%(file)s is not a valid CSV file: %(problem)s."), file=path.name, problem=str(error)
        ) from error
    if not records:
        return RegisterFile(path.name, [], [], delimiter)
    rows = [
        SourceRow(line, tuple(cell.strip() for cell in cells))
        for line, cells in enumerate(records[1:], start=2)
    ]
    return RegisterFile(path.name, records[0], rows, delimiter)


def register_file_read(path: Path) -> RegisterFile:
    """Read a register export (.csv with comma, semicolon or tab; UTF-8 with or without BOM; or .xlsx).

    Raises:
        DomainError: the file is of another type or cannot be read.
    """
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_read(path)
    if suffix in (".csv", ".txt"):
        return _csv_read(path)
    raise DomainError(
        N_("%(file)s is not a .csv or .xlsx file."),
        file=path.name,
    )


# --- the result -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """A refused row (`errors`) or a remark on an imported row (`notices`)."""

    line: int
    errors: tuple[FieldError, ...]


@dataclass
class ImportResult:
    """What an import did."""

    source: str
    rows: int = 0
    imported: int = 0
    already_registered: int = 0
    organisations_created: int = 0
    organisations_reused: int = 0
    certificates_created: int = 0
    institutions_created: int = 0
    persons_registered: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    notices: list[RowProblem] = field(default_factory=list)


class ImportProgress(Protocol):
    """Receives the progress of an import, for a progress bar."""

    def rows_checked(self, count: int) -> None:
        """`count` more rows have been checked."""

    def writing(self) -> None:
        """All rows are checked; writing to the register starts."""


class ImportRefusedError(DomainError):
    """Rows are invalid and the import was all-or-nothing: nothing was written."""

    def __init__(self, source: str, rejected: Sequence[RowProblem]) -> None:
        self.source = source
        self.rejected = list(rejected)
        super().__init__(
            N_("Nothing imported: rows with errors in %(file)s: %(count)s."),
            count=len(self.rejected),
            file=source,
        )


def problem_lines(source: str, problem: RowProblem) -> list[str]:
    """The messages of a row in the active language: "register.csv, row 7, field kvk_number: ..."."""
    return [
        gettext("%(file)s, row %(row)s, field %(field)s: %(message)s")
        % {
            "file": source,
            "row": problem.line,
            "field": error.field,
            "message": translate_error(error.error),
        }
        for error in problem.errors
    ]


# --- the service --------------------------------------------------------------------------------


def _chunks(values: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _catalogue() -> Catalogue:
    activities = {
        a.code: ActivityFacts(a.code, Basis(a.basis), a.registers_persons)
        for a in Activity.objects.all()
    }
    designated: dict[str, set[str]] = {d.code: set() for d in NormDocument.objects.only("code")}
    for document, activity in NormDocument.activities.through.objects.values_list(
        "normdocument__code", "activity__code"
    ):
        designated[document].add(activity)
    return Catalogue(activities, {code: frozenset(a) for code, a in designated.items()})


def _explicit_pk(number: str) -> int | None:
    """The key a recognition number of this register's own form (ERK-000123) derives from."""
    match = _NUMBER.fullmatch(number)
    if match is None:
        return None
    pk = int(match.group(1))
    return pk if recognition_number(pk) == number else None


@dataclass
class _Existing:
    """What the database already holds of the rows' keys."""

    recognitions: dict[str, tuple[str, str, str]]  # number -> (kvk, establishment, activity)
    statuses: dict[str, str]  # number -> status today
    taken_pks: dict[int, str]  # pk -> number
    organisations: dict[tuple[str, str], Organisation]
    certificates: dict[str, Certificate]
    institutions: dict[str, CertifyingInstitution]


def _existing(rows: Sequence[RegisterRow], today: dt.date) -> _Existing:
    numbers = sorted({r.recognition_number for r in rows})
    recognitions: dict[str, tuple[str, str, str]] = {}
    statuses: dict[str, str] = {}
    for chunk in _chunks(numbers):
        for number, kvk, establishment, activity in Recognition.objects.filter(
            number__in=chunk
        ).values_list(
            "number",
            "organisation__kvk_number",
            "organisation__establishment_number",
            "activity__code",
        ):
            recognitions[number] = (kvk, establishment, activity)
    known = sorted(recognitions)
    for chunk in _chunks(known):
        statuses.update(
            RecognitionStatusPeriod.objects.filter(
                recognition__number__in=chunk, recorded_to__isnull=True, valid_from__lte=today
            )
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=today))
            .values_list("recognition__number", "status")
        )
    pks = sorted({pk for r in rows if (pk := _explicit_pk(r.recognition_number)) is not None})
    taken: dict[int, str] = {}
    for keys in _chunks(pks):
        taken.update(Recognition.objects.filter(pk__in=keys).values_list("pk", "number"))
    kvks = sorted({r.kvk_number for r in rows})
    organisations: dict[tuple[str, str], Organisation] = {}
    for chunk in _chunks(kvks):
        for organisation in Organisation.objects.filter(kvk_number__in=chunk):
            key = (organisation.kvk_number, organisation.establishment_number)
            organisations[key] = organisation
    certificates: dict[str, Certificate] = {}
    for chunk in _chunks(sorted({r.certificate_number for r in rows})):
        for certificate in Certificate.objects.filter(number__in=chunk).select_related(
            "holder", "norm_document", "institution"
        ):
            certificates[certificate.number] = certificate
    names = sorted({r.certifying_institution for r in rows if r.certifying_institution})
    institutions: dict[str, CertifyingInstitution] = {}
    for chunk in _chunks(names):
        institutions.update(
            (i.short_name, i) for i in CertifyingInstitution.objects.filter(short_name__in=chunk)
        )
    return _Existing(recognitions, statuses, taken, organisations, certificates, institutions)


def _against_register(row: RegisterRow, existing: _Existing) -> list[FieldError]:
    """Conflicts between a new row and what the register holds."""
    errors = []
    pk = _explicit_pk(row.recognition_number)
    if (
        pk is not None
        and existing.taken_pks.get(pk, row.recognition_number) != row.recognition_number
    ):
        errors.append(
            FieldError(
                "recognition_number",
                DomainError(
                    N_(
                        "The number %(number)s collides with recognition %(other)s in the register."
                    ),
                    number=row.recognition_number,
                    other=existing.taken_pks[pk],
                ),
            )
        )
    certificate = existing.certificates.get(row.certificate_number)
    if certificate is not None:
        institution = certificate.institution.short_name if certificate.institution else ""
        registered = (
            (certificate.holder.kvk_number, certificate.holder.establishment_number),
            certificate.kind,
            certificate.norm_document.code,
            institution,
        )
        given = (
            row.establishment,
            row.certificate_kind.value,
            row.norm_document,
            row.certifying_institution,
        )
        if registered != given:
            errors.append(
                FieldError(
                    "certificate_number",
                    DomainError(
                        N_(
                            "Certificate %(number)s is registered for another holder, kind, norm document or institution."
                        ),
                        number=row.certificate_number,
                    ),
                )
            )
    return errors


def _notices(row: RegisterRow, existing: _Existing, today: dt.date) -> list[FieldError]:
    """Remarks on a new row that is imported: what the register will show differently."""
    notices = []
    organisation = existing.organisations.get(row.establishment)
    if organisation is not None and organisation.name != row.name:
        notices.append(
            FieldError(
                "name",
                DomainError(
                    N_("The register holds this establishment as '%(name)s'; left unchanged."),
                    name=organisation.name,
                ),
            )
        )
    if row.status is Status.GRANTED and row.status_since > row.granted_on:
        notices.append(
            FieldError(
                "status_since",
                DomainError(
                    N_(
                        "The file does not hold what happened between %(granted)s and %(since)s; the register shows the recognition as granted since %(granted)s."
                    ),
                    granted=row.granted_on.isoformat(),
                    since=row.status_since.isoformat(),
                ),
            )
        )
    if row.status_until is not None and row.status_until < today:
        notices.append(
            FieldError(
                "status_until",
                DomainError(
                    N_(
                        "The suspension ended on %(until)s; the register shows it as granted again."
                    ),
                    until=row.status_until.isoformat(),
                ),
            )
        )
    return notices


def _already_registered_notice(row: RegisterRow, existing: _Existing) -> list[FieldError]:
    registered = existing.statuses.get(row.recognition_number)
    if registered is not None and registered != row.status.value:
        return [
            FieldError(
                "status",
                DomainError(
                    N_(
                        "Already registered with the status %(registered)s, not %(given)s; left unchanged (record a decision in the back-office)."
                    ),
                    registered=registered,
                    given=row.status.value,
                ),
            )
        ]
    return []


def register_import(
    *,
    actor: User | None,
    source: str,
    header: Sequence[str],
    rows: Sequence[SourceRow],
    skip_invalid: bool = False,
    today: dt.date | None = None,
    progress: ImportProgress | None = None,
) -> ImportResult:
    """Import the rows of a register export (all or nothing unless `skip_invalid`).

    Every row is checked (`row_parse`), against the other rows of the file and against the
    register. With errors and without `skip_invalid` nothing is written and
    `ImportRefusedError` lists every refused row and field. Otherwise the valid new rows are
    written in one transaction: organisations (matched on KvK + establishment number),
    addresses, certifying institutions, certificates, recognitions with their decisions and
    status periods, registered persons, and audit events (one per new organisation and
    recognition, and one summarising the import).

    Args:
        actor: who imports; None for a system job. Needs the capability to import the register.
        source: the file name, used in messages and the audit trail.
        header: the header row of the file.
        rows: the data rows, with their spreadsheet row number.
        skip_invalid: import the valid rows and return the refused ones in `rejected`.
        today: the day of the import (default: today); persons are registered from it.
        progress: told of each checked row and of the start of writing, for a progress bar.

    Raises:
        DomainError: the actor may not import, the header lacks columns, or the file has no rows.
        ImportRefusedError: rows are invalid and `skip_invalid` is false.
    """
    if actor is not None and not has_capability(actor, Capability.IMPORT_REGISTER):
        raise DomainError(N_("You may not import the register."))
    columns = header_columns(header)
    today = today or timezone.localdate()
    result = ImportResult(source=source, rows=len(rows))
    data_rows = [r for r in rows if any(r.cells)]
    if not data_rows:
        raise DomainError(N_("%(file)s holds no rows to import."), file=source)

    catalogue = _catalogue()
    parsed: list[RegisterRow] = []
    rejected: dict[int, list[FieldError]] = {}
    for source_row in rows:
        if any(source_row.cells):
            extra = [c for c in source_row.cells[len(columns) :] if c]
            values = dict(zip(columns, source_row.cells, strict=False))
            try:
                if extra:
                    raise InvalidRowError(
                        [
                            FieldError(
                                "-", DomainError(N_("The row has more cells than the header."))
                            )
                        ]
                    )
                parsed.append(row_parse(source_row.line, values, catalogue=catalogue, today=today))
            except InvalidRowError as invalid:
                rejected[source_row.line] = invalid.errors
        if progress is not None:
            progress.rows_checked(1)
    for line, errors in rows_cross_check(parsed).items():
        rejected.setdefault(line, []).extend(errors)
    candidates = [r for r in parsed if r.line not in rejected]
    existing = _existing(candidates, today)

    new_rows: list[RegisterRow] = []
    for row in candidates:
        registered = existing.recognitions.get(row.recognition_number)
        if registered is not None:
            if registered != (*row.establishment, row.activity):
                rejected[row.line] = [
                    FieldError(
                        "recognition_number",
                        DomainError(
                            N_(
                                "Recognition %(number)s is registered for another organisation or activity."
                            ),
                            number=row.recognition_number,
                        ),
                    )
                ]
                continue
            result.already_registered += 1
            if notice := _already_registered_notice(row, existing):
                result.notices.append(RowProblem(row.line, tuple(notice)))
            continue
        conflicts = _against_register(row, existing)
        if conflicts:
            rejected[row.line] = conflicts
            continue
        new_rows.append(row)
        if notices := _notices(row, existing, today):
            result.notices.append(RowProblem(row.line, tuple(notices)))

    result.rejected = [RowProblem(line, tuple(rejected[line])) for line in sorted(rejected)]
    if result.rejected and not skip_invalid:
        raise ImportRefusedError(source, result.rejected)
    if progress is not None:
        progress.writing()
    with transaction.atomic():
        _write(new_rows, existing, result, actor=actor, today=today)
    result.imported = len(new_rows)
    return result


def _audit_event(
    actor: User | None, action: str, object_type: str, object_id: str, label: str, **extra: Any
) -> AuditEvent:
    return AuditEvent(
        actor=actor,
        actor_display=(str(actor) if actor else SYSTEM_ACTOR)[:200],
        actor_role=actor.role if actor else "",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=label[:300],
        **extra,
    )


def _write(
    rows: Sequence[RegisterRow],
    existing: _Existing,
    result: ImportResult,
    *,
    actor: User | None,
    today: dt.date,
) -> None:
    """Write the new rows in bulk; must run inside a transaction."""
    now = timezone.now()
    import_id = uuid.uuid4().hex[:12]
    reason = f"Overgenomen uit een eerder register (import van {result.source})."
    audit: list[AuditEvent] = []

    # Organisations and their visiting addresses.
    organisations = dict(existing.organisations)
    new_organisations: dict[tuple[str, str], RegisterRow] = {}
    for row in rows:
        if row.establishment not in organisations:
            new_organisations.setdefault(row.establishment, row)
    created = Organisation.objects.bulk_create(
        Organisation(
            name=r.name, kvk_number=r.kvk_number, establishment_number=r.establishment_number
        )
        for r in new_organisations.values()
    )
    organisations.update(((o.kvk_number, o.establishment_number), o) for o in created)
    Address.objects.bulk_create(
        Address(
            organisation=organisations[key],
            kind=Address.Kind.VISITING,
            street=r.street,
            house_number=r.house_number,
            postcode=r.postcode,
            city=r.city,
        )
        for key, r in new_organisations.items()
        if r.city
    )
    audit.extend(
        _audit_event(
            actor,
            "organisation.create",
            "register.organisation",
            str(o.pk),
            str(o),
            changes={
                "name": [None, o.name],
                "kvk_number": [None, o.kvk_number],
                "establishment_number": [None, o.establishment_number],
            },
            reason=reason,
        )
        for o in created
    )
    result.organisations_created = len(created)
    result.organisations_reused = len({r.establishment for r in rows} - set(new_organisations))

    # Certifying institutions and certificates.
    institutions = dict(existing.institutions)
    new_institutions = CertifyingInstitution.objects.bulk_create(
        CertifyingInstitution(short_name=name)
        for name in sorted(
            {r.certifying_institution for r in rows if r.certifying_institution} - set(institutions)
        )
    )
    institutions.update((i.short_name, i) for i in new_institutions)
    result.institutions_created = len(new_institutions)
    documents = {
        d.code: d for d in NormDocument.objects.filter(code__in={r.norm_document for r in rows})
    }
    certificates = dict(existing.certificates)
    new_certificates: dict[str, Certificate] = {}
    for row in rows:
        if row.certificate_number in certificates or row.certificate_number in new_certificates:
            continue
        new_certificates[row.certificate_number] = Certificate(
            number=row.certificate_number,
            kind=row.certificate_kind.value,
            holder=organisations[row.establishment],
            norm_document=documents[row.norm_document],
            institution=institutions[row.certifying_institution]
            if row.certificate_kind is CertificateKind.CERTIFICATE
            else None,
            issued_on=row.certificate_issued_on,
            expires_on=row.certificate_expires_on,
        )
    certificates.update(
        (c.number, c) for c in Certificate.objects.bulk_create(new_certificates.values())
    )
    result.certificates_created = len(new_certificates)

    # Recognitions keep their number; numbers of this register's own form keep their key too,
    # so that numbers derived from keys later (recognition_number) cannot collide.
    activities = {a.code: a for a in Activity.objects.all()}
    recognitions = [
        Recognition(
            pk=_explicit_pk(row.recognition_number),
            number=row.recognition_number,
            organisation=organisations[row.establishment],
            activity=activities[row.activity],
            certificate=certificates[row.certificate_number],
            scope=row.scope,
        )
        for row in rows
    ]
    own_keys = [_explicit_pk(row.recognition_number) is not None for row in rows]
    if any(own_keys):
        Recognition.objects.bulk_create(
            r for r, own in zip(recognitions, own_keys, strict=True) if own
        )
        # PostgreSQL's sequence does not see explicit keys: move it past them before more rows.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Recognition]):
                cursor.execute(statement)
    Recognition.objects.bulk_create(
        r for r, own in zip(recognitions, own_keys, strict=True) if not own
    )

    # Decisions, registered one microsecond apart so that their order of registration is exact.
    decisions: list[RecognitionDecision] = []
    for recognition, row in zip(recognitions, rows, strict=True):
        for step, decision in enumerate(row.history):
            decisions.append(
                RecognitionDecision(
                    recognition=recognition,
                    kind=decision.kind.value,
                    decided_on=decision.decided_on,
                    effective_from=decision.effective_from,
                    effective_until=decision.effective_until,
                    view_deadline=decision.view_deadline,
                    ground=decision.ground,
                    article=GROUNDS[decision.ground].article,
                    reason=reason,
                    partial=decision.kind is DecisionKind.GRANT and bool(row.scope),
                    scope=row.scope if decision.kind is DecisionKind.GRANT else "",
                    decided_by=actor,
                    decided_by_display=str(actor) if actor else SYSTEM_ACTOR,
                    recorded_at=now + dt.timedelta(microseconds=step),
                )
            )
    decisions = RecognitionDecision.objects.bulk_create(decisions)

    periods: list[RecognitionStatusPeriod] = []
    persons: list[Person] = []
    registrations: list[tuple[Recognition, int]] = []
    offset = 0
    for recognition, row in zip(recognitions, rows, strict=True):
        own = decisions[offset : offset + len(row.history)]
        offset += len(row.history)
        periods.extend(
            RecognitionStatusPeriod(
                recognition=recognition,
                status=p.status.value,
                valid_from=p.valid_from,
                valid_to=p.valid_to,
                recorded_from=own[-1].recorded_at,
                decision=own[p.decision_index],
                automatic=p.automatic,
            )
            for p in row.replayed.periods
        )
        for name in row.persons:
            persons.append(
                Person(
                    initials=name.initials, surname_prefix=name.surname_prefix, surname=name.surname
                )
            )
            registrations.append((recognition, len(persons) - 1))
        audit.append(
            _audit_event(
                actor,
                "recognition.import",
                "register.recognition",
                str(recognition.pk),
                f"{recognition.number} {row.name} – {row.activity}",
                changes={
                    "status": [None, row.status.value],
                    "granted_on": [None, row.granted_on.isoformat()],
                    "persons": [None, "; ".join(str(p) for p in row.persons)],
                },
                reason=reason,
                legal_ground="Bbk art 9 lid 4",
            )
        )
    RecognitionStatusPeriod.objects.bulk_create(periods)
    persons = Person.objects.bulk_create(persons)
    # The export does not say since when a person is registered: the import registers them
    # from the day of the import, so that the register never claims a registration on an
    # earlier day that it cannot prove (Bbk art 15 lid 2, art 21-22).
    RecognisedPerson.objects.bulk_create(
        RecognisedPerson(
            recognition=recognition,
            person=persons[index],
            valid_from=today,
            recorded_from=now,
            reason=reason,
        )
        for recognition, index in registrations
    )
    result.persons_registered = len(registrations)

    audit.append(
        _audit_event(
            actor,
            "register.import",
            "register.import",
            import_id,
            result.source,
            changes={
                "file": [None, result.source],
                "rows": [None, result.rows],
                "recognitions_imported": [None, len(rows)],
                "already_registered": [None, result.already_registered],
                "rejected": [None, len(result.rejected)],
                "organisations_created": [None, result.organisations_created],
                "certificates_created": [None, result.certificates_created],
                "persons_registered": [None, result.persons_registered],
            },
            reason=reason,
            legal_ground="Bbk art 9 lid 4; Rbk art 2.4",
        )
    )
    AuditEvent.objects.bulk_create(audit)


# --- rejects ---------------------------------------------------------------------------------------


def rejects_write(path: Path, register_file: RegisterFile, rejected: Iterable[RowProblem]) -> int:
    """Write the refused rows with their original cells and an error column; return how many.

    The file is CSV in UTF-8 with a byte order mark (so that Excel opens it correctly), with
    the separator of the input file, so that it can be corrected and imported again.
    """
    by_line = {problem.line: problem for problem in rejected}
    width = len(register_file.header)
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=register_file.delimiter)
        writer.writerow([*register_file.header, REJECTS_ERROR_COLUMN])
        for row in register_file.rows:
            problem = by_line.get(row.line)
            if problem is None:
                continue
            cells = list(row.cells[:width]) + [""] * (width - len(row.cells))
            message = "; ".join(f"{e.field}: {translate_error(e.error)}" for e in problem.errors)
            writer.writerow([*cells, message])
            count += 1
    return count
