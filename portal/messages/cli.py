"""`flask messages ...`: the workers that deliver the outbox, and what staff and operators
need to look after it."""

import click
from flask import current_app
from sqlalchemy import func, select

from portal.cli import PortalGroup
from portal.extensions import db
from portal.messages.models import Message
from portal.messages.worker import Worker

messages_cli = PortalGroup("messages", help="Send the emails, text messages and letters.")


@messages_cli.command("work")
@click.option("--until-idle", is_flag=True, help="Stop once nothing is waiting to be sent.")
@click.option("--batch", default=10, show_default=True, help="Messages claimed at a time.")
@click.option("--poll", default=1.0, show_default=True, help="Seconds to wait when nothing is due.")
def work(until_idle: bool, batch: int, poll: float) -> None:
    """Deliver queued messages until stopped (SIGTERM finishes the message in hand). Run as
    many as you like, on as many servers: each message goes to one of them."""
    if current_app.config["MESSAGES_PROVIDER"] == "off":
        raise click.ClickException(
            "Messages are switched off: set PORTAL_MESSAGES_PROVIDER to notify or smtp."
        )
    outcomes = Worker(batch=batch, poll_seconds=poll).run(until_idle=until_idle)
    if until_idle:
        said = ", ".join(f"{count} {what}" for what, count in sorted(outcomes.items()))
        click.echo(f"Nothing left to send ({said or 'nothing was due'}).")


@messages_cli.command("status")
def status() -> None:
    """How many messages are in each state."""
    counts = db.session.execute(select(Message.status, func.count()).group_by(Message.status))
    for state, count in sorted(counts.all()):
        click.echo(f"{state}: {count}")
