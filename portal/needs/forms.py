"""The "What helps you" questions, one form per page. Every question is optional."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovTextInput
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import InputRequired, ValidationError

from portal.languages import languages
from portal.needs.model import CHANNELS

# Channel names as a person would say them, shared by the forms and the summaries.
CHANNEL_NAMES = {
    "online": _l("Online"),
    "phone": _l("Phone"),
    "relay_uk": _l("Relay UK (text relay)"),
    "bsl_video": _l("British Sign Language (BSL) video relay"),
    "email": _l("Email"),
    "text_message": _l("Text message"),
    "post": _l("Post"),
    "in_person": _l("In person"),
}


class OptionalRadioField(RadioField):
    """A radio question people may skip. Anything but a listed choice is refused."""

    def pre_validate(self, form) -> None:
        if self.data is not None and self.data not in {choice.value for choice in self.choices}:
            raise ValidationError(_l("Select one of the options"))


class OptionalCheckboxesField(SelectMultipleField):
    def pre_validate(self, form) -> None:
        allowed = {choice.value for choice in self.choices}
        if any(value not in allowed for value in self.data or ()):
            raise ValidationError(_l("Select from the options"))


class LanguageForm(FlaskForm):
    answer = OptionalRadioField(
        _l("Which language do you want to use?"),
        # Each language named in itself, so that people can find their own.
        choices=lambda: [SelectChoice(language.code, language.name) for language in languages()],
        widget=GovRadioInput(),
        description=_l("We will show pages in this language when we have them."),
    )


class TextSizeForm(FlaskForm):
    answer = OptionalRadioField(
        _l("What size of text helps you read?"),
        choices=[
            SelectChoice("standard", _l("Standard")),
            SelectChoice("large", _l("Large")),
            SelectChoice("largest", _l("Largest")),
        ],
        widget=GovRadioInput(),
    )


class ContrastForm(FlaskForm):
    answer = OptionalRadioField(
        _l("Which colours help you read?"),
        choices=[
            SelectChoice("standard", _l("Standard colours, or the ones my device is set to use")),
            SelectChoice("high", _l("High contrast: black text on white, with thick outlines")),
            SelectChoice("dark", _l("Dark: light text on a dark background")),
        ],
        widget=GovRadioInput(),
    )


class ReadingForm(FlaskForm):
    answer = OptionalCheckboxesField(
        _l("What else helps you?"),
        choices=[
            SelectChoice("more_spacing", _l("More space between letters, words and lines")),
            SelectChoice("less_motion", _l("Less movement on the page")),
            SelectChoice("easy_read", _l("Easy Read versions of pages, where we have them")),
            SelectChoice("bsl", _l("British Sign Language (BSL)")),
        ],
        widget=GovCheckboxesInput(),
        description=_l("Select all that apply."),
    )


class ConnectionForm(FlaskForm):
    answer = OptionalCheckboxesField(
        _l("Is your internet connection slow or expensive?"),
        choices=[SelectChoice("lite", _l("Yes: make pages as small as you can"))],
        widget=GovCheckboxesInput(),
        description=_l(
            "Pages will have no pictures and no scripts, so they load faster and use less data."
        ),
    )


class ContactForm(FlaskForm):
    answer = OptionalCheckboxesField(
        _l("How do you like to contact us?"),
        choices=[SelectChoice(key, CHANNEL_NAMES[key]) for key in CHANNELS],
        widget=GovCheckboxesInput(),
        description=_l("Select all that work for you. We will show these first."),
    )


class ContactFirstForm(FlaskForm):
    answer = OptionalRadioField(
        _l("Which of these do you prefer most?"),
        choices=[],
        widget=GovRadioInput(),
    )


class HelpForm(FlaskForm):
    answer = OptionalRadioField(
        _l("Does someone help you use services?"),
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        widget=GovRadioInput(),
        description=_l("For example, a family member, a friend, or staff at a library."),
    )


class RestoreForm(FlaskForm):
    code = StringField(
        _l("Needs code"),
        validators=[InputRequired(_l("Enter your needs code"))],
        widget=GovTextInput(),
        description=_l("It has 8 letters and numbers, like 4K7M-3QPA."),
    )
