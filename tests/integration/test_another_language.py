"""Adding an interface language is one record in config and one .po file: every page then
renders in it, the switcher offers it, and what lists languages lists it (or rightly not).

The language here is Polish, as an interface language only (no pages are written in it),
with a small catalogue made in the test: pages whose strings it lacks fall back to English,
as gettext does, and must still render."""

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from bs4 import BeautifulSoup

from config import ROOT, TestConfig

POLISH = {
    "code": "pl",
    "name": "Polski",
    "english": "Polish",
    "direction": "ltr",
    "content": False,
    "offer": "Przeczytaj tę stronę po polsku",
}
# A few interface strings, enough to see the catalogue is used.
STRINGS = {
    "Skip to main content": "Przejdź do głównej treści",
    "Tell us what helps you": "Powiedz nam, co ci pomaga",
}


@pytest.fixture
def polish_app(tmp_path, make_app):
    catalog = Catalog(locale="pl")
    for english, polish in STRINGS.items():
        catalog.add(english, polish)
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.mo").open("wb") as file:
        write_mo(file, catalog)
    return make_app(
        LANGUAGES=(*TestConfig.LANGUAGES, POLISH),
        BABEL_TRANSLATION_DIRECTORIES=f"{ROOT / 'translations'};{tmp_path}",
    )


def test_every_page_renders_in_the_new_language(polish_app):
    from portal.sitemap import page_urls

    with polish_app.test_request_context():
        urls = [url for url in page_urls() if url.startswith("/pl/")]
    assert len(urls) > 40
    client = polish_app.test_client()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    page = BeautifulSoup(client.get("/pl/").get_data(as_text=True), "html.parser")
    assert page.html["lang"] == "pl"
    assert page.find(string="Przejdź do głównej treści")  # the test's catalogue is read


def test_the_switcher_and_hreflang_offer_the_new_language(polish_app):
    page = BeautifulSoup(polish_app.test_client().get("/").get_data(as_text=True), "html.parser")
    link = page.find("a", hreflang="pl", lang="pl")
    assert link is not None and link.get_text(strip=True) == "Polski"
    assert link["href"] == "/pl/?chosen-language=pl"  # following it is choosing Polish
    assert page.find("link", rel="alternate", hreflang="pl")["href"].endswith("/pl/")


def test_content_is_english_marked_as_english_for_the_new_language(polish_app):
    html = polish_app.test_client().get("/pl/services/apply-for-a-blue-badge").get_data(True)
    assert "Blue Badge" in html
    assert 'lang="en" dir="ltr"' in html  # content has no Polish: English, marked so


def test_the_api_offers_only_languages_that_pages_are_written_in(polish_app):
    client = polish_app.test_client()
    assert client.get("/api/v1/services?lang=cy").status_code == 200
    refused = client.get("/api/v1/services?lang=pl")
    assert refused.status_code == 400
    assert "en, cy" in refused.get_data(as_text=True)


def test_the_statement_names_the_new_language_when_it_was_tested(polish_app):
    from portal.transparency.statement import AuditSummary

    summary = AuditSummary(
        tested_on=None,
        standard="WCAG 2.2 AA",
        tool="axe",
        pages=1,
        checks=1,
        languages=("en", "cy", "pl"),
        profiles=(),
        issues=(),
    )
    with polish_app.test_request_context("/"):
        assert summary.language_names() == ["English", "Welsh", "Polish"]


def test_a_person_who_chooses_the_new_language_is_told_there_is_no_code_for_it_yet(polish_app):
    from portal.needs import store
    from portal.needs.model import Needs

    client = polish_app.test_client()
    with polish_app.test_request_context():
        client.set_cookie(store.COOKIE_NAME, store.dump(Needs(language="pl", text_size="large")))
    for url in ("/pl/your-needs/saved", "/pl/your-needs/code"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "There is no needs code for your language yet" in response.get_data(as_text=True)
