"""Measurements from the API's JSON body or an uploaded lab file, and short-lived storage of an
upload so that the web page can offer its CSV and PDF downloads.

Thin adapters around ``kwalibo.assessments.readers`` and the engine's input table; no rules here.
"""

from __future__ import annotations

import datetime as dt
import io
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any, Final

import polars as pl
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile

from kwalibo.assessments.domain.application import Location
from kwalibo.assessments.domain.checks import CheckRequest
from kwalibo.assessments.domain.large_scale import LargeScaleApplication
from kwalibo.assessments.domain.local_maxima import LocalMaximumValues
from kwalibo.assessments.readers import SCHEMA, MeasurementFileError, read_measurements
from kwalibo.assessments.readers.local_maxima import read_local_maxima_file
from kwalibo.common.domain.errors import N_

#: The largest lab file the API and the page accept (a SIKB0101 file of a large investigation
#: is a few MB; the CLI has no limit).
MAX_UPLOAD_BYTES: Final = 20 * 1024 * 1024
#: The largest upload request the API and the page read: a lab file at its largest, with room
#: for the form fields and the small column-test and local-maximum-value files. A larger request
#: is refused on its Content-Length, before its body is read (and spooled to disk).
MAX_REQUEST_BYTES: Final = MAX_UPLOAD_BYTES + 4 * 1024 * 1024
#: How long the page keeps an upload for its downloads.
KEEP_SECONDS: Final = 3600
_CACHE_PREFIX: Final = "toetsing:"


@dataclass(frozen=True)
class Options:
    """How to assess: frame, rule set (``None``: by date), sampling date, batch, the
    large-scale application to check the verdicts against (``None``: no such check), and the
    local maximum values with the zone they apply in (``None``: no such check; no zone: the
    values for the whole area), the location to test each verdict against (Bbk art 59;
    ``None``: no such test), whether the samples are of the receiving soil (Rbk art 4.10.2
    lid 3), the tare-soil exemptions (art 4.14) and the class an enforcement investigation
    tests against (art 4.13.1; ``None``: no such test)."""

    frame: str
    rules: str | None
    sampling_date: dt.date | None
    batch: bool
    application: LargeScaleApplication | None = None
    local_maxima: LocalMaximumValues | None = None
    local_zone: str | None = None
    location: Location | None = None
    receiving_soil: bool = False
    tare_soil: tuple[str, ...] = ()
    stated_class: str | None = None

    @property
    def checks(self) -> CheckRequest:
        """The checks of each verdict these options ask for."""
        return CheckRequest(
            application=self.application,
            local_maxima=self.local_maxima,
            local_zone=self.local_zone,
            location=self.location,
            stated_class=self.stated_class,
            # the material stated with the application also holds for the local check (soil
            # applied in water is held to Industrie), as in the API and the command
            material=None if self.application is None else self.application.material,
        )


def measurements_from_rows(rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """The engine's input table from measurement objects (row numbers count from 1)."""
    records = [
        {
            "row": number,
            "sample": row.get("sample"),
            "parameter": row.get("parameter"),
            "value_raw": None if row.get("value") is None else str(row.get("value")),
            "unit": row.get("unit"),
            "cas": row.get("cas") or None,
            "sampling_date": row.get("sampling_date"),
            "decimal_point": row.get("decimal_point"),
        }
        for number, row in enumerate(rows, start=1)
    ]
    return pl.DataFrame(records, schema=SCHEMA)


def measurements_from_upload(upload: UploadedFile) -> pl.DataFrame:
    """Read an uploaded lab file.

    Raises:
        MeasurementFileError: The file is too large or cannot be used.
    """
    name, data = _upload_bytes(upload)
    return read_measurements(data, filename=name)


def local_maxima_from_upload(upload: UploadedFile) -> pl.DataFrame:
    """Read an uploaded table of local maximum values (CSV or XLSX annex of a decision).

    Raises:
        MeasurementFileError: The file is too large or not a table with the columns
            parameter, waarde and eenheid.
    """
    name, data = _upload_bytes(upload)
    return read_local_maxima_file(data, filename=name)


def request_too_large(meta: Mapping[str, Any]) -> bool:
    """Whether a request's stated Content-Length exceeds ``MAX_REQUEST_BYTES``."""
    try:
        length = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > MAX_REQUEST_BYTES


def upload_too_large(upload: UploadedFile) -> bool:
    """Whether an uploaded file exceeds ``MAX_UPLOAD_BYTES``."""
    return upload.size is not None and upload.size > MAX_UPLOAD_BYTES


def _upload_bytes(upload: UploadedFile) -> tuple[str, bytes]:
    name = upload.name or "upload"
    if upload_too_large(upload):
        raise MeasurementFileError(
            N_("the file is larger than %(size)s MB"),
            file=name,
            size=MAX_UPLOAD_BYTES // (1024 * 1024),
        )
    return name, b"".join(upload.chunks())


def remember(
    measurements: pl.DataFrame,
    options: Options,
    *,
    filename: str,
    initial: Mapping[str, Any] | None = None,
) -> str:
    """Keep an upload for ``KEEP_SECONDS`` and return the token to fetch it with."""
    token = secrets.token_urlsafe(18)
    buffer = io.BytesIO()
    measurements.write_parquet(buffer, compression="zstd")
    cache.set(
        _CACHE_PREFIX + token,
        {
            "measurements": buffer.getvalue(),
            "frame": options.frame,
            "rules": options.rules,
            "sampling_date": options.sampling_date,
            "batch": options.batch,
            "application": None if options.application is None else asdict(options.application),
            "local_maxima": None if options.local_maxima is None else asdict(options.local_maxima),
            "local_zone": options.local_zone,
            "location": None if options.location is None else asdict(options.location),
            "receiving_soil": options.receiving_soil,
            "tare_soil": list(options.tare_soil),
            "stated_class": options.stated_class,
            "filename": filename,
            # what the form showed, to show the result page again (another language)
            "initial": dict(initial or {}),
        },
        timeout=KEEP_SECONDS,
    )
    return token


def recall(token: str) -> tuple[pl.DataFrame, Options, str] | None:
    """The upload kept under ``token``, or ``None`` when it expired or never existed."""
    stored = cache.get(_CACHE_PREFIX + token)
    if not isinstance(stored, dict):
        return None
    measurements = pl.read_parquet(io.BytesIO(stored["measurements"]))
    options = Options(
        frame=stored["frame"],
        rules=stored["rules"],
        sampling_date=stored["sampling_date"],
        batch=stored["batch"],
        application=(
            None
            if stored.get("application") is None
            else LargeScaleApplication(**stored["application"])
        ),
        local_maxima=(
            None
            if stored.get("local_maxima") is None
            else LocalMaximumValues(**stored["local_maxima"])
        ),
        local_zone=stored.get("local_zone"),
        location=None if stored.get("location") is None else Location(**stored["location"]),
        receiving_soil=bool(stored.get("receiving_soil")),
        tare_soil=tuple(stored.get("tare_soil") or ()),
        stated_class=stored.get("stated_class"),
    )
    return measurements, options, str(stored["filename"])


def recall_initial(token: str) -> dict[str, Any]:
    """The form values kept with the upload under ``token`` (empty when expired)."""
    stored = cache.get(_CACHE_PREFIX + token)
    return dict(stored.get("initial") or {}) if isinstance(stored, dict) else {}
