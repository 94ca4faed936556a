"""Every page the portal serves, in every language, through the page-checking client."""

import pytest
from bs4 import BeautifulSoup

from portal.sitemap import unreachable_endpoints


def test_every_page_is_served_and_holds_the_page_invariants(client, page_urls):
    assert len(page_urls) > 40
    for url in page_urls:
        response = client.get(url)
        assert response.status_code == 200, url


def test_every_route_is_in_the_sitemap_so_the_checks_reach_it(app):
    with app.test_request_context():
        assert unreachable_endpoints() == []


PREFIXES = {"cy": "/cy", "ar": "/ar"}


def language_of(url: str) -> str:
    return next((code for code, prefix in PREFIXES.items() if url.startswith(prefix + "/")), "en")


def in_language(url: str, language: str) -> str:
    """The same page's URL in another language."""
    path = url.removeprefix(PREFIXES.get(language_of(url), ""))
    return PREFIXES.get(language, "") + path


def test_every_page_is_in_every_language(page_urls):
    english = {url for url in page_urls if language_of(url) == "en"}
    for language in PREFIXES:
        assert {in_language(url, language) for url in english} == {
            url for url in page_urls if language_of(url) == language
        }


@pytest.mark.rendering
def test_html_lang_and_dir_follow_the_url(client, page_urls):
    for url in page_urls:
        soup = BeautifulSoup(client.get(url).data, "html5lib")
        language = language_of(url)
        assert soup.html["lang"] == language, url
        assert soup.html["dir"] == ("rtl" if language == "ar" else "ltr"), url


@pytest.mark.rendering
def test_language_switcher_leads_to_the_same_page_in_each_other_language(client, page_urls):
    for url in page_urls:
        soup = BeautifulSoup(client.get(url).data, "html5lib")
        links = {a["lang"]: a["href"] for a in soup.select("nav.app-language-switcher a")}
        others = {code for code in ("en", *PREFIXES) if code != language_of(url)}
        # Each link says the person chose that language (portal.needs.declared_language).
        chosen = {
            code: in_language(url, code) + ("&" if "?" in url else "?") + f"chosen-language={code}"
            for code in others
        }
        assert links == chosen, url
        for code, href in links.items():
            chooser = client.application.test_client()  # a browser of its own: it saves
            moved = chooser.get(href)
            assert moved.headers["Location"] == in_language(url, code), href
            assert chooser.get(moved.headers["Location"]).status_code == 200, href


@pytest.mark.rendering
def test_every_page_names_its_language_alternates(client, page_urls):
    for url in page_urls:
        soup = BeautifulSoup(client.get(url).data, "html5lib")
        alternates = {
            link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"]')
        }
        assert set(alternates) == {"en", *PREFIXES}, url
        assert all(href.startswith("http://localhost/") for href in alternates.values())
        assert alternates[language_of(url)] == "http://localhost" + url


@pytest.mark.rendering
def test_every_page_links_to_search_and_help_near_you_in_its_language(client, page_urls):
    for url in page_urls:
        soup = BeautifulSoup(client.get(url).data, "html5lib")
        prefix = PREFIXES.get(language_of(url), "")
        links = {a["href"] for a in soup.select("footer a")}
        assert {f"{prefix}/search", f"{prefix}/help-near-you"} <= links, url


@pytest.mark.parametrize(
    ("url", "search", "help_near_you"),
    [
        ("/no-such-page", "Search", "Help near you"),
        ("/cy/no-such-page", "Chwilio", "Help yn agos atoch chi"),
    ],
)
def test_a_page_that_is_not_there_links_to_search_and_help_near_you(
    client, url, search, help_near_you
):
    response = client.get(url)
    assert response.status_code == 404
    prefix = PREFIXES.get(language_of(url), "")
    footer = BeautifulSoup(response.data, "html5lib").select_one("footer")
    links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
    assert links[search] == f"{prefix}/search"
    assert links[help_near_you] == f"{prefix}/help-near-you"


def test_welsh_pages_use_welsh_interface_text(client):
    soup = BeautifulSoup(client.get("/cy/services/apply-for-a-blue-badge").data, "html5lib")
    assert soup.select_one(".govuk-skip-link").get_text(strip=True) == "Neidio i'r prif gynnwys"
    assert soup.select_one("#channel-phone-heading").get_text(strip=True) == "Ffôn"


def test_topic_page_lists_its_services_and_guides(client):
    soup = BeautifulSoup(client.get("/topics/bins-and-recycling").data, "html5lib")
    links = {a["href"] for a in soup.select("main a")}
    assert "/services/report-a-missed-bin-collection" in links
    assert "/guides/what-goes-in-each-recycling-bin" in links
    assert "/services/apply-for-a-blue-badge" not in links


def test_service_page_lists_each_channel_it_offers_and_no_other(client):
    soup = BeautifulSoup(client.get("/services/book-a-bulky-waste-collection").data, "html5lib")
    channels = [section["id"] for section in soup.select("section.app-channel")]
    assert channels == ["channel-online", "channel-phone"]
