"""An assisted journey from start to end in a real browser: sign in, help someone with
their consent, set their needs, send a form for them, end the session. The submission is
on record as assisted, and the browser keeps nothing of the person."""

import re

from playwright.sync_api import expect
from sqlalchemy import select

from portal.assist import passwords
from portal.assist.models import AssistedSession, StaffMember
from portal.extensions import db
from portal.transactions.models import Submission
from tests.browser.filling import fill_directly
from tests.support.answers import BIN_ANSWERS, BINS
from tests.support.axe import no_axe_violations

EMAIL = "assisted-journey@glanmor.example"
PASSWORD = "a library on a wet tuesday"


def test_an_assisted_journey_leaves_nothing_of_the_person_behind(browser, live_server, live_app):
    with live_app.app_context():
        db.session.add(
            StaffMember(
                email=EMAIL,
                name="Library Helper",
                role="assistant",
                department="waste-and-recycling",
                password_hash=passwords.hash_password(PASSWORD),
            )
        )
        db.session.commit()
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()

    page.goto(live_server + "/staff/sign-in")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_server + "/staff/")

    page.get_by_role("link", name="Help someone").first.click()
    page.get_by_label("They agree to me helping them").check()
    page.get_by_label("In person").check()
    page.get_by_role("button", name="Start helping").click()
    expect(page).to_have_url(re.compile(r"/your-needs$"))
    banner = page.locator("#assisted-banner")
    expect(banner).to_contain_text("You are helping someone (in person).")
    page.context_js_enabled = True
    no_axe_violations(page)  # the banner, on a citizen page

    # Their needs: the largest text.
    page.goto(live_server + "/your-needs/text-size")
    page.get_by_label("Largest").check()
    page.get_by_role("button", name="Continue").click()
    page.goto(live_server + "/your-needs/check")
    page.get_by_role("button", name="Save and use these answers").click()
    expect(page.locator("html")).to_have_class(re.compile("app-text-largest"))

    # A form, sent for them.
    for question, data in BIN_ANSWERS:
        page.goto(f"{live_server}{BINS}/{question}")
        fill_directly(page, data)
        page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(f"{re.escape(BINS)}/check$"))
    page.get_by_role("button", name="Accept and send").click()
    expect(page).to_have_url(re.compile(f"{re.escape(BINS)}/sent$"))
    reference = page.locator(".govuk-panel strong").inner_text().strip()
    expect(banner).to_be_visible()
    no_axe_violations(page)  # the summary they take away, with the banner
    sent_url = page.url

    page.get_by_role("button", name="End session").click()
    # What the session sent, to follow up, once the person's traces are gone.
    expect(page).to_have_url(re.compile(re.escape(live_server) + r"/staff/help-someone/\d+$"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Nothing of theirs is left in this browser"
    )
    expect(page.get_by_role("link", name=re.compile(reference))).to_have_attribute(
        "href", f"/staff/submissions/{reference}"
    )
    no_axe_violations(page)

    with live_app.app_context():
        submission = db.session.scalar(select(Submission).where(Submission.reference == reference))
        assisted = db.session.get(AssistedSession, submission.assisted_session_id)
        assert submission.channel == "assisted"
        assert (assisted.staff.email, assisted.channel) == (EMAIL, "in_person")
        assert assisted.ended_at is not None
        assert submission.needs["access_needs"] is True  # their declared needs went with it

    # The browser: no needs cookie, no drafts or references in the session, nothing stored.
    cookies = {cookie["name"]: cookie["value"] for cookie in context.cookies()}
    assert set(cookies) <= {"staff", "session"}, cookies
    if "session" in cookies:
        serializer = live_app.session_interface.get_signing_serializer(live_app)
        assert set(serializer.loads(cookies["session"])) <= {"csrf_token", "_flashes"}
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    # Back, or the address typed again: their confirmation is gone.
    page.go_back()
    assert reference not in page.content()
    response = page.goto(sent_url)
    assert response.status == 404
    assert reference not in page.content()
    page.goto(live_server + "/")
    expect(page.locator("#assisted-banner")).to_have_count(0)
    expect(page.locator("html")).not_to_have_class(re.compile("app-text-largest"))
    context.close()
