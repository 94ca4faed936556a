"""Answers typed as text: free text, and text in a known shape (an email address, a UK
phone number, postcode or National Insurance number)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from flask_babel import gettext as _
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovTextArea, GovTextInput
from wtforms import StringField, TextAreaField

from portal.form_fields import EMAIL, is_uk_mobile, is_uk_phone, stripped
from portal.needs.visitor import current_needs
from portal.transactions.answer_types.base import (
    HARD_LIMIT,
    AnswerRules,
    AnswerType,
    Check,
    Checked,
)

if TYPE_CHECKING:
    from portal.transactions.schema import Question

POSTCODE = re.compile(r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$")
NI_NUMBER = re.compile(r"^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z]{2}\d{6}[A-D]$")
# A UK registration as DVLA issues them: today's "CU57 ABC", the older "A123 BCD" and
# "ABC 123D", and dateless ones such as "1 ABC" or "ABC 1234". Letters and numbers only.
REGISTRATION = re.compile(r"^[A-Z0-9]{2,7}$")
CURRENT_REGISTRATION = re.compile(r"^([A-Z]{2}[0-9]{2})([A-Z]{3})$")


class TypedText(AnswerType):
    """Typed text: required unless optional, no longer than allowed, and then in the
    type's own shape (`problem`). One line, unless a subclass draws a text area."""

    # Input attributes: the right keyboard on phones, autofill, no spellcheck where it
    # would only get in the way, and a width that fits the answer.
    input_params: ClassVar[dict] = {}

    def field(self, rules: AnswerRules, label: str, hint: str):
        return StringField(
            label, description=hint, widget=GovTextInput(), validators=[Checked(self.check(rules))]
        )

    def check(self, rules: AnswerRules) -> Check:
        """The check for this question: the rules every text answer has, then the type's."""
        q = rules.question
        limit = min(q.max_length or HARD_LIMIT, HARD_LIMIT)

        def check(value: str | None) -> str | None:
            value = stripped(value) or ""
            if not value:
                return None if q.optional else rules.required()
            if len(value) > limit:
                return _(
                    "%(name)s must be %(limit)d characters or fewer",
                    name=rules.name_start,
                    limit=limit,
                )
            return self.problem(rules, value)

        return check

    def problem(self, rules: AnswerRules, value: str) -> str | None:
        """What is wrong with a non-empty answer of the right length, if anything."""
        return None

    def params(self, question: Question, field, heading: dict, english: dict) -> dict:
        return {**super().params(question, field, heading, english), **self.input_params}


class ShortText(TypedText):
    """A name, a registration number: anything typed on one line."""


class LongText(TypedText):
    """A few sentences, in a text area; with a character count if there is a limit."""

    def field(self, rules: AnswerRules, label: str, hint: str):
        widget = GovCharacterCount() if rules.question.max_length else GovTextArea()
        return TextAreaField(
            label, description=hint, widget=widget, validators=[Checked(self.check(rules))]
        )

    def params(self, question: Question, field, heading: dict, english: dict) -> dict:
        params = super().params(question, field, heading, english)
        if question.max_length:
            params["maxlength"] = question.max_length
        return params


class Email(TypedText):
    input_params: ClassVar[dict] = {"type": "email", "autocomplete": "email", "spellcheck": False}

    def problem(self, rules: AnswerRules, value: str) -> str | None:
        if not EMAIL.match(value):
            return _("Enter an email address in the correct format, like name@example.com")
        return None


class UkPhone(TypedText):
    input_params: ClassVar[dict] = {
        "type": "tel",
        "autocomplete": "tel",
        "classes": "govuk-input--width-20",
    }

    def problem(self, rules: AnswerRules, value: str) -> str | None:
        if not is_uk_phone(value):
            return _("Enter a telephone number, like 01632 960 001 or 07700 900 982")
        if current_needs().preferred_channel == "text_message" and not is_uk_mobile(value):
            # They asked for texts, and a landline cannot take one.
            return _("Enter a mobile phone number, like 07700 900 982, so that we can text you")
        return None


class UkPostcode(TypedText):
    """Kept in capitals with one space before the last three characters: "CF99 1AA"."""

    input_params: ClassVar[dict] = {
        "autocomplete": "postal-code",
        "classes": "govuk-input--width-10",
    }

    def problem(self, rules: AnswerRules, value: str) -> str | None:
        if not POSTCODE.match(value.upper()):
            return _("Enter a real postcode, like CF99 1AA")
        return None

    def stored(self, question: Question, data) -> object:
        return normal_postcode(data) if data else super().stored(question, data)


def normal_postcode(value: str) -> str:
    """A postcode as Royal Mail writes it: capitals, one space before the inward code."""
    compact = re.sub(r"\s", "", value.upper())
    return f"{compact[:-3]} {compact[-3:]}"


class VehicleRegistration(TypedText):
    """Kept in capitals, as the number plate shows it: "cu57abc" is "CU57 ABC"."""

    input_params: ClassVar[dict] = {
        "spellcheck": False,
        "autocapitalize": "characters",
        "classes": "govuk-input--width-10",
    }

    def problem(self, rules: AnswerRules, value: str) -> str | None:
        if not REGISTRATION.match(re.sub(r"\s", "", value.upper())):
            return _("Enter a registration number using only letters and numbers, like CU57 ABC")
        return None

    def stored(self, question: Question, data) -> object:
        if not data:
            return super().stored(question, data)
        compact = re.sub(r"\s", "", data.upper())
        current = CURRENT_REGISTRATION.match(compact)
        if current:  # two letters and two numbers, a space, three letters
            return " ".join(current.groups())
        return " ".join(data.upper().split())  # older shapes: as the person spaced them


class NiNumber(TypedText):
    """Kept in capitals, in pairs, as HMRC prints it: "QQ 12 34 56 C"."""

    input_params: ClassVar[dict] = {"spellcheck": False, "classes": "govuk-input--width-10"}

    def problem(self, rules: AnswerRules, value: str) -> str | None:
        if not NI_NUMBER.match(re.sub(r"\s", "", value.upper())):
            return _("Enter a National Insurance number in the correct format, like QQ 12 34 56 C")
        return None

    def stored(self, question: Question, data) -> object:
        if not data:
            return super().stored(question, data)
        compact = re.sub(r"\s", "", data.upper())
        return " ".join([compact[:2], compact[2:4], compact[4:6], compact[6:8], compact[8:]])
