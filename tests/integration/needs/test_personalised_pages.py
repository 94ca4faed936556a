"""Declared needs applied on the server, each change explained in the reader's language."""

from tests.support.pages import soup_of

BLUE_BADGE = "/services/apply-for-a-blue-badge"


def channel_order(page) -> list[str]:
    return [element["id"] for element in page.select(".app-channel")]


def test_channels_reorder_for_a_phone_first_person(client, declare):
    declare(channels=("phone",))
    page = soup_of(client.get(BLUE_BADGE))
    assert channel_order(page)[0] == "channel-phone"
    because = page.select_one("#channel-phone .app-shown-because").get_text(" ", strip=True)
    assert because.startswith("Shown first because you told us you prefer this way")
    assert page.select_one("#channel-phone .app-shown-because a")["href"] == (
        "/your-needs/contact?change=1"
    )


def test_the_explanation_is_in_welsh_on_welsh_pages(client, declare):
    declare(channels=("phone",))
    page = soup_of(client.get("/cy" + BLUE_BADGE))
    because = page.select_one("#channel-phone .app-shown-because").get_text(" ", strip=True)
    assert because.startswith("Yn cael ei ddangos gyntaf")


def test_other_ways_follow_in_closed_details_once_one_is_shown_first(client, declare):
    declare(channels=("phone",))
    page = soup_of(client.get(BLUE_BADGE))
    others = page.select("details.app-channel")
    assert len(others) == 6
    assert not any(detail.has_attr("open") for detail in others)


def test_video_relay_comes_first_for_a_bsl_user(client, declare):
    declare(bsl=True)
    page = soup_of(client.get(BLUE_BADGE))
    assert channel_order(page)[0] == "channel-bsl-video"
    assert "British Sign Language" in page.select_one(".app-shown-because").get_text()


def test_a_missing_preferred_way_is_said_plainly_with_the_closest_first(client, declare):
    declare(channels=("text_message",))
    page = soup_of(client.get("/services/order-a-recycling-container"))
    inset = page.select_one(".govuk-inset-text").get_text(" ", strip=True)
    assert "This service cannot be used this way: Text message." in inset
    assert page.select_one('.govuk-inset-text a[href="/contact"]')
    assert channel_order(page)[0] == "channel-online"


def test_nothing_declared_means_no_explanations(client):
    page = soup_of(client.get(BLUE_BADGE))
    assert page.select(".app-shown-because") == []
    assert page.select("details.app-channel") == []


def test_help_comes_first_for_someone_who_is_helped(client, declare):
    declare(someone_helps=True)
    page = soup_of(client.get(BLUE_BADGE))
    assert channel_order(page)[0] == "channel-help"


def test_easy_read_is_shown_when_declared_and_present(client, declare):
    declare(easy_read=True)
    page = soup_of(client.get(BLUE_BADGE))
    assert page.h1.get_text(strip=True) == "Blue Badge: Easy Read"
    assert page.select_one(f'a[href="{BLUE_BADGE}?version=standard"]')


def test_a_page_without_easy_read_says_so(client, declare):
    declare(easy_read=True)
    page = soup_of(client.get("/services/report-a-pothole"))
    assert "no Easy Read version of this page yet" in page.get_text()


def test_everyone_can_reach_the_easy_read_version(client):
    page = soup_of(client.get(BLUE_BADGE))
    assert page.select_one(f'a[href="{BLUE_BADGE}?version=easy-read"]')
    easy = soup_of(client.get(BLUE_BADGE + "?version=easy-read"))
    assert easy.h1.get_text(strip=True) == "Blue Badge: Easy Read"


def test_lite_mode_sends_no_scripts_and_no_images(client, declare):
    declare(lite=True)
    page = soup_of(client.get(BLUE_BADGE))
    assert page.find_all("script") == []
    assert page.find_all("img") == []
    assert "app-lite" in page.html["class"]


def test_every_page_has_scripts_when_lite_mode_is_off(client):
    assert soup_of(client.get(BLUE_BADGE)).find_all("script")


def test_arabic_pages_are_right_to_left_with_english_content_marked(client):
    page = soup_of(client.get("/ar" + BLUE_BADGE))
    assert page.html["dir"] == "rtl"
    assert page.select_one('link[rel="stylesheet"]')["href"].startswith("/static/portal-rtl-")
    assert page.h1["lang"] == "en"
    assert page.h1["dir"] == "ltr"
    # Numbers keep their digit order inside right-to-left text.
    assert all(link["dir"] == "ltr" for link in page.select('a[href^="tel:"]'))
    assert page.select_one(".govuk-generic-header").get_text(strip=True) == "خدمات مجلس غلانمور"


def test_a_declared_language_is_offered_on_pages_in_another_language(client, declare):
    """An English address moves a Welsh speaker to Welsh (test_declared_language); a page
    whose address names a third language offers Welsh, and following the offer keeps
    Welsh as the choice."""
    declare(language="cy")
    offer = soup_of(client.get("/ar" + BLUE_BADGE)).select_one(".app-needs-bar__offer")
    assert offer["lang"] == "cy"
    assert offer.a["href"] == "/cy" + BLUE_BADGE + "?chosen-language=cy"
    assert offer.a.get_text(strip=True) == "Darllen y dudalen hon yn Gymraeg"


def test_every_page_says_what_it_changed_and_links_to_change_it(client, declare):
    declare(text_size="largest", contrast="dark")
    bar = soup_of(client.get("/")).select_one(".app-needs-bar")
    assert [li.get_text(strip=True) for li in bar.select(".app-needs-bar__list li")] == [
        "largest text",
        "dark colours",
    ]
    assert bar.select_one('a[href="/your-needs/saved"]').get_text(strip=True) == (
        "Change what helps you"
    )
