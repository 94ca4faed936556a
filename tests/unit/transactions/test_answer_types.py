"""Every answer type in the registry: what it accepts, what it keeps and reads back, what
it refuses and with which message, in English and in Welsh, and how it is drawn."""

import copy
import re

import pytest
from bs4 import BeautifulSoup
from flask_babel import force_locale

from config import ROOT
from portal.transactions.answer_types import TYPES
from portal.transactions.answers import build_form, readable
from portal.transactions.schema import Question
from tests.unit.transactions.cases import CASES, expected_params

GUIDE = (ROOT / "docs" / "content-guide.md").read_text(encoding="utf-8")
LANGUAGES = ("en", "cy")
HEADING = {"text": "Asked?", "isPageHeading": True}


def asked(type_: str, **changes) -> Question:
    """The test question for this type, as content would give it, with any changes."""
    fields = {**CASES[type_].question, **changes}
    return Question.model_validate(
        {"id": "asked", "type": type_, "question": {"en": "Asked?", "cy": "Gofyn?"}, **fields}
    )


def each(kind: str) -> list:
    """Every type's valid or refused cases, as test parameters named type-n."""
    return [
        pytest.param(type_, case, id=f"{type_}-{n}")
        for type_ in TYPES
        for n, case in enumerate(getattr(CASES[type_], kind) if type_ in CASES else ())
    ]


@pytest.mark.parametrize("type_", list(TYPES))
def test_every_answer_type_has_test_cases(type_):
    cases = CASES.get(type_)
    assert cases, f"add test cases for the answer type {type_} to tests/unit/transactions/cases"
    assert cases.valid and cases.refused


def test_every_test_case_is_for_a_registered_type():
    assert set(CASES) <= set(TYPES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("type_", "case"), each("valid"))
def test_a_valid_answer_is_stored_and_read_back(answer, type_, case, language):
    result = answer(asked(type_), language, case.typed)
    assert result.errors == []
    assert result.stored == case.stored
    assert result.readable == (case.english if language == "en" else case.welsh)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("type_", "case"), each("refused"))
def test_a_refused_answer_gets_its_message_in_the_readers_language(answer, type_, case, language):
    result = answer(asked(type_), language, case.typed)
    assert not result.accepted
    assert result.errors == [case.english if language == "en" else case.welsh]


@pytest.mark.parametrize("type_", list(TYPES))
def test_an_optional_question_left_empty_keeps_nothing(answer, type_):
    result = answer(asked(type_, optional=True), "en", {})
    assert result.accepted, result.errors
    assert result.stored in (None, [])
    assert result.readable == []


def drawn(app, type_: str, typed: dict | None = None, english: dict | None = None):
    """A question of this type as its page draws it: the field (checked, if something was
    typed), and the params it is drawn with."""
    q = asked(type_)
    method = "POST" if typed is not None else "GET"
    with app.test_request_context(method=method, data=typed or {}):
        form = build_form(q, "en")(meta={"csrf": False})
        if typed is not None:
            form.validate()
        params = TYPES[type_].params(q, form.answer, HEADING, english or {})
        # Drawing takes the items out of the params: draw with a copy, to test the params.
        html = str(form.answer(params=copy.deepcopy(params)))
    return form.answer, params, BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("type_", list(TYPES))
def test_each_type_is_drawn_with_its_params(app, type_):
    _field, params, _page = drawn(app, type_)
    assert params == expected_params(type_)


@pytest.mark.parametrize("type_", list(TYPES))
def test_the_error_is_shown_on_the_input_the_error_summary_links_to(app, type_):
    refused = CASES[type_].refused[0]
    field, _params, page = drawn(app, type_, refused.typed)
    anchor = getattr(field, "error_anchor", field.id)
    assert page.find(id=anchor).name in ("input", "textarea")
    assert (
        page.select_one(".govuk-error-message").get_text(" ", strip=True).endswith(refused.english)
    )


def test_form_text_shown_in_english_marks_each_option_english(app):
    english = {"lang": "en", "dir": "ltr"}
    _field, params, _page = drawn(app, "checkboxes", english=english)
    assert [item["label"] for item in params["items"]] == [{"attributes": english}] * 3


def test_a_stored_answer_no_longer_offered_reads_back_as_it_was_kept(app):
    """A form changed after someone answered: their answer is shown, not lost."""
    with app.test_request_context(), force_locale("en"):
        assert readable(asked("radios"), "evening", "en") == ["evening"]


def test_the_content_guide_lists_every_answer_type():
    section = GUIDE.split("Answer types: ", 1)[1].split(". ", 1)[0]
    assert re.findall(r"`([a-z_]+)`", section) == list(TYPES)
