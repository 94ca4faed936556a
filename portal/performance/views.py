"""/performance: how our online services are doing, in public, with open data downloads."""

import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template

from portal.i18n import current_language, localised_route
from portal.performance.chart import bar_chart
from portal.performance.figures import ServiceFigures, service_figures
from portal.performance.open_data import CSV_HEADER, csv_rows, open_data
from portal.performance.period import Period, published_period
from portal.publishing.index import current_content
from portal.spreadsheets import write_csv
from portal.transactions.catalogue import current_forms

bp = Blueprint("performance", __name__)

# Open data is for anyone to reuse, from any site.
OPEN_DATA_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Cache-Control": "public, max-age=300",
}


def measured_services() -> list[str]:
    """Services people can use online here: their forms are what we can count."""
    return sorted({form.definition.service for form in current_forms().values()})


def _minimum() -> int:
    return current_app.config["PERFORMANCE_MINIMUM_COUNT"]


def _figures(service: str, period: Period) -> ServiceFigures:
    found = current_content().find("services", service, "en")
    costs = found.page.service_meta.cost_per_transaction if found else {}
    return service_figures(service, costs, _minimum(), period)


@localised_route(bp, "/performance")
def overview():
    content = current_content()
    language = current_language()
    # One period for every row, read once: a page drawn as a month ends is still one period.
    period = published_period()
    rows = [
        (content.find("services", slug, language), _figures(slug, period))
        for slug in measured_services()
    ]
    return render_template(
        "performance/overview.html", rows=rows, period=period, minimum=_minimum()
    )


@localised_route(bp, "/performance/<slug>")
def service(slug: str):
    if slug not in measured_services():
        abort(404)
    figures = _figures(slug, published_period())
    return render_template(
        "performance/service.html",
        found=current_content().find("services", slug, current_language()),
        figures=figures,
        chart=bar_chart(figures.monthly),
        minimum=_minimum(),
    )


def _service_data(slug: str, period: Period) -> dict:
    return open_data(_figures(slug, period), _minimum())


@bp.get("/performance/<slug>/data.json")
def data_json(slug: str):
    if slug not in measured_services():
        abort(404)
    body = json.dumps(_service_data(slug, published_period()), indent=2, ensure_ascii=False)
    return Response(body, mimetype="application/json", headers=OPEN_DATA_HEADERS)


def _csv_download(rows: Iterable[Sequence[Any]], filename: str) -> Response:
    out = io.StringIO()
    write_csv(out, CSV_HEADER, rows)
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            **OPEN_DATA_HEADERS,
        },
    )


@bp.get("/performance/<slug>/data.csv")
def data_csv(slug: str):
    if slug not in measured_services():
        abort(404)
    rows = csv_rows(_service_data(slug, published_period()))
    return _csv_download(rows, f"{slug}-performance.csv")


@bp.get("/performance/data.csv")
def all_services_csv():
    """Every service's rows in one file, as each service's own file has them."""
    period = published_period()
    rows = [row for slug in measured_services() for row in csv_rows(_service_data(slug, period))]
    return _csv_download(rows, "all-services-performance.csv")


def sitemap_values() -> dict[str, list[dict]]:
    return {"performance.service": [{"slug": slug} for slug in measured_services()]}
