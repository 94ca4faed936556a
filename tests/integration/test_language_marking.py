"""Words in another language are marked as such: on a page in a language nothing is
written in yet (Arabic), what falls back to English is wrapped in `lang="en" dir="ltr"`,
so a screen reader speaks it in English and its punctuation lands at its own end.

The check: every run of text that is more Latin letters than Arabic ones must sit inside
an element marked with a language other than the page's. Email addresses are left out:
they are the same in every language and browsers lay them out on their own."""

import re

import pytest
from bs4 import BeautifulSoup, Comment

from portal.languages import languages
from tests.support.forms import submit_form

LATIN = re.compile(r"[A-Za-z]")
ARABIC = re.compile(r"[\u0600-\u06FF]")
EMAIL = re.compile(r"\S+@\S+")


def right_to_left_language(app) -> str:
    with app.app_context():
        return next(lang.code for lang in languages() if lang.direction == "rtl")


def unmarked_english(html: bytes, page_language: str) -> list[str]:
    """The runs of text on the page in English but marked as the page's language."""
    found = []
    for text in BeautifulSoup(html, "html5lib").body.find_all(string=True):
        if isinstance(text, Comment) or text.parent.name in ("script", "style"):
            continue
        words = EMAIL.sub("", text)
        if len(LATIN.findall(words)) <= len(ARABIC.findall(words)):
            continue
        marked = next((el["lang"] for el in text.parents if el.get("lang")), None)
        if marked == page_language:
            found.append(text.strip()[:70])
    return found


def test_the_check_finds_english_left_unmarked():
    html = b'<html lang="ar"><body><p>Select which bin was not collected</p></body></html>'
    assert unmarked_english(html, "ar") == ["Select which bin was not collected"]
    marked = b'<html lang="ar"><body><p><span lang="en">Select a bin</span></p></body></html>'
    assert unmarked_english(marked, "ar") == []


@pytest.mark.rendering
def test_every_right_to_left_page_marks_its_english(app, client, page_urls):
    code = right_to_left_language(app)
    problems = {}
    for url in page_urls:
        if url.startswith(f"/{code}/"):
            for text in unmarked_english(client.get(url).data, code):
                problems.setdefault(text, url)
    assert not problems, "\n".join(f"{url}: {text!r}" for text, url in problems.items())


@pytest.mark.parametrize(
    "question",
    ["bin-type", "put-out", "address", "collection-date", "more-details", "email"],
)
def test_error_messages_are_whole_sentences_in_one_language(app, client, question):
    """Not "اختر which bin was not collected": the form is English, so is its message."""
    code = right_to_left_language(app)
    url = f"/{code}/forms/report-a-missed-bin-collection/{question}"
    # What was typed (Arabic-Indic digits: too long, not a choice, not an email) is kept.
    response = submit_form(client, url, {"answer": "\u0661" * 2000, "answer-day": "31"})
    assert response.status_code == 400
    page = BeautifulSoup(response.data, "html5lib")
    message = page.select_one(".govuk-error-message")
    english = message.select_one('[lang="en"][dir="ltr"]')
    assert english is not None and english.get_text(strip=True), message
    assert not ARABIC.search(english.get_text()), message
    summary = page.select_one(".govuk-error-summary__list a")
    assert summary.select_one('[lang="en"]').get_text() == english.get_text()
    assert unmarked_english(response.data, code) == []
