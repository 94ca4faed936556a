"""The form that sends a code to the person's own email or mobile."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import HiddenField, StringField, ValidationError
from wtforms.validators import Length, Optional

from portal.form_fields import EMAIL, is_uk_mobile, stripped


class SendCodeForm(FlaskForm):
    """After a code is shown (a form's return code, a needs code): send it to yourself, by
    email or text message. The code comes back in a hidden field; a return code must match
    its draft (only its hash is kept)."""

    code = HiddenField()
    email = StringField(
        _l("Email address"),
        validators=[Optional(), Length(max=254)],
        filters=[stripped],
        widget=GovTextInput(),
    )
    mobile = StringField(
        _l("Mobile phone number"),
        validators=[Optional(), Length(max=30)],
        filters=[stripped],
        widget=GovTextInput(),
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
