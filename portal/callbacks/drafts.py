"""Call-back answers between the form and sending: on the server, found through a random id
in the session, deleted when sent, when an assisted session ends, or when they expire."""

import hashlib
import secrets
from datetime import UTC, timedelta

from flask import Flask, session
from sqlalchemy import delete, select

from portal.callbacks.models import ContactRequest, ContactRequestDraft
from portal.clock import now
from portal.extensions import db
from portal.housekeeping import delete_older_than, register_forget, register_purge

SESSION_KEY = "contact_request"
# A one-page form: a day is plenty to come back to check your answers.
LIFETIME = timedelta(days=1)
# As for forms (portal.transactions.drafts): someone whose confirmation never arrived
# sends again or refreshes within moments.
ALREADY_SENT_WINDOW = timedelta(minutes=15)


def _ids() -> dict[str, str]:
    found = session.get(SESSION_KEY, {})
    return found if isinstance(found, dict) else {}


def answers(slug: str) -> dict | None:
    """What this browser typed for this service's form, if it has not expired."""
    draft_id = _ids().get(slug)
    draft = db.session.get(ContactRequestDraft, draft_id) if isinstance(draft_id, str) else None
    if draft is None or draft.service != slug:
        return None
    updated = draft.updated_at
    if updated.tzinfo is None:  # SQLite returns naive datetimes
        updated = updated.replace(tzinfo=UTC)
    return draft.answers if now() - updated < LIFETIME else None


def keep(slug: str, typed: dict) -> None:
    draft_id = _ids().get(slug)
    draft = db.session.get(ContactRequestDraft, draft_id) if isinstance(draft_id, str) else None
    if draft is None or draft.service != slug:
        draft = ContactRequestDraft(id=secrets.token_urlsafe(32), service=slug)
        db.session.add(draft)
    draft.answers = typed
    draft.updated_at = now()
    db.session.commit()
    session[SESSION_KEY] = {**_ids(), slug: draft.id}


def sent_from(slug: str) -> str | None:
    """What a request sent from this browser's answers records of them: their id's hash."""
    draft_id = _ids().get(slug)
    return hashlib.sha256(draft_id.encode()).hexdigest() if isinstance(draft_id, str) else None


def already_sent(slug: str) -> ContactRequest | None:
    """The request this browser's answers became, if it was sent moments ago and the
    browser never heard (the answers are gone, but the session still names them)."""
    mark = sent_from(slug)
    if mark is None:
        return None
    sent = db.session.scalar(
        select(ContactRequest).where(
            ContactRequest.sent_from == mark, ContactRequest.service == slug
        )
    )
    if sent is None:
        return None
    created = sent.created_at if sent.created_at.tzinfo else sent.created_at.replace(tzinfo=UTC)
    return sent if now() - created <= ALREADY_SENT_WINDOW else None


def discard(slug: str) -> None:
    """Delete this browser's answers for the service, in the caller's transaction (the
    session still names them until `let_go`, so a failed send can be tried again)."""
    draft_id = _ids().get(slug)
    if isinstance(draft_id, str):
        db.session.execute(delete(ContactRequestDraft).where(ContactRequestDraft.id == draft_id))


def let_go(slug: str) -> None:
    """Forget the id of answers that have been sent (and deleted)."""
    session[SESSION_KEY] = {k: v for k, v in _ids().items() if k != slug}


def purge_expired() -> int:
    return delete_older_than(ContactRequestDraft.updated_at, now() - LIFETIME)


def forget() -> None:
    ids = [i for i in _ids().values() if isinstance(i, str)]
    if ids:
        db.session.execute(delete(ContactRequestDraft).where(ContactRequestDraft.id.in_(ids)))
        db.session.commit()


def register_callback_drafts(app: Flask) -> None:
    register_purge(app, "expired call-back answers", purge_expired)
    register_forget(app, forget)
