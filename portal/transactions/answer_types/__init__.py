"""The answer types a form question can have, by the name content gives them (`type:` in
content/forms/*.yaml). Each knows the field that asks it, its checks and messages, what is
kept of an answer and how it reads back. A new type is a class and a line in TYPES (and
its cases in tests/unit/transactions, which fail without them): the schema and so the
content check take the list of types from here."""

from portal.transactions.answer_types.address import UkAddress
from portal.transactions.answer_types.base import AnswerRules, AnswerType
from portal.transactions.answer_types.choices import Checkboxes, Radios, YesNo
from portal.transactions.answer_types.dates import Date
from portal.transactions.answer_types.numbers import DecimalNumber, WholeNumber
from portal.transactions.answer_types.text import (
    Email,
    LongText,
    NiNumber,
    ShortText,
    UkPhone,
    UkPostcode,
    VehicleRegistration,
)

# In the order docs/content-guide.md lists them.
TYPES: dict[str, AnswerType] = {
    "short_text": ShortText(),
    "long_text": LongText(),
    "whole_number": WholeNumber(),
    "decimal": DecimalNumber(),
    "date": Date(),
    "email": Email(),
    "uk_phone": UkPhone(),
    "uk_postcode": UkPostcode(),
    "uk_address": UkAddress(),
    "ni_number": NiNumber(),
    "vehicle_registration": VehicleRegistration(),
    "yes_no": YesNo(),
    "radios": Radios(),
    "checkboxes": Checkboxes(),
}

__all__ = ["TYPES", "AnswerRules", "AnswerType"]
