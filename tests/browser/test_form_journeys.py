"""Form journeys in Chromium: with JavaScript off, by keyboard only, in English and Welsh,
with axe run on every error state, check your answers, save, and the confirmation."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility_matrix import AXE, AXE_OPTIONS
from tests.browser.test_needs_journey import tab_to
from tests.support.answers import (
    BIN_ANSWERS,
    BINS,
    CARE,
    CARE_ANSWERS,
    PARKING,
    PARKING_ANSWERS,
)

JOURNEYS = {
    "bins": (BINS, BIN_ANSWERS),
    "care": (CARE, CARE_ANSWERS),
    "parking": (PARKING, PARKING_ANSWERS),
}
CONTINUE = {"": "Continue", "/cy": "Parhau"}
SEND = {"": "Accept and send", "/cy": "Derbyn ac anfon"}


def no_axe_violations(page) -> None:
    """axe needs JavaScript in the page. For a JavaScript-off page, load the very DOM it
    shows (scripts removed) into a JavaScript-on page at the same URL, and judge that."""
    if page.context_js_enabled:
        judged = page
    else:
        html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.S)
        judged = page.context.browser.new_page()
        judged.route(page.url, lambda route: route.fulfill(body=html, content_type="text/html"))
        judged.goto(page.url)
    results = AXE.run(judged, options=AXE_OPTIONS)
    if judged is not page:
        judged.close()
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def fill_directly(page, data: dict) -> None:
    """Fill the page's fields without JavaScript: Playwright sets them directly."""
    for name, value in data.items():
        if (
            isinstance(value, list)
            and name == "answer"
            and page.locator("input[type=checkbox]").count()
        ):
            for item in value:
                page.locator(f"input[name=answer][value='{item}']").check()
        elif isinstance(value, list):
            for part, item in zip(("day", "month", "year"), value, strict=True):
                page.locator(f"#answer-{part}").fill(item)
        elif page.locator(f"input[name='{name}'][type=radio]").count():
            page.locator(f"input[name='{name}'][value='{value}']").check()
        elif page.locator(f"textarea[name='{name}']").count():
            page.locator(f"textarea[name='{name}']").fill(value)
        else:
            page.locator(f"input[name='{name}']").fill(value)


def fill_by_keyboard(page, data: dict) -> None:
    """Fill the page's fields with the keyboard alone: Tab, Space, arrows and typing."""
    for name, value in data.items():
        if isinstance(value, list) and page.locator("input[type=checkbox]").count():
            for item in value:
                tab_to(page, page.locator(f"input[name=answer][value='{item}']"))
                page.keyboard.press("Space")
        elif isinstance(value, list):
            for part, item in zip(("day", "month", "year"), value, strict=True):
                tab_to(page, page.locator(f"#answer-{part}"))
                page.keyboard.type(item)
        elif page.locator(f"input[name='{name}'][type=radio]").count():
            tab_to(page, page.locator(f"input[name='{name}']").first)
            target = page.locator(f"input[name='{name}'][value='{value}']")
            for _ in range(8):  # a radio group is one Tab stop: arrows move within it
                if target.is_checked():
                    break
                page.keyboard.press("ArrowDown")
            expect(target).to_be_checked()
        elif value:
            field = page.locator(f"textarea[name='{name}'], input[name='{name}']")
            tab_to(page, field)
            page.keyboard.type(value)


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
    expect(page.locator(".app-needs-code")).to_have_text(re.compile(r"^\w{4}-\w{4}-\w{4}$"))
    no_axe_violations(page)
    context.close()
