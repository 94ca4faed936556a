"""Page feedback, problem reports and the satisfaction question: stored, anonymous, and
safe from robots and from being used to send people elsewhere."""

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.feedback.models import PageFeedback, SatisfactionResponse
from tests.support.answers import BIN_ANSWERS, BINS
from tests.support.forms import submit_form, walk


def stored(app, model):
    with app.app_context():
        return db.session.scalars(select(model)).all()


@pytest.mark.rendering
def test_every_page_asks_whether_it_is_useful_except_the_feedback_pages(client, page_urls):
    feedback_pages = [url for url in page_urls if "/feedback" in url]
    # Every feedback page, and a fifth of the rest (every page costs a minute in all).
    for url in feedback_pages + page_urls[::5]:
        html = client.get(url).get_data(as_text=True)
        asks = 'id="page-feedback-heading"' in html
        assert asks == ("/feedback" not in url), url


def test_yes_is_stored_against_the_page_and_thanks_the_person(app, client):
    response = client.post(
        "/cy/feedback/useful", data={"page": "/cy/services/report-a-pothole", "answer": "yes"}
    )
    assert response.status_code == 303
    assert response.location == "/cy/feedback/thanks?page=/cy/services/report-a-pothole"
    [row] = stored(app, PageFeedback)
    assert (row.path, row.language, row.useful) == ("/cy/services/report-a-pothole", "cy", True)
    thanks = client.get(response.location).get_data(as_text=True)
    assert 'href="/cy/services/report-a-pothole"' in thanks


def test_no_asks_what_was_wrong_and_keeps_what_was_typed_on_error(app, client):
    response = client.post("/feedback/useful", data={"page": "/guides/x", "answer": "no"})
    assert response.location == "/feedback/problem?page=/guides/x&useful=no"
    form = client.get(response.location)
    assert "Tell us what was wrong" in form.get_data(as_text=True)
    too_long = "a" * 1201
    page = submit_form(
        client,
        "/feedback/problem",
        {"page": "/guides/x", "what_doing": "Reading about bins", "what_wrong": too_long},
    ).get_data(as_text=True)
    assert "Use 1200 characters or fewer" in page
    assert "Reading about bins" in page
    empty = submit_form(client, "/feedback/problem", {"page": "/guides/x"}).get_data(as_text=True)
    assert "Tell us what went wrong" in empty
    done = submit_form(
        client,
        "/feedback/problem",
        {"page": "/guides/x", "what_doing": "Reading", "what_wrong": "A broken link"},
    )
    assert done.status_code == 303
    reports = [row for row in stored(app, PageFeedback) if row.useful is None]
    assert [(r.path, r.what_doing, r.what_wrong) for r in reports] == [
        ("/guides/x", "Reading", "A broken link")
    ]


def test_welsh_error_messages(client):
    page = submit_form(client, "/cy/feedback/problem", {"page": "/cy"}).get_data(as_text=True)
    assert "Mae problem wedi codi" in page or "Mae yna broblem" in page


def test_the_page_must_be_ours(app, client):
    for page in ("//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:x"):
        response = client.post("/feedback/useful", data={"page": page, "answer": "yes"})
        assert response.location == "/feedback/thanks?page=/"
    assert {row.path for row in stored(app, PageFeedback)} == {"/"}


def test_a_filled_honeypot_is_thanked_but_not_stored(app, client):
    response = submit_form(
        client,
        "/feedback/problem",
        {"page": "/", "what_wrong": "Buy cheap pills", "website": "spam.example"},
    )
    assert response.status_code == 303
    assert stored(app, PageFeedback) == []


def test_anything_but_yes_or_no_is_refused(client):
    assert client.post("/feedback/useful", data={"page": "/", "answer": "maybe"}).status_code == 400
    assert client.post("/feedback/useful", data={"page": "/"}).status_code == 400


def test_robots_are_slowed_by_a_rate_limit(client):
    codes = [
        client.post("/feedback/useful", data={"page": "/", "answer": "yes"}).status_code
        for _ in range(12)
    ]
    assert codes.count(429) >= 1


def test_satisfaction_is_asked_after_a_form_and_stored_without_the_person(app, client):
    slug = "report-a-missed-bin-collection"
    walk(client, BINS, BIN_ANSWERS)
    submit_form(client, f"{BINS}/check")
    page = client.get(f"/forms/{slug}/feedback").get_data(as_text=True)
    assert "Very satisfied" in page
    url = f"/forms/{slug}/feedback"
    missing = submit_form(client, url, {"improve": "Quicker please"})
    assert "Select how you felt about this service" in missing.get_data(as_text=True)
    assert "Quicker please" in missing.get_data(as_text=True)
    bad = submit_form(client, url, {"rating": "9"})
    assert "Select how you felt about this service" in bad.get_data(as_text=True)
    sent = submit_form(client, url, {"rating": "4", "improve": "Quicker"})
    assert sent.status_code == 303
    [row] = stored(app, SatisfactionResponse)
    assert (row.service, row.rating, row.improve, row.language) == (slug, 4, "Quicker", "en")
    assert client.get("/forms/no-such-form/feedback").status_code == 404


@pytest.mark.clock  # the report covers the last N days
def test_content_designers_get_a_report_per_page(app, client):
    client.post("/feedback/useful", data={"page": "/guides/bins", "answer": "yes"})
    app.test_client().post("/feedback/useful", data={"page": "/guides/bins", "answer": "no"})
    submit_form(client, "/feedback/problem", {"page": "/guides/bins", "what_wrong": "Wrong day"})
    result = app.test_cli_runner().invoke(args=["feedback", "report"])
    assert result.exit_code == 0
    assert "/guides/bins: 1 useful, 1 not useful" in result.output
    assert "wrong: Wrong day" in result.output


def test_ratings_only_come_from_the_browser_that_sent_the_form_once(app, client):
    slug = "report-a-missed-bin-collection"
    url = f"/forms/{slug}/feedback"
    # Fifteen "very dissatisfied" from someone who never sent the form: none counted.
    for _ in range(3):
        refused = submit_form(client, url, {"rating": "1"})
        assert "on the device you sent the form from" in refused.get_data(as_text=True)
    walk(client, BINS, BIN_ANSWERS)
    submit_form(client, f"{BINS}/check")
    assert submit_form(client, url, {"rating": "5"}).status_code == 303
    again = submit_form(client, url, {"rating": "1"})
    assert "You can only tell us what you thought once" in again.get_data(as_text=True)
    assert [row.rating for row in stored(app, SatisfactionResponse)] == [5]
    # Said in the reader's language.
    welsh = submit_form(client, f"/cy{url}", {"rating": "1"}).get_data(as_text=True)
    assert "Dim ond unwaith y gallwch chi ddweud wrthon ni" in welsh


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://evil.example"},
    ],
)
def test_another_sites_page_cannot_answer_is_this_page_useful(app, client, headers):
    response = client.post(
        "/feedback/useful", data={"page": "/guides/bins", "answer": "no"}, headers=headers
    )
    assert response.status_code == 403
    assert stored(app, PageFeedback) == []


def test_our_own_pages_can_answer_is_this_page_useful(app, client):
    for headers in ({"Sec-Fetch-Site": "same-origin"}, {"Origin": "http://localhost"}):
        fresh = app.test_client()
        response = fresh.post(
            "/feedback/useful", data={"page": "/guides/bins", "answer": "yes"}, headers=headers
        )
        assert response.status_code == 303
    assert len(stored(app, PageFeedback)) == 2


def test_one_browser_answers_once_per_page(app, client):
    for answer in ("no", "no", "no", "yes"):
        response = client.post("/feedback/useful", data={"page": "/guides/bins", "answer": answer})
        assert response.status_code == 303  # thanked the same, counted once
    client.post("/feedback/useful", data={"page": "/guides/other", "answer": "yes"})
    assert sorted((r.path, r.useful) for r in stored(app, PageFeedback)) == [
        ("/guides/bins", False),
        ("/guides/other", True),
    ]


def test_contact_details_typed_into_a_report_are_removed_before_it_is_kept(app, client):
    """Staff saw the email addresses and phone numbers people typed, under a heading that
    said nothing there identified anyone (issue 16, item 10)."""
    done = submit_form(
        client,
        "/feedback/problem",
        {
            "page": "/guides/x",
            "what_doing": "Paying for page 12 of the form, ring me on 07700 900982",
            "what_wrong": "It broke. Email sam.jones@example.com or +44 29 2018 0000, NI AB123456C",
        },
    )
    assert done.status_code == 303
    [report] = stored(app, PageFeedback)
    assert report.what_doing == "Paying for page 12 of the form, ring me on [phone number removed]"
    assert report.what_wrong == (
        "It broke. Email [email address removed] or [phone number removed], "
        "NI [National Insurance number removed]"
    )
    walk(client, BINS, BIN_ANSWERS)
    submit_form(client, f"{BINS}/check")
    submit_form(
        client,
        "/forms/report-a-missed-bin-collection/feedback",
        {"rating": "2", "improve": "Call me back on 029 2018 0000"},
    )
    [rating] = stored(app, SatisfactionResponse)
    assert rating.improve == "Call me back on [phone number removed]"
