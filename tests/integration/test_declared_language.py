"""A declared language is applied to every citizen page, however the person arrives, and
a language chosen from the switcher (English included) sticks until they change it."""

import pytest
from bs4 import BeautifulSoup

from portal.needs import store
from portal.needs.model import Needs
from tests.support.answers import BINS
from tests.support.forms import submit_form

SERVICE = "/services/apply-for-a-blue-badge"


@pytest.fixture
def welsh_speaker(app):
    """A browser whose needs cookie says Welsh, as the needs journey saves it."""
    client = app.test_client()
    with app.test_request_context():
        cookie = store.dump(Needs(language="cy", text_size="large"))
    client.set_cookie(store.COOKIE_NAME, cookie)
    return client


def declared_language(app, client) -> str | None:
    cookie = client.get_cookie(store.COOKIE_NAME)
    with app.test_request_context():
        return store.parse(cookie.value if cookie else None).language


def switcher_link(response, language: str) -> str:
    page = BeautifulSoup(response.get_data(as_text=True), "html5lib")
    return page.select_one(f".app-language-switcher a[hreflang={language}]")["href"]


@pytest.mark.parametrize(
    ("asked", "answered"),
    [
        ("/", "/cy/"),
        (SERVICE, f"/cy{SERVICE}"),
        ("/search?q=bins", "/cy/search?q=bins"),
        ("/forms/report-a-missed-bin-collection", "/cy/forms/report-a-missed-bin-collection"),
    ],
)
def test_a_welsh_speaker_following_an_english_address_gets_the_welsh_page(
    welsh_speaker, asked, answered
):
    response = welsh_speaker.get(asked)
    assert response.status_code == 302
    assert response.headers["Location"] == answered
    assert "Cookie" in response.headers["Vary"]
    assert "private" in response.headers["Cache-Control"]
    assert welsh_speaker.get(answered).status_code == 200


def test_nobody_who_declared_nothing_is_moved(client):
    assert client.get("/").status_code == 200
    assert client.get(SERVICE).status_code == 200


def test_choosing_english_from_the_switcher_sticks_until_they_choose_again(app, welsh_speaker):
    welsh = welsh_speaker.get(f"/cy{SERVICE}")
    english = switcher_link(welsh, "en")
    assert english == f"{SERVICE}?chosen-language=en"
    chosen = welsh_speaker.get(english, headers={"Sec-Fetch-Site": "same-origin"})
    assert chosen.headers["Location"] == SERVICE  # the address is given back clean
    assert declared_language(app, welsh_speaker) == "en"
    # Their other needs are kept with the new choice.
    assert "app-text-large" in welsh_speaker.get(SERVICE).get_data(as_text=True)
    assert welsh_speaker.get("/").status_code == 200  # English on purpose, everywhere
    # Choosing Welsh again from the switcher brings Welsh back on English addresses.
    back = switcher_link(welsh_speaker.get(SERVICE), "cy")
    assert back == f"/cy{SERVICE}?chosen-language=cy"
    welsh_speaker.get(back, headers={"Sec-Fetch-Site": "same-origin"})
    assert declared_language(app, welsh_speaker) == "cy"
    assert welsh_speaker.get("/").headers["Location"] == "/cy/"


def test_a_link_on_another_site_cannot_change_what_the_person_declared(app, welsh_speaker):
    response = welsh_speaker.get(
        f"{SERVICE}?chosen-language=en", headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert response.headers["Location"] == SERVICE
    assert declared_language(app, welsh_speaker) == "cy"
    assert welsh_speaker.get(SERVICE).headers["Location"] == f"/cy{SERVICE}"


def test_a_choice_of_a_language_we_do_not_have_is_dropped(client):
    response = client.get(f"{SERVICE}?chosen-language=xx&other=1")
    assert response.headers["Location"] == f"{SERVICE}?other=1"
    assert client.get_cookie(store.COOKIE_NAME) is None


def test_choosing_a_language_with_nothing_else_declared_saves_just_that(app, client):
    client.get("/?chosen-language=cy")
    assert declared_language(app, client) == "cy"
    assert client.get("/").headers["Location"] == "/cy/"


def test_staff_pages_and_posts_are_left_alone(app):
    """Staff pages are in the staff member's language; a form sent to an English address
    is answered there (a redirect would lose what was typed)."""
    client = app.test_client()
    client.get("/?chosen-language=cy")  # Welsh declared, with a session for the form
    assert client.get("/staff/sign-in").status_code == 200
    answered = submit_form(client, f"/cy{BINS}/bin-type", {}, to=f"{BINS}/bin-type")
    assert answered.status_code == 400  # the question again, with its error, not a move
