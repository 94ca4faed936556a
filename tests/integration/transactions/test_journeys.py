"""Form journeys end to end through plain HTML forms, in English and Welsh."""

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.needs import store
from portal.needs.model import Needs
from portal.transactions.models import Draft, Submission
from tests.support.answers import (
    BIN_ANSWERS,
    BINS,
    CARE,
    CARE_ANSWERS,
    PARKING,
    PARKING_ANSWERS,
)
from tests.support.forms import csrf_token, submit_form, walk
from tests.support.staff import signed_in


@pytest.mark.parametrize(
    ("form", "answers"), [(BINS, BIN_ANSWERS), (CARE, CARE_ANSWERS), (PARKING, PARKING_ANSWERS)]
)
@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_every_form_can_be_completed_and_sent(app, client, soup, form, answers, prefix):
    last = walk(client, form, answers, prefix)
    assert last.headers["Location"] == f"{prefix}{form}/check"
    check = soup(client.get(f"{prefix}{form}/check"))
    assert len(check.select(".govuk-summary-list__row")) == len(answers)
    sent = submit_form(client, f"{prefix}{form}/check")
    assert sent.headers["Location"] == f"{prefix}{form}/sent"
    page = soup(client.get(f"{prefix}{form}/sent"))
    reference = page.select_one(".govuk-panel strong").get_text(strip=True)
    assert len(reference) == 9 and reference[4] == "-"
    with app.app_context():
        submission = db.session.scalar(select(Submission).where(Submission.reference == reference))
        assert submission.language == ("cy" if prefix else "en")
        assert set(submission.answers) == {question for question, _ in answers}


def test_answers_are_stored_normalised(app, client):
    walk(client, BINS, BIN_ANSWERS)
    submit_form(client, f"{BINS}/check")
    with app.app_context():
        saved = db.session.scalar(select(Submission)).answers
    assert saved["address"]["postcode"] == "CF99 1AB"
    assert saved["collection-date"] == dict(BIN_ANSWERS)["collection-date"].stored
    assert saved["bin-type"] == "recycling"


def test_a_branch_leads_to_the_exit_page(client, soup):
    submit_form(client, f"{BINS}/bin-type", {"answer": "recycling"})
    response = submit_form(client, f"{BINS}/put-out", {"answer": "no"})
    assert response.headers["Location"] == f"{BINS}/exit/not-put-out"
    page = soup(client.get(response.headers["Location"]))
    assert page.h1
    # Back to the answer that led here, and the content's paragraphs kept apart.
    assert page.select_one(".govuk-back-link")["href"] == f"{BINS}/put-out"
    paragraphs = [p.get_text() for p in page.select("main .govuk-body")]
    assert paragraphs[0].startswith("Sorry, we can only take a report")
    assert paragraphs[1].startswith("Please put your bin out again")


def test_sending_twice_makes_one_submission(app, client):
    walk(client, CARE, CARE_ANSWERS)
    token = csrf_token(client, f"{CARE}/check")  # the same request, replayed below
    link = client.get_cookie("form-drafts").value
    first = client.post(f"{CARE}/check", data={"csrf_token": token})
    with app.app_context():
        draft_id = db.session.scalar(select(Draft.id))
    # A replayed request: the same draft attached to the browser again.
    client.set_cookie("form-drafts", link)
    second = client.post(f"{CARE}/check", data={"csrf_token": token})
    assert first.headers["Location"] == f"{CARE}/sent"
    # The draft went with the first: the replay has nothing to send. This browser sent
    # it, so it is shown what it sent; another with the same token and cookie-less is
    # shown nothing.
    assert draft_id is None
    assert second.headers["Location"] == f"{CARE}/sent"
    elsewhere = app.test_client().post(f"{CARE}/check", data={"csrf_token": token})
    assert elsewhere.status_code == 400  # no session: its CSRF token is worth nothing
    with app.app_context():
        assert db.session.scalar(select(func.count(Submission.id))) == 1


def test_check_your_answers_sends_you_back_to_the_first_unanswered_question(client):
    submit_form(client, f"{BINS}/bin-type", {"answer": "black-bin"})
    response = client.get(f"{BINS}/check")
    assert response.headers["Location"] == f"{BINS}/put-out"


def test_change_links_return_to_check_your_answers(client):
    walk(client, BINS, BIN_ANSWERS)
    response = submit_form(client, f"{BINS}/bin-type?change=1", {"answer": "black-bin"})
    assert response.headers["Location"] == f"{BINS}/check"


def test_changing_an_answer_that_opens_an_exit_goes_there(client):
    walk(client, BINS, BIN_ANSWERS)
    response = submit_form(client, f"{BINS}/put-out?change=1", {"answer": "no"})
    assert response.headers["Location"] == f"{BINS}/exit/not-put-out"


def test_what_happens_next_is_in_the_preferred_channel(app, client, soup):
    with app.test_request_context():
        client.set_cookie(store.COOKIE_NAME, store.dump(Needs(channels=("phone",))))
    walk(client, CARE, CARE_ANSWERS)
    submit_form(client, f"{CARE}/check")
    page = soup(client.get(f"{CARE}/sent"))
    with app.app_context():
        expected = app.extensions["content"].forms["ask-for-a-care-needs-assessment"]
        phone_text = expected.definition.what_happens_next.by_channel["phone"].en
        assert phone_text in page.get_text()
        assert db.session.scalar(select(Submission)).needs["channels"] == ["phone"]


@pytest.mark.parametrize(
    "url",
    [
        "/forms/no-such-form",
        f"{BINS}/no-such-question",
        f"{BINS}/exit/no-such-exit",
        f"{BINS}/sent",
        "/cy/forms/no-such-form/bin-type",
    ],
)
def test_unknown_forms_pages_and_missing_submissions_are_404s(client, url):
    assert client.get(url).status_code == 404


def test_the_service_page_links_to_its_form(client, soup):
    page = soup(client.get("/services/report-a-missed-bin-collection"))
    assert page.select_one("#channel-online a.govuk-button")["href"] == BINS


def test_going_back_after_sending_says_it_was_sent_instead_of_starting_again(app, client):
    walk(client, BINS, BIN_ANSWERS)
    assert submit_form(client, f"{BINS}/check").headers["Location"] == f"{BINS}/sent"
    back = client.get(f"{BINS}/check")  # the back button, after the confirmation
    assert back.headers["Location"] == f"{BINS}/sent?again=1"
    page = client.get(back.headers["Location"]).get_data(as_text=True)
    assert "You have already sent this form, so we have not sent it again." in page
    with app.app_context():
        assert len(db.session.scalars(select(Submission)).all()) == 1
    # Starting a new one is still possible, and check your answers is then for it.
    submit_form(client, f"{BINS}/bin-type", {"answer": "recycling"})
    assert client.get(f"{BINS}/check").headers["Location"] != f"{BINS}/sent?again=1"


def test_someone_who_prefers_a_call_is_asked_for_a_number_and_staff_see_it(app, client, staff):
    """Not an email address: "we will call you" comes with the number to call."""
    with app.test_request_context():
        client.set_cookie(store.COOKIE_NAME, store.dump(Needs(channels=("phone",))))
    answers = [*BIN_ANSWERS[:-1], ("phone", {"answer": "07700 900 982"})]
    assert walk(client, BINS, answers).headers["Location"] == f"{BINS}/check"
    assert client.get(f"{BINS}/email").status_code == 200  # still there if asked for by name
    submit_form(client, f"{BINS}/check")
    sent = client.get(f"{BINS}/sent").get_data(as_text=True)
    assert "we will call you" in sent and "07700 900 982" in sent
    with app.app_context():
        submission = db.session.scalar(select(Submission))
    assert "email" not in submission.answers and submission.answers["phone"]
    detail = signed_in(app, "waste@glanmor.example").get(
        f"/staff/submissions/{submission.reference}"
    )
    page = detail.get_data(as_text=True)
    assert "Contact them by" in page and "phone" in page and "07700 900 982" in page


def test_without_a_preference_the_form_asks_for_an_email_address_not_a_number(client):
    response = walk(client, BINS, BIN_ANSWERS[:-1])
    assert response.headers["Location"] == f"{BINS}/email"
