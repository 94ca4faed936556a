"""The needs cookie: set only on save, read back on every page, and never trusted blindly."""

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from portal.needs import store
from portal.needs.model import NO_NEEDS, Needs
from tests.support.pages import soup_of


def test_no_cookie_is_set_by_just_reading_pages(client):
    for url in ("/", "/services/report-a-pothole", "/your-needs", "/your-needs/language"):
        response = client.get(url)
        assert store.COOKIE_NAME not in response.headers.get("Set-Cookie", "")


def test_saved_needs_change_every_page(client, declare):
    declare(text_size="largest", contrast="dark")
    for url in ("/", "/cy/topics/housing", "/guides/what-goes-in-each-recycling-bin"):
        classes = soup_of(client.get(url)).html["class"]
        assert "app-text-largest" in classes
        assert "app-theme-dark" in classes


def test_a_round_trip_keeps_every_answer(app):
    needs = Needs(
        language="cy",
        text_size="large",
        contrast="high",
        more_spacing=True,
        less_motion=True,
        easy_read=True,
        bsl=True,
        lite=True,
        channels=("bsl_video", "email"),
        someone_helps=True,
    )
    with app.test_request_context():
        assert store.parse(store.dump(needs)) == needs


def _signed(app, data, **dumps) -> str:
    with app.test_request_context():
        return URLSafeTimedSerializer(app.secret_key, salt="declared-needs").dumps(data)


def bad_cookies(app):
    with app.test_request_context():
        good = store.dump(Needs(text_size="large"))
    return {
        "tampered": good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB"),
        "truncated": good[: len(good) // 2],
        "oversized": good + "A" * 2000,
        "not signed by us": URLSafeTimedSerializer("someone-else", salt="declared-needs").dumps(
            {"v": 1, "text_size": "large"}
        ),
        "another version": _signed(app, {"v": 2, "text_size": "large"}),
        "no version": _signed(app, {"text_size": "large"}),
        "unknown field": _signed(app, {"v": 1, "favourite_colour": "blue"}),
        "unknown value": _signed(app, {"v": 1, "text_size": "enormous"}),
        "unknown language": _signed(app, {"v": 1, "language": "fr"}),
        "unknown channel": _signed(app, {"v": 1, "channels": ["pigeon"]}),
        "repeated channel": _signed(app, {"v": 1, "channels": ["phone", "phone"]}),
        "wrong type": _signed(app, {"v": 1, "lite": "yes"}),
        "channels not text": _signed(app, {"v": 1, "channels": [1, 2]}),
        "not an object": _signed(app, ["v", 1]),
        "empty": "",
        "garbage": "%%%not-a-cookie%%%",
    }


@pytest.mark.parametrize(
    "kind",
    [
        "tampered",
        "truncated",
        "oversized",
        "not signed by us",
        "another version",
        "no version",
        "unknown field",
        "unknown value",
        "unknown language",
        "unknown channel",
        "repeated channel",
        "wrong type",
        "channels not text",
        "not an object",
        "empty",
        "garbage",
    ],
)
def test_a_bad_cookie_is_ignored_and_the_page_still_works(app, client, kind):
    value = bad_cookies(app)[kind]
    with app.test_request_context():
        assert store.parse(value) == NO_NEEDS
    client.set_cookie(store.COOKIE_NAME, value)
    response = client.get("/services/apply-for-a-blue-badge")
    assert response.status_code == 200
    assert soup_of(response).select_one(".app-needs-bar__link a").get_text(strip=True) == (
        "Tell us what helps you"
    )


def test_a_cookie_older_than_its_lifetime_is_ignored(app, monkeypatch):
    too_old = int(store.LIFETIME.total_seconds()) + 86400
    real = TimestampSigner.get_timestamp
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: real(self) - too_old)
    with app.test_request_context():
        value = store.dump(Needs(text_size="large"))
    monkeypatch.setattr(TimestampSigner, "get_timestamp", real)
    with app.test_request_context():
        assert store.parse(value) == NO_NEEDS
