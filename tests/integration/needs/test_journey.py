"""The "What helps you" journey through plain HTML forms: no JavaScript involved."""

from portal.needs import store
from tests.support.forms import submit_form
from tests.support.pages import soup_of


def saved_cookie(response) -> str | None:
    for header in response.headers.getlist("Set-Cookie"):
        if header.startswith(store.COOKIE_NAME + "="):
            return header
    return None


def test_the_whole_journey_saves_the_answers_only_at_the_end(client):
    answers = [
        ("/your-needs/language", {"answer": "en"}),
        ("/your-needs/text-size", {"answer": "large"}),
        ("/your-needs/colours", {"answer": "high"}),
        ("/your-needs/reading", {"answer": ["more_spacing", "bsl"]}),
        ("/your-needs/connection", {}),
        ("/your-needs/contact", {"answer": ["phone", "email"]}),
        ("/your-needs/contact-first", {"answer": "email"}),
        ("/your-needs/help", {"answer": "no"}),
    ]
    for url, data in answers:
        response = submit_form(client, url, data)
        assert response.status_code == 302, url
        assert saved_cookie(response) is None
    assert response.headers["Location"] == "/your-needs/check"

    check = soup_of(client.get("/your-needs/check"))
    rows = {
        row.select_one(".govuk-summary-list__key").get_text(strip=True): row.select_one(
            ".govuk-summary-list__value"
        ).get_text(" ", strip=True)
        for row in check.select(".govuk-summary-list__row")
    }
    assert rows["Text size"] == "Large"
    assert rows["Colours"] == "High contrast"
    assert rows["How you like to be contacted"] == "Email Phone"

    response = submit_form(client, "/your-needs/check", {})
    assert response.headers["Location"] == "/your-needs/saved"
    cookie = saved_cookie(response)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Max-Age=31536000" in cookie

    page = soup_of(client.get("/your-needs/saved"))
    assert "app-text-large" in page.html["class"]
    assert page.select_one(".app-needs-code").get_text(strip=True)


def test_skipping_a_question_moves_on_without_an_answer(client):
    page = soup_of(client.get("/your-needs/colours"))
    skip = page.find("a", string="Skip this question")
    assert skip["href"] == "/your-needs/reading"


def test_choosing_welsh_continues_the_journey_in_welsh(client):
    response = submit_form(client, "/your-needs/language", {"answer": "cy"})
    assert response.headers["Location"] == "/cy/your-needs/text-size"


def test_the_preferred_way_is_only_asked_when_there_is_a_choice(client):
    response = submit_form(client, "/your-needs/contact", {"answer": ["phone"]})
    assert response.headers["Location"] == "/your-needs/help"


def test_change_links_come_back_to_check_your_answers(client):
    check = soup_of(client.get("/your-needs/check"))
    change = check.select_one('a[href="/your-needs/text-size?change=1"]')
    assert change is not None
    response = submit_form(client, "/your-needs/text-size?change=1", {"answer": "largest"})
    assert response.headers["Location"] == "/your-needs/check"


def test_an_answer_that_is_not_an_option_gets_an_error_and_keeps_the_page(client):
    response = submit_form(client, "/your-needs/text-size", {"answer": "gigantic"})
    page = soup_of(response)
    assert response.status_code == 400
    assert page.title.get_text().startswith("Error:")
    assert page.select_one(".govuk-error-summary a")["href"] == "#answer"


def test_a_welsh_error_is_in_welsh(client):
    response = submit_form(client, "/cy/your-needs/text-size", {"answer": "gigantic"})
    page = soup_of(response)
    assert page.title.get_text().startswith("Gwall:")


def test_clearing_deletes_the_cookie(client, declare):
    declare(contrast="dark")
    response = submit_form(client, "/your-needs/saved", {})
    assert response.headers["Location"] == "/your-needs/cleared"
    assert "needs=;" in saved_cookie(response)
    assert "app-theme-dark" not in soup_of(client.get("/")).html.get("class", [])
