"""Staff forms. Every one carries a CSRF token (Flask-WTF), checked before any view."""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovPasswordInput,
    GovRadioInput,
    GovSelect,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    Field,
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    Regexp,
    ValidationError,
)

from portal.assist.audit_log import ACTIONS
from portal.assist.passwords import MAX_LENGTH, problem_with
from portal.assist.roles import ROLE_NAMES
from portal.form_fields import DateWidget, choices, stripped

HOW_HELP_IS_GIVEN_NAMES = {
    "in_person": _l("In person"),
    "phone": _l("On the phone"),
    "video": _l("On a video call"),
    "webchat": _l("By webchat"),
}


class SignInForm(FlaskForm):
    email = StringField(
        _l("Email address"),
        validators=[InputRequired(_l("Enter your email address")), Length(max=254)],
        widget=GovTextInput(),
    )
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(_l("Enter your password")), Length(max=MAX_LENGTH)],
        widget=GovPasswordInput(),
    )


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code from your authenticator app"),
        description=_l("It has 6 numbers, like 123456."),
        validators=[InputRequired(_l("Enter the 6-number code from your authenticator app"))],
        widget=GovTextInput(),
    )


class SetUpTwoFactorForm(CodeForm):
    """Setting up a second factor asks for the password again: someone at a computer
    left signed in must not be able to bind their own phone to the account."""

    current = PasswordField(
        _l("Your password"),
        validators=[InputRequired(_l("Enter your password")), Length(max=MAX_LENGTH)],
        widget=GovPasswordInput(),
    )


class TwoFactorRolesForm(FlaskForm):
    roles = SelectMultipleField(
        _l("Which roles must use two-factor authentication?"),
        description=_l(
            "Staff in these roles must set it up the next time they sign in, before they can "
            "do anything else."
        ),
        choices=choices(ROLE_NAMES),
        widget=GovCheckboxesInput(),
    )


class HelpSomeoneForm(FlaskForm):
    consent = BooleanField(
        _l("They agree to me helping them, and to our session being recorded"),
        description=_l(
            "Ask them first. Tell them we record who helped and how, and that the answers "
            "they give are sent to the service as usual."
        ),
        validators=[InputRequired(_l("Ask the person if they agree before you start"))],
        widget=GovCheckboxInput(),
    )
    channel = RadioField(
        _l("How are you helping them?"),
        choices=choices(HOW_HELP_IS_GIVEN_NAMES),
        validators=[InputRequired(_l("Select how you are helping them"))],
        widget=GovRadioInput(),
    )
    needs_code = StringField(
        _l("Needs code (optional)"),
        description=_l(
            "If they have a needs code from this website, enter it to use what they told us "
            "about their needs. It has 8 letters and numbers."
        ),
        validators=[Optional(), Length(max=20)],
        widget=GovTextInput(),
    )


class NoteForm(FlaskForm):
    text = TextAreaField(
        _l("Add a note"),
        description=_l("For example, when you called and what was agreed."),
        filters=[stripped],
        validators=[
            DataRequired(_l("Enter a note")),
            Length(max=2000, message=_l("Use %(max)d characters or fewer")),
        ],
        widget=GovTextArea(),
    )


class NewStaffForm(FlaskForm):
    name = StringField(
        _l("Full name"),
        validators=[InputRequired(_l("Enter their full name")), Length(max=100)],
        widget=GovTextInput(),
    )
    email = StringField(
        _l("Email address"),
        validators=[
            InputRequired(_l("Enter their email address")),
            Regexp(
                r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                message=_l("Enter an email address in the correct format, like name@example.com"),
            ),
            Length(max=254),
        ],
        widget=GovTextInput(),
    )
    role = RadioField(
        _l("Role"),
        choices=choices(ROLE_NAMES),
        validators=[InputRequired(_l("Select their role"))],
        widget=GovRadioInput(),
    )
    department = SelectField(
        _l("Department"),
        description=_l("They will see only this department's requests and submissions."),
        validators=[InputRequired(_l("Select their department"))],
        widget=GovSelect(),
    )
    password = PasswordField(
        _l("First password"),
        description=_l(
            "At least 12 characters. Give it to them in person or by phone; they can change "
            "it when they sign in."
        ),
        validators=[InputRequired(_l("Enter a first password"))],
        widget=GovPasswordInput(),
    )

    def validate_password(self, field) -> None:
        problem = problem_with(field.data or "", self.email.data or "")
        if problem:
            raise ValidationError(problem)

    def validate_department(self, field) -> None:
        # "all" is for administrators only: nobody else may span departments.
        if field.data == "all" and self.role.data != "admin":
            raise ValidationError(_l("Only administrators can work across all departments"))


class ChangePasswordForm(FlaskForm):
    current = PasswordField(
        _l("Current password"),
        validators=[InputRequired(_l("Enter your current password"))],
        widget=GovPasswordInput(),
    )
    new = PasswordField(
        _l("New password"),
        description=_l("At least 12 characters. A few unrelated words make a good one."),
        validators=[InputRequired(_l("Enter a new password"))],
        widget=GovPasswordInput(),
    )


class DayMonthYearFilter(Field):
    """A date to filter by, in GOV.UK's three boxes; empty means no limit."""

    widget = DateWidget()

    def __init__(self, label=None, **kwargs) -> None:
        super().__init__(label, **kwargs)
        self.parts: list[str] = ["", "", ""]

    @property
    def error_anchor(self) -> str:
        return f"{self.id}-day"

    def process_formdata(self, valuelist) -> None:
        self.parts = ([(stripped(v) or "")[:10] for v in valuelist[:3]] + ["", "", ""])[:3]
        self.data = None
        if not any(self.parts):
            return
        day, month, year = self.parts
        try:
            # The log began this century: a year like 9999 would overflow the day after it.
            if len(year) != 4 or not 2000 <= int(year) <= 2999:
                raise ValueError
            self.data = date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(_l("Enter a real date, like 27 11 2026")) from None


class AuditFilterForm(FlaskForm):
    """Narrow the audit log by who, what and when. Sent by GET: it changes nothing, and
    the address can be bookmarked or shared with another administrator."""

    class Meta:
        csrf = False

    who = StringField(
        _l("Staff member's email address"),
        description=_l("All or part of it"),
        filters=[stripped],
        validators=[Optional(), Length(max=254, message=_l("Enter 254 characters or fewer"))],
        widget=GovTextInput(),
    )
    action = SelectField(
        _l("Action"),
        choices=choices({"": _l("Any action"), **ACTIONS}),
        validate_choice=False,  # checked below, with our own words
        widget=GovSelect(),
    )
    since = DayMonthYearFilter(_l("Date from"), description=_l("For example, 27 11 2026"))
    until = DayMonthYearFilter(_l("Date to"), description=_l("For example, 27 11 2026"))

    def validate_action(self, field) -> None:
        if field.data and field.data not in ACTIONS:
            raise ValidationError(_l("Select an action from the list"))

    def validate_until(self, field) -> None:
        if self.since.data and field.data and field.data < self.since.data:
            raise ValidationError(_l("The date to must be the same as or after the date from"))
