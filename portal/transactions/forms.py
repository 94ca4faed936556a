"""The plain WTForms forms of form journeys. The question pages' forms are not here: they
are built for each question (answers.build_form)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import HiddenField, StringField, ValidationError
from wtforms.validators import InputRequired, Length, Optional

from portal.form_fields import is_uk_mobile, stripped
from portal.transactions.answer_types.text import EMAIL


class ResumeForm(FlaskForm):
    """The "enter your return code" page: the way back to a form saved to finish later."""

    code = StringField(
        _l("Return code"),
        validators=[InputRequired(_l("Enter your return code"))],
        description=_l("It has 12 letters and numbers, like 4K7M-3QPA-9XZB."),
        widget=GovTextInput(),
    )


class SendCodeForm(FlaskForm):
    """After a return code is shown: send it to yourself, by email or text message. The
    code comes back in a hidden field (only its hash is kept) and must match the draft."""

    code = HiddenField()
    email = StringField(
        _l("Email address"),
        validators=[Optional(), Length(max=254)],
        filters=[stripped],
        widget=GovTextInput(),
        render_kw={"type": "email", "autocomplete": "email", "spellcheck": "false"},
    )
    mobile = StringField(
        _l("Mobile phone number"),
        validators=[Optional(), Length(max=30)],
        filters=[stripped],
        widget=GovTextInput(),
        render_kw={"type": "tel", "autocomplete": "tel"},
    )

    def validate_email(self, field) -> None:
        if field.data and not EMAIL.match(field.data):
            raise ValidationError(
                _l("Enter an email address in the correct format, like name@example.com")
            )

    def validate_mobile(self, field) -> None:
        if field.data and not is_uk_mobile(field.data):
            raise ValidationError(_l("Enter a UK mobile phone number, like 07700 900 982"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if valid and not (self.email.data or self.mobile.data):
            self.email.errors = [_l("Enter an email address or a mobile phone number")]
            return False
        return valid
