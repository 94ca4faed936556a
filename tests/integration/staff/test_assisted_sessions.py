"""Helping someone: consent first, the person's needs on every page, what is sent marked
as assisted, and nothing of the person left in the browser afterwards."""

from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.assist.models import AssistedSession, AuditEvent
from portal.callbacks.models import ContactRequest
from portal.extensions import db
from portal.needs import code
from portal.needs.model import Needs
from portal.transactions.models import Submission
from tests.support.answers import BIN_ANSWERS, BINS
from tests.support.forms import submit_form, walk
from tests.support.staff import signed_in

ASSISTANT = "waste@glanmor.example"
HELP = "/staff/help-someone"


def start_helping(client, **fields):
    return submit_form(client, HELP, {"channel": "in_person", "consent": "y", **fields})


def ask_for_a_call_back(client, service: str) -> None:
    url = f"/services/{service}/ask-us-to-contact-you"
    answers = {
        "kind": "call_back",
        "name": "Sam Jones",
        "phone": "01632 960 001",
        "best_time": "any",
        "language": "en",
    }
    submit_form(client, url, answers)
    submit_form(client, f"{url}/check")


def test_consent_is_asked_for_first_and_what_was_chosen_is_kept(app, staff):
    client = signed_in(app, ASSISTANT)
    response = submit_form(client, HELP, {"channel": "phone", "needs_code": "ABCD"})
    assert response.status_code == 400
    page = response.data.decode()
    assert "Ask the person if they agree before you start" in page
    assert 'value="phone" checked' in page and 'value="ABCD"' in page
    with app.app_context():
        assert db.session.scalar(select(AssistedSession)) is None


def test_a_wrong_needs_code_is_explained(app, staff):
    client = signed_in(app, ASSISTANT)
    response = start_helping(client, needs_code="0000-0000")
    assert response.status_code == 400
    assert b"Check the needs code" in response.data


def test_the_persons_needs_code_shapes_every_page_and_the_banner_stays(app, staff):
    needs_code = code.encode(Needs(text_size="largest", language="cy"))
    client = signed_in(app, ASSISTANT)
    response = start_helping(client, needs_code=needs_code)
    assert response.headers["Location"] == "/"
    # A Welsh speaker's session is in Welsh from the first page.
    assert client.get("/").headers["Location"] == "/cy/"
    for url in ("/cy/", "/cy/services/apply-for-a-blue-badge", "/cy" + BINS):
        page = client.get(url)
        html = page.data.decode()
        assert "app-text-largest" in html, url
        assert 'id="assisted-banner"' in html, url
        # The way out, in the page's own language.
        assert 'action="/cy/staff/help-someone/end"' in html
        assert page.headers["Cache-Control"] == "no-store", url
    # Not in a needs cookie: the person's needs never live in a shared browser.
    assert client.get_cookie("needs") is None


def test_needs_set_during_a_session_stay_on_the_server(app, staff):
    client = signed_in(app, ASSISTANT)
    assert start_helping(client).headers["Location"] == "/your-needs"
    submit_form(client, "/your-needs/text-size", {"answer": "large"})
    submit_form(client, "/your-needs/check")
    assert client.get_cookie("needs") is None
    assert "app-text-large" in client.get("/").data.decode()
    with app.app_context():
        assert db.session.scalar(select(AssistedSession)).needs["text_size"] == "large"


def test_a_draft_on_a_staff_computer_is_kept_only_while_the_browser_is_open(app, staff):
    """Not for 28 days, as on a person's own phone: the next person sits here next."""
    client = signed_in(app, ASSISTANT)
    start_helping(client)
    answered = submit_form(client, f"{BINS}/bin-type", {"answer": "recycling"})
    (link,) = [h for h in answered.headers.getlist("Set-Cookie") if h.startswith("form-drafts=")]
    assert "Max-Age" not in link and "Expires" not in link


def test_what_is_sent_is_marked_assisted_with_who_and_how(app, staff):
    client = signed_in(app, ASSISTANT)
    start_helping(client, channel="video")
    walk(client, BINS, BIN_ANSWERS)
    submit_form(client, f"{BINS}/check")
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        assisted = db.session.get(AssistedSession, submission.assisted_session_id)
        assert submission.channel == "assisted"
        assert (assisted.channel, assisted.staff.email) == ("video", ASSISTANT)
    detail = client.get(f"/staff/submissions/{submission.reference}").data.decode()
    assert "With help from Waste (on a video call)" in detail


def test_ending_the_session_removes_the_person_from_the_browser(app, staff):
    client = signed_in(app, ASSISTANT)
    start_helping(client)
    walk(client, BINS, BIN_ANSWERS)
    submit_form(client, f"{BINS}/check")
    assert client.get(f"{BINS}/sent").status_code == 200
    response = submit_form(client, "/", to="/staff/help-someone/end")
    assert response.headers["Location"].startswith("/staff/help-someone/")
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert any(h.startswith("needs=;") for h in response.headers.getlist("Set-Cookie"))
    # The sent page (their answers) and their drafts are gone from this browser...
    assert client.get(f"{BINS}/sent").status_code == 404
    with client.session_transaction() as session:
        assert "receipts" not in session
    assert client.get_cookie("form-drafts") is None
    # ...the banner too, and the staff member is still signed in.
    assert 'id="assisted-banner"' not in client.get("/").data.decode()
    assert client.get("/staff/").status_code == 200
    with app.app_context():
        actions = [e.action for e in db.session.scalars(select(AuditEvent))]
        assert "assisted_session_started" in actions and "assisted_session_ended" in actions
        assert db.session.scalar(select(AssistedSession)).ended_at is not None


def test_signing_out_ends_the_assisted_session_too(app, staff):
    client = signed_in(app, ASSISTANT)
    start_helping(client)
    submit_form(client, "/", to="/staff/sign-out")
    with app.app_context():
        assert db.session.scalar(select(AssistedSession)).ended_at is not None
    assert 'id="assisted-banner"' not in client.get("/").data.decode()


def test_a_contact_request_sent_for_someone_is_marked_as_assisted(app, staff):
    client = signed_in(app, ASSISTANT)
    start_helping(client, channel="phone")
    ask_for_a_call_back(client, "report-a-missed-bin-collection")
    with app.app_context():
        assert db.session.scalar(select(ContactRequest)).assisted_session_id is not None


def test_content_designers_cannot_help_someone(app, staff):
    client = signed_in(app, "designer@glanmor.example")
    assert client.get(HELP).status_code == 403


CALL_BACK = "/services/report-a-missed-bin-collection/ask-us-to-contact-you"


def test_a_copy_of_the_cookie_opens_no_sent_page_after_the_session_ends(app, staff):
    client = signed_in(app, ASSISTANT)
    start_helping(client)
    walk(client, BINS, BIN_ANSWERS)
    submit_form(client, f"{BINS}/check")
    call_back = {
        "kind": "call_back",
        "name": "Sam Jones",
        "phone": "01632 960 001",
        "best_time": "any",
        "language": "en",
    }
    submit_form(client, CALL_BACK, call_back)
    submit_form(client, f"{CALL_BACK}/check")
    # Someone copies the browser's cookie while the person is being helped.
    copied = client.get_cookie("session").value
    assert "sam@example.com" in client.get(f"{BINS}/sent").data.decode()
    assert "01632 960 001" in client.get(f"{CALL_BACK}/sent").data.decode()
    submit_form(client, "/", to="/staff/help-someone/end")

    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get(f"{BINS}/sent").status_code == 404
    assert thief.get(f"{CALL_BACK}/sent").status_code == 404


def test_call_back_answers_not_yet_sent_are_deleted_when_the_session_ends(app, staff):
    client = signed_in(app, ASSISTANT)
    start_helping(client)
    submit_form(
        client,
        CALL_BACK,
        {"kind": "call_back", "name": "Sam Jones", "phone": "01632 960 001"},
    )
    submit_form(
        client,
        CALL_BACK,
        {
            "kind": "call_back",
            "name": "Sam Jones",
            "phone": "01632 960 001",
            "best_time": "any",
            "language": "en",
        },
    )
    copied = client.get_cookie("session").value
    submit_form(client, "/", to="/staff/help-someone/end")
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert "Sam Jones" not in thief.get(CALL_BACK).data.decode()
    assert thief.get(f"{CALL_BACK}/check").status_code == 302


def test_an_ended_session_shows_what_it_sent_with_links(app, staff):
    """An assisted session did not link to what it produced (issue 16, item 10)."""
    client = signed_in(app, ASSISTANT)
    start_helping(client, channel="phone")
    walk(client, BINS, BIN_ANSWERS)
    submit_form(client, f"{BINS}/check")
    ask_for_a_call_back(client, "apply-for-a-resident-parking-permit")
    ended = submit_form(client, "/", to="/staff/help-someone/end")
    summary_url = ended.headers["Location"]
    page = BeautifulSoup(client.get(summary_url).data, "html5lib")
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        request = db.session.scalar(select(ContactRequest))
    items = page.select("main li")
    assert len(items) == 2
    # Their own department's submission opens; the roads department's request does not.
    bins = items[0].select_one("a")
    assert bins["href"] == f"/staff/submissions/{submission.reference}"
    assert "Report a missed bin collection" in bins.get_text()
    assert items[1].select_one("a") is None and request.reference in items[1].get_text()
    # Another assistant's session is not found; an administrator's audit log links to it.
    assert signed_in(app, "roads@glanmor.example").get(summary_url).status_code == 404
    admin = signed_in(app, "admin@glanmor.example")
    assert admin.get(summary_url).status_code == 200
    log = BeautifulSoup(admin.get("/staff/admin/audit").data, "html5lib")
    assert log.select_one(f"a[href='{summary_url}']") is not None
