"""What the portal's `flask` command groups share: a problem the person typing can put
right is said in one sentence that says what to do, never as a traceback.

(Settings and content that stop the portal starting are said the same way, by
`portal.create_app`.)
"""

import unicodedata

import click
from flask.cli import AppGroup
from sqlalchemy.exc import OperationalError, ProgrammingError

MIGRATE = ".venv/bin/flask --app portal db upgrade"
# PostgreSQL's code for "relation does not exist".
UNDEFINED_TABLE = "42P01"


def database_problem(error: OperationalError | ProgrammingError) -> str:
    """What went wrong with the database, and what to do, in one sentence."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines() or [type(original).__name__]
    first = lines[0].rstrip(".")
    if "no such table" in first or getattr(original, "sqlstate", None) == UNDEFINED_TABLE:
        return f"The database is not set up yet ({first}): run `{MIGRATE}` first."
    return f"The database could not be used ({first})."


def for_terminal(text: str) -> str:
    """Text a citizen typed, safe to print: a control character (an escape sequence can
    rewrite the screen, retitle the window or hide lines from the person reading) or an
    invisible format character (a right-to-left override) is shown as its code instead,
    like \\x1b, so what was sent is still visible. Joiners inside emoji and scripts stay."""
    return "".join(_shown(character) for character in text)


def _shown(character: str) -> str:
    if character in ("\u200c", "\u200d") or unicodedata.category(character) not in ("Cc", "Cf"):
        return character
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class PortalGroup(AppGroup):
    """An AppGroup whose commands report a database that is missing, not migrated or out of
    reach in one sentence (click prints it as "Error: ..." and exits with status 1)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (OperationalError, ProgrammingError) as error:
            raise click.ClickException(database_problem(error)) from None
