"""Public pages of the register: search, organisation page, activity catalogue, exports."""

import csv
import datetime as dt
import json
from collections.abc import Iterator

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_GET

from kwalibo.common.ratelimit import public_export, public_page
from kwalibo.register import selectors
from kwalibo.register.forms import SearchForm
from kwalibo.register.models import Activity

PAGE_SIZE = 25


@public_page
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """The register search page; htmx requests get only the result list."""
    form = SearchForm(request.GET or None)
    page = None
    on = timezone.localdate()
    if form.is_valid():
        on = form.cleaned_data["on"] or on
        organisations = selectors.organisations_search(
            viewer=request.user,
            text=form.cleaned_data["q"],
            activity=form.cleaned_data["activity"],
            norm_document=form.cleaned_data["norm_document"],
            place=form.cleaned_data["place"],
            on=on,
        )
        page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "on": on,
        "on_param": request.GET.get("on", ""),
        "query": query.urlencode(),
    }
    template = (
        "register/_results.html" if request.headers.get("HX-Request") else "register/search.html"
    )
    return render(request, template, context)


def _reference_date(value: str) -> dt.date | None:
    """The date in `?op=YYYY-MM-DD`; None (today) when absent or not a real date."""
    try:
        return parse_date(value.strip()) if value else None
    except ValueError:
        return None


@public_page
@require_GET
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """The organisation's register entry: recognitions, persons, decision history."""
    organisation = selectors.organisation_get_for_viewer(
        viewer=request.user, organisation_id=organisation_id
    )
    on = _reference_date(request.GET.get("op", ""))
    entry = selectors.organisation_register_entry(
        viewer=request.user, organisation=organisation, on=on
    )
    return render(request, "register/organisation.html", {"entry": entry})


@public_page
@require_GET
def activities(request: HttpRequest) -> HttpResponse:
    """The catalogue of activities with their stable codes and norm documents."""
    catalogue = Activity.objects.prefetch_related("norm_documents")
    return render(request, "register/activities.html", {"activities": catalogue})


class _Echo:
    def write(self, value: str) -> str:
        return value


@public_export
@require_GET
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The whole current register as CSV (the input format of `kwalibo import-register`)."""
    writer = csv.DictWriter(_Echo(), fieldnames=selectors.EXPORT_COLUMNS)

    def rows() -> Iterator[str]:
        yield writer.writeheader()
        for row in selectors.register_export_rows():
            yield writer.writerow(row)

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="kwalibo-register-{timezone.localdate()}.csv"'
    )
    return response


@public_export
@require_GET
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    """The whole current register as a JSON array, streamed."""

    def chunks() -> Iterator[str]:
        yield "["
        for index, row in enumerate(selectors.register_export_rows()):
            yield ("," if index else "") + json.dumps(row, ensure_ascii=False)
        yield "]"

    response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Content-Disposition"] = (
        f'attachment; filename="kwalibo-register-{timezone.localdate()}.json"'
    )
    return response
