"""Ask us to contact you: a call back or an appointment, from any service page.

For people who would rather talk than fill in a form. Answers are kept on the server
between the form and check-your-answers (portal.callbacks.drafts), so nothing typed is lost
on an error or the back button, and none of it sits in the session cookie; only sending
makes a request the service's staff can see.
"""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import force_locale, gettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug import Response

from portal import receipts
from portal.callbacks import drafts
from portal.callbacks.forms import (
    BEST_TIME_NAMES,
    CONTACT_NEED_NAMES,
    KIND_NAMES,
    ContactRequestForm,
    contact_language_names,
)
from portal.callbacks.models import ContactRequest
from portal.errors import DATABASE_UNAVAILABLE
from portal.extensions import db
from portal.i18n import current_language, localised_route
from portal.messages.outbox import Contacts, message_language, queue
from portal.needs.visitor import current_needs, current_visitor
from portal.privacy import personal
from portal.publishing.index import current_content
from portal.references import new_code

bp = Blueprint("callbacks", __name__)
FIELDS = ("kind", "name", "phone", "best_time", "language", "needs", "anything_else")


def _service(slug: str):
    found = current_content().find("services", slug, current_language())
    if found is None:
        abort(404)
    return found


def _prefilled() -> dict:
    """What the person has already told us, so they do not have to say it twice."""
    needs = current_needs()
    language = needs.language or current_language()
    kind = {"in_person": "appointment", "phone": "call_back"}.get(needs.preferred_channel or "")
    return {
        "kind": kind,
        "language": language if language in contact_language_names() else None,
        "needs": [name for name in ("bsl", "someone_helps") if getattr(needs, name)],
    }


@localised_route(bp, "/services/<slug>/ask-us-to-contact-you", methods=["GET", "POST"])
@personal
def start(slug: str):
    found = _service(slug)
    if request.method == "POST":
        form = ContactRequestForm()
        if form.validate_on_submit():
            answers = {name: getattr(form, name).data for name in FIELDS}
            answers["name"] = answers["name"].strip()
            answers["anything_else"] = (answers["anything_else"] or "").strip()
            drafts.keep(slug, answers)
            return redirect(url_for("callbacks.check", slug=slug))
    else:
        form = ContactRequestForm(data=drafts.answers(slug) or _prefilled())
    return render_template(
        "callbacks/start.html", form=form, service=found.page, fallback=found.fallback
    ), (400 if form.errors else 200)


def _rows(slug: str, answers: dict) -> list[dict]:
    """Check your answers: each answer with its question and a link back to its field."""
    labels = ContactRequestForm(meta={"csrf": False}, data=answers)
    chosen_needs = [str(CONTACT_NEED_NAMES[n]) for n in answers.get("needs") or ()]
    values = {
        "kind": str(KIND_NAMES[answers["kind"]]),
        "name": answers["name"],
        "phone": answers["phone"],
        "best_time": str(BEST_TIME_NAMES[answers["best_time"]]),
        "language": str(contact_language_names()[answers["language"]]),
        "needs": ", ".join(chosen_needs) or gettext("None"),
        "anything_else": answers.get("anything_else") or gettext("None"),
    }
    change = url_for("callbacks.start", slug=slug)
    rows = []
    for name, value in values.items():
        field = labels[name]
        # Radios and checkboxes are reached through their first option's id.
        anchor = field.id if name not in ("kind", "best_time", "language", "needs") else name
        rows.append(
            {
                "key": {"text": str(field.label.text)},
                "value": {"text": value},
                "actions": {
                    "items": [
                        {
                            "href": f"{change}#{anchor}",
                            "text": gettext("Change"),
                            "visuallyHiddenText": str(field.label.text),
                        }
                    ]
                },
            }
        )
    return rows


@localised_route(bp, "/services/<slug>/ask-us-to-contact-you/check", methods=["GET", "POST"])
@personal
def check(slug: str):
    found = _service(slug)
    answers = drafts.answers(slug)
    if not answers and (sent := drafts.already_sent(slug)) is not None:
        return _confirm_sent(slug, sent)
    if not answers:
        return redirect(url_for("callbacks.start", slug=slug))
    unavailable = False
    if request.method == "POST":  # CSRFProtect has already checked the token
        try:
            contact_request = _send(found.page, answers)
        except DATABASE_UNAVAILABLE:
            db.session.rollback()
            unavailable = True  # the answers stay on the server: sending again works
        else:
            return _confirm_sent(slug, contact_request)
    return render_template(
        "callbacks/check.html",
        service=found.page,
        fallback=found.fallback,
        rows=_rows(slug, answers),
        unavailable=unavailable,
    ), (503 if unavailable else 200)


def _confirm_sent(slug: str, contact_request: ContactRequest) -> Response:
    """The sent page for this browser, which no longer points at the answers."""
    drafts.let_go(slug)
    receipts.issue(receipts.CONTACT_REQUEST, slug, contact_request.reference)
    return redirect(url_for("callbacks.sent", slug=slug))


def _send(page, answers: dict) -> ContactRequest:
    assisted = current_visitor().assisted
    for _attempt in range(5):
        contact_request = ContactRequest(
            reference=new_code(8),
            kind=answers["kind"],
            service=page.slug,
            department=page.meta.department,
            name=answers["name"],
            phone=answers["phone"],
            best_time=answers["best_time"],
            language=answers["language"],
            needs=list(answers.get("needs") or ()),
            anything_else=answers.get("anything_else") or None,
            assisted_session_id=assisted.session_id if assisted else None,
            sent_from=drafts.sent_from(page.slug),
        )
        db.session.add(contact_request)
        _queue_confirmation(contact_request, page)
        # In the same transaction: once sent, the answers live only in the request.
        drafts.discard(page.slug)
        try:
            db.session.commit()
            return contact_request
        except IntegrityError:
            db.session.rollback()
            mark = contact_request.sent_from
            existing = db.session.scalar(
                select(ContactRequest).where(ContactRequest.sent_from == mark)
            )
            if mark is not None and existing is not None:
                return existing  # a second request sent the same answers first
            # else the same reference twice: try a new one
    raise RuntimeError("could not make a unique reference")


def _queue_confirmation(contact_request: ContactRequest, page) -> None:
    """A text message to say we have it, when the number is a mobile; in the language the
    person asked to be contacted in (English or Welsh)."""
    language = message_language(contact_request.language)
    with force_locale(language):
        best_time = str(BEST_TIME_NAMES[contact_request.best_time])
        service_name = _service_title(page.slug, language)
    queue(
        "callback-received",
        language,
        ("text_message",),
        Contacts(phone=contact_request.phone),
        {
            "reference": contact_request.reference,
            "service_name": service_name,
            "best_time": best_time,
        },
        about=f"contact-request:{contact_request.reference}",
        service=contact_request.service,
    )


def _service_title(slug: str, language: str) -> str:
    found = current_content().find("services", slug, language)
    return found.page.meta.title if found else slug


@localised_route(bp, "/services/<slug>/ask-us-to-contact-you/sent")
@personal
def sent(slug: str):
    found = _service(slug)
    receipt = receipts.current(receipts.CONTACT_REQUEST, slug)
    contact_request = receipt and db.session.scalar(
        select(ContactRequest).where(ContactRequest.reference == receipt.reference)
    )
    if not contact_request:
        abort(404)
    return render_template(
        "callbacks/sent.html",
        service=found.page,
        fallback=found.fallback,
        contact_request=contact_request,
        best_time=BEST_TIME_NAMES[contact_request.best_time],
        contact_language=contact_language_names()[contact_request.language],
        needs=[CONTACT_NEED_NAMES[n] for n in contact_request.needs if n in CONTACT_NEED_NAMES],
    )


def sitemap_values() -> dict[str, list[dict]]:
    """The form is the same for every service, so the checks open it for one service
    (listing all of them would add a page per service to every check for no new HTML).
    Check and sent depend on answers: the journey tests visit them."""
    slugs = current_content().slugs("services")
    return {
        "callbacks.start": [{"slug": slugs[0]}] if slugs else [],
        "callbacks.check": [],
        "callbacks.sent": [],
    }
