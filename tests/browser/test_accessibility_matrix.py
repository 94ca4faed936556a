"""The accessibility matrix: every page x every language x phone and desktop widths.

Each page's DOM is loaded once per profile and checked for everything at once: axe at
WCAG 2.2 AA, the Content-Security-Policy, sideways scrolling, and the skip link by keyboard.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import page_urls

# Every tag named: passing options replaces axe-playwright-python's defaults, and
# target-size only runs when wcag22aa is asked for.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
WIDTHS = {"phone": 320, "desktop": 1280}
AXE = Axe()


@pytest.fixture(scope="module")
def pages(browser):
    """One browser context and page per width, reused for every URL."""
    opened = {}
    for name, width in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.console_errors = []
        page.on(
            "console",
            lambda message, page=page: (
                message.type == "error" and page.console_errors.append(message.text)
            ),
        )
        opened[name] = page
    yield opened
    for page in opened.values():
        page.context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("url", page_urls())
def test_page_passes_the_accessibility_checks(pages, live_server, url, width):
    page = pages[width]
    page.console_errors.clear()
    response = page.goto(live_server + url)
    assert response.status == 200
    problems = []

    results = AXE.run(page, options=AXE_OPTIONS)
    if results.violations_count:
        problems.append(results.generate_report())

    if page.console_errors:
        problems.append(f"console errors (a blocked script or style?): {page.console_errors}")

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        problems.append(f"the page scrolls sideways by {overflow} CSS pixels")

    page.keyboard.press("Tab")
    if not page.evaluate("document.activeElement.classList.contains('govuk-skip-link')"):
        problems.append("the first Tab does not reach the skip link")
    page.keyboard.press("Enter")
    if page.evaluate("document.activeElement.id") != "main-content":
        problems.append("the skip link does not move focus to the main content")

    assert not problems, f"{url} at {WIDTHS[width]}px:\n" + "\n".join(problems)
