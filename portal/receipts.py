"""Sent receipts: what lets this browser, for a short time, open the page confirming what
it just sent (a form or a call-back request) and rate it once.

The session cookie holds only a random token per sent thing; the reference it opens is
here, under the token's hash. A token is deleted when it expires, when an assisted session
in this browser ends, or (for rating) once used, so a copy of an old cookie opens nothing.
"""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from flask import Flask, session
from sqlalchemy import DateTime, String, delete
from sqlalchemy.orm import Mapped, mapped_column

from portal.clock import now
from portal.extensions import Model, db
from portal.housekeeping import delete_older_than, register_forget, register_purge

SESSION_KEY = "receipts"
# What was sent: a form (by the form's slug) or a call-back request (by the service's).
FORM = "form"
CONTACT_REQUEST = "contact_request"
# Long enough to read, print and rate the confirmation; short enough that a forgotten
# browser on a library computer does not show it to the next person.
LIFETIME = timedelta(hours=1)


class SentReceipt(Model):
    __tablename__ = "sent_receipts"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    # "form" or "contact_request", and the form's or the service's slug.
    kind: Mapped[str] = mapped_column(String(20))
    slug: Mapped[str] = mapped_column(String(100))
    reference: Mapped[str] = mapped_column(String(9))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)
    # Set when the satisfaction question was answered: one rating per thing sent.
    rated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _key(kind: str, slug: str) -> str:
    return f"{kind}:{slug}"


def issue(kind: str, slug: str, reference: str) -> None:
    """Give this browser a receipt for what it has just sent."""
    token = secrets.token_urlsafe(32)
    db.session.add(SentReceipt(token_hash=_hash(token), kind=kind, slug=slug, reference=reference))
    db.session.commit()
    held = session.get(SESSION_KEY, {})
    session[SESSION_KEY] = {**(held if isinstance(held, dict) else {}), _key(kind, slug): token}


def current(kind: str, slug: str) -> SentReceipt | None:
    """This browser's receipt for what it sent, if it is still good."""
    held = session.get(SESSION_KEY, {})
    token = held.get(_key(kind, slug)) if isinstance(held, dict) else None
    if not isinstance(token, str):
        return None
    receipt = db.session.get(SentReceipt, _hash(token))
    if receipt is None or (receipt.kind, receipt.slug) != (kind, slug):
        return None
    created = receipt.created_at
    if created.tzinfo is None:  # SQLite returns naive datetimes
        created = created.replace(tzinfo=UTC)
    return receipt if now() - created < LIFETIME else None


def purge_expired() -> int:
    return delete_older_than(SentReceipt.created_at, now() - LIFETIME)


def forget() -> None:
    """Delete every receipt this browser's session holds (an assisted session ended)."""
    held = session.get(SESSION_KEY, {})
    tokens = [t for t in held.values() if isinstance(t, str)] if isinstance(held, dict) else []
    if tokens:
        hashes = [_hash(token) for token in tokens]
        db.session.execute(delete(SentReceipt).where(SentReceipt.token_hash.in_(hashes)))
        db.session.commit()


def register_receipts(app: Flask) -> None:
    register_purge(app, "expired sent receipts", purge_expired)
    register_forget(app, forget)
