"""Ask us to contact you, in Chromium with JavaScript off, in English and Welsh: axe on
the error state, check your answers and the confirmation; and the confirmation printed
in large print for someone who asked for larger text."""

import re

import pytest
from playwright.sync_api import expect

from portal.needs.model import Needs
from tests.browser.profiles import needs_cookie
from tests.support.axe import no_axe_violations

URL = "/services/report-a-missed-bin-collection/ask-us-to-contact-you"


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.context_js_enabled = False
    yield page
    context.close()


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_the_request_journey_is_accessible_at_every_step(no_js_page, live_server, prefix):
    page = no_js_page
    page.goto(f"{live_server}{prefix}{URL}")
    page.locator("input[name=name]").fill("Sam Jones")
    page.locator("input[name=phone]").fill("not a number")
    page.locator("main button.govuk-button").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator("input[name=name]")).to_have_value("Sam Jones")
    no_axe_violations(page)

    page.locator("input[name=kind][value=call_back]").check()
    page.locator("input[name=phone]").fill("01632 960 001")
    page.locator("input[name=best_time][value=afternoon]").check()
    page.locator("input[name=language][value=cy]").check()
    page.locator("input[name=needs][value=hearing_loop]").check()
    page.locator("main button.govuk-button").click()
    expect(page).to_have_url(re.compile(f"{re.escape(URL)}/check$"))
    no_axe_violations(page)

    page.locator("main button.govuk-button").click()
    expect(page).to_have_url(re.compile(f"{re.escape(URL)}/sent$"))
    expect(page.locator(".govuk-panel strong")).to_have_text(re.compile(r"^\w{4}-\w{4}$"))
    no_axe_violations(page)


def test_the_summary_prints_in_large_print_for_someone_who_asked_for_it(browser, live_server):
    """Paper ignores the screen's text size (GOV.UK prints in points): the print styles
    scale the page for people who declared larger text."""
    heights = {}
    for name, needs in (("standard", Needs()), ("largest", Needs(text_size="largest"))):
        context = browser.new_context()
        cookie = needs_cookie(needs)
        if cookie:
            context.add_cookies([{"name": "needs", "value": cookie, "url": live_server}])
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(live_server + URL)
        heights[name] = page.locator("h1").bounding_box()["height"]
        assert page.locator(".app-needs-bar").is_hidden()  # not on paper
        context.close()
    assert heights["largest"] >= heights["standard"] * 1.4, heights
