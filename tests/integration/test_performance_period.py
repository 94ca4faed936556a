"""The period the figures cover is the one the page names: the 12 whole months before this
one, in UK dates, at any moment, the first half-hour of a month and a leap day included."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from portal.performance.figures import Figure, MonthCount, service_figures
from tests.support.rows import SERVICE, add_submissions

UK = ZoneInfo("Europe/London")


def uk(*parts: int) -> datetime:
    """A moment given in UK time, as the UTC moment the database keeps."""
    return datetime(*parts, tzinfo=UK).astimezone(UTC)


def page_text(client, url: str) -> str:
    return BeautifulSoup(client.get(url).data, "html5lib").get_text(" ", strip=True)


MOMENTS = [
    # The first half-hour of a month: the month before is the last one counted.
    (uk(2026, 12, 1, 0, 30), date(2025, 12, 1), date(2026, 11, 30)),
    # Summer time: UTC still says 31 May, but it is June in the UK.
    (uk(2026, 6, 1, 0, 30), date(2025, 6, 1), date(2026, 5, 31)),
    # The last minute of a month: that month is not whole yet.
    (uk(2026, 11, 30, 23, 59), date(2025, 11, 1), date(2026, 10, 31)),
    # A leap day, and the day after it, when February 2028 is the last month counted.
    (uk(2028, 2, 29, 12), date(2027, 2, 1), date(2028, 1, 31)),
    (uk(2028, 3, 1, 0, 30), date(2027, 3, 1), date(2028, 2, 29)),
]


@pytest.mark.parametrize(("moment", "first", "last"), MOMENTS, ids=lambda v: str(v))
def test_the_pages_and_the_data_name_the_period_they_count(
    client, frozen_clock, moment, first, last
):
    frozen_clock.move_to(moment)
    said = f"{first.day} {first:%B %Y} to {last.day} {last:%B %Y}"
    assert said in page_text(client, "/performance")
    assert said in page_text(client, f"/performance/{SERVICE}")
    data = client.get(f"/performance/{SERVICE}/data.json").json
    assert (data["period_start"], data["period_end"]) == (first.isoformat(), last.isoformat())
    assert data["monthly_transactions"][0]["month"] == f"{first:%Y-%m}"
    assert data["monthly_transactions"][-1]["month"] == f"{last:%Y-%m}"
    assert len(data["monthly_transactions"]) == 12
    csv = client.get(f"/performance/{SERVICE}/data.csv").get_data(as_text=True)
    assert f"{SERVICE},{first.isoformat()},{last.isoformat()},transactions," in csv


def test_the_dates_are_in_the_readers_language(client, frozen_clock):
    frozen_clock.move_to(uk(2026, 12, 1, 0, 30))
    for url in ("/cy/performance", f"/cy/performance/{SERVICE}"):
        text = page_text(client, url)
        assert "1 Rhagfyr 2025" in text, url
        assert "30 Tachwedd 2026" in text, url


def test_forms_are_counted_in_the_uk_month_they_were_sent(app, frozen_clock):
    frozen_clock.move_to(uk(2026, 6, 1, 0, 30))  # summer time: 23:30 on 31 May in UTC
    with app.app_context():
        add_submissions(5, when=uk(2025, 5, 31, 23, 59))  # the day before the period
        add_submissions(6, when=uk(2025, 6, 1, 0, 15))  # its first quarter of an hour
        add_submissions(7, when=uk(2026, 5, 31, 23, 45))  # its last quarter of an hour
        add_submissions(8, when=uk(2026, 6, 1, 0, 10))  # this month, not whole yet
        figures = service_figures(SERVICE, {}, minimum=5)
    assert figures.transactions == Figure(13)
    assert figures.monthly[0] == MonthCount(date(2025, 6, 1), Figure(6))
    assert figures.monthly[-1] == MonthCount(date(2026, 5, 1), Figure(7))
    assert sum(month.count.value or 0 for month in figures.monthly) == 13


def test_a_leap_day_is_counted_in_february(app, frozen_clock):
    frozen_clock.move_to(uk(2028, 3, 1, 0, 30))
    with app.app_context():
        add_submissions(5, when=uk(2028, 2, 29, 23, 50))
        add_submissions(6, when=uk(2028, 3, 1, 0, 5))  # March is not whole yet
        figures = service_figures(SERVICE, {}, minimum=5)
    assert figures.transactions == Figure(5)
    assert figures.monthly[-1] == MonthCount(date(2028, 2, 1), Figure(5))
