"""The accessibility matrix: every page x language x needs profile x phone and desktop.

Each page's DOM is loaded once per profile and width and checked for everything at once
(tests/browser/checks.py).
"""

import pytest

from tests.browser.checks import page_problems, watch_console
from tests.browser.profiles import WIDTHS, new_context
from tests.support.apps import page_urls
from tests.support.profiles import PROFILES


@pytest.fixture(scope="module")
def pages(browser, live_server):
    """One browser context and page per profile and width, made when first needed."""
    opened = {}

    def page_for(profile: str, width: str):
        if (profile, width) not in opened:
            page = new_context(browser, live_server, profile, width).new_page()
            opened[profile, width] = watch_console(page)
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
    problems = page_problems(page)
    assert not problems, f"{url}, {profile}, {WIDTHS[width]}px:\n" + "\n".join(problems)
