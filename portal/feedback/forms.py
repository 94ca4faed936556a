"""Feedback forms. None of them asks for anything that identifies the person."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovRadioInput
from wtforms import RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

MAX_TEXT = 1200
PERSONAL_DATA_HINT = _l(
    "Do not include personal information, like your name, address, phone number or "
    "reference number."
)


class Honeypot:
    """A field people never see (hidden by CSS), that form-filling robots fill in.
    A filled-in honeypot is thanked like anyone else, and nothing is stored."""

    website = StringField(_l("Leave this box empty"))

    def is_spam(self) -> bool:
        return bool(self.website.data)


class UsefulForm(FlaskForm):
    """Yes / No, on every page. No CSRF token: the form is in cached pages that many
    people share, so it cannot carry one session's token. Cross-site posts are refused
    from what the browser says about them instead, each browser counts once per page,
    and the rate limit keeps robots in check (portal.feedback.votes)."""

    class Meta:
        csrf = False

    page = StringField()
    answer = StringField(validators=[InputRequired()])

    def validate_answer(self, field) -> None:
        if field.data not in ("yes", "no"):
            raise ValidationError("yes or no")


class ProblemForm(Honeypot, FlaskForm):
    """ "Report a problem with this page"."""

    page = StringField()
    what_doing = TextAreaField(
        _l("What were you doing?"),
        widget=GovCharacterCount(),
        validators=[Length(max=MAX_TEXT, message=_l("Use %(max)d characters or fewer"))],
    )
    what_wrong = TextAreaField(
        _l("What went wrong?"),
        widget=GovCharacterCount(),
        validators=[Length(max=MAX_TEXT, message=_l("Use %(max)d characters or fewer"))],
    )

    def validate_what_wrong(self, field) -> None:
        if not (field.data or "").strip() and not (self.what_doing.data or "").strip():
            raise ValidationError(_l("Tell us what went wrong"))


SATISFACTION = (
    ("5", _l("Very satisfied")),
    ("4", _l("Satisfied")),
    ("3", _l("Neither satisfied nor dissatisfied")),
    ("2", _l("Dissatisfied")),
    ("1", _l("Very dissatisfied")),
)


class RatingField(RadioField):
    """A required five-point answer; anything else gets our message, in the reader's language."""

    def pre_validate(self, form) -> None:
        if self.data not in {choice.value for choice in self.choices}:
            raise ValidationError(_l("Select how you felt about this service"))


class SatisfactionForm(Honeypot, FlaskForm):
    """The five-point question after sending a form: the "user satisfaction" figure."""

    rating = RatingField(
        _l("Overall, how did you feel about this service?"),
        choices=[SelectChoice(value, label) for value, label in SATISFACTION],
        widget=GovRadioInput(),
        validators=[InputRequired(message=_l("Select how you felt about this service"))],
    )
    improve = TextAreaField(
        _l("How could we make this service better? (optional)"),
        widget=GovCharacterCount(),
        validators=[Length(max=MAX_TEXT, message=_l("Use %(max)d characters or fewer"))],
    )
