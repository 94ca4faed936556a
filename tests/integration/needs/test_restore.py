"""The needs code: restore needs on another device, checked before anything is saved."""

from portal.needs import code
from portal.needs.model import Needs
from tests.support.forms import submit_form
from tests.support.pages import soup_of


def test_a_code_fills_in_check_your_answers_without_saving(client):
    needs_code = code.encode(Needs(text_size="largest", channels=("post",)))
    response = submit_form(client, "/your-needs/restore", {"code": needs_code.lower()})
    assert response.headers["Location"] == "/your-needs/check"
    assert "needs=" not in response.headers.get("Set-Cookie", "")
    check = soup_of(client.get("/your-needs/check")).get_text(" ", strip=True)
    assert "Largest" in check and "Post" in check


def test_a_code_with_a_language_continues_in_that_language(client):
    response = submit_form(
        client, "/your-needs/restore", {"code": code.encode(Needs(language="cy"))}
    )
    assert response.headers["Location"] == "/cy/your-needs/check"


def test_no_code_asks_for_one_and_keeps_the_page(client):
    response = submit_form(client, "/your-needs/restore", {"code": ""})
    page = soup_of(response)
    assert response.status_code == 400
    assert page.select_one(".govuk-error-summary a").get_text(strip=True) == "Enter your needs code"
    assert page.select_one(".govuk-error-summary a")["href"] == "#code"


def test_a_wrong_code_is_explained_and_what_was_typed_is_kept(client):
    response = submit_form(client, "/your-needs/restore", {"code": "ZZZZ-ZZZZ"})
    page = soup_of(response)
    assert response.status_code == 400
    assert "does not match a needs code" in page.select_one(".govuk-error-message").get_text()
    assert page.select_one("input#code")["value"] == "ZZZZ-ZZZZ"


def test_guessing_codes_is_rate_limited(client):
    statuses = [
        submit_form(client, "/your-needs/restore", {"code": "ZZZZ-ZZZZ"}).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429
    refused = submit_form(client, "/your-needs/restore", {"code": "ZZZZ-ZZZZ"})
    assert b"tried too many times" in refused.data
