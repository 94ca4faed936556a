"""The shape of the answer-type test cases, and the form data they post."""

from dataclasses import dataclass, field

# The question is the page's heading: the label of its one input, or the legend of its
# fieldset. Every question is drawn with one of these (see expected_params).
LABEL = {"label": {"text": "Asked?", "isPageHeading": True, "classes": "govuk-label--l"}}
LEGEND = {
    "fieldset": {
        "legend": {"text": "Asked?", "isPageHeading": True, "classes": "govuk-fieldset__legend--l"}
    }
}


def typed(value) -> dict:
    """Form data with the answer as one input (a list: repeated, as checkboxes send)."""
    return {"answer": value}


def address(line_1="", line_2="", town="", postcode="") -> dict:
    """Form data for an address: the four inputs of AddressField."""
    return {
        "answer-line_1": line_1,
        "answer-line_2": line_2,
        "answer-town": town,
        "answer-postcode": postcode,
    }


@dataclass(frozen=True)
class Valid:
    typed: dict
    stored: object
    english: list[str]  # as check your answers reads it back
    welsh: list[str]


@dataclass(frozen=True)
class Refused:
    typed: dict
    english: str
    welsh: str


@dataclass(frozen=True)
class Cases:
    question: dict  # the question's fields, beyond its id, type and question
    valid: list[Valid]
    refused: list[Refused]
    params: dict = field(default_factory=dict)  # drawn with, beyond LABEL or LEGEND
