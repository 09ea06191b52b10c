"""The assessment page: upload a lab file, see the explained verdicts, download CSV or PDF."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Final

import polars as pl
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from kwalibo.assessments.domain.checks import check_verdict, check_verdicts
from kwalibo.assessments.domain.engine import Assessment, assess
from kwalibo.assessments.domain.large_scale import LargeScaleApplication, column_test_emissions
from kwalibo.assessments.domain.local_maxima import LocalMaximumValues, read_local_maximum_values
from kwalibo.assessments.forms import APPLICATION_FIELDS, LOCATION_FIELDS, UploadForm
from kwalibo.assessments.presentation import (
    class_label,
    csv_report,
    file_error,
    local_maxima_error,
    messages_csv,
    page_checks,
    page_verdict,
    translated,
)
from kwalibo.assessments.readers import MeasurementFileError
from kwalibo.assessments.uploads import (
    KEEP_SECONDS,
    MAX_UPLOAD_BYTES,
    Options,
    local_maxima_from_upload,
    measurements_from_upload,
    recall,
    recall_initial,
    remember,
    request_too_large,
)
from kwalibo.common.domain.errors import DomainError
from kwalibo.common.i18n import translate_error
from kwalibo.common.ratelimit import public_page

#: The page shows the first samples; the downloads hold all of them.
SHOWN_VERDICTS: Final = 100


def _assess(measurements: pl.DataFrame, options: Options) -> Assessment:
    return assess(
        measurements,
        frame=options.frame,
        rules=options.rules,
        sampling_date=options.sampling_date,
        as_batch=options.batch,
        receiving_soil=options.receiving_soil,
        tare_soil=options.tare_soil,
    )


# csrf_exempt here, csrf_protect on _upload: the CSRF middleware would read the whole body (and
# spool an oversized upload to disk) to find the token before the size could be checked.
@csrf_exempt
@public_page
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """The upload form; a valid upload shows the verdicts with their explanations."""
    if request.method == "POST" and request_too_large(request.META):
        return _too_large(request)
    return _upload(request)


def _too_large(request: HttpRequest) -> HttpResponse:
    """The form again with the size limit at the file field; the body is not read."""
    form = UploadForm({"frame": "grond"})
    form.is_valid()
    limit = _("the file is larger than %(size)s MB") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
    form.errors["file"] = form.error_class([f"{form['file'].label}: {limit}"])
    return render(request, "assessments/upload.html", {"form": form}, status=413)


@csrf_protect
def _upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST":
        return render(request, "assessments/upload.html", {"form": form})
    if not form.is_valid():
        return _refused(request, form)
    data = form.cleaned_data
    try:
        measurements = measurements_from_upload(data["file"])
    except MeasurementFileError as error:
        form.add_error("file", file_error(error))
        return _refused(request, form)
    options = Options(
        frame=data["frame"],
        rules=data["rules"] or None,
        sampling_date=data["sampling_date"],
        batch=data["batch"],
        receiving_soil=bool(data["receiving_soil"]),
        tare_soil=tuple(data["tare_soil"]),
        stated_class=data["stated_class"] or None,
    )
    assessment = _assess(measurements, options)
    if form.wants_large_scale():
        try:
            application = _application(form, assessment)
        except (MeasurementFileError, DomainError) as error:
            message = (
                translate_error(error) if isinstance(error, DomainError) else file_error(error)
            )
            form.add_error("column_test", message)
            return _refused(request, form)
        options = dataclasses.replace(options, application=application)
    if data["local_maxima"] is not None:
        # All or nothing: a table with a wrong row, or a zone it lacks, shows no verdicts.
        upload_name = data["local_maxima"].name
        try:
            maxima = _local_maxima(form, assessment)
        except MeasurementFileError as error:
            form.add_error("local_maxima", file_error(error))
            return _refused(request, form)
        except DomainError as error:
            form.add_error("local_maxima", f"{upload_name}: {local_maxima_error(error)}")
            return _refused(request, form)
        zone = data["local_zone"].strip() or None
        try:
            maxima.for_zone(zone)
        except DomainError as error:
            form.add_error("local_zone", translate_error(error))
            return _refused(request, form)
        options = dataclasses.replace(options, local_maxima=maxima, local_zone=zone)
    options = dataclasses.replace(options, location=form.location())
    initial = {
        "frame": options.frame,
        "batch": options.batch,
        "receiving_soil": options.receiving_soil,
        "tare_soil": list(options.tare_soil),
        "stated_class": options.stated_class or "",
        "rules": options.rules or "",
        "sampling_date": options.sampling_date,
        "large_scale": data["large_scale"],
        **{name: data[name] for name in (*APPLICATION_FIELDS, *LOCATION_FIELDS)},
    }
    token = remember(measurements, options, filename=data["file"].name, initial=initial)
    return _result_page(request, assessment, options, data["file"].name, token, initial)


@public_page
@require_GET
def result(request: HttpRequest, token: str) -> HttpResponse:
    """The result of a kept upload again, in the active language: the language switch of the
    result page comes here instead of to an empty form."""
    kept = recall(token)
    if kept is None:
        return _expired(request)
    measurements, options, filename = kept
    return _result_page(
        request, _assess(measurements, options), options, filename, token, recall_initial(token)
    )


def _result_page(
    request: HttpRequest,
    assessment: Assessment,
    options: Options,
    filename: str,
    token: str,
    initial: dict[str, Any],
) -> HttpResponse:
    # only the verdicts shown are explained; the counts come from the classes of all
    result = translated(assessment.as_dict(assessment.verdicts_head(SHOWN_VERDICTS)))
    verdicts = result["verdicts"]
    total = len(assessment.verdict_samples())
    context = {
        "form": UploadForm(initial=initial),
        "result": result,
        "filename": filename,
        "token": token,
        "language_next": reverse("assessments:result", args=[token]),
        "keep_minutes": KEEP_SECONDS // 60,
        "verdicts": [
            page_verdict(v, assessment.frame)
            | page_checks(check_verdict(v, options.checks), options.checks, assessment.frame)
            for v in verdicts
        ],
        "show_spreading": assessment.frame == "waterbodem",
        "show_large_scale": options.application is not None,
        "show_local": options.local_maxima is not None,
        "show_location": options.location is not None,
        "show_enforcement": options.stated_class is not None,
        "hidden_count": max(0, total - SHOWN_VERDICTS),
        "counts": _class_counts(assessment.verdict_classes()),
        "message_count": assessment.message_count(),
        "options_applied": _options_applied(form_labels=UploadForm(), options=options),
    }
    return render(request, "assessments/result.html", context)


def _options_applied(*, form_labels: UploadForm, options: Any) -> list[str]:
    """The assessment options that change verdicts, as the form names them: a reader of the
    result must see that tare-soil exemptions or the receiving-soil rule were applied."""
    applied = []
    if options.receiving_soil:
        applied.append(str(form_labels.fields["receiving_soil"].label))
    choices = dict(form_labels.fields["tare_soil"].choices)  # type: ignore[attr-defined]
    applied += [str(choices[name]) for name in options.tare_soil if name in choices]
    return applied


def _refused(request: HttpRequest, form: UploadForm) -> HttpResponse:
    """The form again with what is wrong at its fields; no verdicts."""
    return render(request, "assessments/upload.html", {"form": form}, status=422)


def _application(form: UploadForm, assessment: Assessment) -> LargeScaleApplication:
    """The large-scale application as stated on the form, with its column test read."""
    data = form.cleaned_data
    column_test = None
    if data.get("column_test") is not None:
        column_test = column_test_emissions(
            measurements_from_upload(data["column_test"]), rule_set_id=assessment.rule_set
        )
    return LargeScaleApplication(
        material=data["material"] or ("grond" if assessment.frame == "grond" else "baggerspecie"),
        thickness_m=data["thickness_m"],
        volume_m3=data["volume_m3"],
        infrastructure=bool(data["infrastructure"]),
        below_water_level_same_manager=bool(data["below_water_level"]),
        cover=data["cover"] or None,
        cover_thickness_m=data["cover_thickness_m"],
        column_test=column_test,
    )


def _local_maxima(form: UploadForm, assessment: Assessment) -> LocalMaximumValues:
    """The local maximum values of the uploaded annex, read with the assessment's frame and
    rule set; the decision is cited by its stated title, else by the file name (as the CLI)."""
    data = form.cleaned_data
    upload = data["local_maxima"]
    return read_local_maximum_values(
        local_maxima_from_upload(upload),
        title=data["local_title"].strip() or str(upload.name),
        frame=assessment.frame,
        rule_set_id=assessment.rule_set,
    )


def _class_counts(classes: list[str | None]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for code in classes:
        label = class_label(code)
        counts[label] = counts.get(label, 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])


def _expired(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "assessments/expired.html",
        {"form": UploadForm()},
        status=410,
    )


@public_page
@require_GET
def download_csv(request: HttpRequest, token: str) -> HttpResponse:
    """The verdicts of a kept upload as CSV: one row per sample and parameter."""

    def write(assessment: Assessment, options: Options, filename: str) -> str:
        return csv_report(assessment, options.checks, spreadsheet=True)

    return _download(request, token, "csv", "text/csv; charset=utf-8", write)


@public_page
@require_GET
def download_messages(request: HttpRequest, token: str) -> HttpResponse:
    """The messages of a kept upload as CSV: what could not be read or used, and why."""

    def write(assessment: Assessment, options: Options, filename: str) -> str:
        return messages_csv(assessment)

    return _download(request, token, "csv", "text/csv; charset=utf-8", write, "berichten")


@public_page
@require_GET
def download_xlsx(request: HttpRequest, token: str) -> HttpResponse:
    """The verdicts of a kept upload as an Excel workbook: the CSV's rows, and the messages."""

    def write(assessment: Assessment, options: Options, filename: str) -> bytes:
        from kwalibo.assessments.workbook import xlsx_report  # openpyxl's writer: only here

        return xlsx_report(assessment, options.checks)

    return _download(request, token, "xlsx", _XLSX, write)


@public_page
@require_GET
def download_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The verdicts of a kept upload with their explanations as PDF."""

    def write(assessment: Assessment, options: Options, filename: str) -> bytes:
        from kwalibo.assessments.pdf import MAX_VERDICTS, pdf_report  # fpdf2: slow import

        asked = options.checks
        shown = assessment.verdicts_head(MAX_VERDICTS)
        return pdf_report(
            assessment,
            source=filename,
            created=timezone.localtime(),
            applied=_options_applied(form_labels=UploadForm(), options=options),
            checks={
                sample: page_checks(checks, asked, assessment.frame)
                for sample, checks in check_verdicts(shown, asked).items()
            },
        )

    return _download(request, token, "pdf", "application/pdf", write)


_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(
    request: HttpRequest,
    token: str,
    extension: str,
    content_type: str,
    write: Callable[[Assessment, Options, str], str | bytes],
    suffix: str = "toetsing",
) -> HttpResponse:
    """A download of a kept upload, assessed again and written by ``write``; 410 once expired."""
    kept = recall(token)
    if kept is None:
        return _expired(request)
    measurements, options, filename = kept
    response = HttpResponse(
        write(_assess(measurements, options), options, filename), content_type=content_type
    )
    response["Content-Disposition"] = _attachment(f"{_stem(filename)}-{suffix}.{extension}")
    return response


def _attachment(filename: str) -> str:
    """Content-Disposition of a download; a name beyond ASCII as RFC 6266 ``filename*``."""
    return content_disposition_header(True, filename) or "attachment"


def _stem(filename: str) -> str:
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in stem)
    return safe[:80] or _("assessment")
