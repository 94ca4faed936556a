"""Date answers are checked against sense (issue 16, item 6): each sample form's date
question says in its content which dates it accepts, counted from today in working days
(UK bank holidays from the `holidays` library), days, months or years. The clock is
frozen at FROZEN_AT, Friday 27 November 2026, unless a test moves it."""

from datetime import UTC, datetime

import pytest

from tests.support.answers import BINS, CARE, PARKING
from tests.support.forms import submit_form


def answered(client, soup, url: str, day: str):
    """Post a date (day month year) and return (status, error summary text, kept parts)."""
    response = submit_form(client, url, {"answer": day.split(" ")})
    page = soup(response)
    summary = page.select_one(".govuk-error-summary__list")
    kept = [page.select_one(f"#answer-{p}") for p in ("day", "month", "year")]
    return (
        response.status_code,
        summary.get_text(" ", strip=True) if summary else None,
        [k["value"] for k in kept] if all(kept) else None,
    )


@pytest.mark.parametrize(
    ("url", "day", "message"),
    [
        # A missed collection: from 2 working days ago (Wednesday) to today.
        (f"{BINS}/collection-date", "1 1 2099", "must be today or in the past"),
        (f"{BINS}/collection-date", "28 11 2026", "must be today or in the past"),
        (
            f"{BINS}/collection-date",
            "24 11 2026",
            "must be the same as or after 25 November 2026",
        ),
        # A permit: from 5 working days ahead to 3 months ahead.
        (
            f"{PARKING}/start-date",
            "1 1 2020",
            "must be between 4 December 2026 and 27 February 2027",
        ),
        (
            f"{PARKING}/start-date",
            "3 12 2026",
            "must be between 4 December 2026 and 27 February 2027",
        ),
        (
            f"{PARKING}/start-date",
            "28 2 2027",
            "must be between 4 December 2026 and 27 February 2027",
        ),
        # A date of birth: in the past, and no more than 120 years ago.
        (f"{CARE}/date-of-birth", "27 11 2026", "must be in the past"),
        (f"{CARE}/date-of-birth", "1 1 1900", "must be the same as or after 27 November 1906"),
    ],
)
def test_dates_that_make_no_sense_are_refused_and_kept(
    client, soup, frozen_clock, url, day, message
):
    status, summary, kept = answered(client, soup, url, day)
    assert status == 400
    assert summary is not None and message in summary, summary
    assert kept == day.split(" ")  # what the person typed is still there to correct


@pytest.mark.parametrize(
    ("url", "day"),
    [
        (f"{BINS}/collection-date", "25 11 2026"),
        (f"{BINS}/collection-date", "27 11 2026"),
        (f"{PARKING}/start-date", "4 12 2026"),
        (f"{PARKING}/start-date", "27 2 2027"),
        (f"{CARE}/date-of-birth", "26 11 2026"),
        (f"{CARE}/date-of-birth", "27 11 1906"),
    ],
)
def test_the_first_and_last_dates_accepted_are_accepted(client, soup, frozen_clock, url, day):
    assert answered(client, soup, url, day)[0] == 302


def test_working_days_skip_weekends_and_bank_holidays(client, soup, frozen_clock):
    # Tuesday 29 December 2026: Monday 28th (Boxing Day, moved) and Friday 25th are bank
    # holidays, so the last 2 working days were Thursday 24th and Wednesday 23rd. A bin
    # missed on the 23rd may still be reported; one missed on the 22nd may not.
    frozen_clock.move_to(datetime(2026, 12, 29, 12, tzinfo=UTC))
    assert answered(client, soup, f"{BINS}/collection-date", "23 12 2026")[0] == 302
    status, summary, _kept = answered(client, soup, f"{BINS}/collection-date", "22 12 2026")
    assert status == 400
    assert "must be the same as or after 23 December 2026" in summary


def test_the_message_is_in_welsh_on_a_welsh_page(client, soup, frozen_clock):
    status, summary, _kept = answered(client, soup, f"/cy{PARKING}/start-date", "1 1 2020")
    assert status == 400
    assert summary == (
        "Y dyddiad yr hoffech chi i'ch trwydded ddechrau: rhaid i'r dyddiad fod rhwng "
        "4 Rhagfyr 2026 a 27 Chwefror 2027"
    )


def test_today_counts_in_uk_time(client, soup, frozen_clock):
    # 00:30 on 1 June in UK summer time is still 31 May in UTC: the collection was today.
    frozen_clock.move_to(datetime(2027, 5, 31, 23, 30, tzinfo=UTC))
    assert answered(client, soup, f"{BINS}/collection-date", "1 6 2027")[0] == 302
