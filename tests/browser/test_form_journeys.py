"""Form journeys in Chromium: with JavaScript off, by keyboard only, in English and Welsh,
with axe run on every error state, check your answers, save, and the confirmation."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.filling import fill_by_keyboard, fill_directly, tab_to
from tests.support.answers import (
    BIN_ANSWERS,
    BINS,
    CARE,
    CARE_ANSWERS,
    PARKING,
    PARKING_ANSWERS,
)
from tests.support.axe import no_axe_violations

JOURNEYS = {
    "bins": (BINS, BIN_ANSWERS),
    "care": (CARE, CARE_ANSWERS),
    "parking": (PARKING, PARKING_ANSWERS),
}
CONTINUE = {"": "Continue", "/cy": "Parhau"}
SEND = {"": "Accept and send", "/cy": "Derbyn ac anfon"}


@pytest.fixture(params=["javascript-off", "keyboard-only"])
def mode(request, browser):
    context = browser.new_context(java_script_enabled=request.param == "keyboard-only")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.context_js_enabled = request.param == "keyboard-only"
    yield request.param, page
    context.close()


@pytest.mark.parametrize("prefix", ["", "/cy"])
@pytest.mark.parametrize("journey", list(JOURNEYS))
def test_every_journey_completes(mode, live_server, journey, prefix):
    how, page = mode
    form, answers = JOURNEYS[journey]
    page.goto(f"{live_server}{prefix}{form}/{answers[0][0]}")
    for question, data in answers:
        expect(page).to_have_url(re.compile(f"{re.escape(form)}/{question}$"))
        if how == "keyboard-only":
            fill_by_keyboard(page, data)
            tab_to(page, page.get_by_role("button", name=CONTINUE[prefix]))
            page.keyboard.press("Enter")
        else:
            fill_directly(page, data)
            page.get_by_role("button", name=CONTINUE[prefix]).click()
    expect(page).to_have_url(re.compile(f"{re.escape(form)}/check$"))
    no_axe_violations(page)
    if how == "keyboard-only":
        tab_to(page, page.get_by_role("button", name=SEND[prefix]))
        page.keyboard.press("Enter")
    else:
        page.get_by_role("button", name=SEND[prefix]).click()
    expect(page).to_have_url(re.compile(f"{re.escape(form)}/sent$"))
    expect(page.locator(".govuk-panel strong")).to_have_text(re.compile(r"^\w{4}-\w{4}$"))
    no_axe_violations(page)


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("prefix", ["", "/cy"])
@pytest.mark.parametrize("journey", list(JOURNEYS))
def test_every_question_error_state_is_accessible(browser, live_server, journey, prefix, width):
    """An empty submission on every question page (or a bad one, where empty is allowed)."""
    form, answers = JOURNEYS[journey]
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.context_js_enabled = True
    for question, _data in answers:
        page.goto(f"{live_server}{prefix}{form}/{question}")
        if page.locator("input[type=email], input[type=tel], input[inputmode]").count():
            page.locator("input.govuk-input").first.fill("!!!")
        page.get_by_role("button", name=CONTINUE[prefix]).click()
        if page.locator(".govuk-error-summary").count() == 0:
            continue  # an optional question: empty is a fine answer
        no_axe_violations(page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"
    context.close()


def test_save_and_come_back_later_page_is_accessible(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    page.context_js_enabled = True
    page.goto(f"{live_server}{BINS}/bin-type")
    page.locator("input[value=recycling]").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Save and come back later").click()
    no_axe_violations(page)  # the page that offers the code: opening it makes none
    page.get_by_role("button", name="Get a return code").click()
    code = page.locator(".app-needs-code")
    expect(code).to_have_text(re.compile(r"^\w{4}-\w{4}-\w{4}$"))
    no_axe_violations(page)
    # Back again, the code the person wrote down is kept; a new one is only on request.
    page.goto(f"{live_server}{BINS}/save")
    expect(page.get_by_role("heading", level=1)).to_have_text("You already have a return code")
    no_axe_violations(page)
    context.close()
