"""Small pieces every WTForms form here shares."""

import phonenumbers
from wtforms import SelectChoice


def choices(names: dict) -> list[SelectChoice]:
    """Radio, checkbox or select choices from a {value: label} dict, in its order."""
    return [SelectChoice(value, label) for value, label in names.items()]


def stripped(value):
    """A filter: spaces around typed text are never part of the answer."""
    return value.strip() if isinstance(value, str) else value


def is_uk_phone(value: str) -> bool:
    """Whether this could be a phone number, read as a UK one unless it starts +<country>."""
    # "Possible" checks only the length for the number's country. A stricter "valid" check
    # would refuse the numbers our own error message gives as examples (Ofcom's drama
    # numbers, never in use) and any newly allocated range the library does not yet know.
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(value, "GB"))
    except phonenumbers.NumberParseException:
        return False
