"""The largest text on a phone and on a desktop, as the people who chose it see it: words
are never broken in the middle to fit, the banners stay compact, the member of staff's
banner keeps the staff size, and a textarea gets the width of the screen."""

import pytest

from tests.browser.profiles import new_context

BINS = "/forms/report-a-missed-bin-collection"

# Each word of the element's text: how many lines it is drawn on (2 or more: broken).
BROKEN_WORDS = """element => {
    const broken = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (lines.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


@pytest.fixture(scope="module")
def phone(browser, live_server):
    context = new_context(browser, live_server, "largest-text-spacing", "phone")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url", ["/cy/", "/", f"/cy{BINS}/more-details", "/cy/your-needs"])
def test_no_word_is_broken_to_fit_a_phone(phone, live_server, url):
    phone.goto(live_server + url)
    for selector in (".govuk-phase-banner", "main h1", ".app-needs-bar"):
        broken = phone.locator(selector).first.evaluate(BROKEN_WORDS)
        assert broken == [], f"{url} {selector}: {broken}"


def test_the_demonstration_banner_puts_its_tag_above_its_text_on_a_phone(phone, live_server):
    phone.goto(live_server + "/cy/")
    tag = phone.locator(".govuk-phase-banner__content__tag").bounding_box()
    text = phone.locator(".govuk-phase-banner__text").bounding_box()
    assert text["y"] >= tag["y"] + tag["height"]
    assert text["width"] > 250  # the width of the screen, less its margins


ASSISTANT = "small-screens@glanmor.example"
ASSISTANT_PASSWORD = "a bright morning in the library"


def test_the_staff_banner_stays_at_staff_size_whatever_the_persons_text_size(
    browser, live_server, live_app
):
    from portal.assist import passwords
    from portal.assist.models import StaffMember
    from portal.extensions import db

    with live_app.app_context():
        db.session.add(
            StaffMember(
                email=ASSISTANT,
                name="Small Screens",
                role="assistant",
                department="waste-and-recycling",
                password_hash=passwords.hash_password(ASSISTANT_PASSWORD),
            )
        )
        db.session.commit()
    context = new_context(browser, live_server, "no-needs", "desktop")
    page = context.new_page()
    page.goto(live_server + "/staff/sign-in")
    page.get_by_label("Email address").fill(ASSISTANT)
    page.get_by_label("Password", exact=True).fill(ASSISTANT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Help someone").first.click()
    page.get_by_label("They agree to me helping them").check()
    page.get_by_label("In person").check()
    page.get_by_role("button", name="Start helping").click()
    page.goto(f"{live_server}{BINS}")
    standard = page.locator("#assisted-banner").bounding_box()["height"]
    # The person they help chooses the largest text.
    page.goto(live_server + "/your-needs/text-size")
    page.get_by_label("Largest").check()
    page.get_by_role("button", name="Continue").click()
    page.goto(live_server + "/your-needs/check")
    page.get_by_role("button", name="Save and use these answers").click()
    page.goto(f"{live_server}{BINS}")
    assert "app-text-largest" in page.locator("html").get_attribute("class")
    largest = page.locator("#assisted-banner").bounding_box()["height"]
    context.close()
    assert largest == pytest.approx(standard, abs=2)


def test_with_the_largest_text_a_textarea_takes_the_screens_width(browser, live_server):
    widths = {}
    for profile in ("no-needs", "largest-text-spacing"):
        context = new_context(browser, live_server, profile, "desktop")
        page = context.new_page()
        page.goto(f"{live_server}{BINS}/more-details")
        widths[profile] = page.locator("textarea").bounding_box()["width"]
        context.close()
    assert widths["largest-text-spacing"] > widths["no-needs"] * 1.4
