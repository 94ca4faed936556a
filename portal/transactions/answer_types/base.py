"""What every answer type shares: the error messages built from a question's `name`, the
validator that runs a type's check, and the defaults most types keep."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from flask_babel import gettext as _
from wtforms.validators import StopValidation

from portal.form_fields import stripped

if TYPE_CHECKING:  # the schema imports the registry, for the list of type names
    from portal.transactions.schema import Question

# Longest answer we read at all, whatever the question says: anything longer is refused.
HARD_LIMIT = 5000

# A check takes what was typed and returns the error message, or None if it is fine.
# A check takes the field's data (its type depends on the answer type): None, or a message.
Check = Callable[[Any], str | None]


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


class AnswerRules:
    """The messages and checks for one question, in one language."""

    def __init__(self, question: Question, language: str) -> None:
        self.question = question
        self.language = language
        self.name = question.name.get(language)
        self.name_start = _capitalised((question.name_start or question.name).get(language))

    def required(self, verb: str = "enter") -> str:
        """GOV.UK's message for a missing answer: "Enter your full name"."""
        if verb == "select":
            return _("Select %(name)s", name=self.name)
        return _("Enter %(name)s", name=self.name)


class Checked:
    """A WTForms validator that runs one of our checks and stops at its first refusal."""

    def __init__(self, check: Check) -> None:
        self.check = check

    def __call__(self, form, field) -> None:
        message = self.check(field.data)
        if message:
            raise StopValidation(message)


def legend(heading: dict) -> dict:
    """Widget params for a question asked in a fieldset: the question is its legend."""
    return {"fieldset": {"legend": {**heading, "classes": "govuk-fieldset__legend--l"}}}


class AnswerType:
    """One kind of answer. Subclasses make the field and say where they differ."""

    # Radios and checkboxes: the content gives the choices, as `options`.
    has_options = False

    def field(self, rules: AnswerRules, label: str, hint: str):
        """The unbound WTForms field that asks the question, with its checks."""
        raise NotImplementedError

    def stored(self, question: Question, data) -> object:
        """What we keep of an accepted answer: trimmed, normalised, JSON-friendly."""
        return stripped(data) or None

    def readable(self, question: Question, answer, language: str) -> list[str]:
        """A stored (non-empty) answer as lines of text, for people and staff to read."""
        return [str(answer)]

    # Spreadsheets: one cell per answer. Lines join with "; " (choices), an address with
    # ", " (AddressType), and a date is ISO 8601, which every spreadsheet sorts.
    cell_separator = "; "

    def cell(self, question: Question, answer, language: str) -> str:
        """A stored (non-empty) answer as one spreadsheet cell."""
        return self.cell_separator.join(self.readable(question, answer, language))

    # `heading` is the question, as the page's heading; `english` the attributes that mark
    # form text as English (empty unless the page is in a language forms are not written in).
    def params(self, question: Question, field, heading: dict, english: dict) -> dict:
        """The GOV.UK Frontend params the field is drawn with."""
        return {"label": {**heading, "classes": "govuk-label--l"}}
