"""Staff pages in the accessibility matrix (staff are disabled people too): every staff
page, signed in, under every needs profile, on a phone and a desktop."""

import re

import pyotp
import pytest
from sqlalchemy import select

from portal.assist import passwords
from portal.assist.models import AssistedSession, StaffMember, StaffSession
from portal.callbacks.models import ContactRequest
from portal.clock import now
from portal.extensions import db
from portal.transactions.models import Submission
from tests.browser.checks import problems_at_each_width, watch_console
from tests.browser.profiles import new_context
from tests.support.apps import shared_app
from tests.support.profiles import PROFILES
from tests.support.staff import session_token

ADMIN = "matrix-admin@glanmor.example"
TWO_FACTOR = "matrix-two-factor@glanmor.example"
PASSWORD = "correct horse battery staple"
# Values for the staff routes that take one: records made by the `records` fixture.
SAMPLE_VALUES = {
    "reference": "MTRX-0001",
    "staff_id": None,
    "session_id": None,
    "message_id": None,
    "lang": "cy",
}
# GET pages that need a state the URL alone cannot give, and how the test reaches it.
NEEDS_PENDING_SIGN_IN = {"staff.sign_in_code"}


def staff_page_rules(app):
    return sorted(
        (
            rule
            for rule in app.url_map.iter_rules()
            if rule.endpoint.startswith("staff.") and "GET" in rule.methods
        ),
        key=lambda rule: rule.rule,
    )


@pytest.fixture(scope="module")
def records(live_app):
    """An administrator (with a live session token), a two-factor account, and one of each
    record, so every staff page has something real to show."""
    with live_app.app_context():
        admin = db.session.scalar(select(StaffMember).where(StaffMember.email == ADMIN))
        if admin is None:
            hashed = passwords.hash_password(PASSWORD)
            admin = StaffMember(
                email=ADMIN, name="Matrix Admin", role="admin", password_hash=hashed
            )
            db.session.add(admin)
            db.session.add(
                StaffMember(
                    email=TWO_FACTOR,
                    name="Two Factor",
                    role="assistant",
                    department="waste-and-recycling",
                    password_hash=hashed,
                    totp_secret=pyotp.random_base32(),
                )
            )
            db.session.flush()
            signed_in = StaffSession(token_hash="matrix-" + "0" * 57, staff_id=admin.id)
            db.session.add(signed_in)
            db.session.flush()
            helped = AssistedSession(
                staff_id=admin.id,
                staff_session_id=signed_in.id,
                channel="phone",
                consent_given_at=now(),
                ended_at=now(),
            )
            db.session.add(helped)
            db.session.flush()
            db.session.add(
                Submission(
                    reference="MTRX-0001",
                    assisted_session_id=helped.id,
                    draft_id="matrix-draft",
                    form="report-a-missed-bin-collection",
                    form_version=1,
                    service="report-a-missed-bin-collection",
                    department="waste-and-recycling",
                    language="cy",
                    answers={"bin-type": "recycling", "email": "sam@example.com"},
                )
            )
            db.session.add(
                ContactRequest(
                    reference="MTRX-0001",
                    kind="appointment",
                    service="report-a-missed-bin-collection",
                    department="waste-and-recycling",
                    name="Sam Jones",
                    phone="01632 960 001",
                    best_time="morning",
                    language="cy",
                    needs=["bsl", "step_free"],
                    anything_else="Please call after 10am.",
                )
            )
            db.session.commit()
        SAMPLE_VALUES["staff_id"] = admin.id
        SAMPLE_VALUES["session_id"] = db.session.scalar(select(AssistedSession.id))
        admin_id = admin.id
    return admin_id


def staff_urls(app) -> list[tuple[str, str]]:
    urls = []
    for rule in staff_page_rules(app):
        missing = set(rule.arguments) - set(SAMPLE_VALUES)
        assert not missing, f"{rule.rule}: add sample values for {missing} to SAMPLE_VALUES"
        urls.append((rule.endpoint, rule.rule))
    return urls


STAFF_PAGES = staff_urls(shared_app())


@pytest.fixture(scope="module")
def staff_pages(browser, live_server, live_app, records):
    opened = {}

    def page_for(profile: str):
        if profile not in opened:
            context = new_context(browser, live_server, profile)
            context.add_cookies(
                [{"name": "staff", "value": session_token(live_app, records), "url": live_server}]
            )
            opened[profile] = watch_console(context.new_page())
        return opened[profile]

    yield page_for
    for page in opened.values():
        page.context.close()


def test_every_staff_page_is_in_the_matrix():
    assert len(STAFF_PAGES) >= 14


@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize(("endpoint", "rule"), STAFF_PAGES, ids=[r for _e, r in STAFF_PAGES])
def test_staff_page_passes_the_accessibility_checks(
    staff_pages, live_server, endpoint, rule, profile
):
    page = staff_pages(profile)
    url = rule
    for name, value in SAMPLE_VALUES.items():
        url = re.sub(rf"<(?:[a-z]+(?:\([^)]*\))?:)?{name}>", str(value), url)
    if endpoint in NEEDS_PENDING_SIGN_IN:  # the password step first, as a person would
        page.goto(live_server + "/staff/sign-in")
        page.get_by_label("Email address").fill(TWO_FACTOR)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
    page.console_errors.clear()
    response = page.goto(live_server + url)
    assert response.status == 200, url
    assert page.url == live_server + url  # not sent to sign in
    problems = problems_at_each_width(page)
    assert not problems, f"{url}, {profile}:\n" + "\n".join(problems)
