"""Every answer type refuses bad input with a GOV.UK message, in English and in Welsh,
keeps what was typed, and links the error summary to the field."""

import pytest

from tests.support.answers import BINS, CARE, PARKING
from tests.support.forms import submit_form

# (form, question, what was typed, English message)
CASES = [
    (BINS, "bin-type", {}, "Select which bin was not collected"),
    (BINS, "put-out", {}, None),
    (BINS, "address", {}, None),
    (
        BINS,
        "address",
        {"answer-line_1": "1 Stryd", "answer-town": "Glanmor"},
        "Enter a real postcode, like CF99 1AA",
    ),
    (
        BINS,
        "address",
        {"answer-town": "Glanmor", "answer-postcode": "CF99 1AA"},
        "Enter the building and street",
    ),
    (BINS, "collection-date", {}, None),
    (BINS, "collection-date", {"answer": ["31", "2", "2026"]}, None),
    (BINS, "collection-date", {"answer": ["", "2", "2026"]}, None),
    (BINS, "collection-date", {"answer": ["1", "2", "26"]}, None),
    (BINS, "more-details", {"answer": "x" * 501}, None),
    (
        BINS,
        "email",
        {"answer": "not an email"},
        "Enter an email address in the correct format, like name@example.com",
    ),
    (CARE, "who", {"answer": ["me", "none"]}, None),
    (CARE, "full-name", {"answer": "  "}, None),
    (
        CARE,
        "phone",
        {"answer": "call me maybe"},
        "Enter a telephone number, like 01632 960 001 or 07700 900 982",
    ),
    (CARE, "best-time", {"answer": "midnight"}, None),
    (CARE, "postcode", {"answer": "NOT A POSTCODE"}, "Enter a real postcode, like CF99 1AA"),
    (
        CARE,
        "ni-number",
        {"answer": "12345"},
        "Enter a National Insurance number in the correct format, like QQ 12 34 56 C",
    ),
    (PARKING, "engine-size", {"answer": "big"}, None),
    (PARKING, "engine-size", {"answer": "99"}, None),
    (PARKING, "permits", {"answer": "1.5"}, None),
    (PARKING, "permits", {"answer": "3"}, None),
    (PARKING, "registration", {"answer": "TOO LONG 123"}, None),
]


@pytest.mark.parametrize("prefix", ["", "/cy"])
@pytest.mark.parametrize(("form", "question", "typed", "message"), CASES)
def test_bad_input_gets_an_error_summary_and_keeps_the_page(
    client, soup, prefix, form, question, typed, message
):
    response = submit_form(client, f"{prefix}{form}/{question}", typed)
    page = soup(response)
    assert response.status_code == 400
    assert page.title.get_text().startswith("Gwall:" if prefix else "Error:")
    link = page.select_one(".govuk-error-summary__list a")
    target = link["href"].removeprefix("#")
    assert page.find(id=target) is not None, "the error summary must link to the field"
    assert page.find(id=target).name in ("input", "textarea")
    inline = page.select_one(".govuk-error-message").get_text(" ", strip=True)
    assert link.get_text(strip=True) in inline
    if message and not prefix:
        assert link.get_text(strip=True) == message
    if prefix:
        english = soup(submit_form(client, f"{form}/{question}", typed))
        assert link.get_text(strip=True) != english.select_one(
            ".govuk-error-summary__list a"
        ).get_text(strip=True), "the Welsh page must not show the English message"


def test_what_was_typed_is_kept(client, soup):
    page = soup(submit_form(client, f"{CARE}/phone", {"answer": "call me maybe"}))
    assert page.select_one("input#answer")["value"] == "call me maybe"
    page = soup(submit_form(client, f"{BINS}/collection-date", {"answer": ["31", "2", "2026"]}))
    assert [page.select_one(f"#answer-{p}")["value"] for p in ("day", "month", "year")] == [
        "31",
        "2",
        "2026",
    ]


def test_a_request_too_big_to_read_is_refused_with_a_page(client):
    response = client.post(f"{BINS}/more-details", data={"answer": "x" * 70_000})
    assert response.status_code == 413
    assert b"too long for us to read" in response.data
