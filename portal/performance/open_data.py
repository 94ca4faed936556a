"""The published figures as open data: one service's as JSON, and as CSV rows, which the
per-service file and the file of every service share, so both say the same thing.

A figure that is not published has no value; `withheld` says why ("suppressed": too few
to publish; "no_data": nothing to count yet). The pages explain both beside the downloads.
"""

from decimal import Decimal
from typing import Any

from flask import url_for

from portal.performance.figures import Figure, ServiceFigures

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

CSV_HEADER = ("service", "period_start", "period_end", "measure", "value", "withheld")


def _plain(figure: Figure) -> Any:
    if not figure.shown:
        return None
    return float(figure.value) if isinstance(figure.value, Decimal) else figure.value


def open_data(figures: ServiceFigures, minimum: int) -> dict:
    """One service's figures as the JSON download gives them."""
    return {
        "service": figures.service,
        "page": url_for("services.service", slug=figures.service, _external=True),
        "period_start": figures.period.first_day.isoformat(),
        "period_end": figures.period.last_day.isoformat(),
        "minimum_count": minimum,
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


def csv_rows(data: dict) -> list[list[Any]]:
    """One service's rows of the CSV, under CSV_HEADER, from its `open_data`."""
    slug = data["service"]
    period = [
        [slug, data["period_start"], data["period_end"], name, f["value"], f["withheld"] or ""]
        for name, f in data["figures"].items()
    ]
    monthly = [
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
    return period + monthly
