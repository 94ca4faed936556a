"""Help someone: start an assisted session with the person's consent, and end it."""

from flask import flash, make_response, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l

from portal.assist import assisted
from portal.assist.access import requires
from portal.assist.forms import HelpSomeoneForm
from portal.assist.sessions import current_session
from portal.assist.views import bp
from portal.i18n import localised_route
from portal.needs import code
from portal.needs.model import NO_NEEDS


@localised_route(bp, "/staff/help-someone", methods=["GET", "POST"])
@requires("help_someone")
def help_someone():
    form = HelpSomeoneForm()
    if form.validate_on_submit():
        needs = NO_NEEDS
        if form.needs_code.data:
            try:
                needs = code.decode(form.needs_code.data)
            except code.InvalidCode:
                form.needs_code.errors.append(
                    _l("Check the needs code: it does not match one we made")
                )
        if not form.errors:
            assisted.start(current_session(), form.channel.data, needs)
            # With needs from a code, go straight to the services; otherwise ask them.
            target = url_for("services.home") if needs.declared else url_for("needs.start")
            response = make_response(redirect(target))
            # Anything a citizen journey left in this browser before now is not theirs.
            assisted.forget_the_person(response)
            return response
    return render_template(
        "staff/help_someone.html", form=form, helping=assisted.current_assisted()
    ), (400 if form.errors else 200)


@localised_route(bp, "/staff/help-someone/end", methods=["POST"])
@requires("help_someone")
def end_helping():
    response = make_response(redirect(url_for("staff.home")))
    session_now = assisted.current_assisted()
    if session_now is not None:
        assisted.end(session_now, response)
        flash(str(_l("You have stopped helping. Nothing of theirs is left in this browser.")))
    return response
