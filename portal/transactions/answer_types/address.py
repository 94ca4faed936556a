"""UK addresses, asked with GOV.UK's address pattern: building and street (two lines),
town or city, postcode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import render_template
from flask_babel import gettext as _
from markupsafe import Markup
from wtforms import Field

from portal.form_fields import stripped
from portal.transactions.answer_types.base import (
    HARD_LIMIT,
    AnswerRules,
    AnswerType,
    Check,
    Checked,
    legend,
)
from portal.transactions.answer_types.text import POSTCODE, normal_postcode

if TYPE_CHECKING:
    from portal.transactions.schema import Question

ADDRESS_PARTS = ("line_1", "line_2", "town", "postcode")


class AddressWidget:
    """Draws the four inputs in a fieldset. govuk-frontend-wtf has no address widget, so
    this one renders our own template, as its widgets render GOV.UK Frontend's macros."""

    def __call__(self, field, params: dict | None = None, **kwargs) -> Markup:
        return Markup(
            render_template("transactions/address_input.html", field=field, params=params or {})
        )


class AddressField(Field):
    """An address read from four inputs named `<field>-<part>`, as a dict by part."""

    widget = AddressWidget()

    def __init__(self, label=None, **kwargs) -> None:
        super().__init__(label, **kwargs)
        self.data = dict.fromkeys(ADDRESS_PARTS, "")

    @property
    def error_anchor(self) -> str:
        return f"{self.id}-line_1"

    def process(self, formdata, data=None, extra_filters=None) -> None:
        self.process_errors: list = []
        stored = data if isinstance(data, dict) else {}
        if formdata is not None and any(f"{self.name}-{p}" in formdata for p in ADDRESS_PARTS):
            stored = {
                p: (formdata.get(f"{self.name}-{p}") or "")[:HARD_LIMIT] for p in ADDRESS_PARTS
            }
        self.data = {p: stored.get(p) or "" for p in ADDRESS_PARTS}


def _address_check(rules: AnswerRules) -> Check:
    def check(value: dict | None) -> str | None:
        value = {k: stripped(v) or "" for k, v in (value or {}).items()}
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


class UkAddress(AnswerType):
    """Kept as {line_1, line_2, town, postcode}; read back one line per part given."""

    cell_separator = ", "

    def field(self, rules: AnswerRules, label: str, hint: str):
        return AddressField(label, description=hint, validators=[Checked(_address_check(rules))])

    def stored(self, question: Question, data) -> object:
        value = {k: stripped(v) or "" for k, v in (data or {}).items()}
        if value.get("postcode"):
            value["postcode"] = normal_postcode(value["postcode"])
        return value if any(value.values()) else None

    def readable(self, question: Question, answer, language: str) -> list[str]:
        return [line for line in answer.values() if line]

    def params(self, question: Question, field, heading: dict, english: dict) -> dict:
        return legend(heading)
