"""Every page the portal serves, in every language, through the page-checking client."""

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


def test_every_page_is_in_english_and_welsh(page_urls):
    english = {url for url in page_urls if not url.startswith("/cy")}
    welsh = {url for url in page_urls if url.startswith("/cy")}
    assert {"/cy" + url if url != "/" else "/cy/" for url in english} == welsh


def test_html_lang_follows_the_url(client, page_urls):
    for url in page_urls:
        soup = BeautifulSoup(client.get(url).data, "html5lib")
        expected = "cy" if url.startswith("/cy") else "en"
        assert soup.html["lang"] == expected, url
        assert soup.html["dir"] == "ltr", url


def test_language_switcher_leads_to_the_same_page_in_the_other_language(client, page_urls):
    for url in page_urls:
        soup = BeautifulSoup(client.get(url).data, "html5lib")
        switcher = soup.select_one("nav.app-language-switcher a")
        other = switcher["href"]
        expected = url.removeprefix("/cy") or "/" if url.startswith("/cy") else None
        if expected is not None:
            assert other == expected, url
            assert switcher["lang"] == "en"
        else:
            assert other == ("/cy/" if url == "/" else "/cy" + url), url
            assert switcher["lang"] == "cy"
        assert client.get(other).status_code == 200


def test_every_page_names_its_language_alternates(client, page_urls):
    for url in page_urls:
        soup = BeautifulSoup(client.get(url).data, "html5lib")
        alternates = {
            link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"]')
        }
        assert set(alternates) == {"en", "cy"}, url
        assert all(href.startswith("http://localhost/") for href in alternates.values())
        assert alternates["cy" if url.startswith("/cy") else "en"].endswith(url)


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
