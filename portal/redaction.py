"""Taking contact details and identifiers out of free text we are told not to expect them
in: problem reports say "do not include personal information", and some people do.

Phone numbers are found by Google's libphonenumber (`phonenumbers`), which knows how UK
and international numbers are written ("07700 900982", "+44 29 2018 0000", "(029) 2018
0000"); email addresses and National Insurance numbers by their shape. Each is replaced
by a marker that says what was there, so staff can still read the report.
"""

import re

import phonenumbers

EMAIL = re.compile(r"[^\s@<>()\[\],;:\"']+@[^\s@<>()\[\],;:\"']+\.[^\s@<>()\[\],;:\"'.]+")
# Two letters, six digits (in pairs or not), a letter A to D: "QQ 12 34 56 C".
NI_NUMBER = re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I)

EMAIL_MARKER = "[email address removed]"
PHONE_MARKER = "[phone number removed]"
NI_MARKER = "[National Insurance number removed]"


def _looks_dialled(raw: str) -> bool:
    """Dialled as a phone number is: from 0, + or (0, with at least the 10 digits of a UK
    number. Plain figures ("page 12345", "£120.50", "01 12 2026") are not."""
    return raw.lstrip().startswith(("0", "+", "(")) and sum(c.isdigit() for c in raw) >= 10


def _without_phone_numbers(text: str) -> str:
    # POSSIBLE, not VALID: a number in a range not yet given out (07700 900982 is kept for
    # drama) is still somebody's number to them; _looks_dialled keeps other figures.
    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    found = [match for match in matcher if _looks_dialled(match.raw_string)]
    for match in reversed(found):  # from the end, so earlier positions stay right
        text = text[: match.start] + PHONE_MARKER + text[match.end :]
    return text


def redacted(text: str | None) -> str | None:
    """The text with email addresses, phone numbers and NI numbers replaced by markers."""
    if not text:
        return text
    text = EMAIL.sub(EMAIL_MARKER, text)
    text = NI_NUMBER.sub(NI_MARKER, text)
    return _without_phone_numbers(text)
