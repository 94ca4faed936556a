"""A sent form's confirmation, from the outbox to a real SMTP server and to the GOV.UK
Notify stand-in (tests/support/notify_standin.py): one message, in the form's language,
with its reference; nothing in the outbox until the form is stored."""

import uuid

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.messages.models import Message
from portal.messages.worker import Worker
from portal.transactions.models import Submission
from tests.support.answers import BIN_ANSWERS, BINS
from tests.support.forms import csrf_token, submit_form, walk
from tests.support.notify_standin import NotifyStandIn
from tests.support.smtp import SmtpServer

NOTIFY_TEMPLATES = {
    "email": str(uuid.uuid4()),
    "sms": str(uuid.uuid4()),
    "letter": str(uuid.uuid4()),
}


def _send_bins_form(client, prefix: str) -> None:
    walk(client, BINS, BIN_ANSWERS, prefix)
    assert submit_form(client, f"{prefix}{BINS}/check").status_code == 302


def _deliver(app) -> dict:
    with app.app_context():
        return Worker(poll_seconds=0.01).run(until_idle=True)


def _reference(app) -> str:
    with app.app_context():
        return db.session.scalar(select(Submission.reference))


@pytest.fixture
def smtp_server():
    with SmtpServer() as server:
        yield server


def test_a_welsh_form_sends_one_welsh_email_by_smtp(make_app, smtp_server):
    app = make_app(
        MESSAGES_PROVIDER="smtp",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=smtp_server.port,
        SMTP_STARTTLS=False,
    )
    _send_bins_form(app.test_client(), "/cy")
    assert _deliver(app) == {"sent": 1}
    (email,) = smtp_server.mailbox.received
    reference = _reference(app)
    body = email.get_content()
    assert email["To"] == dict(BIN_ANSWERS)["email"]["answer"]
    assert reference in email["Subject"] + body
    assert email["Content-Language"] == "cy"
    assert "Cyngor Sir Glanmor" in body and "Glanmor County Council" not in body
    # The stop link is in the body, and mail apps get RFC 8058's one click.
    assert "/cy/messages/stop/" in body
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Sending again finds nothing to send: the outbox says sent.
    assert _deliver(app) == {}
    assert len(smtp_server.mailbox.received) == 1


def test_an_address_the_mail_server_refuses_fails_visibly_and_keeps_the_submission(
    make_app, smtp_server
):
    smtp_server.mailbox.refuse[dict(BIN_ANSWERS)["email"]["answer"]] = "550 No such user here"
    app = make_app(
        MESSAGES_PROVIDER="smtp",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=smtp_server.port,
        SMTP_STARTTLS=False,
    )
    _send_bins_form(app.test_client(), "")
    assert _deliver(app) == {"failed": 1}
    with app.app_context():
        message = db.session.scalar(select(Message))
        assert message.status == "failed" and "550" in message.last_error
        assert db.session.scalar(select(Submission.reference)) is not None


def test_a_welsh_form_sends_one_request_to_notify(make_app):
    with NotifyStandIn(
        {
            NOTIFY_TEMPLATES["email"]: {"type": "email", "personalisation": {"subject", "body"}},
            NOTIFY_TEMPLATES["sms"]: {"type": "sms", "personalisation": {"body"}},
        }
    ) as notify:
        app = make_app(
            MESSAGES_PROVIDER="notify",
            NOTIFY_API_KEY=notify.api_key,
            NOTIFY_BASE_URL=notify.base_url,
            NOTIFY_TEMPLATES=NOTIFY_TEMPLATES,
            BASE_URL="https://services.glanmor.example",
        )
        _send_bins_form(app.test_client(), "/cy")
        assert _deliver(app) == {"sent": 1}
        (sent,) = notify.received
    reference = _reference(app)
    with app.app_context():
        message = db.session.scalar(select(Message))
    assert sent["template_id"] == NOTIFY_TEMPLATES["email"]
    assert sent["reference"] == message.reference
    assert sent["to"] == dict(BIN_ANSWERS)["email"]["answer"]
    assert set(sent["personalisation"]) == {"subject", "body"}
    assert reference in sent["personalisation"]["subject"] + sent["personalisation"]["body"]
    assert "Cyngor Sir Glanmor" in sent["personalisation"]["body"]
    assert sent["one_click_unsubscribe_url"].startswith(
        "https://services.glanmor.example/cy/messages/stop/"
    )
    assert message.provider_id == sent["id"]


def test_notify_busy_or_down_is_tried_again_until_it_takes_the_message(make_app):
    with NotifyStandIn(
        {NOTIFY_TEMPLATES["email"]: {"type": "email", "personalisation": {"subject", "body"}}}
    ) as notify:
        app = make_app(
            MESSAGES_PROVIDER="notify",
            NOTIFY_API_KEY=notify.api_key,
            NOTIFY_BASE_URL=notify.base_url,
            NOTIFY_TEMPLATES=NOTIFY_TEMPLATES,
            MESSAGES_RETRY_SECONDS=0.01,
        )
        _send_bins_form(app.test_client(), "")
        notify.fail_next(2, 429)
        notify.fail_next(1, 500)  # queued after the 429s
        assert _deliver(app) == {"queued": 3, "sent": 1}
        assert len(notify.received) == 1


def test_no_message_is_queued_for_a_form_that_was_not_stored(app, client):
    walk(client, BINS, BIN_ANSWERS)
    with app.app_context():
        assert db.session.scalar(select(Message)) is None
    token = csrf_token(client, f"{BINS}/check")
    for _twice in range(2):  # a double click: one submission, one message
        client.post(f"{BINS}/check", data={"csrf_token": token})
    with app.app_context():
        assert len(db.session.scalars(select(Message)).all()) == 1
