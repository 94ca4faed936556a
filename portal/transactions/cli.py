"""`flask data purge`: delete what has expired."""

import click

from portal.cli import PortalGroup
from portal.housekeeping import purge_all

data_cli = PortalGroup("data", help="Look after the data citizens leave with us.")


@data_cli.command("purge")
def purge() -> None:
    """Delete every kind of row that has expired: form drafts older than
    PORTAL_DRAFT_LIFETIME_DAYS, call-back answers, sent receipts, page votes, old form
    starts and old sign-in throttles. Safe to run at any time (hourly, from a timer)."""
    for what, deleted in purge_all().items():
        click.echo(f"Deleted {deleted} {what}.")
