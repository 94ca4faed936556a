"""The audit log can be narrowed by person, action and date (issue 16, item 10): it could
only be paged through, newest first."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from portal.assist.models import AuditEvent
from portal.extensions import db
from tests.support.staff import signed_in

AUDIT = "/staff/admin/audit"


@pytest.fixture
def events(app, staff):
    """Three past events on three days, besides those signing in makes."""
    with app.app_context():
        for day, who, action in [
            (2, staff["waste@glanmor.example"], "submission_viewed"),
            (3, staff["roads@glanmor.example"], "submission_viewed"),
            (4, staff["waste@glanmor.example"], "contact_request_claimed"),
        ]:
            db.session.add(
                AuditEvent(at=datetime(2026, 11, day, 9, tzinfo=UTC), staff_id=who, action=action)
            )
        db.session.add(  # a failed sign-in with no account behind it keeps what was typed
            AuditEvent(
                at=datetime(2026, 11, 3, 10, tzinfo=UTC),
                email="nobody@glanmor.example",
                action="sign_in_failed",
            )
        )
        db.session.commit()


def shown(client, query: str) -> tuple[int, list[tuple[str, str]], BeautifulSoup]:
    response = client.get(f"{AUDIT}?{query}")
    page = BeautifulSoup(response.data, "html5lib")
    rows = [
        tuple(cell.get_text(" ", strip=True) for cell in row.select("td")[1:3])
        for row in page.select("tbody tr")
    ]
    return response.status_code, rows, page


def test_by_person_action_and_days(app, events):
    admin = signed_in(app, "admin@glanmor.example")
    _status, rows, _page = shown(admin, "who=WASTE@")
    assert rows == [
        ("waste@glanmor.example", "Claimed a contact request"),
        ("waste@glanmor.example", "Viewed a submission"),
    ]
    _status, rows, _page = shown(admin, "action=submission_viewed")
    assert [who for who, _what in rows] == ["roads@glanmor.example", "waste@glanmor.example"]
    _status, rows, _page = shown(admin, "since=3&since=11&since=2026&until=3&until=11&until=2026")
    assert rows == [
        ("nobody@glanmor.example", "Sign-in failed"),
        ("roads@glanmor.example", "Viewed a submission"),
    ]
    _status, rows, page = shown(admin, "who=nobody&action=sign_in_failed")
    assert rows == [("nobody@glanmor.example", "Sign-in failed")]
    # What was asked for is still in the form, to change.
    assert page.select_one("#who")["value"] == "nobody"
    assert page.select_one("#action option[selected]")["value"] == "sign_in_failed"


def test_a_typed_wildcard_is_only_itself(app, events):
    admin = signed_in(app, "admin@glanmor.example")
    assert shown(admin, "who=%25")[1] == []
    assert shown(admin, "who=_")[1] == []


def test_a_date_that_is_not_real_is_explained_and_kept(app, events):
    admin = signed_in(app, "admin@glanmor.example")
    status, rows, page = shown(admin, "since=31&since=2&since=2026")
    assert status == 400 and rows == []
    assert page.title.get_text().startswith("Error:")
    summary = page.select_one(".govuk-error-summary")
    assert "Enter a real date, like 27 11 2026" in summary.get_text()
    assert summary.select_one("a")["href"] == "#since-day"
    assert [page.select_one(f"#since-{p}")["value"] for p in ("day", "month", "year")] == [
        "31",
        "2",
        "2026",
    ]


def test_the_last_day_there_is_is_refused_not_a_server_error(app, events):
    admin = signed_in(app, "admin@glanmor.example")
    status, _rows, page = shown(admin, "until=31&until=12&until=9999")
    assert status == 400
    assert "Enter a real date, like 27 11 2026" in page.get_text()


def test_dates_the_wrong_way_round_are_explained(app, events):
    admin = signed_in(app, "admin@glanmor.example")
    status, _rows, page = shown(admin, "since=4&since=11&since=2026&until=2&until=11&until=2026")
    assert status == 400
    assert "The date to must be the same as or after the date from" in page.get_text()


def test_an_unknown_action_is_refused_in_welsh_on_a_welsh_page(app, events):
    admin = signed_in(app, "admin@glanmor.example")
    response = admin.get(f"/cy{AUDIT}?action=anything")
    assert response.status_code == 400
    assert "Dewiswch weithred o'r rhestr" in response.data.decode()


def test_the_next_page_keeps_the_filters(app, staff):
    with app.app_context():
        for minute in range(101):
            db.session.add(
                AuditEvent(
                    at=datetime(2026, 11, 2, 9, minute % 60, tzinfo=UTC),
                    staff_id=staff["waste@glanmor.example"],
                    action="submission_viewed",
                )
            )
        db.session.commit()
    admin = signed_in(app, "admin@glanmor.example")
    _status, rows, page = shown(admin, "action=submission_viewed&since=2&since=11&since=2026")
    assert len(rows) == 100
    following = page.select_one(".govuk-pagination__next a")["href"]
    assert "action=submission_viewed" in following and following.count("since=") == 3
    _status, rows, _page = shown(admin, following.split("?", 1)[1])
    assert len(rows) == 1
