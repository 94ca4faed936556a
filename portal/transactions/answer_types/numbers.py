"""Answers that are numbers, typed in a text input: GOV.UK advises against type="number",
whose value a scroll wheel can change and which browsers empty if they cannot read it."""

from decimal import Decimal, InvalidOperation
from typing import ClassVar

from flask_babel import gettext as _

from portal.transactions.answer_types.base import AnswerRules
from portal.transactions.answer_types.text import TypedText


class Number(TypedText):
    """A number within the question's `minimum` and `maximum`, if it has them; commas, as
    in 1,000, are ignored."""

    whole = False
    input_params: ClassVar[dict] = {
        "inputmode": "decimal",
        "spellcheck": False,
        "classes": "govuk-input--width-5",
    }

    def problem(self, rules: AnswerRules, value: str) -> str | None:
        q = rules.question
        name = rules.name_start
        try:
            number = Decimal(value.replace(",", ""))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            return _("%(name)s must be a number", name=name)
        if self.whole and number != number.to_integral_value():
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
    """A limit as people write it: 2, not 2.0; 1.5, not 1.50."""
    if number is None:
        return ""
    return str(number.normalize()) if number != number.to_integral_value() else str(int(number))


class WholeNumber(Number):
    whole = True
    input_params: ClassVar[dict] = {
        "inputmode": "numeric",
        "spellcheck": False,
        "classes": "govuk-input--width-5",
    }


class DecimalNumber(Number):
    """A number that may have a decimal point: an engine size in litres."""
