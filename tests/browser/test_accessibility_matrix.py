"""The accessibility matrix: every page x language x needs profile x phone and desktop.

Each page's DOM is loaded once per profile, checked for everything at the phone's width,
then resized and checked again at the desktop's (tests/browser/checks.py).
"""

import pytest

from tests.browser.checks import problems_at_each_width, watch_console
from tests.browser.profiles import new_context
from tests.support.apps import page_urls
from tests.support.profiles import PROFILES


@pytest.fixture(scope="module")
def pages(browser, live_server):
    """One browser context and page per profile, made when first needed."""
    opened = {}

    def page_for(profile: str):
        if profile not in opened:
            opened[profile] = watch_console(new_context(browser, live_server, profile).new_page())
        return opened[profile]

    yield page_for
    for page in opened.values():
        page.context.close()


@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize("url", page_urls())
def test_page_passes_the_accessibility_checks(pages, live_server, url, profile):
    page = pages(profile)
    page.console_errors.clear()
    response = page.goto(live_server + url)
    assert response.status == 200
    problems = problems_at_each_width(page)
    assert not problems, f"{url}, {profile}:\n" + "\n".join(problems)
