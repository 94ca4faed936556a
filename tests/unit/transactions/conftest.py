"""An app for the answer-type tests: translations, and the request context that WTForms
and flask-babel read. No database: nothing here is saved."""

import pytest
from flask_babel import force_locale

from config import TestConfig
from portal import create_app
from portal.transactions.answers import build_form, readable, stored
from portal.transactions.schema import Question


@pytest.fixture(scope="session")
def app():
    return create_app(TestConfig())


class Answered:
    """What happened to one answer posted in one language: its errors, and, if it was
    accepted, what was kept and how that reads back."""

    def __init__(self, app, asked: Question, language: str, typed: dict) -> None:
        with app.test_request_context(method="POST", data=typed), force_locale(language):
            self.form = build_form(asked, language)(meta={"csrf": False})
            self.accepted = self.form.validate()
            self.errors = list(self.form.answer.errors)
            self.stored = stored(asked, self.form.answer.data) if self.accepted else None
            self.readable = readable(asked, self.stored, language)


@pytest.fixture
def answer(app):
    """Post an answer to a question in a language: answer(question, "cy", {"answer": "x"})."""
    return lambda asked, language, typed: Answered(app, asked, language, typed)
