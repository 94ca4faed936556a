"""Small pieces every WTForms form here shares."""

import re

import phonenumbers
from flask_babel import gettext as _
from govuk_frontend_wtf.gov_form_base import GovFormBase
from govuk_frontend_wtf.wtforms_widgets import GovDateInput
from wtforms import SelectChoice


def choices(names: dict) -> list[SelectChoice]:
    """Radio, checkbox or select choices from a {value: label} dict, in its order."""
    return [SelectChoice(value, label) for value, label in names.items()]


def stripped(value):
    """A filter: spaces around typed text are never part of the answer."""
    return value.strip() if isinstance(value, str) else value


# An email address as forms accept one: something@something.something.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def is_uk_mobile(value: str) -> bool:
    """Whether a text message can go to this number: a UK mobile (07..., or +44 7...), as
    GOV.UK Notify decides it. 070 numbers are personal numbers that forward calls, and 076
    pagers, apart from 07624 (Isle of Man mobiles)."""
    written = re.sub(r"[\s().-]", "", value)
    if not written.startswith(("07", "+447", "00447", "447")):
        return False
    try:
        national = str(phonenumbers.parse(written, "GB").national_number)
    except phonenumbers.NumberParseException:
        return False
    if len(national) != 10 or not national.startswith("7"):
        return False
    return not national.startswith(("70", "76")) or national.startswith("7624")


def is_uk_phone(value: str) -> bool:
    """Whether this could be a phone number we can call back: a UK one written in full
    (from its leading 0, area code included) or another country's from its +<country>."""
    # "Possible" checks only the length for the number's country. A stricter "valid" check
    # would refuse the numbers our own error message gives as examples (Ofcom's drama
    # numbers, never in use) and any newly allocated range the library does not yet know.
    # A local number without its area code ("12345", "1234567") is possible to dial only
    # from the same area: nobody at a contact centre can call it, so it is refused.
    written = re.sub(r"[\s().-]", "", value)
    if not written.startswith(("0", "+")):
        return False
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return False
    reason = phonenumbers.is_possible_number_with_reason(number)
    return reason == phonenumbers.ValidationResult.IS_POSSIBLE


class DateWidget(GovDateInput):
    """GOV.UK Frontend's date input (for a field that keeps the three boxes in `parts`),
    with labels in the reader's language, and without the `required` attribute
    govuk-frontend-wtf puts on the wrapper <div> (invalid HTML)."""

    def __call__(self, field, **kwargs):
        kwargs.setdefault("id", field.id)
        return self.render(self.map_gov_params(field, **kwargs))

    def map_gov_params(self, field, **kwargs):
        params = GovFormBase.map_gov_params(self, field, **kwargs)
        params.pop("label", None)
        params["attributes"].pop("required", None)
        params.setdefault("fieldset", {"legend": {"text": field.label.text}})
        widths = {"day": 2, "month": 2, "year": 4}
        labels = {"day": _("Day"), "month": _("Month"), "year": _("Year")}
        params["items"] = [
            {
                "label": labels[part],
                "id": f"{field.id}-{part}",
                "name": field.name,
                "value": value,
                "classes": f"govuk-input--width-{widths[part]}"
                + (" govuk-input--error" if field.errors else ""),
            }
            for part, value in zip(("day", "month", "year"), field.parts, strict=True)
        ]
        return params
