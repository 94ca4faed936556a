"""Answers outlast the browser: close it (its session cookies go with it, as a phone's do
when it kills the browser), open it again, and the form carries on where it was."""

from playwright.sync_api import expect

BINS = "/forms/report-a-missed-bin-collection"


def test_a_form_carries_on_after_the_browser_is_closed(browser, live_server):
    first = browser.new_context(java_script_enabled=False)
    page = first.new_page()
    page.goto(f"{live_server}{BINS}/bin-type")
    page.get_by_label("Green food caddy").check()
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{live_server}{BINS}/put-out")
    # What a browser keeps when it closes: the cookies that have an expiry.
    kept = [cookie for cookie in first.cookies() if cookie["expires"] != -1]
    assert any(cookie["name"] == "session" for cookie in first.cookies())
    assert "session" not in [cookie["name"] for cookie in kept]
    first.close()

    reopened = browser.new_context(java_script_enabled=False)
    reopened.add_cookies(kept)
    page = reopened.new_page()
    page.goto(f"{live_server}{BINS}")
    page.get_by_role("button", name="Continue your form").click()
    expect(page.get_by_label("Green food caddy")).to_be_checked()
    reopened.close()
