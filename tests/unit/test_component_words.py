"""Every GOV.UK component that writes words of its own gets them from portal/govuk_text.py,
through templates/components/govuk.html: no template goes round it."""

import re
from pathlib import Path

import govuk_frontend_wtf
import pytest
from flask_babel import force_locale

from config import ROOT, TestConfig
from portal import create_app
from portal.govuk_text import FIELDS, WORDS, govuk_text, plural_forms

TEMPLATES = ROOT / "templates"
WRAPPERS = TEMPLATES / "components" / "govuk.html"
IMPORT = re.compile(r'"govuk_frontend_jinja/components/([a-z-]+)/macro\.html"')
# The widget templates of govuk-frontend-wtf that need no words: the portal has no file
# upload, and a button's text is always its field's label.
WTF_WITHOUT_WORDS = {"button.html", "file-upload.html"}


@pytest.fixture(scope="module")
def app():
    return create_app(TestConfig())


def test_no_template_imports_a_component_with_words_of_its_own_from_govuk_frontend_jinja():
    with_words = WORDS.keys() | FIELDS
    wrapped = set(IMPORT.findall(WRAPPERS.read_text(encoding="utf-8")))
    assert wrapped == with_words
    for template in TEMPLATES.rglob("*.html"):
        if template == WRAPPERS:
            continue
        direct = set(IMPORT.findall(template.read_text(encoding="utf-8"))) & with_words
        assert not direct, (
            f"{template.relative_to(ROOT)} imports {sorted(direct)} from govuk_frontend_jinja: "
            'import them from "components/govuk.html" so their words are translated'
        )


def test_every_govuk_frontend_wtf_widget_template_is_replaced_by_ours():
    package = Path(govuk_frontend_wtf.__file__).parent / "templates"
    theirs = {p.name for p in package.glob("*.html")} - WTF_WITHOUT_WORDS
    ours = {p.name for p in (TEMPLATES / "govuk_frontend_wtf").glob("*.html")}
    assert theirs == ours
    for name in ours:
        assert '"components/govuk.html"' in (TEMPLATES / "govuk_frontend_wtf" / name).read_text()


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("en", ["one", "other"]),
        ("cy", ["zero", "one", "two", "few", "many", "other"]),
        ("ar", ["zero", "one", "two", "few", "many", "other"]),
    ],
)
def test_the_javascript_gets_one_message_per_plural_form_of_the_language(app, language, forms):
    with app.test_request_context(), force_locale(language):
        messages = plural_forms(lambda number: f"{number} left")
    assert list(messages) == forms
    # Each is our message for a number in that form (Welsh "many" is 6, Arabic's 11).
    if language == "cy":
        assert messages == {
            "zero": "0 left",
            "one": "1 left",
            "two": "2 left",
            "few": "3 left",
            "many": "6 left",
            "other": "4 left",
        }


def test_words_a_template_gives_are_kept(app):
    with app.test_request_context(), force_locale("cy"):
        params = govuk_text(
            "character-count",
            {
                "maxlength": 10,
                "textareaDescriptionText": "Hyd at %{count}",
                "errorMessage": {"text": "Rhy hir"},
            },
        )
        assert params["textareaDescriptionText"] == "Hyd at %{count}"
        assert params["charactersAtLimitText"] == "Mae gennych 0 nod ar ôl"
        assert params["errorMessage"] == {"text": "Rhy hir", "visuallyHiddenText": "Gwall"}
        assert govuk_text("back-link", {"text": "Yn ôl i'r dudalen"})["text"] == (
            "Yn ôl i'r dudalen"
        )
        assert govuk_text("back-link", {})["text"] == "Yn ôl"
        # No error message: none is made up.
        assert "errorMessage" not in govuk_text("input", {"name": "q"})
        assert govuk_text("input", {"name": "q", "errorMessage": {}})["errorMessage"] == {}


def test_a_word_count_is_refused_until_its_messages_are_translated(app):
    with app.test_request_context(), pytest.raises(ValueError, match="words messages"):
        govuk_text("character-count", {"maxwords": 100})
