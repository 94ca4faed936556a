"""What portal.redaction takes out of free text, and what it leaves."""

import pytest

from portal.redaction import redacted

PHONE = "[phone number removed]"
EMAIL = "[email address removed]"
NI = "[National Insurance number removed]"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("call 07700 900982 today", f"call {PHONE} today"),
        ("call 07700900982", f"call {PHONE}"),
        ("mobile 07700-900-982.", f"mobile {PHONE}."),
        ("ring (029) 2018 0000", f"ring {PHONE}"),
        ("from abroad +44 29 2018 0000", f"from abroad {PHONE}"),
        ("+44 (0)29 2018 0000", PHONE),
        ("sam.jones+bins@example.co.uk wrote", f"{EMAIL} wrote"),
        ("<sam@example.com>", f"<{EMAIL}>"),
        ("JH 12 34 56 C", NI),
        ("jh123456c", NI),
    ],
)
def test_contact_details_are_taken_out(typed, kept):
    assert redacted(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "page 12345 at 10:30 on 3/11/2026",
        "it cost £120.50 in 2026",
        "my collection day is 01 12 2026",
        "reference AB12-CD34",
        "postcode CF99 1AB, 100 metres away",
        "QQ 12 34 56 C",  # not a number HMRC gives out
        "",
    ],
)
def test_other_figures_are_left_alone(typed):
    assert redacted(typed) == typed


def test_nothing_stays_nothing():
    assert redacted(None) is None
