"""Test cases for every answer type: a question as content would write it, answers it
accepts (what is kept, and how that reads back in English and Welsh), and answers it
refuses (the message, in English and in Welsh, from translations/cy).

The question names are the published forms' own, so the Welsh is the translators'. A type
added to portal.transactions.answer_types.TYPES needs its cases here, or the tests fail."""

from tests.unit.transactions.cases.fieldsets import FIELDSETS
from tests.unit.transactions.cases.inputs import INPUTS
from tests.unit.transactions.cases.shape import LABEL, LEGEND, Cases

CASES: dict[str, Cases] = {**INPUTS, **FIELDSETS}


def expected_params(type_: str) -> dict:
    """The params a question of this type is drawn with, heading "Asked?", in English."""
    return {**(LEGEND if type_ in FIELDSETS else LABEL), **CASES[type_].params}
