"""Clean-up that features register into: purges of rows that expire (`flask data purge`,
run hourly by deploy/systemd/portal-purge.timer) and what to forget of a person when an
assisted session ends. This module knows no feature; each feature registers its own."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import Flask, current_app
from sqlalchemy import Delete, delete
from sqlalchemy.orm import InstrumentedAttribute

from portal.extensions import db, rows_changed

# Deletes its expired rows and commits; returns how many went. Safe to run at any time,
# as often as anyone likes: it only ever deletes what has already expired.
Purge = Callable[[], int]
# Deletes, server-side, what this browser's session points at (the request's session).
Forget = Callable[[], None]

_PURGES = "portal.purges"
_FORGETS = "portal.forgets"


def register_purge(app: Flask, what: str, purge: Purge) -> None:
    """`what` names the rows in the command's report: "expired drafts"."""
    app.extensions.setdefault(_PURGES, {})[what] = purge


def purged(statement: Delete) -> int:
    """Run a purge's DELETE and commit it; how many rows went."""
    deleted = rows_changed(statement)
    db.session.commit()
    return deleted


def delete_older_than(column: InstrumentedAttribute[Any], cutoff: datetime) -> int:
    """The usual purge: delete the rows whose `column`, a moment, is before `cutoff`."""
    return purged(delete(column.class_).where(column < cutoff))


def register_forget(app: Flask, forget: Forget) -> None:
    app.extensions.setdefault(_FORGETS, []).append(forget)


def purge_all() -> dict[str, int]:
    """Run every registered purge; how many rows each deleted."""
    return {what: purge() for what, purge in current_app.extensions.get(_PURGES, {}).items()}


def forget_all() -> None:
    """Delete what the person's journey left on the server for this browser."""
    for forget in current_app.extensions.get(_FORGETS, ()):
        forget()
