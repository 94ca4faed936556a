"""Drafts and submissions: saved after every page, restored by code, sent exactly once."""

import hashlib
from datetime import UTC, timedelta

import base32_crockford
from flask import Flask, current_app
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from portal.clock import now
from portal.extensions import db
from portal.housekeeping import delete_older_than, register_purge
from portal.references import new_code
from portal.transactions import draft_link, draft_messages
from portal.transactions.catalogue import Form
from portal.transactions.confirmation import queue_confirmation
from portal.transactions.models import Draft, FormStart, Submission

# The published completion rate counts journeys started in the last 12 calendar months
# (portal.performance.figures): a start older than 13 months counts for nothing.
FORM_STARTS_KEPT = timedelta(days=400)
# Someone whose confirmation never arrived (a server stopped before it answered) presses
# Send again, or refreshes, within moments: long enough for that, too short for a copy
# of their cookie to be worth taking.
ALREADY_SENT_WINDOW = timedelta(minutes=15)


def lifetime() -> timedelta:
    return timedelta(days=current_app.config["DRAFT_LIFETIME_DAYS"])


def _fresh(draft: Draft | None) -> Draft | None:
    if draft is None:
        return None
    updated = draft.updated_at
    if updated.tzinfo is None:  # SQLite returns naive datetimes
        updated = updated.replace(tzinfo=UTC)
    return draft if now() - updated < lifetime() else None


def current_draft(form: Form) -> Draft | None:
    """This browser's draft of the form, if it has one that has not expired."""
    draft_id = draft_link.linked(form.slug)
    return _fresh(db.session.get(Draft, draft_id)) if draft_id else None


def already_sent(form: Form) -> Submission | None:
    """What this browser's draft became, if it was sent moments ago and the browser never
    heard: the draft is gone, but the browser's link to it is not."""
    draft_id = draft_link.linked(form.slug)
    if draft_id is None:
        return None
    sent = db.session.scalar(
        select(Submission).where(Submission.draft_id == draft_id, Submission.form == form.slug)
    )
    if sent is None:
        return None
    created = sent.created_at if sent.created_at.tzinfo else sent.created_at.replace(tzinfo=UTC)
    return sent if now() - created <= ALREADY_SENT_WINDOW else None


def save_answer(form: Form, language: str, question_id: str, answer) -> Draft:
    """Keep one answer now, so a refresh, the back button or a restart loses nothing."""
    draft = current_draft(form)
    if draft is None:
        draft = Draft(form=form.slug, form_version=form.definition.version, language=language)
        db.session.add(draft)
        # Counted for the published completion rate; holds no answers.
        start = FormStart(form=form.slug, service=form.definition.service, language=language)
        db.session.add(start)
    draft.answers = {**(draft.answers or {}), question_id: answer}
    draft.language = language
    draft.updated_at = now()
    if draft.return_code_hash is not None:
        draft_messages.move_reminders(draft)
    db.session.commit()
    draft_link.link(form.slug, draft.id)
    return draft


def _hash(code: str) -> str:
    return hashlib.sha256(base32_crockford.normalize(code, strict=False).encode()).hexdigest()


def matches_return_code(draft: Draft, code: str) -> bool:
    """Whether this is the draft's code (the person holds it; we keep only its hash)."""
    try:
        return draft.return_code_hash is not None and draft.return_code_hash == _hash(code)
    except ValueError:
        return False


def issue_return_code(draft: Draft) -> str:
    """A code that brings this draft back on any device. Asked for again, a new one replaces
    the old (the save page only does that when the person asks for it)."""
    code = new_code(12)
    draft.return_code_hash = _hash(code)
    db.session.commit()
    return code


def resume(code: str) -> Draft | None:
    """Attach the draft a return code names to this browser."""
    try:
        wanted = _hash(code.replace(" ", ""))
    except ValueError:
        return None
    draft = _fresh(db.session.scalar(select(Draft).where(Draft.return_code_hash == wanted)))
    if draft is not None:
        draft_link.link(draft.form, draft.id)
    return draft


def submit(
    form: Form,
    draft: Draft,
    answers: dict,
    needs: dict,
    language: str,
    assisted_session_id: int | None = None,
) -> Submission:
    """Send the draft. Sending the same draft again returns the first submission.
    Sent in an assisted session, it is marked as assisted (the session says who helped
    and how).

    The draft goes in the same transaction that stores the submission: once sent, the
    answers live only in the submission, and a return code (its hash went with the draft)
    opens nothing."""
    existing = db.session.scalar(select(Submission).where(Submission.draft_id == draft.id))
    if existing is not None:
        return existing
    for _attempt in range(5):
        submission = Submission(
            reference=new_code(8),
            draft_id=draft.id,
            form=form.slug,
            form_version=form.definition.version,
            service=form.definition.service,
            department=form.department,
            language=language,
            needs=needs,
            answers=answers,
            channel="assisted" if assisted_session_id else "online",
            assisted_session_id=assisted_session_id,
        )
        db.session.add(submission)
        queue_confirmation(form, submission, tuple(needs.get("channels", ())))
        draft_messages.cancel_reminders(draft.id)
        # A statement, not session.delete: a request that lost the race to send finds
        # the row gone, and must fail on the reference's unique draft_id, not on this.
        db.session.execute(delete(Draft).where(Draft.id == draft.id))
        try:
            db.session.commit()
            return submission
        except IntegrityError:
            db.session.rollback()  # the message goes with it: one only for what is kept
            existing = db.session.scalar(select(Submission).where(Submission.draft_id == draft.id))
            if existing is not None:  # a second request got there first
                return existing
    raise RuntimeError("could not make a unique reference")


def purge_expired() -> int:
    """Delete drafts older than their lifetime; return how many went."""
    return delete_older_than(Draft.updated_at, now() - lifetime())


def purge_old_form_starts() -> int:
    """Delete form starts older than any published figure looks back."""
    return delete_older_than(FormStart.started_at, now() - FORM_STARTS_KEPT)


def register_draft_purges(app: Flask) -> None:
    register_purge(app, "expired drafts", purge_expired)
    register_purge(app, "old form starts", purge_old_form_starts)
