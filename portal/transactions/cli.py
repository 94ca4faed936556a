"""`flask data purge` and `flask submissions export`: data commands until the staff area."""

import json
import sys
from typing import Any

import click
from sqlalchemy import select

from portal.cli import PortalGroup
from portal.extensions import db
from portal.housekeeping import purge_all
from portal.spreadsheets import write_csv
from portal.transactions.models import Submission

data_cli = PortalGroup("data", help="Look after the data citizens leave with us.")
submissions_cli = PortalGroup("submissions", help="Read what citizens have sent.")


@data_cli.command("purge")
def purge() -> None:
    """Delete every kind of row that has expired: form drafts older than
    PORTAL_DRAFT_LIFETIME_DAYS, call-back answers, sent receipts, page votes, old form
    starts and old sign-in throttles. Safe to run at any time (hourly, from a timer)."""
    for what, deleted in purge_all().items():
        click.echo(f"Deleted {deleted} {what}.")


@submissions_cli.command("export")
@click.option("--form", "form_slug", required=True, help="The form's file name.")
@click.option("--format", "output", type=click.Choice(["csv", "json"]), default="csv")
def export(form_slug: str, output: str) -> None:
    """Write one form's submissions to standard output as CSV or JSON."""
    rows = db.session.scalars(
        select(Submission).where(Submission.form == form_slug).order_by(Submission.id)
    ).all()
    records: list[dict[str, Any]] = [
        {
            "reference": s.reference,
            "sent_at": s.created_at.isoformat(),
            "form_version": s.form_version,
            "department": s.department,
            "language": s.language,
            "channel": s.channel,
            "needs": s.needs,
            "answers": s.answers,
        }
        for s in rows
    ]
    if output == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    questions = sorted({key for record in records for key in record["answers"]})
    write_csv(
        sys.stdout,
        ["reference", "sent_at", "language", *questions],
        (
            [record["reference"], record["sent_at"], record["language"]]
            + [_cell(record["answers"].get(q)) for q in questions]
            for record in records
        ),
    )


def _cell(value) -> str:
    if isinstance(value, dict):
        return ", ".join(v for v in value.values() if v)
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)
