"""The call-back and appointment queue: filter, claim, add notes, complete."""

from flask import abort, redirect, render_template, request, url_for
from sqlalchemy import select

from portal.assist import audit_log
from portal.assist.access import current_staff_member, requires
from portal.assist.forms import NoteForm
from portal.assist.scope import may_see, within
from portal.assist.views import bp
from portal.callbacks.forms import (
    BEST_TIME_NAMES,
    CONTACT_NEED_NAMES,
    KIND_NAMES,
    contact_language_names,
)
from portal.callbacks.models import STATUSES, ContactRequest, ContactRequestNote
from portal.extensions import db
from portal.i18n import current_language, localised_route
from portal.publishing.index import current_content

PAGE_SIZE = 50


def _service_titles() -> dict[str, str]:
    return {
        found.page.slug: found.page.meta.title
        for found in current_content().listed("services", current_language())
    }


def _filters(services: dict[str, str]) -> dict[str, str]:
    """The queue's filters from the query string; anything unknown is ignored."""
    wanted = {
        name: request.args.get(name, "") for name in ("service", "status", "language", "need")
    }
    known = {
        "service": services,
        "status": STATUSES,
        "language": contact_language_names(),
        "need": CONTACT_NEED_NAMES,
    }
    return {name: value for name, value in wanted.items() if value in known[name]}


@localised_route(bp, "/staff/requests")
@requires("contact_requests")
def contact_requests():
    staff = current_staff_member()
    services = _service_titles()
    filters = _filters(services)
    query = within(select(ContactRequest), ContactRequest, staff)
    if "service" in filters:
        query = query.where(ContactRequest.service == filters["service"])
    if "status" in filters:
        query = query.where(ContactRequest.status == filters["status"])
    else:  # open requests by default: the queue is what still needs doing
        query = query.where(ContactRequest.status != "completed")
    if "language" in filters:
        query = query.where(ContactRequest.language == filters["language"])
    found = db.session.scalars(query.order_by(ContactRequest.created_at)).unique().all()
    if "need" in filters:  # JSON lists are matched here, the same on SQLite and PostgreSQL
        found = [r for r in found if filters["need"] in r.needs]
    return render_template(
        "staff/contact_requests.html",
        requests=found[:PAGE_SIZE],
        total=len(found),
        filters=filters,
        services=services,
        statuses=STATUSES,
        kind_names=KIND_NAMES,
        language_names=contact_language_names(),
        need_names=CONTACT_NEED_NAMES,
    )


def _request(reference: str) -> ContactRequest:
    staff = current_staff_member()
    found = db.session.scalar(select(ContactRequest).where(ContactRequest.reference == reference))
    return may_see(found, staff)


@localised_route(bp, "/staff/requests/<reference>")
@requires("contact_requests")
def contact_request(reference: str):
    found = _request(reference)
    audit_log.record(
        "contact_request_viewed", current_staff_member(), target=f"request:{reference}"
    )
    return _detail(found, NoteForm())


def _detail(found: ContactRequest, note_form: NoteForm, status: int = 200):
    return render_template(
        "staff/contact_request.html",
        request_=found,
        note_form=note_form,
        service_title=_service_titles().get(found.service, found.service),
        kind_names=KIND_NAMES,
        best_time_names=BEST_TIME_NAMES,
        language_names=contact_language_names(),
        needs_text=", ".join(str(CONTACT_NEED_NAMES.get(n, n)) for n in found.needs),
    ), status


@localised_route(bp, "/staff/requests/<reference>/claim", methods=["POST"])
@requires("contact_requests")
def claim_contact_request(reference: str):
    found = _request(reference)
    staff = current_staff_member()
    if found.status == "completed":
        abort(409)
    found.status = "claimed"
    found.claimed_by_id = staff.id
    db.session.commit()
    audit_log.record("contact_request_claimed", staff, target=f"request:{reference}")
    return redirect(url_for("staff.contact_request", reference=reference))


@localised_route(bp, "/staff/requests/<reference>/notes", methods=["POST"])
@requires("contact_requests")
def add_contact_request_note(reference: str):
    found = _request(reference)
    staff = current_staff_member()
    form = NoteForm()
    if not form.validate_on_submit():
        return _detail(found, form, status=400)
    db.session.add(ContactRequestNote(request_id=found.id, staff_id=staff.id, text=form.text.data))
    db.session.commit()
    audit_log.record("contact_request_note_added", staff, target=f"request:{reference}")
    return redirect(url_for("staff.contact_request", reference=reference) + "#notes")


@localised_route(bp, "/staff/requests/<reference>/complete", methods=["POST"])
@requires("contact_requests")
def complete_contact_request(reference: str):
    found = _request(reference)
    staff = current_staff_member()
    found.status = "completed"
    found.claimed_by_id = found.claimed_by_id or staff.id
    db.session.commit()
    audit_log.record("contact_request_completed", staff, target=f"request:{reference}")
    return redirect(url_for("staff.contact_requests"))
