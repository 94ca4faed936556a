"""The "ask us to contact you" form: one short page, then check and send."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovRadioInput,
    GovTextInput,
)
from wtforms import RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from portal.form_fields import choices, is_uk_phone, stripped
from portal.languages import languages

KIND_NAMES = {
    "call_back": _l("Call me back"),
    "appointment": _l("Book an appointment to see someone in person"),
}
BEST_TIME_NAMES = {
    "morning": _l("In the morning (9am to 12pm)"),
    "afternoon": _l("In the afternoon (12pm to 5pm)"),
    "any": _l("Any time"),
}


def contact_language_names() -> dict[str, str]:
    """The languages staff can contact people in (those pages are written in), each named in
    the reader's language and, where that differs, in itself: "Welsh (Cymraeg)"."""
    return {
        language.code: language.label
        if language.label == language.name
        else f"{language.label} ({language.name})"
        for language in languages()
        if language.content
    }


# Needs that change how staff get in touch or set up a meeting.
CONTACT_NEED_NAMES = {
    "bsl": _l("A British Sign Language (BSL) interpreter"),
    "someone_helps": _l("Someone with me, like a family member or carer"),
    "step_free": _l("Step-free access to the building"),
    "hearing_loop": _l("A hearing loop"),
    "quiet_room": _l("A quiet room, or more time"),
}
# For staff working the queue.
STATUS_NAMES = {"new": _l("New"), "claimed": _l("Claimed"), "completed": _l("Completed")}
MAX_EXTRA = 500


class ContactRequestForm(FlaskForm):
    kind = RadioField(
        _l("How would you like us to contact you?"),
        choices=choices(KIND_NAMES),
        validators=[InputRequired(_l("Select a call back or an appointment"))],
        widget=GovRadioInput(),
    )
    name = StringField(
        _l("Your name"),
        filters=[stripped],
        validators=[
            DataRequired(_l("Enter your name")),
            Length(max=100, message=_l("Use %(max)d characters or fewer")),
        ],
        widget=GovTextInput(),
    )
    phone = StringField(
        _l("Phone number"),
        description=_l(
            "We will call this number, or use it to agree a time to meet. If it is a mobile, "
            "we will also send you a text message to say we got your request."
        ),
        validators=[InputRequired(_l("Enter a phone number")), Length(max=30)],
        widget=GovTextInput(),
    )
    best_time = RadioField(
        _l("When is the best time to call?"),
        choices=choices(BEST_TIME_NAMES),
        validators=[InputRequired(_l("Select the best time to call"))],
        widget=GovRadioInput(),
    )
    language = RadioField(
        _l("Which language should we use?"),
        choices=lambda: choices(contact_language_names()),
        validators=[InputRequired(_l("Select English or Welsh"))],
        widget=GovRadioInput(),
    )
    needs = SelectMultipleField(
        _l("Do you need any of these? (optional)"),
        description=_l("Select all that apply."),
        choices=choices(CONTACT_NEED_NAMES),
        validators=[Optional()],
        widget=GovCheckboxesInput(),
    )
    anything_else = TextAreaField(
        _l("Is there anything else that would help? (optional)"),
        validators=[
            Optional(),
            Length(max=MAX_EXTRA, message=_l("Use %(max)d characters or fewer")),
        ],
        widget=GovCharacterCount(),
    )

    def validate_phone(self, field) -> None:
        if not is_uk_phone(field.data):
            raise ValidationError(
                _l("Enter a telephone number, like 01632 960 001 or 07700 900 982")
            )
