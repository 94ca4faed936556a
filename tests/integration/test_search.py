"""Site search over the real content, through the page-checking client."""

import pytest
from bs4 import BeautifulSoup

from tests.support.apps import AppFactory

# What people would type, and the page that must come first. Paraphrases, plurals and, in
# Welsh, the mutated forms a sentence puts words in ("gais", "fathodyn", "nghartref").
ENGLISH = [
    ("blue badge", "services/apply-for-a-blue-badge"),
    ("disabled parking badge", "services/apply-for-a-blue-badge"),
    ("free bus pass", "services/apply-for-a-bus-pass-for-older-or-disabled-people"),
    ("bus pass for over 60s", "services/apply-for-a-bus-pass-for-older-or-disabled-people"),
    ("struggling to pay rent", "guides/if-you-are-struggling-to-pay-your-rent"),
    ("can't afford my rent", "guides/if-you-are-struggling-to-pay-your-rent"),
    ("discretionary housing payment", "services/apply-for-a-discretionary-housing-payment"),
    (
        "housing benefit does not cover my rent",
        "services/apply-for-a-discretionary-housing-payment",
    ),
    ("resident parking permit", "services/apply-for-a-resident-parking-permit"),
    ("parking permits", "services/apply-for-a-resident-parking-permit"),
    ("council tax reduction", "services/apply-for-council-tax-reduction"),
    ("reduce my council tax bill", "services/apply-for-council-tax-reduction"),
    ("care needs assessment", "services/ask-for-a-care-needs-assessment"),
    ("help to live safely at home", "services/ask-for-a-care-needs-assessment"),
    ("bulky waste collection", "services/book-a-bulky-waste-collection"),
    ("get rid of an old sofa", "services/book-a-bulky-waste-collection"),
    ("fridge collection", "services/book-a-bulky-waste-collection"),
    ("join housing register", "services/join-the-housing-register"),
    ("council house waiting list", "services/join-the-housing-register"),
    ("new recycling box", "services/order-a-recycling-container"),
    ("replace broken food caddy", "services/order-a-recycling-container"),
    ("missed bin", "services/report-a-missed-bin-collection"),
    ("bin not emptied", "services/report-a-missed-bin-collection"),
    ("pothole", "services/report-a-pothole"),
    ("potholes in the road", "services/report-a-pothole"),
    ("damp and mould in my council home", "services/report-a-repair-in-your-council-home"),
    ("dripping tap", "services/report-a-repair-in-your-council-home"),
    ("what goes in which bin", "guides/what-goes-in-each-recycling-bin"),
    ("help using a computer", "guides/getting-help-to-use-online-services"),
    ("help with housing costs", "step-by-step/get-help-with-housing-costs"),
    (
        "getting around if you are older",
        "step-by-step/get-help-to-get-around-if-you-are-older-or-disabled",
    ),
]

WELSH = [
    ("gais am fathodyn glas", "services/apply-for-a-blue-badge"),
    ("bathodyn glas", "services/apply-for-a-blue-badge"),
    ("bathodynnau glas", "services/apply-for-a-blue-badge"),
    ("pàs bws am ddim", "services/apply-for-a-bus-pass-for-older-or-disabled-people"),
    ("bas bws", "services/apply-for-a-bus-pass-for-older-or-disabled-people"),
    ("taliad tai disgresiwn", "services/apply-for-a-discretionary-housing-payment"),
    ("trwydded barcio i breswylwyr", "services/apply-for-a-resident-parking-permit"),
    ("trwyddedau parcio", "services/apply-for-a-resident-parking-permit"),
    ("treth y cyngor", "services/apply-for-council-tax-reduction"),
    ("gostyngiad treth gyngor", "services/apply-for-council-tax-reduction"),
    ("fy nhreth gyngor", "services/apply-for-council-tax-reduction"),
    ("asesiad o anghenion gofal", "services/ask-for-a-care-needs-assessment"),
    ("casgliad gwastraff swmpus", "services/book-a-bulky-waste-collection"),
    ("casglu soffas", "services/book-a-bulky-waste-collection"),
    ("oergell", "services/book-a-bulky-waste-collection"),
    ("cofrestr tai", "services/join-the-housing-register"),
    ("ymuno â'r gofrestr tai", "services/join-the-housing-register"),
    ("rhestr aros am gartref", "services/join-the-housing-register"),
    ("cynhwysydd ailgylchu newydd", "services/order-a-recycling-container"),
    ("cadi bwyd newydd", "services/order-a-recycling-container"),
    ("bin heb ei gasglu", "services/report-a-missed-bin-collection"),
    ("biniau heb eu casglu", "services/report-a-missed-bin-collection"),
    ("twll yn y ffordd", "services/report-a-pothole"),
    ("atgyweirio yn fy nghartref cyngor", "services/report-a-repair-in-your-council-home"),
    ("lleithder a llwydni", "services/report-a-repair-in-your-council-home"),
    ("beth sy'n mynd ym mhob bin", "guides/what-goes-in-each-recycling-bin"),
    ("help i ddefnyddio gwasanaethau ar-lein", "guides/getting-help-to-use-online-services"),
    ("trafferth talu rhent", "guides/if-you-are-struggling-to-pay-your-rent"),
    ("help gyda chostau tai", "step-by-step/get-help-with-housing-costs"),
]


@pytest.fixture(scope="module")
def search_client():
    """One app for the whole table: search pages read no database."""
    with AppFactory() as make_app:
        yield make_app(migrate=False).test_client()


def results_page(client, url: str, **params) -> BeautifulSoup:
    response = client.get(url, query_string=params)
    assert response.status_code == 200
    return BeautifulSoup(response.data, "html5lib")


def result_links(soup: BeautifulSoup) -> list[str]:
    return [a["href"] for a in soup.select("main .app-page-list__link")]


@pytest.mark.parametrize(("query", "expected"), ENGLISH, ids=[q for q, _ in ENGLISH])
def test_english_query_puts_the_right_page_first(search_client, query, expected):
    links = result_links(results_page(search_client, "/search", q=query))
    assert links[:1] == [f"/{expected}"], links


@pytest.mark.parametrize(("query", "expected"), WELSH, ids=[q for q, _ in WELSH])
def test_welsh_query_puts_the_right_page_first(search_client, query, expected):
    links = result_links(results_page(search_client, "/cy/search", q=query))
    assert links[:1] == [f"/cy/{expected}"], links


def test_the_empty_search_page_shows_the_form_and_no_results(search_client):
    soup = results_page(search_client, "/search")
    form = soup.select_one("main form[role=search]")
    assert form["action"] == "/search"
    assert form.get("method") == "get"
    assert form.select_one("input[name=q]")["value"] == ""
    assert soup.select_one("#search-results-count") is None
    assert result_links(soup) == []


def test_the_query_stays_in_the_box_and_the_count_is_shown(search_client):
    soup = results_page(search_client, "/search", q="blue badge")
    assert soup.select_one("main input[name=q]")["value"] == "blue badge"
    count = soup.select_one("#search-results-count").get_text(strip=True)
    assert count == f"{len(result_links(soup))} results"


def test_no_results_gives_advice_and_a_way_to_browse(search_client):
    soup = results_page(search_client, "/search", q="xylophone")
    assert soup.select_one("#search-results-count").get_text(strip=True) == "0 results"
    assert result_links(soup) == []
    assert "/#topics" in {a["href"] for a in soup.select("main a")}
    assert soup.select_one("main .govuk-list--bullet") is not None


def test_a_second_page_shows_the_rest_of_the_results(search_client):
    first = results_page(search_client, "/search", q="home")
    second = results_page(search_client, "/search", q="home", page=2)
    total = int(first.select_one("#search-results-count").get_text().split()[0])
    assert total > 10
    assert len(result_links(first)) == 10
    assert len(result_links(second)) == total - 10
    assert not set(result_links(first)) & set(result_links(second))
    current = second.select_one(".govuk-pagination__item--current a")
    assert current.get_text(strip=True) == "2"
    assert second.select_one(".govuk-pagination__prev a")["href"] == "/search?q=home&page=1"


@pytest.mark.parametrize("page", ["0", "-3", "abc", "99", "1" * 40, ""])
def test_any_page_number_gives_a_page_of_results(search_client, page):
    soup = results_page(search_client, "/search", q="home", page=page)
    assert result_links(soup)


@pytest.mark.parametrize(
    "query", ["x" * 10_000, "badge " * 2_000, '"NEAR(*) OR', "\x00", "blue\x00badge", "🦡"]
)
def test_long_or_strange_queries_give_a_page_not_an_error(search_client, query):
    soup = results_page(search_client, "/search", q=query)
    shown = soup.select_one("main input[name=q]")["value"]
    assert len(shown) <= 200
    assert "\x00" not in shown


def test_welsh_results_are_welsh_pages_at_welsh_addresses(search_client):
    soup = results_page(search_client, "/cy/search", q="bathodyn glas")
    assert soup.html["lang"] == "cy"
    assert soup.select_one("main form[role=search]")["action"] == "/cy/search"
    first = soup.select_one("main .app-page-list__link")
    assert first["href"] == "/cy/services/apply-for-a-blue-badge"
    assert first.get_text(strip=True) == "Gwneud cais am Fathodyn Glas"


def test_arabic_results_are_english_pages_marked_as_english(search_client):
    soup = results_page(search_client, "/ar/search", q="blue badge")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    item = soup.select_one("main .app-page-list__item")
    assert (item["lang"], item["dir"]) == ("en", "ltr")
    assert item.a["href"] == "/ar/services/apply-for-a-blue-badge"


def test_the_home_page_has_a_search_box(search_client):
    for prefix in ("", "/cy"):
        soup = results_page(search_client, prefix + "/")
        form = soup.select_one("main form[role=search]")
        assert form["action"] == prefix + "/search"
        assert form.select_one("input[name=q]") is not None


def suggestion_link(soup: BeautifulSoup):
    return soup.select_one("main #search-suggestion a")


# A word no page has, and what our pages say that it probably meant: a letter missing, a
# word not finished, two words run together, a letter wrong in Welsh.
SUGGESTIONS = [
    ("", "recyling", "recycling", "services/order-a-recycling-container"),
    ("", "parkin", "parking", "services/apply-for-a-resident-parking-permit"),
    ("", "bluebadge", "blue badge", "services/apply-for-a-blue-badge"),
    ("/cy", "ailgylchy", "ailgylchu", "services/order-a-recycling-container"),
]


@pytest.mark.parametrize(
    ("prefix", "typed", "meant", "expected"), SUGGESTIONS, ids=[s[1] for s in SUGGESTIONS]
)
def test_a_misspelling_finds_nothing_and_offers_what_it_probably_meant(
    search_client, prefix, typed, meant, expected
):
    soup = results_page(search_client, f"{prefix}/search", q=typed)
    # What was typed is searched for as typed, and kept in the box.
    assert soup.select_one("#search-results-count").get_text().split()[0] == "0"
    assert soup.select_one("main input[name=q]")["value"] == typed
    link = suggestion_link(soup)
    assert link.get_text(strip=True) == meant
    # A plain link to the search for it: it works with no JavaScript.
    assert link["href"] == f"{prefix}/search?q={meant.replace(' ', '+')}"
    followed = BeautifulSoup(search_client.get(link["href"]).data, "html5lib")
    assert f"{prefix}/{expected}" in result_links(followed)[:3], result_links(followed)


def test_the_suggestion_says_did_you_mean(search_client):
    soup = results_page(search_client, "/search", q="recyling")
    assert soup.select_one("main #search-suggestion").get_text(" ", strip=True) == (
        "Did you mean recycling ?"
    )


def test_the_welsh_suggestion_is_in_welsh(search_client):
    # Fails until the Welsh for "Did you mean %(suggestion)s?" is in translations/.
    soup = results_page(search_client, "/cy/search", q="ailgylchy")
    assert soup.select_one("main #search-suggestion").get_text(" ", strip=True) == (
        "Oeddech chi'n golygu ailgylchu ?"
    )


def test_a_query_that_finds_pages_is_not_changed_or_second_guessed(search_client):
    soup = results_page(search_client, "/search", q="recycling box")
    assert soup.select_one("main input[name=q]")["value"] == "recycling box"
    assert result_links(soup)
    assert suggestion_link(soup) is None


def test_results_for_the_words_found_come_with_a_suggestion_for_the_one_not(search_client):
    soup = results_page(search_client, "/search", q="recyling box")
    assert suggestion_link(soup)["href"] == "/search?q=recycling+box"
    # The results shown are those of the query as typed (pages with "box"), not of the
    # suggestion.
    count = soup.select_one("#search-results-count").get_text(strip=True)
    box = results_page(search_client, "/search", q="box")
    assert count == box.select_one("#search-results-count").get_text(strip=True) != "0 results"


def test_a_suggestion_on_an_english_index_is_marked_as_english_on_an_arabic_page(search_client):
    soup = results_page(search_client, "/ar/search", q="recyling")
    link = suggestion_link(soup)
    assert (link["lang"], link["dir"]) == ("en", "ltr")
    assert link["href"] == "/ar/search?q=recycling"


def test_a_word_close_to_none_of_ours_gets_no_suggestion(search_client):
    assert suggestion_link(results_page(search_client, "/search", q="xylophone")) is None
