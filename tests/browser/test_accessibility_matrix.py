"""The accessibility matrix: every page x language x needs profile x phone and desktop.

Each page's DOM is loaded once per profile and width and checked for everything at once:
axe at WCAG 2.2 AA, console errors (a script or style the CSP blocked), sideways scrolling,
and the skip link by keyboard.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import page_urls
from tests.browser.profiles import WIDTHS, new_context
from tests.profiles import PROFILES

# Every tag named: passing options replaces axe-playwright-python's defaults, and
# target-size only runs when wcag22aa is asked for.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
AXE = Axe()


@pytest.fixture(scope="module")
def pages(browser, live_server):
    """One browser context and page per profile and width, made when first needed."""
    opened = {}

    def page_for(profile: str, width: str):
        if (profile, width) not in opened:
            page = new_context(browser, live_server, profile, width).new_page()
            page.console_errors = []
            page.on(
                "console",
                lambda message, page=page: (
                    message.type == "error" and page.console_errors.append(message.text)
                ),
            )
            opened[profile, width] = page
        return opened[profile, width]

    yield page_for
    for page in opened.values():
        page.context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize("url", page_urls())
def test_page_passes_the_accessibility_checks(pages, live_server, url, profile, width):
    page = pages(profile, width)
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
    page.keyboard.press("Tab")
    # The next stop must be in the main content, or after it when main has nothing to
    # focus: either way the header and the links above main were skipped.
    skipped = page.evaluate(
        """() => {
            const main = document.getElementById('main-content');
            const active = document.activeElement;
            return main.contains(active)
                || !!(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    if not skipped:
        problems.append("after the skip link, the next Tab goes back above the main content")

    assert not problems, f"{url}, {profile}, {WIDTHS[width]}px:\n" + "\n".join(problems)
