"""Help near you: the search page and each place's page, through the page-checking client."""

import shutil

import pytest
from bs4 import BeautifulSoup

from config import ROOT


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.get_data(as_text=True), "html5lib")


def result_links(soup: BeautifulSoup) -> list[str]:
    return [a["href"] for a in soup.select("main a.app-page-list__link")]


def test_the_search_page_lists_every_place_with_what_help_it_gives(client):
    soup = page(client, "/help-near-you")
    assert soup.h1.get_text(strip=True) == "Help near you"
    assert soup.select_one("form[method=get]")["action"] == "/help-near-you"
    links = result_links(soup)
    assert len(links) == 10
    assert "/help-near-you/abermor-library" in links
    assert soup.select_one("#places-count").get_text(strip=True) == "10 places"
    item = soup.find("a", href="/help-near-you/st-idris-community-hub").parent
    assert "Council office, St Idris" in item.get_text(" ", strip=True)
    assert "Help with council services" in item.get_text(" ", strip=True)


def test_the_welsh_page_shows_places_in_welsh_and_finds_a_mutated_town(client):
    soup = page(client, "/cy/help-near-you?q=Nghwm+Glan")
    links = result_links(soup)
    assert links[:2] == [
        "/cy/help-near-you/cwm-glan-library",
        "/cy/help-near-you/cwm-glan-welfare-hall",
    ]
    assert soup.find("a", href=links[0]).get_text(strip=True) == "Llyfrgell Cwm Glan"
    assert soup.select_one("#places-q")["value"] == "Nghwm Glan"


def test_a_town_search_shows_its_places_then_the_rest_of_the_area(client):
    soup = page(client, "/help-near-you?q=st+idris")
    matching = soup.select("ul[aria-labelledby=places-matching] a.app-page-list__link")
    nearby = soup.select("ul[aria-labelledby=places-nearby] a.app-page-list__link")
    assert [a["href"] for a in matching] == ["/help-near-you/st-idris-community-hub"]
    assert len(nearby) == 9


def test_a_postcode_search_puts_its_sector_first(client):
    links = result_links(page(client, "/help-near-you?q=cf99+2ab"))
    assert links[:2] == [
        "/help-near-you/abermor-community-centre",
        "/help-near-you/abermor-library",
    ]


def test_a_filter_keeps_only_places_that_give_that_help_and_stays_ticked(client):
    soup = page(client, "/help-near-you?q=Abermor&help=digital-skills-classes&help=help-in-welsh")
    links = result_links(soup)
    assert "/help-near-you/abermor-community-centre" not in links  # no Welsh speakers
    assert "/help-near-you/abermor-library" not in links  # no classes
    # No place in Abermor gives both, so the nearest that do are shown, and the page says so.
    assert links == ["/help-near-you/glanmor-central-library"]
    assert "No places match your search exactly" in soup.select_one("main").get_text()
    ticked = {box["value"] for box in soup.select("input[name=help][checked]")}
    assert ticked == {"digital-skills-classes", "help-in-welsh"}


def test_a_search_that_finds_nothing_says_what_to_try(client):
    soup = page(client, "/help-near-you?q=London")
    assert result_links(soup) == []
    assert soup.select_one("#places-count").get_text(strip=True) == "0 places found"
    assert soup.find("a", string="see every place")["href"] == "/help-near-you"


def test_a_ten_thousand_character_query_is_answered_and_cut_short(client):
    soup = page(client, "/help-near-you?q=" + "Glanmor" * 1430)
    assert len(soup.select_one("#places-q")["value"]) == 100
    assert result_links(soup) == []


def test_a_place_page_shows_where_it_is_when_it_is_open_and_what_it_has(client):
    soup = page(client, "/help-near-you/abermor-library")
    assert soup.h1.get_text(strip=True) == "Abermor Library"
    assert soup.title.get_text().startswith("Abermor Library")
    main = soup.select_one("main").get_text(" ", strip=True)
    for text in (
        "Harbour Road",
        "CF99 2HR",
        "Monday, Tuesday, Thursday and Friday",
        "9:30am to 5pm",
        "Printing and scanning",
        "Hearing loop",
        "Yes, someone here can help you in Welsh",
        "Digital helpers are here on Tuesday",
    ):
        assert text in main, text
    assert soup.select_one("a[href^='tel:']")["href"] == "tel:02920180921"
    assert soup.select_one("a[href^='mailto:']")["href"] == "mailto:library.abermor@glanmor.example"


def test_a_place_page_in_welsh_shows_the_welsh_text(client):
    soup = page(client, "/cy/help-near-you/st-idris-community-hub")
    assert soup.h1.get_text(strip=True) == "Hyb Cymunedol Llanidris"
    main = soup.select_one("main").get_text(" ", strip=True)
    for text in (
        "Hen Neuadd y Dref",
        "Llanidris",
        "Dydd Llun i ddydd Gwener",
        "9am i 5pm",
        "Dolen sain",
    ):
        assert text in main, text


def test_a_place_page_in_arabic_marks_the_english_text_as_english(client):
    soup = page(client, "/ar/help-near-you/pontfaelog-village-hall")
    name = soup.h1.find("span")
    assert (name["lang"], name["dir"], name.get_text()) == ("en", "ltr", "Pontfaelog Village Hall")
    hours = soup.find("span", string="10am to 12pm")
    assert (hours["lang"], hours["dir"]) == ("en", "ltr")
    assert "مواقف سيارات لحاملي الشارة الزرقاء" in soup.select_one("main").get_text()


@pytest.mark.parametrize("url", ["/help-near-you/nowhere", "/cy/help-near-you/nowhere"])
def test_an_unknown_place_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_every_place_is_in_every_language_in_the_sitemap(page_urls):
    for prefix in ("", "/cy", "/ar"):
        assert f"{prefix}/help-near-you/cwm-glan-welfare-hall" in page_urls
        assert f"{prefix}/help-near-you?q=CF99" in page_urls


def test_the_guide_to_getting_help_links_to_the_places_in_each_language(client):
    english = page(client, "/guides/getting-help-to-use-online-services")
    assert english.select_one("main a[href='/help-near-you']") is not None
    welsh = page(client, "/cy/guides/getting-help-to-use-online-services")
    assert welsh.select_one("main a[href='/cy/help-near-you']") is not None


def test_content_with_no_places_folder_has_no_places(make_app, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("places"))
    client = make_app(CONTENT_DIR=content).test_client()
    soup = page(client, "/help-near-you")
    assert result_links(soup) == []
    assert soup.select_one("#places-count").get_text(strip=True) == "0 places"
    assert client.get("/help-near-you/abermor-library").status_code == 404
