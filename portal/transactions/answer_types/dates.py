"""Dates, asked as GOV.UK does: three boxes for day, month and year."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from flask_babel import format_date
from flask_babel import gettext as _
from wtforms import Field
from wtforms.validators import StopValidation

from portal.clock import today
from portal.form_fields import DateWidget, stripped
from portal.transactions.answer_types.base import AnswerRules, AnswerType, legend
from portal.working_days import working_days_from

if TYPE_CHECKING:
    from portal.transactions.schema import AcceptedDates, DayFromToday, Question


class DayMonthYear(Field):
    """Three boxes (day, month, year) read as one date, with GOV.UK's date messages. The
    date is kept as "d m yyyy" (a string, so that a draft stays plain JSON)."""

    widget = DateWidget()

    def __init__(self, label=None, *, rules: AnswerRules, **kwargs) -> None:
        super().__init__(label, **kwargs)
        self.rules = rules
        self.parts: list[str] = ["", "", ""]

    @property
    def error_anchor(self) -> str:
        return f"{self.id}-day"

    def process_data(self, value) -> None:
        self.data = value
        self.parts = [*value.split(" "), "", "", ""][:3] if value else ["", "", ""]

    def process_formdata(self, valuelist) -> None:
        parts = [(stripped(v) or "")[:10] for v in valuelist[:3]]
        self.parts = parts + [""] * (3 - len(parts))
        self.data = " ".join(self.parts) if any(self.parts) else None

    def _value(self) -> str:
        return " ".join(self.parts) if any(self.parts) else ""

    def pre_validate(self, form) -> None:
        day, month, year = self.parts
        rules = self.rules
        if not any((day, month, year)):
            if not rules.question.optional:
                raise StopValidation(rules.required())
            return
        parts = zip(("day", "month", "year"), (day, month, year), strict=True)
        missing = [part for part, value in parts if not value]
        if missing:
            messages = {
                "day": _("%(name)s must include a day", name=rules.name_start),
                "month": _("%(name)s must include a month", name=rules.name_start),
                "year": _("%(name)s must include a year", name=rules.name_start),
            }
            raise StopValidation(messages[missing[0]])
        try:
            if len(year) != 4:
                raise ValueError
            answered = date(int(year), int(month), int(day))
        except ValueError:
            raise StopValidation(_("%(name)s must be a real date", name=rules.name_start)) from None
        accepted = rules.question.accepted_dates
        problem = outside(accepted, answered, rules.name_start) if accepted else None
        if problem:
            raise StopValidation(problem)
        self.data = answered.strftime("%-d %-m %Y")


def day_from(today: date, limit: DayFromToday) -> date:
    if limit.working_days is not None:
        return working_days_from(today, limit.working_days)
    if limit.days is not None:
        return today + timedelta(days=limit.days)
    # relativedelta keeps the day of the month where it can: 31 January + 1 month is 28
    # (or 29) February, and 29 February + 1 year is 28 February.
    return today + relativedelta(months=limit.months or 0, years=limit.years or 0)


def outside(accepted: AcceptedDates, answered: date, name: str) -> str | None:
    """The error message for a date outside the accepted dates, as GOV.UK words them:
    "... must be today or in the past", "... must be between 9 December 2026 and ..."."""
    now = today()
    earliest = day_from(now, accepted.earliest) if accepted.earliest else None
    latest = day_from(now, accepted.latest) if accepted.latest else None
    too_early = earliest is not None and answered < earliest
    too_late = latest is not None and answered > latest
    if not (too_early or too_late):
        return None
    if too_late and latest == now:
        return _("%(name)s must be today or in the past", name=name)
    if too_late and latest == now - timedelta(days=1):
        return _("%(name)s must be in the past", name=name)
    if too_early and earliest == now:
        return _("%(name)s must be today or in the future", name=name)
    if too_early and earliest == now + timedelta(days=1):
        return _("%(name)s must be in the future", name=name)
    # Beside "in the past" or "in the future", one limit is plain enough; otherwise the
    # whole range: "must be between 4 December 2026 and 27 February 2027".
    near = {now - timedelta(days=1), now, now + timedelta(days=1)}
    if earliest is not None and latest is not None and not {earliest, latest} & near:
        return _(
            "%(name)s must be between %(earliest)s and %(latest)s",
            name=name,
            earliest=_readable(earliest),
            latest=_readable(latest),
        )
    if too_early:
        return _(
            "%(name)s must be the same as or after %(date)s", name=name, date=_readable(earliest)
        )
    return _("%(name)s must be the same as or before %(date)s", name=name, date=_readable(latest))


def _kept(answer: str) -> date:
    day, month, year = answer.split(" ")
    return date(int(year), int(month), int(day))


def _readable(day: date | None) -> str:
    return format_date(day, "d MMMM yyyy")


class Date(AnswerType):
    """A real date, read back as "3 November 2026" (in Welsh, "3 Tachwedd 2026")."""

    def field(self, rules: AnswerRules, label: str, hint: str):
        return DayMonthYear(label, rules=rules, description=hint)

    def readable(self, question: Question, answer, language: str) -> list[str]:
        return [format_date(_kept(answer), "d MMMM yyyy")]

    def cell(self, question: Question, answer, language: str) -> str:
        return _kept(answer).isoformat()

    def params(self, question: Question, field, heading: dict, english: dict) -> dict:
        return legend(heading)
