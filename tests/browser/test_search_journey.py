"""Search in a real browser with JavaScript off: reached from any page's footer, and a
misspelling's "Did you mean" leads to the results for what was meant."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_a_misspelling_leads_to_what_was_meant_with_javascript_off(no_js_page, live_server):
    page = no_js_page
    # A service page has no search box of its own: the footer leads to search.
    page.goto(live_server + "/services/report-a-pothole")
    page.locator("footer").get_by_role("link", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"/search$"))

    page.get_by_label("Search services and guides").fill("recyling")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#search-results-count")).to_have_text("0 results")
    expect(page.locator("#search-suggestion")).to_have_text("Did you mean recycling?")

    page.locator("#search-suggestion").get_by_role("link", name="recycling").click()
    expect(page).to_have_url(re.compile(r"/search\?q=recycling$"))
    expect(page.get_by_label("Search services and guides")).to_have_value("recycling")
    expect(page.get_by_role("link", name="Order a recycling container")).to_be_visible()


def test_help_near_you_is_in_every_footer_in_welsh_too(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server + "/cy/services/report-a-pothole")
    page.locator("footer").get_by_role("link", name="Help yn agos atoch chi").click()
    expect(page).to_have_url(re.compile(r"/cy/help-near-you$"))
    page.locator("footer").get_by_role("link", name="Chwilio", exact=True).click()
    expect(page).to_have_url(re.compile(r"/cy/search$"))
