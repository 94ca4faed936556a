"""The pages around messages: the development inbox under `make run`, the stop link in
every email, STOP by text message, and the content check on a broken message template."""

import shutil

from sqlalchemy import select

from config import ROOT
from portal.extensions import db
from portal.messages.models import Message, MessageStop
from portal.messages.outbox import Contacts, address_hash, queue
from portal.messages.worker import Worker
from tests.support.answers import BIN_ANSWERS, BINS
from tests.support.forms import submit_form, walk
from tests.support.pages import soup_of

EMAIL = dict(BIN_ANSWERS)["email"]["answer"]


def _send_bins_form(client, prefix=""):
    walk(client, BINS, BIN_ANSWERS, prefix)
    submit_form(client, f"{prefix}{BINS}/check")


def _stop_link(app) -> str:
    with app.app_context():
        link = db.session.scalar(select(Message)).values["stop_link"]
    return link.removeprefix("http://localhost")


def test_the_development_inbox_shows_what_a_form_journey_sent(app, client):
    _send_bins_form(client, "/cy")
    waiting = soup_of(client.get("/development/messages")).get_text(" ", strip=True)
    assert "1 queued" in waiting
    with app.app_context():
        Worker(poll_seconds=0.01).run(until_idle=True)
    page = soup_of(client.get("/development/messages"))
    (message,) = page.select("main section")
    assert message["lang"] == "cy"
    assert EMAIL in message.get_text()
    assert "Cyngor Sir Glanmor" in message.get_text()


def test_production_has_no_development_inbox(make_app):
    app = make_app(MESSAGES_PROVIDER="smtp", SMTP_HOST="127.0.0.1")
    assert app.test_client().get("/development/messages").status_code == 404


def test_the_stop_link_stops_follow_ups_to_that_address(app, client):
    _send_bins_form(client)
    link = _stop_link(app)
    page = soup_of(client.get(link))
    assert page.h1.get_text(strip=True) == "Stop getting messages from us"
    submit_form(client, link)
    with app.app_context():
        assert db.session.scalar(select(MessageStop.address_hash)) == address_hash(
            {"email": EMAIL.upper()}
        )
        with app.test_request_context():
            follow_up = queue(
                "request-updated",
                "en",
                (),
                Contacts(email=EMAIL),
                {
                    "reference": "X",
                    "service_name": "Y",
                    "status": "Z",
                    "staff_message": "",
                    "link": "/",
                },
                about="submission:X",
            )
        assert follow_up is None


def test_one_click_from_a_mail_app_needs_no_page_token(app, client):
    _send_bins_form(client)
    link = _stop_link(app)
    # RFC 8058: the mail app posts this body to the List-Unsubscribe address, nothing else.
    answer = client.post(link, data={"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(MessageStop)) is not None


def test_a_forged_stop_link_is_not_found(client):
    assert client.get("/messages/stop/not-a-real-token").status_code == 404


def test_stop_by_text_message_needs_notifys_token(make_app):
    app = make_app(NOTIFY_INBOUND_TOKEN="inbound-secret")
    client = app.test_client()
    reply = {"source_number": "447700900982", "message": "Stop"}
    assert client.post("/messages/received-text", json=reply).status_code == 401
    answer = client.post(
        "/messages/received-text", json=reply, headers={"Authorization": "Bearer inbound-secret"}
    )
    assert answer.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(MessageStop.address_hash)) == address_hash(
            {"phone": "07700 900982"}
        )


def test_a_broken_message_template_fails_the_content_check_where_it_is(app, tmp_path):
    shutil.copytree(ROOT / "content", tmp_path, dirs_exist_ok=True)
    broken = tmp_path / "messages" / "form-sent.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("((reference))", "((refrence))", 1),
        encoding="utf-8",
    )
    result = app.test_cli_runner().invoke(args=["content", "check", "--content-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "messages/form-sent.yaml:" in result.output
    assert "[message-placeholder]" in result.output and "Fix:" in result.output


def test_performance_counts_confirmations_by_channel_and_language(app, client):
    from datetime import timedelta

    from portal import clock
    from portal.performance.figures import service_figures
    from portal.performance.period import whole_months_before

    _send_bins_form(client, "/cy")
    with app.app_context():
        # The months up to next month's first day: this one included.
        period = whole_months_before(clock.today() + timedelta(days=32))
        figures = service_figures("report-a-missed-bin-collection", {}, 1, period)
    assert [(c, f.value) for c, f in figures.messages_by_channel] == [
        ("email", 1),
        ("sms", 0),
        ("letter", 0),
    ]
    assert [(lang, f.value) for lang, f in figures.messages_by_language] == [("en", 0), ("cy", 1)]
    with app.app_context():
        small = service_figures("report-a-missed-bin-collection", {}, 5, period)
    assert dict(small.messages_by_channel)["email"].withheld == "suppressed"


def test_a_return_code_is_sent_to_yourself_with_a_reminder_before_expiry(app, client):
    from portal.transactions.models import Draft
    from tests.support.forms import return_code

    walk(client, BINS, BIN_ANSWERS[:2])
    code = return_code(client, BINS)
    refused = submit_form(
        client, f"{BINS}/save", {"code": code, "mobile": "01632 960001"}, to=f"{BINS}/save/send"
    )
    assert refused.status_code == 400
    page = soup_of(refused)
    assert "Enter a UK mobile phone number" in page.select_one(".govuk-error-summary").get_text()
    assert page.select_one("input[name=mobile]")["value"] == "01632 960001"  # kept
    assert code in page.get_text()  # and the code still shown
    sent = submit_form(
        client, f"{BINS}/save", {"code": code, "email": EMAIL}, to=f"{BINS}/save/send"
    )
    assert sent.status_code == 200
    with app.app_context():
        kinds = {m.kind: m for m in db.session.scalars(select(Message))}
        assert set(kinds) == {"draft-saved", "draft-expiring"}
        assert kinds["draft-saved"].values["return_code"] == code
        draft = db.session.scalar(select(Draft))
        lifetime = app.config["DRAFT_LIFETIME_DAYS"] - app.config["DRAFT_REMINDER_DAYS_BEFORE"]
        due = kinds["draft-expiring"].due_at - draft.updated_at
        assert due.days == lifetime - 1 or due.days == lifetime
    # Sending the form cancels the reminder.
    walk(client, BINS, BIN_ANSWERS[2:])
    submit_form(client, f"{BINS}/check")
    with app.app_context():
        reminder = db.session.scalar(select(Message).where(Message.kind == "draft-expiring"))
        assert reminder.status == "cancelled"


def test_a_needs_code_is_sent_to_yourself(app, client):
    from portal.needs import store
    from portal.needs.model import Needs

    with app.test_request_context():
        response = app.response_class()
        store.save(response, Needs(text_size="large"))
    name, value = response.headers["Set-Cookie"].split(";")[0].split("=", 1)
    client.set_cookie(name, value)
    page = soup_of(client.get("/cy/your-needs/code"))
    assert page.select_one("input[name=email]") is not None
    refused = submit_form(
        client, "/cy/your-needs/code", {"email": "not an address"}, to="/cy/your-needs/code/send"
    )
    assert refused.status_code == 400
    sent = submit_form(
        client, "/cy/your-needs/code", {"mobile": "07700 900982"}, to="/cy/your-needs/code/send"
    )
    assert sent.status_code == 200
    with app.app_context():
        (message,) = db.session.scalars(select(Message)).all()
    assert (message.kind, message.channel, message.language) == ("needs-code", "sms", "cy")
    assert message.values["link"].endswith("/cy/your-needs/restore")
