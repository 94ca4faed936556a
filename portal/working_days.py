"""Working days: Monday to Friday, except bank holidays.

Bank holidays come from the `holidays` library (kept up to date by its maintainers from
each government's announcements, including one-off days such as a coronation), for the
part of the UK set in BANK_HOLIDAYS_IN. England and Wales share theirs; Scotland and
Northern Ireland have their own.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from flask import current_app


@lru_cache(maxsize=64)
def _bank_holidays(part_of_the_uk: str, year: int) -> frozenset[date]:
    # A frozen set per year: the library's own object fills itself in as it is asked, which
    # is not safe to share between threads.
    return frozenset(holidays.country_holidays("GB", subdiv=part_of_the_uk, years=year))


def is_working_day(day: date) -> bool:
    part_of_the_uk = current_app.config["BANK_HOLIDAYS_IN"]  # checked at start-up
    return day.weekday() < 5 and day not in _bank_holidays(part_of_the_uk, day.year)


def working_days_from(start: date, count: int) -> date:
    """The day `count` working days after `start` (before it, if `count` is negative).
    0 is `start` itself, even on a weekend: "within 0 working days" means today."""
    step = timedelta(days=1 if count > 0 else -1)
    day = start
    for _ in range(abs(count)):
        day += step
        while not is_working_day(day):
            day += step
    return day
