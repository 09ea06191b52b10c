"""Import of a register export: `kwalibo import-register` and the `register_import` service."""

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.utils import timezone, translation
from openpyxl import Workbook

from kwalibo.accounts.models import User
from kwalibo.accounts.roles import Role
from kwalibo.audit.models import AuditEvent
from kwalibo.common.domain.errors import DomainError
from kwalibo.register import selectors, services
from kwalibo.register.demo import demo_register_build
from kwalibo.register.domain.register_import import (
    COLUMNS,
    date_parse,
    header_columns,
    persons_parse,
)
from kwalibo.register.importing import (
    ImportRefusedError,
    register_file_read,
    register_import,
)
from kwalibo.register.models import (
    Activity,
    Address,
    Certificate,
    CertificateReport,
    CertifyingInstitution,
    NormDocument,
    Organisation,
    Person,
    RecognisedPerson,
    Recognition,
    RecognitionDecision,
    RecognitionStatusPeriod,
)

D = dt.date
TODAY = timezone.localdate()
REGISTER_MODELS = [
    RecognisedPerson,
    RecognitionStatusPeriod,
    RecognitionDecision,
    Recognition,
    CertificateReport,
    Certificate,
    CertifyingInstitution,
    Address,
    Organisation,
    Person,
]


# --- helpers ------------------------------------------------------------------------------------


def export_text() -> str:
    """The CSV export as the public endpoint serves it."""
    response = Client().get("/register/export.csv")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


def export_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def register_clear() -> None:
    """Empty the register (not the catalogue), as in a fresh database."""
    RecognitionDecision.objects.filter(corrects__isnull=False).delete()
    for model in REGISTER_MODELS:
        model.objects.all().delete()


def register_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in [*REGISTER_MODELS, AuditEvent]}


def row(**values: str) -> dict[str, str]:
    """A valid export row for fieldwork (veldwerk) on a BRL SIKB 2000 certificate, with changes."""
    base = {
        "recognition_number": "ERK-000101",
        "kvk_number": "12345678",
        "establishment_number": "",
        "name": "Bodemadvies Zuid B.V.",
        "street": "Stationsweg",
        "house_number": "12",
        "postcode": "5211 AB",
        "city": "'s-Hertogenbosch",
        "activity": "veldwerk",
        "status": "granted",
        "status_since": "2020-02-03",
        "status_until": "",
        "granted_on": "2020-02-03",
        "scope": "",
        "certificate_number": "K-1001",
        "certificate_kind": "certificate",
        "norm_document": "BRL SIKB 2000",
        "certifying_institution": "Kiwa",
        "certificate_issued_on": "2019-06-01",
        "certificate_expires_on": "2030-06-01",
        "persons": "J. de Vries",
    }
    unknown = set(values) - set(base)
    assert not unknown, unknown
    return base | values


def three_rows() -> list[dict[str, str]]:
    return [
        row(),
        row(
            recognition_number="ERK-000102",
            kvk_number="23456789",
            establishment_number="000012345678",
            name="Grondwerken Noord B.V.",
            street="Havenstraat",
            house_number="3a",
            postcode="9711 AA",
            city="Groningen",
            certificate_number="K-2002",
            persons="A.B. van den Berg; C. Smit",
        ),
        row(
            recognition_number="ERK-000103",
            kvk_number="34567890",
            name="Laboratorium West",
            street="Industrieweg",
            house_number="7",
            postcode="3011 BB",
            city="Rotterdam",
            activity="analyse-bodemonderzoek",
            certificate_number="RvA-L-0042",
            certificate_kind="accreditation",
            norm_document="AS SIKB 3000",
            certifying_institution="",
            persons="",
        ),
    ]


def csv_write(
    path: Path,
    rows: list[dict[str, str]],
    *,
    columns: list[str] | None = None,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    columns = columns or list(COLUMNS)
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=columns, delimiter=delimiter, extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(rows)
    return path


def summary(
    *,
    imported: int = 0,
    already: int = 0,
    skipped: int = 0,
    organisations: int = 0,
    reused: int = 0,
) -> str:
    """The last line the command prints."""
    return (
        f"Recognitions imported: {imported}; already registered (left unchanged): {already}; "
        f"rows skipped: {skipped}; organisations created: {organisations}; "
        f"existing organisations used: {reused}."
    )


def import_command(path: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("import_register", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused_command(path: Path, *args: str) -> tuple[str, str]:
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command("import_register", str(path), *args, stdout=io.StringIO(), stderr=err)
    return str(refused.value), err.getvalue()


@pytest.fixture
def register_with_histories(
    granted: Recognition,
    officer: User,
    make_certificate: Callable[..., Certificate],
) -> list[Recognition]:
    """Granted fieldwork with two persons, a suspended one, and one on an accreditation."""
    granted_day = D(2020, 2, 3)
    for initials, prefix, surname in (("J.", "de", "Vries"), ("P.", "", "Jansen")):
        services.recognised_person_register(
            actor=officer,
            recognition=granted,
            person=Person.objects.create(initials=initials, surname_prefix=prefix, surname=surname),
            valid_from=granted_day,
            vog_date=D(2020, 1, 10),
            reason="Bij verlening",
        )
    other = services.organisation_create(
        actor=officer,
        name="Grondwerken Noord B.V.",
        kvk_number="23456789",
        establishment_number="000012345678",
        street="Havenstraat",
        house_number="3a",
        postcode="9711AA",
        city="Groningen",
    )
    suspended = services.recognition_apply(
        actor=officer,
        organisation=other,
        activity=Activity.objects.get(code="veldwerk"),
        certificate=make_certificate(other, number="K-2002"),
        applied_on=D(2021, 1, 4),
    )
    services.recognition_grant(
        actor=officer, recognition=suspended, decided_on=D(2021, 2, 1), reason="Voldoet"
    )
    start = TODAY - dt.timedelta(days=30)
    services.recognition_intent_record(
        actor=officer,
        recognition=suspended,
        kind=services.DecisionKind.INTENT_SUSPENSION,
        decided_on=start - dt.timedelta(days=20),
        view_deadline=start - dt.timedelta(days=6),
        ground="suspension_certificate",
        reason="Certificaat geschorst",
    )
    services.recognition_suspend(
        actor=officer,
        recognition=suspended,
        decided_on=start,
        until=TODAY + dt.timedelta(days=90),
        ground="suspension_certificate",
        reason="Certificaat geschorst",
    )
    lab = services.organisation_create(
        actor=officer, name="Laboratorium West", kvk_number="34567890"
    )
    accreditation = Certificate.objects.create(
        number="RvA-L-0042",
        kind="accreditation",
        holder=lab,
        norm_document=NormDocument.objects.get(code="AS SIKB 3000"),
        issued_on=D(2018, 1, 1),
        expires_on=D(2031, 1, 1),
    )
    analysis = services.recognition_apply(
        actor=officer,
        organisation=lab,
        activity=Activity.objects.get(code="analyse-bodemonderzoek"),
        certificate=accreditation,
        applied_on=D(2019, 3, 1),
    )
    services.recognition_grant(
        actor=officer,
        recognition=analysis,
        decided_on=D(2019, 4, 1),
        reason="Voldoet",
        partial=True,
        scope="alleen grondonderzoek",
    )
    return [granted, suspended, analysis]


# --- the row rules (pure) ----------------------------------------------------------------------


def test_the_import_columns_are_the_export_columns() -> None:
    assert list(COLUMNS) == selectors.EXPORT_COLUMNS


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-03-01", D(2024, 3, 1)),
        ("01-03-2024", D(2024, 3, 1)),
        ("1-3-2024", D(2024, 3, 1)),
        ("01/03/2024", D(2024, 3, 1)),
        ("31.12.2023", D(2023, 12, 31)),
    ],
)
def test_dates_are_read_in_iso_and_dutch_notation(text: str, day: dt.date) -> None:
    assert date_parse(text) == day


@pytest.mark.parametrize("text", ["2024-02-30", "03-01", "1 maart 2024", "2024/03/01"])
def test_other_date_notations_are_refused(text: str) -> None:
    with pytest.raises(DomainError):
        date_parse(text)


def test_person_names_split_into_initials_prefix_and_surname() -> None:
    names = persons_parse("A.B. van den Berg; C. Smit;  J. de Vries-Bakker ; ")
    assert [(p.initials, p.surname_prefix, p.surname) for p in names] == [
        ("A.B.", "van den", "Berg"),
        ("C.", "", "Smit"),
        ("J.", "de", "Vries-Bakker"),
    ]
    assert [str(p) for p in names] == ["A.B. van den Berg", "C. Smit", "J. de Vries-Bakker"]


def test_a_person_without_initials_is_refused() -> None:
    with pytest.raises(DomainError, match="'Jansen' is not a person's name"):
        persons_parse("A. Smit; Jansen")


def test_missing_columns_are_all_named() -> None:
    header = [c for c in COLUMNS if c not in ("kvk_number", "granted_on")] + ["kvk"]
    with pytest.raises(DomainError) as refused:
        header_columns(header)
    assert str(refused.value) == (
        "The header lacks the columns kvk_number, granted_on "
        "(the file has the unknown columns kvk)."
    )


def test_the_header_is_read_without_bom_case_or_spaces() -> None:
    header = [f" {c.upper()} " for c in COLUMNS]
    header[0] = "\ufeff" + header[0]
    assert header_columns(header) == list(COLUMNS)


# --- round trip --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_export_then_import_into_an_empty_register_gives_the_same_export(
    register_with_histories: list[Recognition], tmp_path: Path
) -> None:
    before = export_text()
    assert len(export_rows(before)) == 3
    path = tmp_path / "register.csv"
    path.write_text(before, encoding="utf-8", newline="")
    register_clear()

    out, _ = import_command(path)

    assert export_text() == before
    assert out.splitlines()[-1] == summary(imported=3, organisations=3)
    suspended = Recognition.objects.get(number=register_with_histories[1].number)
    assert list(
        suspended.decisions.order_by("recorded_at", "id").values_list("kind", "ground")
    ) == [("application", "application"), ("grant", "grant"), ("suspension", "imported_suspension")]


@pytest.mark.django_db
def test_the_demo_register_survives_export_and_import(tmp_path: Path) -> None:
    """Everything but the start of a granted status after an amendment or an ended
    suspension, which the export does not explain (see docs/import.md)."""
    demo_register_build(organisations=60, seed=7, today=TODAY)
    before = export_rows(export_text())
    path = tmp_path / "demo.csv"
    csv_write(path, before)
    register_clear()

    import_command(path)

    after = export_rows(export_text())
    expected = []
    for original in before:
        expected_row = dict(original)
        if original["status"] == "granted":
            expected_row["status_since"] = original["granted_on"]
        expected.append(expected_row)

    def persons_sorted(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        return [r | {"persons": "; ".join(sorted(r["persons"].split("; ")))} for r in rows]

    assert persons_sorted(after) == persons_sorted(expected)
    assert len(after) == len(before) > 40


# --- all or nothing ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_one_bad_row_refuses_the_whole_file_and_names_row_and_field(tmp_path: Path) -> None:
    rows = three_rows()
    rows[1]["kvk_number"] = "1234"
    path = csv_write(tmp_path / "register.csv", rows)
    before = register_counts()

    message, errors = refused_command(path)

    assert message == "Nothing imported: rows with errors in register.csv: 1."
    assert errors.splitlines() == [
        "register.csv, row 3, field kvk_number: A KvK number has exactly 8 digits; '1234' does not."
    ]
    assert register_counts() == before


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"activity": "grondverzet"},
            "activity",
            "'grondverzet' is not the code of a designated activity (see docs/activities.md).",
        ),
        (
            {"status": "revoked"},
            "status",
            "'revoked' is not a status of the register in force; the import takes granted or suspended.",
        ),
        (
            {"status": "suspended", "status_since": "2021-01-01", "status_until": "2023-06-01"},
            "status_until",
            "A suspension lasts at most 2 years (Bbk art 23 lid 2): it must end on or before 2022-12-31.",
        ),
        (
            {"norm_document": "BRL 9335"},
            "norm_document",
            "BRL 9335 is not designated for the activity veldwerk (Rbk Bijlage C).",
        ),
        (
            {
                "activity": "bodemsanering",
                "norm_document": "BRL SIKB 7000",
                "certificate_kind": "accreditation",
                "certifying_institution": "",
                "persons": "",
            },
            "certificate_kind",
            "This activity rests on a certificate (Rbk art 2.2), not on a accreditation.",
        ),
        (
            {"activity": "bodemsanering", "norm_document": "BRL SIKB 7000", "persons": "J. Smit"},
            "persons",
            "This activity does not register persons (Rbk art 2.3).",
        ),
        (
            {"granted_on": "3 februari 2020"},
            "granted_on",
            "'3 februari 2020' is not a date (write 2024-03-01 or 01-03-2024).",
        ),
        ({"postcode": "0123 AB"}, "postcode", "'0123 AB' is not a Dutch postcode (1234 AB)."),
        ({"name": ""}, "name", "A value is required."),
    ],
)
@pytest.mark.django_db
def test_invalid_values_are_refused_with_their_field(
    tmp_path: Path, changes: dict[str, str], field: str, message: str
) -> None:
    path = csv_write(
        tmp_path / "register.csv",
        [row(), row(recognition_number="ERK-000102", kvk_number="87654321", **changes)],
    )
    before = register_counts()

    _, errors = refused_command(path)

    assert errors.splitlines() == [f"register.csv, row 3, field {field}: {message}"]
    assert register_counts() == before


@pytest.mark.django_db
def test_missing_header_columns_are_listed(tmp_path: Path) -> None:
    columns = [c for c in COLUMNS if c not in ("status", "certificate_kind")]
    path = csv_write(tmp_path / "register.csv", [row()], columns=columns)

    message, _ = refused_command(path)

    assert message == "register.csv: The header lacks the columns status, certificate_kind."
    assert Recognition.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "register.csv: The file is empty: it has no header row."),
        (",".join(COLUMNS) + "\r\n", "register.csv: register.csv holds no rows to import."),
    ],
)
@pytest.mark.django_db
def test_an_empty_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "register.csv"
    path.write_text(content, encoding="utf-8")

    refused, _ = refused_command(path)

    assert refused == message
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_rows_that_contradict_each_other_are_refused(tmp_path: Path) -> None:
    rows = [
        row(),
        row(recognition_number="ERK-000101", kvk_number="87654321", certificate_number="K-9"),
        row(
            recognition_number="ERK-000102",
            name="Bodemadvies Noord B.V.",
            activity="monsterneming-partijkeuring",
            norm_document="BRL SIKB 1000",
        ),
        row(recognition_number="ERK-000103", kvk_number="87654321", certificate_number="K-1001"),
    ]
    path = csv_write(tmp_path / "register.csv", rows)

    _, errors = refused_command(path)

    assert errors.splitlines() == [
        "register.csv, row 3, field recognition_number: Recognition ERK-000101 is also in row 2.",
        "register.csv, row 4, field name: Row 2 gives another name or address for this establishment.",
        "register.csv, row 5, field certificate_number: Row 2 describes certificate K-1001 differently.",
    ]
    assert Recognition.objects.count() == 0


# --- --skip-invalid -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_skip_invalid_imports_the_rest_and_writes_exactly_the_bad_rows(tmp_path: Path) -> None:
    rows = [
        *three_rows(),
        row(recognition_number="ERK-000104", kvk_number="45678901", status="ingetrokken"),
    ]
    rows[0]["kvk_number"] = "1234567X"
    path = csv_write(tmp_path / "register.csv", rows)

    out, _ = import_command(path, "--skip-invalid")

    rejects = tmp_path / "register.rejects.csv"
    assert out.splitlines() == [
        f"Refused rows written to {rejects}: 2.",
        summary(imported=2, skipped=2, organisations=2),
    ]
    with rejects.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))
    assert written == [
        [*COLUMNS, "error"],
        [
            *(rows[0][c] for c in COLUMNS),
            "kvk_number: A KvK number has exactly 8 digits; '1234567X' does not.",
        ],
        [
            *(rows[3][c] for c in COLUMNS),
            "status: 'ingetrokken' is not a status of the register in force; the import takes granted or suspended.",
        ],
    ]
    assert sorted(Recognition.objects.values_list("number", flat=True)) == [
        "ERK-000102",
        "ERK-000103",
    ]


@pytest.mark.django_db
def test_skip_invalid_writes_the_rejects_where_asked(tmp_path: Path) -> None:
    rows = three_rows()
    rows[2]["activity"] = "onbekend"
    path = csv_write(tmp_path / "register.csv", rows, delimiter=";")
    target = tmp_path / "afgekeurd.csv"

    import_command(path, "--skip-invalid", "--rejects", str(target))

    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("ERK-000103;34567890;")
    assert Recognition.objects.count() == 2


# --- formats ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_semicolon_csv_with_bom_and_dutch_dates(tmp_path: Path) -> None:
    rows = three_rows()
    for values in rows:
        for column in (
            "status_since",
            "granted_on",
            "certificate_issued_on",
            "certificate_expires_on",
        ):
            year, month, day = values[column].split("-")
            values[column] = f"{day}-{month}-{year}"
    rows[0]["status"] = "verleend"
    path = csv_write(tmp_path / "register.csv", rows, delimiter=";", encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfrecognition_number;kvk_number;")

    import_command(path)

    exported = {r["recognition_number"]: r for r in export_rows(export_text())}
    assert exported["ERK-000101"]["granted_on"] == "2020-02-03"
    assert exported["ERK-000101"]["status"] == "granted"
    assert exported["ERK-000102"]["persons"] == "A.B. van den Berg; C. Smit"
    assert exported["ERK-000102"]["establishment_number"] == "000012345678"
    assert Certificate.objects.get(number="K-1001").expires_on == D(2030, 6, 1)


@pytest.mark.django_db
def test_xlsx_with_date_cells_and_numbers_that_lost_their_leading_zeros(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    for values in three_rows():
        cells: list[object] = [values[c] for c in COLUMNS]
        for column in (
            "status_since",
            "granted_on",
            "certificate_issued_on",
            "certificate_expires_on",
        ):
            cells[COLUMNS.index(column)] = dt.datetime.fromisoformat(values[column])
        cells[COLUMNS.index("house_number")] = (
            int(values["house_number"])
            if values["house_number"].isdigit()
            else values["house_number"]
        )
        if values["establishment_number"]:
            cells[COLUMNS.index("establishment_number")] = int(values["establishment_number"])
        sheet.append(cells)
    sheet.append([None] * len(COLUMNS))  # an empty row at the end, as spreadsheets have
    path = tmp_path / "register.xlsx"
    workbook.save(path)

    out, _ = import_command(path)

    assert out.splitlines()[-1] == summary(imported=3, organisations=3)
    organisation = Organisation.objects.get(kvk_number="23456789")
    assert organisation.establishment_number == "000012345678"
    assert organisation.addresses.get().house_number == "3a"
    assert Organisation.objects.get(kvk_number="12345678").addresses.get().house_number == "12"
    assert Recognition.objects.get(number="ERK-000103").certificate.issued_on == D(2019, 6, 1)


@pytest.mark.django_db
def test_an_xlsx_error_names_the_spreadsheet_row(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    rows = three_rows()
    rows[2]["certificate_expires_on"] = "2018-01-01"
    for values in rows:
        sheet.append([values[c] for c in COLUMNS])
    path = tmp_path / "register.xlsx"
    workbook.save(path)

    _, errors = refused_command(path)

    assert errors.splitlines() == [
        "register.xlsx, row 4, field certificate_expires_on: The certificate must expire after the date of issue."
    ]


# --- a second import ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_second_import_of_the_same_file_changes_nothing(tmp_path: Path) -> None:
    path = csv_write(tmp_path / "register.csv", three_rows())
    import_command(path)
    first = register_counts()
    exported = export_text()

    out, _ = import_command(path)

    assert out.splitlines() == [summary(already=3)]
    assert register_counts() == first | {"AuditEvent": first["AuditEvent"] + 1}
    assert export_text() == exported


@pytest.mark.django_db
def test_a_later_export_adds_new_recognitions_to_existing_organisations(tmp_path: Path) -> None:
    rows = three_rows()
    import_command(csv_write(tmp_path / "first.csv", rows[:1]))
    rows[0]["status"] = "suspended"
    rows[0]["status_since"] = "2024-01-01"
    rows[0]["status_until"] = "2024-06-30"
    rows.append(
        row(
            recognition_number="ERK-000104",
            activity="monsterneming-partijkeuring",
            norm_document="BRL SIKB 1000",
            certificate_number="K-1002",
            persons="",
        )
    )

    out, _ = import_command(csv_write(tmp_path / "second.csv", rows))

    assert out.splitlines() == [
        "Note: second.csv, row 2, field status: Already registered with the status granted, not "
        "suspended; left unchanged (record a decision in the back-office).",
        summary(imported=3, already=1, organisations=2, reused=1),
    ]
    assert Organisation.objects.count() == 3
    assert Organisation.objects.get(kvk_number="12345678").recognitions.count() == 2


# --- the service ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_service_imports_audits_and_keeps_numbers_usable(tmp_path: Path, officer: User) -> None:
    register_file = register_file_read(csv_write(tmp_path / "register.csv", three_rows()))

    result = register_import(
        actor=officer,
        source=register_file.name,
        header=register_file.header,
        rows=register_file.rows,
    )

    assert (result.imported, result.organisations_created, result.persons_registered) == (3, 3, 3)
    summary = AuditEvent.objects.get(action="register.import")
    assert summary.actor == officer
    assert summary.changes["recognitions_imported"] == [None, 3]
    assert summary.changes["file"] == [None, "register.csv"]
    assert AuditEvent.objects.filter(action="recognition.import").count() == 3
    assert AuditEvent.objects.filter(action="organisation.create").count() == 3
    recognition = Recognition.objects.get(number="ERK-000102")
    assert recognition.pk == 102
    assert [str(p.person) for p in recognition.persons.order_by("id")] == [
        "A.B. van den Berg",
        "C. Smit",
    ]
    assert set(recognition.persons.values_list("valid_from", flat=True)) == {TODAY}
    assert selectors.recognition_check(
        viewer=None, kvk="23456789", activity=recognition.activity, on=D(2020, 2, 3)
    ).recognised
    assert not selectors.recognition_check(
        viewer=None, kvk="23456789", activity=recognition.activity, on=D(2020, 2, 2)
    ).recognised
    # A new application gets a number derived from its key; it must not collide with imported ones.
    applied = services.recognition_apply(
        actor=officer,
        organisation=recognition.organisation,
        activity=Activity.objects.get(code="bodemsanering"),
        applied_on=TODAY,
    )
    assert applied.number == "ERK-000104"


@pytest.mark.django_db
def test_the_service_refuses_a_user_without_the_import_capability(
    tmp_path: Path, make_user: Callable[..., User]
) -> None:
    register_file = register_file_read(csv_write(tmp_path / "register.csv", three_rows()))
    before = register_counts()

    with pytest.raises(DomainError, match=r"^You may not import the register\.$"):
        register_import(
            actor=make_user(Role.COMPANY),
            source=register_file.name,
            header=register_file.header,
            rows=register_file.rows,
        )
    assert register_counts() == before


@pytest.mark.django_db
def test_the_service_refusal_lists_every_bad_row(tmp_path: Path) -> None:
    rows = three_rows()
    rows[0]["certificate_issued_on"] = "31-02-2019"
    rows[2]["certifying_institution"] = "Kiwa"
    register_file = register_file_read(csv_write(tmp_path / "register.csv", rows))

    with pytest.raises(ImportRefusedError) as refused:
        register_import(
            actor=None,
            source=register_file.name,
            header=register_file.header,
            rows=register_file.rows,
        )

    assert [(p.line, [e.field for e in p.errors]) for p in refused.value.rejected] == [
        (2, ["certificate_issued_on"]),
        (4, ["certifying_institution"]),
    ]
    assert Recognition.objects.count() == 0


@pytest.mark.django_db
def test_a_number_that_collides_with_another_recognition_is_refused(
    tmp_path: Path, granted: Recognition
) -> None:
    taken = recognition_number_of(granted)
    path = csv_write(
        tmp_path / "register.csv",
        [row(recognition_number=taken, kvk_number="87654321", certificate_number="K-77")],
    )

    _, errors = refused_command(path)

    assert errors.splitlines() == [
        f"register.csv, row 2, field recognition_number: Recognition {taken} is registered "
        "for another organisation or activity."
    ]


def recognition_number_of(recognition: Recognition) -> str:
    return Recognition.objects.get(pk=recognition.pk).number


# --- progress and bulk ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_progress_bar_counts_the_rows(tmp_path: Path) -> None:
    path = csv_write(tmp_path / "register.csv", three_rows())

    _, err = import_command(path, "--progress")

    assert "Checking rows" in err
    assert "3/3" in err


def bulk_rows(count: int) -> list[dict[str, str]]:
    return [
        row(
            recognition_number=f"ERK-{index + 1:06d}",
            kvk_number=f"{10_000_000 + index}",
            name=f"Bedrijf {index}",
            certificate_number=f"K-{index}",
            certifying_institution=f"CI {index % 7}",
            persons=f"A. de Boer; B. Visser {index}",
        )
        for index in range(count)
    ]


@pytest.mark.django_db
def test_a_large_import_writes_in_bulk(
    tmp_path: Path, django_assert_max_num_queries: Callable[..., object]
) -> None:
    register_file = register_file_read(csv_write(tmp_path / "register.csv", bulk_rows(5000)))

    # One INSERT per batch, not per row. PostgreSQL takes 65,535 parameters per query (43
    # queries in all); Django's SQLite backend assumes the classic limit of 999 parameters,
    # so its batches are small (594 queries), still about one per 25 rows written.
    limit = 60 if connection.vendor == "postgresql" else 650
    with django_assert_max_num_queries(limit):  # type: ignore[attr-defined]
        result = register_import(
            actor=None,
            source=register_file.name,
            header=register_file.header,
            rows=register_file.rows,
        )

    assert result.imported == 5000
    assert Recognition.objects.count() == 5000
    assert RecognitionDecision.objects.count() == 10_000
    assert RecognisedPerson.objects.count() == 10_000
