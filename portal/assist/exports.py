"""Submissions as a spreadsheet: the staff inbox's export and `flask submissions export`.

One row per submission and one column per question, per form version: a version's
questions are what its answers hold (a question added in version 2 is not a blank column
of version 1's rows, and a version's questions keep their own column even where another
version asks them differently). Dates are ISO 8601 and moments UTC, so a spreadsheet sorts
them; the row says who helped, where a member of staff did.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from portal.assist.models import AssistedSession, aware
from portal.extensions import db
from portal.transactions.answers import cell, text
from portal.transactions.catalogue import Form
from portal.transactions.models import Submission

# Before the answers, on every row.
FIXED = (
    "reference",
    "form",
    "form_version",
    "service",
    "department",
    "sent_at",
    "language",
    "contact_by",
    "channel",
    "helped_by",
    "helped_how",
)


@dataclass(frozen=True)
class _Column:
    form: str
    version: int
    question: str
    heading: str


def _columns(found: Sequence[Submission], forms: Mapping[str, Form], language: str):
    """The answer columns: each form version in the order first met, its questions in the
    form's order where the form still asks them, then any others its answers hold."""
    versions: dict[tuple[str, int], list[str]] = {}
    for submission in found:
        asked = versions.setdefault((submission.form, submission.form_version), [])
        asked.extend(q for q in submission.answers if q not in asked)
    several = len(versions) > 1
    columns = []
    for (slug, version), asked in versions.items():
        form = forms.get(slug)
        order = [q.id for q in form.questions] if form else []
        for question_id in sorted(asked, key=lambda q: order.index(q) if q in order else 999):
            question = form.question(question_id) if form else None
            heading = text(question.question, language) if question else question_id
            if several:
                title = text(form.definition.title, language) if form else slug
                heading = f"{title} (version {version}): {heading}"
            columns.append(_Column(slug, version, question_id, heading))
    return columns


def _helpers(found: Sequence[Submission]) -> dict[int, AssistedSession]:
    ids = {s.assisted_session_id for s in found if s.assisted_session_id}
    if not ids:
        return {}
    sessions = db.session.scalars(select(AssistedSession).where(AssistedSession.id.in_(ids)))
    return {session.id: session for session in sessions}


def _answer(submission: Submission, column: _Column, forms: Mapping[str, Form], language: str):
    if (submission.form, submission.form_version) != (column.form, column.version):
        return ""
    answer = submission.answers.get(column.question)
    form = forms.get(submission.form)
    question = form.question(column.question) if form else None
    if question is None:  # a question the form no longer asks: its answer as it was kept
        return "" if answer is None else str(answer)
    return cell(question, answer, language)


def submission_table(
    found: Sequence[Submission], forms: Mapping[str, Form], language: str
) -> tuple[list[str], Iterable[list[str]]]:
    """The header and the rows (write them with portal.spreadsheets.write_csv)."""
    columns = _columns(found, forms, language)
    helpers = _helpers(found)

    def row(submission: Submission) -> list[str]:
        helper = helpers.get(submission.assisted_session_id or 0)
        return [
            submission.reference,
            submission.form,
            str(submission.form_version),
            submission.service,
            submission.department,
            aware(submission.created_at).isoformat(),
            submission.language,
            "; ".join((submission.needs or {}).get("channels") or ()),
            submission.channel,
            f"{helper.staff.name} <{helper.staff.email}>" if helper else "",
            helper.channel if helper else "",
            *(_answer(submission, column, forms, language) for column in columns),
        ]

    return [*FIXED, *(c.heading for c in columns)], (row(s) for s in found)


def submission_records(found: Sequence[Submission]) -> list[dict]:
    """The same for JSON: the answers as they are kept, and who helped."""
    helpers = _helpers(found)
    records = []
    for s in found:
        helper = helpers.get(s.assisted_session_id or 0)
        records.append(
            {
                "reference": s.reference,
                "form": s.form,
                "form_version": s.form_version,
                "service": s.service,
                "department": s.department,
                "sent_at": aware(s.created_at).isoformat(),
                "language": s.language,
                "channel": s.channel,
                "helped_by": (
                    {"name": helper.staff.name, "email": helper.staff.email, "how": helper.channel}
                    if helper
                    else None
                ),
                "needs": s.needs,
                "answers": s.answers,
            }
        )
    return records
