"""The submissions inbox: a department's sent forms, to search, read and export."""

import io
import json

from flask import Response, abort, redirect, render_template, request, url_for
from sqlalchemy import String, cast, or_, select

from portal.assist import audit_log
from portal.assist.access import current_staff_member, requires
from portal.assist.exports import submission_records, submission_table
from portal.assist.models import AssistedSession
from portal.assist.scope import may_see, within
from portal.assist.views import bp
from portal.extensions import db
from portal.i18n import current_language, localised_route
from portal.languages import languages
from portal.messages.models import Message
from portal.messages.staff import messages_about
from portal.messages.worker import retry
from portal.spreadsheets import write_csv
from portal.transactions.answers import readable, text
from portal.transactions.catalogue import current_forms
from portal.transactions.models import Submission

PAGE_SIZE = 50
EXPORT_FORMATS = ("csv", "json")


def _searched():
    """Submissions the staff member may see, narrowed by the search box. The words come
    only in a POST body: a search for a name or a National Insurance number must not sit
    in an address, where server logs, browser history and Referer headers keep it."""
    staff = current_staff_member()
    query = within(select(Submission), Submission, staff)
    words = (request.form.get("q") or "").strip()[:100]
    if words:
        pattern = f"%{words}%"
        query = query.where(
            or_(
                Submission.reference.ilike(pattern),
                Submission.form.ilike(pattern),
                cast(Submission.answers, String).ilike(pattern),
            )
        )
    return query.order_by(Submission.created_at.desc()), words


@localised_route(bp, "/staff/submissions", methods=["GET", "POST"])
@requires("submissions")
def submissions():
    query, words = _searched()
    found = db.session.scalars(query.limit(PAGE_SIZE + 1)).all()
    return render_template(
        "staff/submissions.html",
        submissions=found[:PAGE_SIZE],
        more=len(found) > PAGE_SIZE,
        words=words,
        forms=current_forms(),
    )


@localised_route(bp, "/staff/submissions/<reference>")
@requires("submissions")
def submission(reference: str):
    staff = current_staff_member()
    found = may_see(
        db.session.scalar(select(Submission).where(Submission.reference == reference)), staff
    )
    audit_log.record("submission_viewed", staff, target=f"submission:{reference}")
    form = current_forms().get(found.form)
    # Forms are written in the content languages; other languages read them in the default.
    language = languages().content_language(current_language())
    rows = []
    for question in form.questions if form else ():
        if question.id in found.answers:
            rows.append(
                {
                    "key": {"text": text(question.question, language)},
                    "value": {
                        "text": "\n".join(readable(question, found.answers[question.id], language))
                    },
                }
            )
    helper = found.assisted_session_id and db.session.get(
        AssistedSession, found.assisted_session_id
    )
    return render_template(
        "staff/submission.html",
        submission=found,
        form=form,
        rows=rows,
        assisted=helper,
        contact_by=", ".join((found.needs or {}).get("channels") or ()),
        messages=messages_about(f"submission:{found.reference}"),
    )


@localised_route(
    bp, "/staff/submissions/<reference>/messages/<int:message_id>/resend", methods=["POST"]
)
@requires("submissions")
def resend_message(reference: str, message_id: int):
    """Send a failed message again (after the address or the template was put right)."""
    staff = current_staff_member()
    found = may_see(
        db.session.scalar(select(Submission).where(Submission.reference == reference)), staff
    )
    message = db.session.get(Message, message_id)
    if message is None or message.about != f"submission:{found.reference}":
        abort(404)
    if retry(message.id):
        audit_log.record(
            "message_resent",
            staff,
            target=f"submission:{found.reference}",
            message=message.reference,
        )
    return redirect(url_for("staff.submission", reference=found.reference), 303)


@localised_route(bp, "/staff/submissions/export", methods=["POST"])
@requires("export")
def export_submissions():
    wanted = request.form.get("format", "csv")
    if wanted not in EXPORT_FORMATS:
        wanted = "csv"
    query, words = _searched()
    found = db.session.scalars(query).all()
    audit_log.record(
        "submissions_exported",
        current_staff_member(),
        target="submissions",
        format=wanted,
        count=len(found),
        search=words,
    )
    if wanted == "json":
        body = json.dumps(submission_records(found), ensure_ascii=False, indent=2)
        mimetype = "application/json"
    else:
        out = io.StringIO()
        language = languages().content_language(current_language())
        write_csv(out, *submission_table(found, current_forms(), language))
        body = out.getvalue()
        mimetype = "text/csv"
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="submissions.{wanted}"'},
    )
