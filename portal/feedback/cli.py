"""`flask feedback report`: what people said about each page, for content designers (until
the staff area shows it)."""

from datetime import timedelta

import click
from sqlalchemy import select

from portal.cli import PortalGroup, for_terminal
from portal.clock import now
from portal.extensions import db
from portal.feedback.models import PageFeedback

feedback_cli = PortalGroup("feedback", help="Read what people told us about pages.")


@feedback_cli.command("report")
@click.option("--days", default=30, show_default=True, help="How far back to look.")
def report(days: int) -> None:
    """Per page: how many found it useful, and every problem reported, newest first."""
    since = now() - timedelta(days=days)
    rows = db.session.scalars(
        select(PageFeedback)
        .where(PageFeedback.created_at >= since)
        .order_by(PageFeedback.path, PageFeedback.created_at.desc())
    ).all()
    if not rows:
        click.echo(f"No feedback in the last {days} days.")
        return
    pages: dict[str, list[PageFeedback]] = {}
    for row in rows:
        pages.setdefault(row.path, []).append(row)
    for path, items in sorted(pages.items(), key=lambda item: -len(item[1])):
        yes = sum(1 for item in items if item.useful is True)
        no = sum(1 for item in items if item.useful is False)
        click.echo(f"{for_terminal(path)}: {yes} useful, {no} not useful")
        for item in items:
            if item.what_doing or item.what_wrong:
                when = item.created_at.strftime("%Y-%m-%d")
                click.echo(f"  {when} doing: {for_terminal(item.what_doing or '-')}")
                click.echo(f"             wrong: {for_terminal(item.what_wrong or '-')}")
