"""Ask us to contact you (citizens), and the queue that answers it (staff)."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.callbacks.models import ContactRequest, ContactRequestDraft
from portal.extensions import db
from portal.needs import store
from portal.needs.model import Needs
from tests.support.cookies import readable_session
from tests.support.forms import csrf_token, submit_form
from tests.support.staff import signed_in

WELSH_WHAT_HAPPENS_NEXT = "Beth sy'n digwydd nesaf"
SERVICE = "report-a-missed-bin-collection"
URL = f"/services/{SERVICE}/ask-us-to-contact-you"
ANSWERS = {
    "kind": "appointment",
    "name": "Sam Jones",
    "phone": "07700 900 982",
    "best_time": "morning",
    "language": "cy",
    "needs": ["bsl", "step_free"],
    "anything_else": "I use a wheelchair.",
}


def send(client, prefix: str = "", answers: dict | None = None):
    url = prefix + URL
    response = submit_form(client, url, answers or ANSWERS)
    assert response.headers["Location"] == f"{url}/check", response.data[:3000]
    return submit_form(client, f"{url}/check")


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_a_citizen_can_ask_for_an_appointment_and_take_away_what_happens_next(app, client, prefix):
    check = submit_form(client, prefix + URL, ANSWERS)
    page = client.get(check.headers["Location"]).data.decode()
    assert "Sam Jones" in page and "07700 900 982" in page
    sent = submit_form(client, f"{prefix}{URL}/check")
    assert sent.headers["Location"] == f"{prefix}{URL}/sent"
    summary = client.get(sent.headers["Location"]).data.decode()
    with app.app_context():
        saved = db.session.scalar(select(ContactRequest))
    assert saved.reference in summary
    assert (saved.department, saved.language, saved.needs) == (
        "waste-and-recycling",
        "cy",
        ["bsl", "step_free"],
    )
    assert "07700 900 982" in summary
    if prefix:
        assert WELSH_WHAT_HAPPENS_NEXT in summary


def test_mistakes_are_explained_and_nothing_typed_is_lost(client):
    response = submit_form(
        client,
        URL,
        {
            "kind": "call_back",
            "name": "Sam <b>Jones</b>",
            "phone": "call me maybe",
            "anything_else": "x" * 501,
        },
    )
    assert response.status_code == 400
    page = response.data.decode()
    for message in (
        "Enter a telephone number, like 01632 960 001 or 07700 900 982",
        "Select the best time to call",
        "Select English or Welsh",
        "Use 500 characters or fewer",
    ):
        assert message in page
    assert 'value="Sam &lt;b&gt;Jones&lt;/b&gt;"' in page and "call me maybe" in page
    assert 'value="call_back" checked' in page


def test_what_the_person_told_us_is_filled_in_for_them(app, client):
    with app.test_request_context():
        cookie = store.dump(Needs(language="cy", bsl=True, channels=("in_person",)))
    client.set_cookie("needs", cookie)
    page = client.get("/cy" + URL).data.decode()  # a Welsh speaker's page is Welsh
    assert 'value="cy" checked' in page
    assert 'value="bsl" checked' in page
    assert 'value="appointment" checked' in page


def test_an_unknown_service_has_no_form(client):
    assert client.get("/services/no-such-service/ask-us-to-contact-you").status_code == 404


def test_check_without_answers_goes_back_to_the_form(client):
    assert client.get(f"{URL}/check").headers["Location"] == URL


def test_every_service_page_links_to_the_form(client):
    page = client.get(f"/services/{SERVICE}").data.decode()
    assert f'href="{URL}"' in page


def test_the_queue_marks_welsh_filters_and_is_worked_to_completion(app, client, staff):
    send(client)
    send(
        app.test_client(),
        answers={**ANSWERS, "language": "en", "needs": [], "kind": "call_back", "name": "Ann"},
    )
    worker = signed_in(app, "waste@glanmor.example")
    queue = worker.get("/staff/requests").data.decode()
    assert "Sam Jones" in queue and "Ann" in queue
    assert queue.count("govuk-tag--yellow") == 1  # the Welsh one
    welsh = worker.get("/staff/requests?language=cy").data.decode()
    assert "Sam Jones" in welsh and "Ann" not in welsh
    bsl = worker.get("/staff/requests?need=bsl").data.decode()
    assert "Sam Jones" in bsl and "Ann" not in bsl
    by_service = worker.get(f"/staff/requests?service={SERVICE}").data.decode()
    assert "Sam Jones" in by_service and "Ann" in by_service
    assert "Ann" not in worker.get("/staff/requests?service=apply-for-a-blue-badge").data.decode()
    assert worker.get("/staff/requests?status=nonsense&need=%3Cscript%3E").status_code == 200

    with app.app_context():
        reference = db.session.scalar(
            select(ContactRequest.reference).where(ContactRequest.name == "Sam Jones")
        )
    detail_url = f"/staff/requests/{reference}"
    assert "Contact in Welsh" in worker.get(detail_url).data.decode()
    submit_form(worker, detail_url, to=f"{detail_url}/claim")
    empty = submit_form(worker, detail_url, {"text": "  "}, to=f"{detail_url}/notes")
    assert empty.status_code == 400 and b"Enter a note" in empty.data
    submit_form(
        worker,
        detail_url,
        {"text": "Booked for Tuesday 10am, BSL booked."},
        to=f"{detail_url}/notes",
    )
    submit_form(worker, detail_url, to=f"{detail_url}/complete")
    with app.app_context():
        done = db.session.scalar(
            select(ContactRequest).where(ContactRequest.reference == reference)
        )
        assert done.status == "completed" and done.claimed_by.email == "waste@glanmor.example"
        assert [note.text for note in done.notes] == ["Booked for Tuesday 10am, BSL booked."]
    assert "Sam Jones" not in worker.get("/staff/requests").data.decode()  # open only
    assert "Sam Jones" in worker.get("/staff/requests?status=completed").data.decode()


def test_nothing_the_person_typed_is_readable_in_the_session_cookie(app, client):
    check = submit_form(client, URL, ANSWERS)
    assert check.headers["Location"] == f"{URL}/check"
    # Still there to check, and to change...
    assert "Sam Jones" in client.get(f"{URL}/check").data.decode()
    assert 'value="Sam Jones"' in client.get(URL).data.decode()
    # ...but kept on the server: the cookie, decoded without the key, holds none of it.
    readable = readable_session(client)
    for typed in ("Sam Jones", "07700 900 982", "07700900982", "wheelchair", "bsl", "step_free"):
        assert typed not in readable, typed
    submit_form(client, f"{URL}/check")
    with app.app_context():
        # Sent: the answers are in the request only.
        assert db.session.scalar(select(ContactRequestDraft)) is None
    assert "Sam Jones" not in readable_session(client)


@pytest.mark.clock
def test_a_browser_that_never_heard_its_request_was_sent_is_shown_its_reference(
    app, client, frozen_clock
):
    """The server stored the request but its answer never arrived: sending again (or a
    refresh) shows the confirmation and stores nothing twice; much later, that old cookie
    opens nothing."""
    assert submit_form(client, URL, ANSWERS).headers["Location"] == f"{URL}/check"
    token = csrf_token(client, f"{URL}/check")
    cookie = app.config["SESSION_COOKIE_NAME"]
    unanswered = client.get_cookie(cookie).value
    assert client.post(f"{URL}/check", data={"csrf_token": token}).status_code == 302
    with app.app_context():
        (reference,) = db.session.scalars(select(ContactRequest.reference)).all()

    again = app.test_client()
    again.set_cookie(cookie, unanswered)
    sent = again.post(f"{URL}/check", data={"csrf_token": token})
    assert sent.headers["Location"] == f"{URL}/sent"
    assert reference in again.get(f"{URL}/sent").get_data(as_text=True)
    with app.app_context():
        assert len(db.session.scalars(select(ContactRequest)).all()) == 1

    frozen_clock.shift(timedelta(minutes=16))
    late = app.test_client()
    late.set_cookie(cookie, unanswered)
    assert late.post(f"{URL}/check", data={"csrf_token": token}).headers["Location"] == URL
