"""The plain WTForms forms of form journeys. The question pages' forms are not here: they
are built for each question (answers.build_form)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import StringField
from wtforms.validators import InputRequired


class ResumeForm(FlaskForm):
    """The "enter your return code" page: the way back to a form saved to finish later."""

    code = StringField(
        _l("Return code"),
        validators=[InputRequired(_l("Enter your return code"))],
        description=_l("It has 12 letters and numbers, like 4K7M-3QPA-9XZB."),
        widget=GovTextInput(),
    )
