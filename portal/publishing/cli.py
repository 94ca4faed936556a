"""`flask content ...`: commands for content designers."""

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from portal.publishing.index import ContentIndex
from portal.publishing.loader import ContentError

content_cli = AppGroup("content", help="Check the content in content/.")


@content_cli.command("check")
def check() -> None:
    """Validate every content file; exit non-zero and list the problems if any."""
    try:
        index = ContentIndex.build(
            Path(current_app.config["CONTENT_DIR"]), tuple(current_app.config["LANGUAGES"])
        )
    except ContentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"{len(index.pages)} pages checked: no problems found.")
