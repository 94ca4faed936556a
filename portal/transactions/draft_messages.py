"""Messages about a saved draft: the return code sent to the person's own email or phone,
and a reminder a few days before the answers are deleted. The reminder moves when the
answers change (the draft lives longer), and is cancelled when the form is sent."""

from datetime import UTC, datetime, timedelta

from babel.dates import format_date
from flask import current_app, url_for
from sqlalchemy import select

from portal.clock import UK
from portal.extensions import db
from portal.messages.models import Message
from portal.messages.outbox import Contacts, cancel, message_language, queue
from portal.transactions.answers import text
from portal.transactions.catalogue import Form
from portal.transactions.models import Draft

REMINDER = "draft-expiring"


def _expires_at(draft: Draft) -> datetime:
    updated = draft.updated_at if draft.updated_at.tzinfo else draft.updated_at.replace(tzinfo=UTC)
    return updated + timedelta(days=current_app.config["DRAFT_LIFETIME_DAYS"])


def _expires_on(draft: Draft, language: str) -> str:
    """The last day the answers are kept, as people write dates: "3 January 2027"."""
    last_day = (_expires_at(draft) - timedelta(seconds=1)).astimezone(UK).date()
    return format_date(last_day, "d MMMM yyyy", locale=language)


def _reminder_due(draft: Draft) -> datetime:
    return _expires_at(draft) - timedelta(days=current_app.config["DRAFT_REMINDER_DAYS_BEFORE"])


def send_return_code(form: Form, draft: Draft, code: str, email: str | None, mobile: str | None):
    """Queue the code to each address given, and a reminder before expiry; committed."""
    language = message_language(draft.language)
    values = {
        "form_title": text(form.definition.title, language),
        "expires_on": _expires_on(draft, language),
        "link": url_for(
            "forms.resume", lang=None if language == "en" else language, _external=True
        ),
    }
    about = f"draft:{draft.id}"
    for preferred, contacts in (
        ("email", Contacts(email=email)),
        ("text_message", Contacts(phone=mobile)),
    ):
        if contacts.email or contacts.phone:
            queue(
                "draft-saved",
                language,
                (preferred,),
                contacts,
                {**values, "return_code": code},
                about,
            )
            # A new code means a new reminder: the old one would point at an old code.
            cancel(about, REMINDER)
            queue(
                REMINDER,
                language,
                (preferred,),
                contacts,
                values,
                about,
                due_at=_reminder_due(draft),
            )
    db.session.commit()


def move_reminders(draft: Draft) -> None:
    """After an answer changes: the draft is kept longer, so the reminder waits longer.
    In the caller's transaction."""
    waiting = db.session.scalars(
        select(Message).where(
            Message.about == f"draft:{draft.id}",
            Message.kind == REMINDER,
            Message.status == "queued",
        )
    ).all()
    for reminder in waiting:
        reminder.due_at = _reminder_due(draft)
        reminder.values = {**reminder.values, "expires_on": _expires_on(draft, reminder.language)}


def cancel_reminders(draft_id: str) -> None:
    cancel(f"draft:{draft_id}", REMINDER)
