""" "Is this page useful?" in a real browser: enhanced with JavaScript, plain without it,
and reachable by keyboard."""

import re

import pytest
from playwright.sync_api import expect

PAGE = "/cy/services/report-a-pothole"


@pytest.fixture
def js_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_with_javascript_yes_is_thanked_in_place_in_the_readers_language(js_page, live_server):
    page = js_page
    page.goto(live_server + PAGE)
    page.get_by_role("button", name="Ydy mae'r dudalen hon yn ddefnyddiol").click()
    expect(page.get_by_role("status")).to_have_text("Diolch am eich adborth")
    expect(page).to_have_url(live_server + PAGE)


def test_with_javascript_no_still_asks_what_was_wrong(js_page, live_server):
    page = js_page
    page.goto(live_server + PAGE)
    page.get_by_role("button", name="Nac ydy").click()
    expect(page).to_have_url(
        re.compile(r"/cy/feedback/problem\?page=/cy/services/report-a-pothole")
    )


def test_without_javascript_yes_goes_to_a_thank_you_page_and_back(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server + PAGE)
    page.get_by_role("button", name="Ydy mae'r dudalen hon yn ddefnyddiol").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Diolch am eich adborth")
    page.get_by_role("link", name="Mynd yn ôl i'r dudalen roeddech chi'n ei darllen").click()
    expect(page).to_have_url(live_server + PAGE)


def test_a_problem_can_be_reported_by_keyboard_alone(js_page, live_server):
    page = js_page
    page.goto(live_server + "/services/report-a-pothole")
    page.get_by_role("link", name="Report a problem with this page").focus()
    page.keyboard.press("Enter")
    # Wait for the form's page before reading focus (the old page is being replaced).
    expect(page.get_by_role("heading", level=1)).to_have_text("Help us improve this page")
    page.keyboard.press("Tab")
    for _ in range(12):
        if page.evaluate("document.activeElement.id") == "what_doing":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "what_doing"
    page.keyboard.type("Looking for the phone number")
    page.keyboard.press("Tab")
    page.keyboard.type("It was not there")
    page.get_by_role("button", name="Send").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your feedback")
