"""Answers to a form's questions: the form that asks one, what is kept of an answer, and
how it reads back. Each is the question's answer type's to say (answer_types/); error
messages follow the GOV.UK pattern, in the reader's language, built from the question's
`name` ("Enter your full name")."""

from flask_wtf import FlaskForm

from portal.transactions.answer_types import TYPES, AnswerRules
from portal.transactions.schema import Question


def text(localised, language: str) -> str:
    """Form text in the reader's language, English where it has none (Arabic)."""
    return localised.get(language) if localised else ""


def build_form(question: Question, language: str) -> type[FlaskForm]:
    """A one-question WTForms form class for this question, in this language."""
    field = TYPES[question.type].field(
        AnswerRules(question, language),
        label=text(question.question, language),
        hint=text(question.hint, language),
    )
    return type("AnswerForm", (FlaskForm,), {"answer": field})


def stored(question: Question, data) -> object:
    """What we keep of an accepted answer: trimmed, normalised, JSON-friendly."""
    return TYPES[question.type].stored(question, data)


def readable(question: Question, answer, language: str) -> list[str]:
    """An answer as lines of text for check your answers, the confirmation and staff."""
    if answer in (None, "", [], {}):
        return []
    return TYPES[question.type].readable(question, answer, language)


def cell(question: Question, answer, language: str) -> str:
    """An answer as one spreadsheet cell: "2026-11-03", "12 Heol y Bryn, Glanmor, CF99 1AB"."""
    if answer in (None, "", [], {}):
        return ""
    return TYPES[question.type].cell(question, answer, language)
