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


def test_with_javascript_the_character_count_counts_in_welsh(js_page, live_server):
    page = js_page
    page.goto(live_server + "/cy/feedback/problem?page=" + PAGE)
    box = page.get_by_role("textbox", name="Beth oeddech chi'n ei wneud?")
    count = page.locator("#what_doing-info ~ .govuk-character-count__status")
    spoken = page.locator("#what_doing-info ~ .govuk-character-count__sr-status")
    expect(count).to_have_text("Mae gennych 1200 nod ar ôl")
    box.press_sequentially("Chwilio am y rhif ffôn")  # 22 characters, typed one by one
    expect(count).to_have_text("Mae gennych 1178 nod ar ôl")
    # Screen readers hear it once typing pauses.
    expect(spoken).to_have_text("Mae gennych 1178 nod ar ôl")
    box.fill("x" * 1201)
    expect(count).to_have_text("Mae gennych 1 nod yn ormod")
    box.fill("x" * 1200)
    expect(count).to_have_text("Mae gennych 0 nod ar ôl")
    # The limit, for screen readers, in Welsh too; no English anywhere in the component.
    expect(page.locator("#what_doing-info")).to_have_text("Gallwch ddefnyddio hyd at 1200 nod")
    component = page.locator(".govuk-character-count").first.inner_text()
    assert "You have" not in component and "characters" not in component
