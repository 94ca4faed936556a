"""Dates, asked as GOV.UK does: three boxes for day, month and year."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from flask_babel import format_date
from flask_babel import gettext as _
from govuk_frontend_wtf.gov_form_base import GovFormBase
from govuk_frontend_wtf.wtforms_widgets import GovDateInput
from wtforms import Field
from wtforms.validators import StopValidation

from portal.form_fields import stripped
from portal.transactions.answer_types.base import AnswerRules, AnswerType, legend

if TYPE_CHECKING:
    from portal.transactions.schema import Question


class DateWidget(GovDateInput):
    """GOV.UK Frontend's date input with labels in the reader's language, and without the
    `required` attribute govuk-frontend-wtf puts on the wrapper <div> (invalid HTML)."""

    def __call__(self, field, **kwargs):
        kwargs.setdefault("id", field.id)
        return self.render(self.map_gov_params(field, **kwargs))

    def map_gov_params(self, field, **kwargs):
        params = GovFormBase.map_gov_params(self, field, **kwargs)
        params.pop("label", None)
        params["attributes"].pop("required", None)
        params.setdefault("fieldset", {"legend": {"text": field.label.text}})
        widths = {"day": 2, "month": 2, "year": 4}
        labels = {"day": _("Day"), "month": _("Month"), "year": _("Year")}
        params["items"] = [
            {
                "label": labels[part],
                "id": f"{field.id}-{part}",
                "name": field.name,
                "value": value,
                "classes": f"govuk-input--width-{widths[part]}"
                + (" govuk-input--error" if field.errors else ""),
            }
            for part, value in zip(("day", "month", "year"), field.parts, strict=True)
        ]
        return params


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
            self.data = date(int(year), int(month), int(day)).strftime("%-d %-m %Y")
        except ValueError:
            raise StopValidation(_("%(name)s must be a real date", name=rules.name_start)) from None


class Date(AnswerType):
    """A real date, read back as "3 November 2026" (in Welsh, "3 Tachwedd 2026")."""

    def field(self, rules: AnswerRules, label: str, hint: str):
        return DayMonthYear(label, rules=rules, description=hint)

    def readable(self, question: Question, answer, language: str) -> list[str]:
        day, month, year = answer.split(" ")
        return [format_date(date(int(year), int(month), int(day)), "d MMMM yyyy")]

    def params(self, question: Question, field, heading: dict, english: dict) -> dict:
        return legend(heading)
