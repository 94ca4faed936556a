"""The message that confirms a sent form: to the address the person gave in the form, by
the way they prefer, in their language. Queued in the transaction that stores the
submission (portal.messages.outbox), so one is never kept without the other."""

from flask import url_for

from portal.messages.outbox import Contacts, message_language, queue
from portal.transactions.answers import text
from portal.transactions.catalogue import Form
from portal.transactions.models import Submission


def contacts_in(form: Form, answers: dict) -> Contacts:
    """The addresses among the answers: the first email, phone and postal address asked."""
    found: dict = {}
    for question in form.questions:
        answer = answers.get(question.id)
        if not answer:
            continue
        if question.type == "email":
            found.setdefault("email", answer)
        elif question.type == "uk_phone":
            found.setdefault("phone", answer)
        elif question.type == "uk_address" and isinstance(answer, dict):
            lines = [answer.get(part, "") for part in ("line_1", "line_2", "town")]
            found.setdefault(
                "address",
                {"lines": [line for line in lines if line], "postcode": answer.get("postcode", "")},
            )
    return Contacts(**found)


def queue_confirmation(form: Form, submission: Submission, preferred: tuple[str, ...]) -> None:
    language = message_language(submission.language)
    next_steps = form.definition.what_happens_next
    chosen = next(iter(preferred), None)
    queue(
        "form-sent",
        language,
        preferred,
        contacts_in(form, submission.answers),
        {
            "reference": submission.reference,
            "form_title": text(form.definition.title, language),
            "what_happens_next": text(
                next_steps.by_channel.get(chosen or "", next_steps.default), language
            ),
            "link": url_for(
                "services.service",
                slug=form.definition.service,
                lang=None if language == "en" else language,
                _external=True,
            ),
        },
        about=f"submission:{submission.reference}",
        service=form.definition.service,
    )
