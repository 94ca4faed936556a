"""Working days for the date rules in forms: weekends and the bank holidays of the part of
the UK the portal is set for."""

from datetime import date

import pytest

from config import ConfigError, TestConfig
from portal import create_app
from portal.working_days import is_working_day, working_days_from


def app_for(part_of_the_uk: str):
    config = TestConfig()
    config.BANK_HOLIDAYS_IN = part_of_the_uk
    return create_app(config)


@pytest.mark.parametrize(
    ("part_of_the_uk", "start", "count", "expected"),
    [
        # Thursday 24 December 2026, 5 working days on: past Christmas Day (Friday), the
        # moved Boxing Day (Monday 28th) and New Year's Day (Friday 1 January).
        ("WLS", date(2026, 12, 24), 5, date(2027, 1, 5)),
        ("WLS", date(2026, 12, 29), -2, date(2026, 12, 23)),
        # Scotland also stops for 2 January: in 2027 a Saturday, so Monday 4th instead.
        ("SCT", date(2026, 12, 24), 5, date(2027, 1, 6)),
        # Northern Ireland stops for St Patrick's Day, Wednesday 17 March 2027.
        ("NIR", date(2027, 3, 16), 1, date(2027, 3, 18)),
        ("WLS", date(2027, 3, 16), 1, date(2027, 3, 17)),
        # 0 is the day itself, even a Sunday.
        ("WLS", date(2026, 11, 29), 0, date(2026, 11, 29)),
        ("WLS", date(2026, 11, 29), -1, date(2026, 11, 27)),
    ],
)
def test_working_days_from(part_of_the_uk, start, count, expected):
    with app_for(part_of_the_uk).app_context():
        assert working_days_from(start, count) == expected


def test_a_weekday_bank_holiday_is_not_a_working_day():
    with app_for("ENG").app_context():
        assert not is_working_day(date(2027, 5, 31))  # the spring bank holiday
        assert is_working_day(date(2027, 6, 1))


def test_an_unknown_part_of_the_uk_stops_start_up():
    config = TestConfig()
    config.BANK_HOLIDAYS_IN = "Wales"
    with pytest.raises(ConfigError, match="PORTAL_BANK_HOLIDAYS_IN"):
        config.validate()
