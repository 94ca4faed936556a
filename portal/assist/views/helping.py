"""Help someone: start an assisted session with the person's consent, end it, and see
what it produced."""

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from portal.assist import assisted
from portal.assist.access import current_staff_member, requires
from portal.assist.forms import HOW_HELP_IS_GIVEN_NAMES, HelpSomeoneForm
from portal.assist.models import AssistedSession, aware
from portal.assist.roles import allowed
from portal.assist.scope import departments_of
from portal.assist.sessions import current_session
from portal.assist.views import bp
from portal.callbacks.forms import KIND_NAMES
from portal.callbacks.models import ContactRequest
from portal.extensions import db
from portal.i18n import current_language, localised_route
from portal.languages import languages
from portal.needs import code
from portal.needs.model import NO_NEEDS
from portal.transactions.answers import text
from portal.transactions.catalogue import current_forms
from portal.transactions.models import Submission


@localised_route(bp, "/staff/help-someone", methods=["GET", "POST"])
@requires("help_someone")
def help_someone():
    form = HelpSomeoneForm()
    if form.validate_on_submit():
        needs = NO_NEEDS
        if form.needs_code.data:
            try:
                needs = code.decode(form.needs_code.data)
            except code.InvalidCode:
                form.needs_code.errors.append(
                    _l("Check the needs code: it does not match one we made")
                )
        if not form.errors:
            assisted.start(current_session(), form.channel.data, needs)
            # With needs from a code, go straight to the services; otherwise ask them.
            target = url_for("services.home") if needs.declared else url_for("needs.start")
            response = make_response(redirect(target))
            # Anything a citizen journey left in this browser before now is not theirs.
            assisted.forget_the_person(response)
            return response
    return render_template(
        "staff/help_someone.html", form=form, helping=assisted.current_assisted()
    ), (400 if form.errors else 200)


@localised_route(bp, "/staff/help-someone/end", methods=["POST"])
@requires("help_someone")
def end_helping():
    response = make_response(redirect(url_for("staff.home")))
    session_now = assisted.current_assisted()
    if session_now is not None:
        # What was sent for them, to check or follow up, once their traces are gone.
        response = make_response(redirect(url_for("staff.helped", session_id=session_now.id)))
        assisted.end(session_now, response)
        flash(str(_l("You have stopped helping. Nothing of theirs is left in this browser.")))
    return response


def _may_see_session(helped: AssistedSession | None) -> AssistedSession:
    """The helper's own sessions; an administrator's department's (all, for one who spans
    them). Anyone else's is not found."""
    staff = current_staff_member()
    if helped is None:
        abort(404)
    if helped.staff_id == staff.id:
        return helped
    department = departments_of(staff)
    if allowed(staff.role, "audit_log") and department in (None, helped.staff.department):
        return helped
    abort(404)


@localised_route(bp, "/staff/help-someone/<int(max=2147483647):session_id>")
@requires("signed_in")
def helped(session_id: int):
    helped = _may_see_session(db.session.get(AssistedSession, session_id))
    return render_template(
        "staff/helped.html", helped=helped, sent=_sent_in(helped), channels=HOW_HELP_IS_GIVEN_NAMES
    )


def _sent_in(helped: AssistedSession) -> list[dict]:
    """What was sent in the session, oldest first: each with a link where the reader may
    open it (their department's, and their role's), else only its reference to give."""
    staff = current_staff_member()
    department = departments_of(staff)
    forms = current_forms()
    language = languages().content_language(current_language())

    def item(record, what: str, permission: str, endpoint: str) -> dict:
        may_open = allowed(staff.role, permission) and department in (None, record.department)
        return {
            "what": what,
            "reference": record.reference,
            "at": record.created_at,
            "href": url_for(endpoint, reference=record.reference) if may_open else None,
        }

    sent = []
    for submission in db.session.scalars(
        select(Submission).where(Submission.assisted_session_id == helped.id)
    ):
        form = forms.get(submission.form)
        title = text(form.definition.title, language) if form else submission.form
        sent.append(item(submission, title, "submissions", "staff.submission"))
    for request in db.session.scalars(
        select(ContactRequest).where(ContactRequest.assisted_session_id == helped.id)
    ):
        what = str(KIND_NAMES.get(request.kind, request.kind))
        sent.append(item(request, what, "contact_requests", "staff.contact_request"))
    return sorted(sent, key=lambda item: aware(item["at"]))
