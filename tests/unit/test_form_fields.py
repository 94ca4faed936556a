"""The phone-number check that form journeys and "ask us to contact you" share."""

import pytest

from portal.form_fields import is_uk_phone


@pytest.mark.parametrize(
    "number",
    [
        "07700 900 982",
        "01632 960 001",  # the examples in the error message (Ofcom's drama numbers)
        "07700900982",
        "+44 7700 900982",
        "020 7946 0000",
        "+1 202 555 0100",  # another country's, given with its code
        "01632 960001 ",
        "(01632) 960 001",
        "0044 7700 900982",
    ],
)
def test_numbers_that_could_be_phone_numbers_pass(number):
    assert is_uk_phone(number)


@pytest.mark.parametrize(
    "number",
    [
        "",
        "call me maybe",
        "123",
        "999",
        "0770090098212345",
        "+44",
        "12345",  # a local number without its area code: nobody elsewhere can call it
        "1234567",
        "7700 900982",  # a mobile without its 0
    ],
)
def test_what_cannot_be_a_phone_number_is_refused(number):
    assert not is_uk_phone(number)
