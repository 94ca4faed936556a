"""Signing in and out, the staff home page, and the staff member's own account."""

import re
from datetime import timedelta

import pyotp
from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import func, select

from portal.assist import audit_log, passwords, sessions, throttle, two_factor
from portal.assist.access import current_staff_member, open_to_anyone, requires
from portal.assist.assisted import current_assisted, forget_the_person
from portal.assist.assisted import end as end_assisted
from portal.assist.forms import ChangePasswordForm, CodeForm, SetUpTwoFactorForm, SignInForm
from portal.assist.models import StaffMember, StaffSession, aware
from portal.assist.views import bp
from portal.clock import now
from portal.extensions import db, limiter
from portal.i18n import localised_route

# /staff/... or /cy/staff/... in plain characters: never "//elsewhere", a full address,
# or anything that could break out of the Location header.
STAFF_PATH = re.compile(r"(/[a-z]{2})?/staff/[A-Za-z0-9_-][A-Za-z0-9/_?=&.%-]*")
PENDING_KEY = "staff_pending"
PENDING_LIFETIME = timedelta(minutes=5)
WRONG = _l("Enter a correct email address and password")


def _sign_in_limit() -> str:
    return current_app.config["STAFF_SIGN_IN_RATE_LIMIT"]


def _safe_next(target: str | None) -> str:
    """Only our own staff pages: never an address that leaves the site."""
    if target and STAFF_PATH.fullmatch(target):
        return target
    return url_for("staff.home")


def _blocked_message(until) -> str:
    minutes = max(1, round((aware(until) - now()).total_seconds() / 60))
    return ngettext(
        "Too many wrong attempts. Wait %(num)d minute, then try again, or ask an "
        "administrator to unlock your account.",
        "Too many wrong attempts. Wait %(num)d minutes, then try again, or ask an "
        "administrator to unlock your account.",
        minutes,
    )


@localised_route(bp, "/staff/sign-in", methods=["GET", "POST"])
@open_to_anyone
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        until = throttle.blocked_until(email)
        if until is not None:
            audit_log.record("sign_in_blocked", None, email=email)
            form.password.errors.append(_blocked_message(until))
        else:
            staff = db.session.scalar(
                select(StaffMember).where(func.lower(StaffMember.email) == email)
            )
            usable = staff is not None and staff.active
            if passwords.verify(staff.password_hash if usable else None, form.password.data):
                throttle.clear(email)
                if passwords.needs_rehash(staff.password_hash):
                    staff.password_hash = passwords.hash_password(form.password.data)
                    db.session.commit()
                if staff.totp_secret:
                    session[PENDING_KEY] = {"id": staff.id, "at": now().timestamp()}
                    session[PENDING_KEY + "_next"] = _safe_next(request.args.get("next"))
                    return redirect(url_for("staff.sign_in_code"))
                return _signed_in(staff, _safe_next(request.args.get("next")))
            row = throttle.failed(email)
            audit_log.record("sign_in_failed", staff, email=email, failures=row.failures)
            if throttle.locked(row.failures):
                form.password.errors.append(_blocked_message(row.blocked_until))
            else:
                form.email.errors.append(WRONG)
    form.password.data = ""  # a password is never sent back in a page
    return render_template(
        "staff/sign_in.html",
        form=form,
        timed_out=request.args.get("timed_out") == "1",
        signed_out=request.args.get("signed_out") == "1",
        idle_minutes=current_app.config["STAFF_IDLE_MINUTES"],
    ), (400 if form.errors else 200)


def _signed_in(staff: StaffMember, target: str):
    response = make_response(redirect(target))
    sessions.begin(staff, response)
    audit_log.record("signed_in", staff)
    return response


@localised_route(bp, "/staff/sign-in/code", methods=["GET", "POST"])
@open_to_anyone
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in_code():
    pending = session.get(PENDING_KEY)
    if not pending or now().timestamp() - pending["at"] > PENDING_LIFETIME.total_seconds():
        session.pop(PENDING_KEY, None)
        return redirect(url_for("staff.sign_in"))
    staff = db.session.get(StaffMember, pending["id"])
    form = CodeForm()
    if staff is not None and form.validate_on_submit():
        until = throttle.blocked_until(staff.email)
        if until is not None:
            form.code.errors.append(_blocked_message(until))
        elif two_factor.use_code(staff, form.code.data):
            throttle.clear(staff.email)
            target = session.get(PENDING_KEY + "_next") or url_for("staff.home")
            return _signed_in(staff, target)
        else:
            row = throttle.failed(staff.email)
            audit_log.record("sign_in_failed", staff, failures=row.failures, step="code")
            form.code.errors.append(_l("The code is not right. Enter the newest code in your app"))
    form.code.data = ""
    return render_template("staff/sign_in_code.html", form=form), (400 if form.errors else 200)


@localised_route(bp, "/staff/sign-out", methods=["POST"])
@requires("signed_in")
def sign_out():
    staff_session = sessions.current_session()
    response = make_response(redirect(url_for("staff.sign_in", signed_out="1")))
    assisted = current_assisted()
    if assisted is not None:
        end_assisted(assisted, response)
    else:
        forget_the_person(response)
    audit_log.record("signed_out", staff_session.staff)
    sessions.end(staff_session, response)
    return response


@localised_route(bp, "/staff/")
@requires("signed_in")
def home():
    return render_template("staff/home.html", staff=current_staff_member())


@localised_route(bp, "/staff/account")
@requires("signed_in")
def account():
    return render_template("staff/account.html", staff=current_staff_member())


def _password_confirmed(staff: StaffMember, field) -> bool:
    """The person's own password, asked again before a change that matters. A wrong one
    counts towards the same back-off and lockout as signing in, and is audited."""
    until = throttle.blocked_until(staff.email)
    if until is not None:
        field.errors.append(_blocked_message(until))
        return False
    if passwords.verify(staff.password_hash, field.data):
        return True
    row = throttle.failed(staff.email)
    audit_log.record("password_check_failed", staff, failures=row.failures)
    if throttle.locked(row.failures):
        field.errors.append(_blocked_message(row.blocked_until))
    else:
        field.errors.append(_l("Your password is not right"))
    return False


@localised_route(bp, "/staff/account/password", methods=["GET", "POST"])
@requires("signed_in")
def change_password():
    staff = current_staff_member()
    form = ChangePasswordForm()
    if form.validate_on_submit() and _password_confirmed(staff, form.current):
        if problem := passwords.problem_with(form.new.data, staff.email):
            form.new.errors.append(problem)
        else:
            staff.password_hash = passwords.hash_password(form.new.data)
            db.session.commit()
            ended = sessions.end_others(staff, sessions.current_session())
            audit_log.record("password_changed", staff, other_sessions_ended=ended)
            flash(str(_l("Your password has been changed")))
            if ended:
                flash(
                    ngettext(
                        "You have been signed out of %(num)d other browser.",
                        "You have been signed out of %(num)d other browsers.",
                        ended,
                    )
                )
            return redirect(url_for("staff.account"))
    form.current.data = form.new.data = ""
    return render_template("staff/change_password.html", form=form), (400 if form.errors else 200)


@localised_route(bp, "/staff/account/two-factor", methods=["GET", "POST"])
@requires("signed_in")
def two_factor_set_up():
    staff = current_staff_member()
    if staff.totp_secret:
        return render_template("staff/two_factor_done.html", staff=staff)
    secret = two_factor.pending_secret(staff)
    form = SetUpTwoFactorForm()
    if form.validate_on_submit() and _password_confirmed(staff, form.current):
        if two_factor.confirm(staff, form.code.data):
            audit_log.record("two_factor_set_up", staff)
            flash(str(_l("Two-factor authentication is set up")))
            return redirect(url_for("staff.account"))
        form.code.errors.append(_l("The code is not right. Enter the newest code in your app"))
    form.code.data = form.current.data = ""
    uri = pyotp.TOTP(secret).provisioning_uri(
        name=staff.email, issuer_name=current_app.config["SERVICE_NAME"]["en"]
    )
    return render_template(
        "staff/two_factor.html",
        form=form,
        required=two_factor.is_required(staff),
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        uri=uri,
    ), (400 if form.errors else 200)


@localised_route(bp, "/staff/account/sessions")
@requires("signed_in")
def your_sessions():
    staff = current_staff_member()
    return render_template(
        "staff/sessions.html",
        sessions=sessions.live_sessions(staff),
        this_session=sessions.current_session(),
    )


@localised_route(bp, "/staff/account/sessions/sign-out-others", methods=["POST"])
@requires("signed_in")
def sign_out_other_sessions():
    staff = current_staff_member()
    ended = sessions.end_others(staff, sessions.current_session())
    audit_log.record("other_sessions_ended", staff, sessions_ended=ended)
    flash(
        ngettext(
            "You have been signed out of %(num)d other browser.",
            "You have been signed out of %(num)d other browsers.",
            ended,
        )
    )
    return redirect(url_for("staff.your_sessions"))


@localised_route(
    bp, "/staff/account/sessions/<int(max=2147483647):session_id>/sign-out", methods=["POST"]
)
@requires("signed_in")
def sign_out_session(session_id: int):
    staff = current_staff_member()
    chosen = db.session.get(StaffSession, session_id)
    if chosen is None or chosen.staff_id != staff.id or chosen.ended_at is not None:
        abort(404)  # another person's session is none of this person's business
    if chosen is sessions.current_session():
        return sign_out()
    sessions.end_one(chosen)
    audit_log.record("other_sessions_ended", staff, sessions_ended=1)
    flash(str(_l("That browser has been signed out")))
    return redirect(url_for("staff.your_sessions"))
