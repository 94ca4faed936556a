"""The GOV.UK Notify stand-in (tests/support/notify_standin.py), driven by Notify's own
client: what it accepts and records, and that it refuses what Notify refuses, with Notify's
status codes and messages."""

import json
import threading
import time
import uuid

import jwt
import pytest
import requests
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

from tests.support.notify_standin import NotifyStandIn

EMAIL = "6a1c7f0e-2f7e-4a8b-9d0a-5f1d2c3b4a01"
SMS = "6a1c7f0e-2f7e-4a8b-9d0a-5f1d2c3b4a02"
LETTER = "6a1c7f0e-2f7e-4a8b-9d0a-5f1d2c3b4a03"
NOT_A_TEMPLATE = "6a1c7f0e-2f7e-4a8b-9d0a-5f1d2c3b4a99"
TEMPLATES = {
    # As the portal's: its words come in ((subject)) and ((body)).
    EMAIL: {
        "type": "email",
        "personalisation": {"subject", "body"},
        "subject": "((subject))",
        "body": "((body))",
    },
    SMS: {"type": "sms", "personalisation": {"body"}, "body": "((body))"},
    LETTER: {
        "type": "letter",
        "personalisation": {"subject", "body"},
        "subject": "((subject))",
        "body": "((body))",
    },
}
ADDRESS = {
    "address_line_1": "Sam Jones",
    "address_line_2": "1 High Street",
    "address_line_3": "Glanmor",
    "address_line_4": "sw1a1aa",
}
WORDS = {"subject": "Your bin collection", "body": "It is on Tuesday."}


@pytest.fixture
def notify():
    with NotifyStandIn(TEMPLATES) as standin:
        yield standin


def client_for(api_key: str, base_url: str) -> NotificationsAPIClient:
    return NotificationsAPIClient(api_key, base_url=base_url, timeout=5)


@pytest.fixture
def client(notify):
    client = client_for(notify.api_key, notify.base_url)
    yield client
    client.request_session.close()


def refused(call) -> tuple[int, list[dict]]:
    with pytest.raises(HTTPError) as raised:
        call()
    return raised.value.status_code, raised.value.message


def raw_post(notify, path: str, *, token: str | None = None, data: str = "{}"):
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return requests.post(f"{notify.base_url}{path}", data=data, headers=headers, timeout=5)


def token(notify, **claims) -> str:
    claims = {"iss": notify.service_id, "iat": int(time.time())} | claims
    return jwt.encode(claims, notify.secret, algorithm="HS256")


# Accepted


def test_an_email_is_accepted_with_notifys_answer_and_recorded(notify, client):
    answer = client.send_email_notification(
        "sam@example.com",
        EMAIL,
        personalisation=WORDS,
        reference="message-1",
        one_click_unsubscribe_url="https://portal.example/stop/abc",
    )

    assert uuid.UUID(answer["id"])
    assert answer["reference"] == "message-1"
    assert answer["content"] == {
        "subject": "Your bin collection",
        "body": "It is on Tuesday.",
        "from_email": "portal.test@notifications.service.gov.uk",
        "one_click_unsubscribe_url": "https://portal.example/stop/abc",
    }
    assert answer["uri"] == f"{notify.base_url}/v2/notifications/{answer['id']}"
    assert answer["template"]["id"] == EMAIL
    assert answer["template"]["version"] == 1
    assert answer["scheduled_for"] is None
    [received] = notify.received
    assert received["id"] == answer["id"]
    assert received["type"] == "email"
    assert received["template_id"] == EMAIL
    assert received["to"] == "sam@example.com"
    assert received["personalisation"] == WORDS
    assert received["reference"] == "message-1"
    assert received["one_click_unsubscribe_url"] == "https://portal.example/stop/abc"
    assert abs(received["created_at"].timestamp() - time.time()) < 5


def test_an_email_without_an_unsubscribe_link_records_none(notify, client):
    client.send_email_notification("sam@example.com", EMAIL, personalisation=WORDS)
    assert notify.received[0]["one_click_unsubscribe_url"] is None
    assert notify.received[0]["reference"] is None


@pytest.mark.parametrize(
    "number", ["07700 900123", "+44 7700 900123", "07700900123", "+447700900123"]
)
def test_a_text_message_to_a_uk_mobile_is_accepted(notify, client, number):
    answer = client.send_sms_notification(
        number, SMS, personalisation={"body": "Hello"}, reference="t-1"
    )

    assert answer["content"] == {"body": "Hello", "from_number": "GOVUK"}
    [received] = notify.received
    assert received["type"] == "sms"
    assert received["to"] == number
    assert received["reference"] == "t-1"


def test_a_letter_is_accepted_and_its_address_recorded_as_notify_reads_it(notify, client):
    answer = client.send_letter_notification(LETTER, ADDRESS | WORDS, reference="l-1")

    assert answer["content"] == {"subject": "Your bin collection", "body": "It is on Tuesday."}
    assert "postage" not in answer  # only a precompiled letter's answer says it
    [received] = notify.received
    assert received["type"] == "letter"
    assert received["to"] == ["Sam Jones", "1 High Street", "Glanmor", "SW1A 1AA"]
    looked_up = client.get_notification_by_id(answer["id"])
    assert looked_up["postage"] == "second"
    assert looked_up["status"] == "received"
    assert (looked_up["line_1"], looked_up["line_4"]) == ("Sam Jones", "sw1a1aa")


def test_a_template_without_a_body_sends_its_personalisation(notify):
    template = str(uuid.uuid4())
    with NotifyStandIn({template: {"type": "sms", "personalisation": {"code"}}}) as bare:
        client = client_for(bare.api_key, bare.base_url)
        answer = client.send_sms_notification("07700900123", template, {"code": "123456"})
        client.request_session.close()
    assert answer["content"]["body"] == "123456"


def test_sanitised_content_is_reported_as_notify_reports_it(client):
    answer = client.send_email_notification(
        "sam@example.com",
        EMAIL,
        personalisation={"subject": "Hi", "body": "see [this](https://evil.example)"},
        sanitise_content_for=["body"],
    )
    assert answer["sanitised_content"] == {
        "body": {
            "unsanitised": "see [this](https://evil.example)",
            "sanitised": "see \\[this\\]\\(\\)",
        }
    }


# Looking up


def test_the_same_reference_twice_is_two_notifications_newest_first(notify, client):
    first = client.send_email_notification("sam@example.com", EMAIL, WORDS, reference="same")
    client.send_sms_notification("07700900123", SMS, {"body": "x"}, reference="other")
    second = client.send_email_notification("sam@example.com", EMAIL, WORDS, reference="same")

    found = client.get_all_notifications(reference="same")

    assert [n["id"] for n in found["notifications"]] == [second["id"], first["id"]]
    assert len(notify.received) == 3
    [one, _] = found["notifications"]
    assert one["type"] == "email"
    assert one["status"] == "delivered"
    assert one["email_address"] == "sam@example.com"
    assert one["phone_number"] is None
    assert one["created_at"].endswith("Z")
    assert found["links"]["current"] == f"{notify.base_url}/v2/notifications?reference=same"


def test_a_reference_never_sent_finds_nothing(client):
    client.send_email_notification("sam@example.com", EMAIL, WORDS, reference="sent")
    assert client.get_all_notifications(reference="never") == {
        "notifications": [],
        "links": {"current": client.base_url + "/v2/notifications?reference=never"},
    }


def test_lists_filter_by_template_type_and_status(client):
    client.send_email_notification("sam@example.com", EMAIL, WORDS)
    client.send_sms_notification("07700900123", SMS, {"body": "x"})

    assert [
        n["type"] for n in client.get_all_notifications(template_type="sms")["notifications"]
    ] == ["sms"]
    assert len(client.get_all_notifications(status="delivered")["notifications"]) == 2
    assert client.get_all_notifications(status="failed")["notifications"] == []


def test_the_iterator_follows_the_next_links_to_the_end(client):
    sent = [
        client.send_sms_notification("07700900123", SMS, {"body": str(n)})["id"] for n in range(3)
    ]
    assert [n["id"] for n in client.get_all_notifications_iterator()] == sent[::-1]


def test_one_notification_by_id(client):
    sent = client.send_sms_notification("07700900123", SMS, {"body": "Hello"}, reference="r")
    found = client.get_notification_by_id(sent["id"])
    assert (found["id"], found["reference"], found["phone_number"]) == (
        sent["id"],
        "r",
        "07700900123",
    )
    assert (found["body"], found["type"], found["status"]) == ("Hello", "sms", "delivered")


def test_an_unknown_id_is_notifys_404(client):
    assert refused(lambda: client.get_notification_by_id(str(uuid.uuid4()))) == (
        404,
        [{"error": "NoResultFound", "message": "No result found"}],
    )


def test_a_malformed_id_is_a_400(client):
    assert refused(lambda: client.get_notification_by_id("not-an-id")) == (
        400,
        [{"error": "ValidationError", "message": "notification_id is not a valid UUID"}],
    )


def test_a_bad_status_filter_is_a_400(client):
    status, errors = refused(lambda: client.get_all_notifications(status="elephant"))
    assert status == 400
    assert errors[0]["message"].startswith("status elephant is not one of [cancelled, created")


# Refused: what Notify checks in what is sent


def email(**changes):
    form = {"email_address": "sam@example.com", "template_id": EMAIL, "personalisation": WORDS}
    return form | changes


def sms(**changes):
    return {
        "phone_number": "07700900123",
        "template_id": SMS,
        "personalisation": {"body": "x"},
    } | changes


def letter(**changes):
    return {"template_id": LETTER, "personalisation": ADDRESS | WORDS} | changes


VALIDATION = "ValidationError"
BAD_REQUEST = "BadRequestError"


@pytest.mark.parametrize(
    ("path", "form", "error", "message"),
    [
        (
            "email",
            email(email_address="sam.example.com"),
            VALIDATION,
            "email_address Not a valid email address",
        ),
        (
            "email",
            email(email_address="sam@example"),
            VALIDATION,
            "email_address Not a valid email address",
        ),
        (
            "email",
            email(email_address="sam@@example.com"),
            VALIDATION,
            "email_address Not a valid email address",
        ),
        ("email", email(template_id=NOT_A_TEMPLATE), BAD_REQUEST, "Template not found"),
        ("email", email(template_id="bins"), VALIDATION, "template_id is not a valid UUID"),
        (
            "email",
            email(template_id=SMS),
            BAD_REQUEST,
            "sms template is not suitable for email notification",
        ),
        (
            "email",
            email(personalisation={"subject": "x"}),
            BAD_REQUEST,
            "Missing personalisation: body",
        ),
        ("email", email(personalisation={}), BAD_REQUEST, "Missing personalisation: subject, body"),
        (
            "email",
            email(personalisation={"subject": "x", "body": None}),
            BAD_REQUEST,
            "Missing personalisation: body",
        ),
        (
            "email",
            email(one_click_unsubscribe_url="http://portal.example/stop"),
            VALIDATION,
            "one_click_unsubscribe_url is not a valid https url",
        ),
        (
            "email",
            email(one_click_unsubscribe_url="/stop/abc"),
            VALIDATION,
            "one_click_unsubscribe_url is not a valid https url",
        ),
        (
            "email",
            email(colour="blue"),
            VALIDATION,
            "Additional properties are not allowed (colour was unexpected)",
        ),
        ("email", email(reference="r" * 1001), VALIDATION, f"reference {'r' * 1001} is too long"),
        ("email", {"template_id": EMAIL}, VALIDATION, "email_address is a required property"),
        (
            "sms",
            sms(phone_number="01632 960001"),
            VALIDATION,
            "phone_number Not a UK mobile number",
        ),
        ("sms", sms(phone_number="07700 9001"), VALIDATION, "phone_number Not enough digits"),
        ("sms", sms(phone_number="07700 900123 4"), VALIDATION, "phone_number Too many digits"),
        (
            "sms",
            sms(phone_number="07700 ninety"),
            VALIDATION,
            "phone_number Must not contain letters or symbols",
        ),
        (
            "sms",
            sms(phone_number="+1 202 555 0100"),
            BAD_REQUEST,
            "Cannot send to international mobile numbers",
        ),
        (
            "sms",
            sms(template_id=EMAIL),
            BAD_REQUEST,
            "email template is not suitable for sms notification",
        ),
        ("sms", sms(personalisation={}), BAD_REQUEST, "Missing personalisation: body"),
        (
            "letter",
            letter(personalisation=ADDRESS | WORDS | {"address_line_4": "Not a postcode"}),
            VALIDATION,
            "Must be a real UK postcode",
        ),
        (
            "letter",
            letter(personalisation={"address_line_1": "Sam", "address_line_2": "SW1A 1AA"} | WORDS),
            VALIDATION,
            "Address must be at least 3 lines",
        ),
        (
            "letter",
            letter(
                personalisation={
                    "address_line_1": "Sam",
                    "address_line_3": "x",
                    "postcode": "SW1A 1AA",
                }
            ),
            VALIDATION,
            "personalisation address_line_2 is a required property",
        ),
        (
            "letter",
            letter(template_id=EMAIL),
            BAD_REQUEST,
            "email template is not suitable for letter notification",
        ),
        ("letter", {"personalisation": ADDRESS}, VALIDATION, "template_id is a required property"),
    ],
)
def test_notify_refuses_what_it_refuses_with_its_message(
    notify, client, path, form, error, message
):
    status, errors = refused(lambda: client.post(f"/v2/notifications/{path}", data=form))

    assert status == 400
    assert errors == [{"error": error, "message": message}]
    assert notify.received == []
    assert notify.requests_seen == 1


def test_the_clients_own_methods_meet_the_same_checks(client):
    """The same refusals through send_*_notification, as the portal calls them."""
    assert refused(lambda: client.send_sms_notification("01632 960001", SMS, {"body": "x"})) == (
        400,
        [{"error": VALIDATION, "message": "phone_number Not a UK mobile number"}],
    )
    assert refused(lambda: client.send_email_notification("nobody", EMAIL, WORDS)) == (
        400,
        [{"error": VALIDATION, "message": "email_address Not a valid email address"}],
    )
    assert refused(lambda: client.send_letter_notification(LETTER, {"address_line_1": "Sam"})) == (
        400,
        [{"error": VALIDATION, "message": "personalisation address_line_2 is a required property"}],
    )


def test_every_schema_problem_is_listed_at_once(client):
    status, errors = refused(
        lambda: client.post("/v2/notifications/email", data={"email_address": "x", "extra": 1})
    )
    assert status == 400
    assert [e["message"] for e in errors] == [
        "email_address Not a valid email address",
        "template_id is a required property",
        "Additional properties are not allowed (extra was unexpected)",
    ]


def test_a_body_that_is_not_json_is_a_bad_request(notify):
    answer = raw_post(notify, "/v2/notifications/email", token=token(notify), data="{not json")
    assert answer.status_code == 400
    assert answer.json() == {
        "status_code": 400,
        "errors": [{"error": BAD_REQUEST, "message": "Invalid JSON supplied in POST data"}],
    }


def test_a_precompiled_letter_is_accepted_with_its_postage(notify, client):
    answer = client.post(
        "/v2/notifications/letter",
        data={"reference": "pdf-1", "content": "JVBERi0=", "postage": "first"},
    )
    assert answer["postage"] == "first"
    assert notify.received[0]["reference"] == "pdf-1"


# Refused: the key and its token


def test_a_key_with_the_wrong_secret_is_a_403(notify):
    wrong = client_for(f"portal_test-{notify.service_id}-{uuid.uuid4()}", notify.base_url)
    assert refused(lambda: wrong.send_email_notification("sam@example.com", EMAIL, WORDS)) == (
        403,
        [{"error": "AuthError", "message": "Invalid token: API key not found"}],
    )
    wrong.request_session.close()
    assert notify.received == []


def test_a_key_for_another_service_is_a_403(notify):
    other = client_for(f"portal_test-{uuid.uuid4()}-{notify.secret}", notify.base_url)
    assert refused(lambda: other.get_all_notifications()) == (
        403,
        [{"error": "AuthError", "message": "Invalid token: service not found"}],
    )
    other.request_session.close()


def test_no_token_is_a_401(notify):
    answer = raw_post(notify, "/v2/notifications/email", data="{}")
    assert answer.status_code == 401
    assert answer.json() == {
        "status_code": 401,
        "errors": [
            {"error": "AuthError", "message": "Unauthorized: authentication token must be provided"}
        ],
    }


def test_a_token_that_is_not_a_bearer_token_is_a_401(notify):
    answer = requests.get(
        f"{notify.base_url}/v2/notifications", headers={"Authorization": "Basic abc"}, timeout=5
    )
    assert answer.status_code == 401
    assert answer.json()["errors"][0]["message"] == (
        "Unauthorized: authentication bearer scheme must be used"
    )


@pytest.mark.parametrize("seconds", [-31, 31, -600])
def test_a_token_issued_more_than_30_seconds_from_now_is_a_403(notify, seconds):
    answer = raw_post(
        notify, "/v2/notifications/email", token=token(notify, iat=int(time.time()) + seconds)
    )
    assert answer.status_code == 403
    assert answer.json()["errors"] == [
        {
            "error": "AuthError",
            "message": "Error: Your system clock must be accurate to within 30 seconds",
        }
    ]


@pytest.mark.parametrize("seconds", [-20, 20])
def test_a_token_within_30_seconds_is_taken(notify, seconds):
    answer = raw_post(
        notify,
        "/v2/notifications/sms",
        token=token(notify, iat=int(time.time()) + seconds),
        data=json.dumps(sms()),
    )
    assert answer.status_code == 201


GENERAL = (
    "Invalid token: make sure your API token matches the example at "
    "https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header"
)


def signed(claims: dict, key: str, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=algorithm)


BAD_TOKENS = {
    # HS512 wants a key of 64 bytes or more: a shorter one sets off PyJWT's warning.
    "HS512": (
        lambda n: signed({"iss": n.service_id, "iat": int(time.time())}, n.secret * 2, "HS512"),
        "Invalid token: algorithm used is not HS256",
    ),
    "no iss": (
        lambda n: signed({"iat": int(time.time())}, n.secret),
        "Invalid token: iss field not provided",
    ),
    "iss not a uuid": (
        lambda n: signed({"iss": "portal", "iat": int(time.time())}, n.secret),
        "Invalid token: service id is not the right data type",
    ),
    "no iat": (
        lambda n: signed({"iss": n.service_id}, n.secret),
        "Invalid token: API key not found",
    ),
    "not a jwt": (lambda n: "not.a.token", GENERAL),
}


@pytest.mark.parametrize("case", BAD_TOKENS)
def test_tokens_notify_cannot_use_are_403s(notify, case):
    bad_token, message = BAD_TOKENS[case]
    answer = raw_post(notify, "/v2/notifications/email", token=bad_token(notify))
    assert answer.status_code == 403
    assert answer.json()["errors"] == [{"error": "AuthError", "message": message}]


def test_lookups_need_the_key_too(notify):
    answer = requests.get(f"{notify.base_url}/v2/notifications?reference=x", timeout=5)
    assert answer.status_code == 401


# Failing on purpose


def test_fail_next_429_twice_then_accepts(notify, client):
    notify.fail_next(2, 429)

    for _ in range(2):
        assert refused(lambda: client.send_email_notification("sam@example.com", EMAIL, WORDS)) == (
            429,
            [
                {
                    "error": "RateLimitError",
                    "message": (
                        "Exceeded rate limit for key type TEST of 3000 requests per 60 seconds"
                    ),
                }
            ],
        )
    answer = client.send_email_notification("sam@example.com", EMAIL, WORDS, reference="third")

    assert [n["id"] for n in notify.received] == [answer["id"]]
    assert notify.requests_seen == 3


def test_fail_next_500_is_notifys_internal_server_error(notify, client):
    notify.fail_next(1, 500)
    assert refused(lambda: client.send_sms_notification("07700900123", SMS, {"body": "x"})) == (
        500,
        [{"error": "Exception", "message": "Internal server error"}],
    )
    client.send_sms_notification("07700900123", SMS, {"body": "x"})
    assert len(notify.received) == 1


def test_fail_next_leaves_lookups_alone(notify, client):
    notify.fail_next(1, 500)
    assert client.get_all_notifications()["notifications"] == []
    assert notify.requests_seen == 0


def test_requests_seen_counts_refusals_too(notify, client):
    refused(lambda: client.send_sms_notification("01632 960001", SMS, {"body": "x"}))
    client.send_sms_notification("07700900123", SMS, {"body": "x"})
    assert (notify.requests_seen, len(notify.received)) == (2, 1)


# The server itself


def test_other_paths_and_methods_are_json_404s_and_405s(notify):
    missing = requests.get(f"{notify.base_url}/v2/elsewhere", timeout=5)
    wrong_method = requests.delete(f"{notify.base_url}/v2/notifications", timeout=5)
    assert (missing.status_code, missing.json()["errors"][0]["error"]) == (404, "NotFound")
    assert (wrong_method.status_code, wrong_method.json()["errors"][0]["error"]) == (
        405,
        "MethodNotAllowed",
    )


def test_sends_from_many_threads_are_all_recorded(notify):
    def send(n: int) -> None:
        client = client_for(notify.api_key, notify.base_url)  # the client is not thread-safe
        for i in range(5):
            client.send_sms_notification("07700900123", SMS, {"body": "x"}, reference=f"{n}-{i}")
        client.request_session.close()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(notify.received) == notify.requests_seen == 40
    assert len({n["id"] for n in notify.received}) == 40


def test_it_has_no_address_until_started_and_stops_listening():
    standin = NotifyStandIn(TEMPLATES)
    with pytest.raises(RuntimeError, match="start the Notify stand-in first"):
        _ = standin.base_url
    standin.start()
    base_url = standin.base_url
    assert base_url.startswith("http://127.0.0.1:")
    standin.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{base_url}/v2/notifications", timeout=2)


def test_the_key_is_one_the_client_splits_into_service_and_secret(notify):
    client = client_for(notify.api_key, notify.base_url)
    assert (client.service_id, client.api_key) == (notify.service_id, notify.secret)
    assert notify.api_key == f"portal_test-{notify.service_id}-{notify.secret}"
    client.request_session.close()


def test_template_ids_must_be_uuids():
    with pytest.raises(ValueError, match="UUIDs"):
        NotifyStandIn({"bins": {"type": "email"}})
