"""The "What helps you" journey in a real browser: with JavaScript off, and by keyboard only."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.filling import tab_to


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def keyboard_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_the_journey_completes_with_javascript_off(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server + "/")
    page.get_by_role("link", name="Tell us what helps you").click()
    page.get_by_role("button", name="Start now").click()

    page.get_by_label("Cymraeg").check()
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/cy/your-needs/text-size$"))

    page.get_by_label("Mwyaf").check()
    page.get_by_role("button", name="Parhau").click()
    page.get_by_role("link", name="Hepgor y cwestiwn hwn").click()
    page.get_by_role("button", name="Parhau").click()
    page.get_by_role("button", name="Parhau").click()
    page.get_by_label("Ffôn").check()
    page.get_by_role("button", name="Parhau").click()
    page.get_by_role("button", name="Parhau").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Gwirio eich atebion")
    page.get_by_role("button", name=re.compile("Cadw")).click()

    expect(page).to_have_url(re.compile(r"/cy/your-needs/saved$"))
    expect(page.locator("html")).to_have_class(re.compile("app-text-largest"))

    page.goto(live_server + "/cy/services/apply-for-a-blue-badge")
    first = page.locator(".app-channel").first
    expect(first).to_have_id("channel-phone")
    expect(first.locator(".app-shown-because")).to_contain_text("Yn cael ei ddangos gyntaf")


def test_the_journey_completes_with_the_keyboard_only(keyboard_page, live_server):
    page = keyboard_page
    page.goto(live_server + "/your-needs")
    tab_to(page, page.get_by_role("button", name="Start now"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/your-needs/language$"))
    tab_to(page, page.get_by_label("English"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Continue"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/your-needs/text-size$"))
    tab_to(page, page.get_by_label("Standard"))
    page.keyboard.press("ArrowDown")  # radios move with the arrow keys
    expect(page.get_by_label("Large", exact=True)).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Continue"))
    page.keyboard.press("Enter")

    for _ in range(5):  # colours, reading, connection, contact, help: skip them all
        tab_to(page, page.get_by_role("link", name="Skip this question"))
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/your-needs/check$"))

    tab_to(page, page.get_by_role("button", name="Save and use these answers"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/your-needs/saved$"))
    expect(page.locator("html")).to_have_class(re.compile("app-text-large"))

    tab_to(page, page.get_by_role("button", name="Clear what I told you"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/your-needs/cleared$"))
    expect(page.locator("html")).not_to_have_class(re.compile("app-text-large"))
