"""The period the published figures cover: the 12 whole months before this one, in UK dates.

Whole months, so that every bar of the monthly chart counts a full month (a month only
begun would look like a fall), and so that "the last 12 months" on the page is exactly
12 months, with the dates shown. The figures change when a month ends, and the page says so.

Months are the UK's: a form sent at 00:30 on 1 June (23:30 on 31 May in UTC, which the
database keeps) was sent in June.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from portal import clock

MONTHS = 12


def _month_after(first_day: date) -> date:
    return first_day + relativedelta(months=1)


def _month_before(first_day: date) -> date:
    return first_day - relativedelta(months=1)


def _uk_midnight(day: date) -> datetime:
    """The UTC moment a UK day begins (UK clocks change at 1 or 2 am, never at midnight)."""
    return datetime.combine(day, time(), tzinfo=clock.UK).astimezone(UTC)


@dataclass(frozen=True)
class Period:
    months: tuple[date, ...]  # the first day of each month, oldest first

    @property
    def first_day(self) -> date:
        return self.months[0]

    @property
    def last_day(self) -> date:
        return _month_after(self.months[-1]) - timedelta(days=1)

    @property
    def starts_at(self) -> datetime:
        """The first moment counted, in UTC, as the database keeps moments."""
        return _uk_midnight(self.first_day)

    @property
    def ends_before(self) -> datetime:
        """The first moment after the period, in UTC: count what is before it."""
        return _uk_midnight(self.last_day + timedelta(days=1))


def month_of(moment: datetime) -> date:
    """The first day of the UK month a moment is in."""
    if moment.tzinfo is None:  # SQLite returns naive datetimes, in UTC
        moment = moment.replace(tzinfo=UTC)
    day = moment.astimezone(clock.UK).date()
    return date(day.year, day.month, 1)


def whole_months_before(today: date, months: int = MONTHS) -> Period:
    """The `months` whole months before the one `today` is in."""
    first_days = [_month_before(date(today.year, today.month, 1))]
    while len(first_days) < months:
        first_days.append(_month_before(first_days[-1]))
    return Period(tuple(reversed(first_days)))


def published_period() -> Period:
    """The period the figures published today cover."""
    return whole_months_before(clock.today())
