"""/performance: how our online services are doing, in public, with open data downloads."""

import io
import json
from decimal import Decimal

from flask import Blueprint, Response, abort, current_app, render_template, url_for

from portal.i18n import current_language, localised_route
from portal.performance.chart import bar_chart
from portal.performance.figures import Figure, ServiceFigures, service_figures
from portal.publishing.index import current_content
from portal.spreadsheets import write_csv
from portal.transactions.catalogue import current_forms

bp = Blueprint("performance", __name__)

FIGURES = (
    "transactions",
    "digital_take_up",
    "completion_rate",
    "satisfaction",
    "satisfaction_responses",
    "cost_per_transaction",
    "in_welsh",
    "assisted",
    "with_access_needs",
)


def measured_services() -> list[str]:
    """Services people can use online here: their forms are what we can count."""
    return sorted({form.definition.service for form in current_forms().values()})


def _figures(service: str) -> ServiceFigures:
    found = current_content().find("services", service, "en")
    costs = found.page.service_meta.cost_per_transaction if found else {}
    return service_figures(service, costs, current_app.config["PERFORMANCE_MINIMUM_COUNT"])


@localised_route(bp, "/performance")
def overview():
    content = current_content()
    language = current_language()
    rows = [
        (content.find("services", slug, language), _figures(slug)) for slug in measured_services()
    ]
    return render_template(
        "performance/overview.html",
        rows=rows,
        minimum=current_app.config["PERFORMANCE_MINIMUM_COUNT"],
    )


@localised_route(bp, "/performance/<slug>")
def service(slug: str):
    if slug not in measured_services():
        abort(404)
    figures = _figures(slug)
    return render_template(
        "performance/service.html",
        found=current_content().find("services", slug, current_language()),
        figures=figures,
        chart=bar_chart(figures.monthly),
        minimum=current_app.config["PERFORMANCE_MINIMUM_COUNT"],
    )


def _plain(figure: Figure):
    if not figure.shown:
        return None
    return float(figure.value) if isinstance(figure.value, Decimal) else figure.value


def _open_data(slug: str) -> dict:
    figures = _figures(slug)
    return {
        "service": slug,
        "page": url_for("services.service", slug=slug, _external=True),
        "period_start": figures.period_start.isoformat(),
        "period_end": figures.period_end.isoformat(),
        "minimum_count": current_app.config["PERFORMANCE_MINIMUM_COUNT"],
        "figures": {
            name: {
                "value": _plain(getattr(figures, name)),
                "withheld": getattr(figures, name).withheld,
            }
            for name in FIGURES
        },
        "monthly_transactions": [
            {
                "month": m.month.strftime("%Y-%m"),
                "count": _plain(m.count),
                "withheld": m.count.withheld,
            }
            for m in figures.monthly
        ],
    }


@bp.get("/performance/<slug>/data.json")
def data_json(slug: str):
    if slug not in measured_services():
        abort(404)
    body = json.dumps(_open_data(slug), indent=2, ensure_ascii=False)
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Access-Control-Allow-Origin": "*",
            "Cross-Origin-Resource-Policy": "cross-origin",
            "Cache-Control": "public, max-age=300",
        },
    )


@bp.get("/performance/<slug>/data.csv")
def data_csv(slug: str):
    if slug not in measured_services():
        abort(404)
    data = _open_data(slug)
    rows = [
        [
            slug,
            data["period_start"],
            data["period_end"],
            name,
            figure["value"],
            figure["withheld"] or "",
        ]
        for name, figure in data["figures"].items()
    ] + [
        [
            slug,
            month["month"],
            month["month"],
            "transactions_in_month",
            month["count"],
            month["withheld"] or "",
        ]
        for month in data["monthly_transactions"]
    ]
    out = io.StringIO()
    write_csv(out, ["service", "period_start", "period_end", "measure", "value", "withheld"], rows)
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{slug}-performance.csv"',
            "Access-Control-Allow-Origin": "*",
            "Cross-Origin-Resource-Policy": "cross-origin",
            "Cache-Control": "public, max-age=300",
        },
    )


def sitemap_values() -> dict[str, list[dict]]:
    return {"performance.service": [{"slug": slug} for slug in measured_services()]}
