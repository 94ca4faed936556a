"""Answer types: for each, the WTForms field that asks it, the rules that check it, and how
a stored answer reads back. Error messages follow the GOV.UK pattern, in the reader's
language, built from the question's `name` ("Enter your full name").
"""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from flask_babel import format_date
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from govuk_frontend_wtf.gov_form_base import GovFormBase
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    Field,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import StopValidation

from portal.form_fields import is_uk_phone
from portal.transactions.schema import Question

# Longest answer we read at all, whatever the question says: anything longer is refused.
HARD_LIMIT = 5000
NONE_OF_THESE = "none"
POSTCODE = re.compile(r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$")
NI_NUMBER = re.compile(r"^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z]{2}\d{6}[A-D]$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def text(localised, language: str) -> str:
    """Form text in the reader's language, English where it has none (Arabic)."""
    return localised.get(language) if localised else ""


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


class AnswerRules:
    """The messages and checks for one question, in one language."""

    def __init__(self, question: Question, language: str) -> None:
        self.question = question
        self.language = language
        self.name = text(question.name, language)
        self.name_start = _capitalised(text(question.name_start or question.name, language))

    def required(self, verb: str = "enter") -> str:
        if verb == "select":
            return _("Select %(name)s", name=self.name)
        return _("Enter %(name)s", name=self.name)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class Checked:
    """A WTForms validator that runs one of our checks and stops at its first refusal."""

    def __init__(self, check) -> None:
        self.check = check

    def __call__(self, form, field) -> None:
        message = self.check(field.data)
        if message:
            raise StopValidation(message)


def _text_checks(rules: AnswerRules, kind: str):
    q = rules.question
    limit = min(q.max_length or HARD_LIMIT, HARD_LIMIT)

    def check(value: str | None) -> str | None:
        value = _strip(value) or ""
        if not value:
            return None if q.optional else rules.required()
        if len(value) > limit:
            return _(
                "%(name)s must be %(limit)d characters or fewer",
                name=rules.name_start,
                limit=limit,
            )
        if kind == "email" and not EMAIL.match(value):
            return _("Enter an email address in the correct format, like name@example.com")
        if kind == "uk_phone" and not is_uk_phone(value):
            return _("Enter a telephone number, like 01632 960 001 or 07700 900 982")
        if kind == "uk_postcode" and not POSTCODE.match(value.upper()):
            return _("Enter a real postcode, like CF99 1AA")
        if kind == "ni_number" and not NI_NUMBER.match(re.sub(r"\s", "", value.upper())):
            return _("Enter a National Insurance number in the correct format, like QQ 12 34 56 C")
        if kind in ("whole_number", "decimal"):
            return _number_problem(rules, value, kind)
        return None

    return check


def _number_problem(rules: AnswerRules, value: str, kind: str) -> str | None:
    q = rules.question
    name = rules.name_start
    try:
        number = Decimal(value.replace(",", ""))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        return _("%(name)s must be a number", name=name)
    if kind == "whole_number" and number != number.to_integral_value():
        return _("%(name)s must be a whole number", name=name)
    low = Decimal(str(q.minimum)) if q.minimum is not None else None
    high = Decimal(str(q.maximum)) if q.maximum is not None else None
    if (low is not None and number < low) or (high is not None and number > high):
        return _(
            "%(name)s must be between %(low)s and %(high)s",
            name=name,
            low=_number_text(low),
            high=_number_text(high),
        )
    return None


def _number_text(number: Decimal | None) -> str:
    if number is None:
        return ""
    return str(number.normalize()) if number != number.to_integral_value() else str(int(number))


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
    """Three boxes (day, month, year) read as one date, with GOV.UK's date messages."""

    widget = DateWidget()

    def __init__(self, label=None, rules: AnswerRules | None = None, **kwargs) -> None:
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
        parts = [(_strip(v) or "")[:10] for v in valuelist[:3]]
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


ADDRESS_PARTS = ("line_1", "line_2", "town", "postcode")


class AddressField(Field):
    """Building and street (two lines), town, postcode: GOV.UK's address pattern, read from
    four inputs named `<field>-<part>`. The template draws the inputs."""

    def __init__(self, label=None, **kwargs) -> None:
        super().__init__(label, **kwargs)
        self.data = dict.fromkeys(ADDRESS_PARTS, "")

    @property
    def error_anchor(self) -> str:
        return f"{self.id}-line_1"

    def process(self, formdata, data=None, extra_filters=None) -> None:
        self.process_errors = []
        stored = data if isinstance(data, dict) else {}
        if formdata is not None and any(f"{self.name}-{p}" in formdata for p in ADDRESS_PARTS):
            stored = {
                p: (formdata.get(f"{self.name}-{p}") or "")[:HARD_LIMIT] for p in ADDRESS_PARTS
            }
        self.data = {p: stored.get(p) or "" for p in ADDRESS_PARTS}


def _address_check(rules: AnswerRules):
    def check(value: dict | None) -> str | None:
        value = {k: _strip(v) or "" for k, v in (value or {}).items()}
        if len("".join(value.values())) > HARD_LIMIT:
            return _("%(name)s is too long", name=rules.name_start)
        if not any(value.values()):
            return None if rules.question.optional else rules.required()
        if not value.get("line_1"):
            return _("Enter the building and street")
        if not value.get("town"):
            return _("Enter the town or city")
        if not POSTCODE.match(value.get("postcode", "").upper()):
            return _("Enter a real postcode, like CF99 1AA")
        return None

    return check


def _choice_check(rules: AnswerRules, multiple: bool):
    q = rules.question
    allowed = {o.value for o in q.options} | ({NONE_OF_THESE} if q.none_of_these else set())
    if q.type == "yes_no":
        allowed = {"yes", "no"}

    def check(value) -> str | None:
        chosen = list(value or []) if multiple else ([value] if value else [])
        if not chosen:
            return None if q.optional else rules.required("select")
        if any(choice not in allowed for choice in chosen):
            return rules.required("select")
        if multiple and NONE_OF_THESE in chosen and len(chosen) > 1:
            return _(
                "Select %(name)s, or select ‘%(none)s’",  # noqa: RUF001 (GOV.UK quotes)
                name=rules.name,
                none=text(q.none_of_these, rules.language),
            )
        return None

    return check


def build_form(question: Question, language: str) -> type[FlaskForm]:
    """A one-question WTForms form class for this question, in this language."""
    rules = AnswerRules(question, language)
    label = text(question.question, language)
    hint = text(question.hint, language)
    kind = question.type

    if kind in ("radios", "yes_no"):
        choices = _choices(question, language)
        field = _OptionalRadio(label, choices=choices, description=hint, widget=GovRadioInput())
        field.kwargs["validators"] = [Checked(_choice_check(rules, multiple=False))]
    elif kind == "checkboxes":
        field = _OptionalCheckboxes(
            label,
            choices=_choices(question, language),
            description=hint,
            widget=GovCheckboxesInput(),
            validators=[Checked(_choice_check(rules, multiple=True))],
        )
    elif kind == "date":
        field = DayMonthYear(label, rules=rules, description=hint)
    elif kind == "uk_address":
        field = AddressField(label, description=hint, validators=[Checked(_address_check(rules))])
    elif kind == "long_text":
        widget = GovCharacterCount() if question.max_length else GovTextArea()
        field = TextAreaField(
            label,
            description=hint,
            widget=widget,
            validators=[Checked(_text_checks(rules, kind))],
        )
    else:
        field = StringField(
            label,
            description=hint,
            widget=GovTextInput(),
            validators=[Checked(_text_checks(rules, kind))],
        )

    return type("AnswerForm", (FlaskForm,), {"answer": field})


def _choices(question: Question, language: str) -> list[SelectChoice]:
    if question.type == "yes_no":
        return [SelectChoice("yes", _("Yes")), SelectChoice("no", _("No"))]
    choices = [SelectChoice(o.value, text(o.label, language)) for o in question.options]
    if question.none_of_these:
        choices.append(SelectChoice(NONE_OF_THESE, text(question.none_of_these, language)))
    return choices


class _OptionalRadio(RadioField):
    """Our check decides what is allowed, with our messages, not WTForms' English ones."""

    def pre_validate(self, form) -> None:
        return None


class _OptionalCheckboxes(SelectMultipleField):
    def pre_validate(self, form) -> None:
        return None


def stored(question: Question, data) -> object:
    """What we keep of an accepted answer: trimmed, normalised, JSON-friendly."""
    kind = question.type
    if kind == "uk_address":
        value = {k: _strip(v) or "" for k, v in (data or {}).items()}
        if value.get("postcode"):
            value["postcode"] = _normal_postcode(value["postcode"])
        return value if any(value.values()) else None
    if kind == "checkboxes":
        return list(data or [])
    if kind == "uk_postcode" and data:
        return _normal_postcode(data)
    if kind == "ni_number" and data:
        compact = re.sub(r"\s", "", data.upper())
        return " ".join([compact[:2], compact[2:4], compact[4:6], compact[6:8], compact[8:]])
    return _strip(data) or None


def _normal_postcode(value: str) -> str:
    compact = re.sub(r"\s", "", value.upper())
    return f"{compact[:-3]} {compact[-3:]}"


def readable(question: Question, answer, language: str) -> list[str]:
    """An answer as lines of text for check your answers and the confirmation."""
    if answer in (None, "", [], {}):
        return []
    if question.type in ("radios", "checkboxes", "yes_no"):
        labels = {c.value: c.label for c in _choices(question, language)}
        chosen = answer if isinstance(answer, list) else [answer]
        return [str(labels.get(value, value)) for value in chosen]
    if question.type == "uk_address":
        return [line for line in answer.values() if line]
    if question.type == "date":
        day, month, year = answer.split(" ")
        return [format_date(date(int(year), int(month), int(day)), "d MMMM yyyy")]
    return [str(answer)]
