"""Answers chosen from a list: radios (one), checkboxes (any number) and yes or no."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask_babel import gettext as _
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput
from wtforms import RadioField, SelectChoice, SelectMultipleField

from portal.transactions.answer_types.base import (
    AnswerRules,
    AnswerType,
    Check,
    Checked,
    legend,
)

if TYPE_CHECKING:
    from portal.transactions.schema import Question

# The value kept when someone chooses the question's `none_of_these` option.
NONE_OF_THESE = "none"


class _OptionalRadio(RadioField):
    """Our check decides what is allowed, with our messages, not WTForms' English ones."""

    def pre_validate(self, form) -> None:
        return None


class _OptionalCheckboxes(SelectMultipleField):
    def pre_validate(self, form) -> None:
        return None


class Choice(AnswerType):
    """What radios and checkboxes share: the options, and answers read back as labels."""

    has_options = True

    def choices(self, question: Question, language: str) -> list[SelectChoice]:
        """The options people choose from: value, and label in this language."""
        choices = [SelectChoice(o.value, o.label.get(language)) for o in question.options]
        if question.none_of_these:
            choices.append(SelectChoice(NONE_OF_THESE, question.none_of_these.get(language)))
        return choices

    def allowed(self, question: Question) -> set[str]:
        """The values a person can send; anything else gets the "Select ..." message."""
        return {choice.value for choice in self.choices(question, "en")}

    def readable(self, question: Question, answer, language: str) -> list[str]:
        labels = {c.value: c.label for c in self.choices(question, language)}
        chosen = answer if isinstance(answer, list) else [answer]
        return [str(labels.get(value, value)) for value in chosen]

    def params(self, question: Question, field, heading: dict, english: dict) -> dict:
        params = legend(heading)
        # Option labels come from the form, so they are marked English where the heading is.
        params["items"] = [
            {"label": {"attributes": english}} if english else {} for _choice in field.choices
        ]
        return params


class Radios(Choice):
    """One of the question's options (or its `none_of_these`), kept as its value."""

    def field(self, rules: AnswerRules, label: str, hint: str):
        return _OptionalRadio(
            label,
            choices=self.choices(rules.question, rules.language),
            description=hint,
            widget=GovRadioInput(),
            validators=[Checked(self.check(rules))],
        )

    def check(self, rules: AnswerRules) -> Check:
        """The check for this question: one choice, one that was offered."""
        q = rules.question
        allowed = self.allowed(q)

        def check(value) -> str | None:
            if not value:
                return None if q.optional else rules.required("select")
            if value not in allowed:
                return rules.required("select")
            return None

        return check


class YesNo(Radios):
    """Yes or no, side by side. The words are the interface's, so forms do not give them."""

    has_options = False

    def choices(self, question: Question, language: str) -> list[SelectChoice]:
        return [SelectChoice("yes", _("Yes")), SelectChoice("no", _("No"))]

    def params(self, question: Question, field, heading: dict, english: dict) -> dict:
        return {**legend(heading), "classes": "govuk-radios--inline"}


class Checkboxes(Choice):
    """Any of the options, kept as a list of values. `none_of_these` is exclusive: choosing
    it clears the others (in the browser) and is refused alongside them."""

    def field(self, rules: AnswerRules, label: str, hint: str):
        return _OptionalCheckboxes(
            label,
            choices=self.choices(rules.question, rules.language),
            description=hint,
            widget=GovCheckboxesInput(),
            validators=[Checked(self.check(rules))],
        )

    def check(self, rules: AnswerRules) -> Check:
        """The check for this question: choices that were offered, and not "none" too."""
        q = rules.question
        allowed = self.allowed(q)

        def check(value) -> str | None:
            chosen = list(value or [])
            if not chosen:
                return None if q.optional else rules.required("select")
            if any(choice not in allowed for choice in chosen):
                return rules.required("select")
            if NONE_OF_THESE in chosen and len(chosen) > 1:
                return _(
                    "Select %(name)s, or select ‘%(none)s’",  # noqa: RUF001 (GOV.UK quotes)
                    name=rules.name,
                    none=q.none_of_these.get(rules.language) if q.none_of_these else "",
                )
            return None

        return check

    def stored(self, question: Question, data) -> object:
        return list(data or [])

    def params(self, question: Question, field, heading: dict, english: dict) -> dict:
        params = super().params(question, field, heading, english)
        if question.none_of_these:
            params["items"][-1]["behaviour"] = "exclusive"
        return params
