"""A Welsh speaker who declared Welsh never sees an English page that exists in Welsh,
unless they chose English: every link from the home page is followed with their cookie.
And choosing English from the switcher sticks, in a real browser."""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

from playwright.sync_api import expect

from portal.needs import store
from portal.needs.model import Needs
from tests.browser.profiles import needs_cookie

# Not pages a citizen reads in a language: files, the API, staff pages (in the staff
# member's language), and the switcher's own links, which are choosing another language.
NOT_PAGES = re.compile(r"^/(static|api|staff|cy/staff|ar/staff)/|\.(csv|json|xml|txt)$")


def crawl(page, start: str, origin: str) -> dict[str, str]:
    """Every page reachable from `start` by links on our own site: {address asked: the
    language of the page that came back}."""
    seen, found = {start}, {}
    queue = deque([start])
    while queue:
        address = queue.popleft()
        response = page.goto(origin + address)
        assert response is not None and response.status == 200, address
        found[address] = page.evaluate("document.documentElement.lang")
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            href = urldefrag(href)[0]
            parts = urlsplit(href)
            if not href.startswith(origin) or "chosen-language=" in parts.query:
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link not in seen and not NOT_PAGES.search(parts.path):
                seen.add(link)
                queue.append(link)
    return found


def test_a_welsh_speaker_following_every_link_from_the_home_page_only_sees_welsh(
    browser, live_server
):
    context = browser.new_context()
    context.add_cookies(
        [
            {
                "name": store.COOKIE_NAME,
                "value": needs_cookie(Needs(language="cy")),
                "url": live_server,
            }
        ]
    )
    page = context.new_page()
    found = crawl(page, "/", live_server)
    context.close()
    english = sorted(address for address, language in found.items() if language != "cy")
    assert len(found) > 100, f"only {len(found)} pages reached: is the crawl broken?"
    assert not english, f"{len(english)} of {len(found)} pages were not Welsh: {english[:10]}"


def test_choosing_english_from_the_switcher_sticks_until_they_choose_welsh(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    context.add_cookies(
        [
            {
                "name": store.COOKIE_NAME,
                "value": needs_cookie(Needs(language="cy")),
                "url": live_server,
            }
        ]
    )
    page = context.new_page()
    page.goto(live_server + "/services/apply-for-a-blue-badge")
    expect(page).to_have_url(re.compile(r"/cy/services/apply-for-a-blue-badge$"))
    page.locator(".app-language-switcher").get_by_role("link", name="English").click()
    expect(page).to_have_url(live_server + "/services/apply-for-a-blue-badge")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(live_server + "/")  # a bookmark without /cy/: English, as they chose
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".app-language-switcher").get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(live_server + "/cy/")
    page.goto(live_server + "/services/apply-for-a-blue-badge")
    expect(page).to_have_url(re.compile(r"/cy/services/apply-for-a-blue-badge$"))
    context.close()
