"""Welsh and Arabic pages in Chromium, as the people reading them meet them: the words a
component adds for itself (the hidden "Error:", the character count as you type) are in
the page's language, and on a right-to-left page the English a form is still written in
is laid out left to right, in sentences that are English from end to end."""

from playwright.sync_api import expect

from tests.support.axe import no_axe_violations

BINS = "/forms/report-a-missed-bin-collection"


def test_a_welsh_form_counts_and_refuses_in_welsh(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    page.context_js_enabled = True
    page.goto(f"{live_server}/cy{BINS}/more-details")
    count = page.locator(".govuk-character-count__status")
    expect(count).to_have_text("Mae gennych 500 nod ar ôl")
    page.get_by_role("textbox").fill("a" * 510)
    expect(count).to_have_text("Mae gennych 10 nod yn ormod")
    page.get_by_role("button", name="Parhau").click()
    message = page.locator("#answer-error")
    expect(message.locator(".govuk-visually-hidden")).to_have_text("Gwall:")
    expect(message).not_to_contain_text("Error")
    # What was typed is given back, all of it.
    expect(page.get_by_role("textbox")).to_have_value("a" * 510)
    no_axe_violations(page)
    context.close()


def test_an_arabic_page_lays_out_the_forms_english_left_to_right(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    page.context_js_enabled = True
    page.goto(f"{live_server}/ar{BINS}/bin-type")
    page.get_by_role("button", name="متابعة").click()

    message = page.locator(".govuk-error-message")
    expect(message.locator(".govuk-visually-hidden")).to_have_text("خطأ:")
    english = message.locator('[lang="en"]')
    expect(english).to_have_text("Select which bin was not collected")
    assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert message.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # The summary's link says the same, in the same way; it takes you to the first option.
    link = page.locator(".govuk-error-summary__list a")
    expect(link.locator('[lang="en"]')).to_have_text("Select which bin was not collected")
    link.click()
    expect(page.locator("#answer")).to_be_focused()

    hint = page.locator(".govuk-hint").first
    assert hint.evaluate("e => [e.lang, getComputedStyle(e).direction]") == ["en", "ltr"]
    no_axe_violations(page)
    context.close()
