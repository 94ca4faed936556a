"""Signing in and out, the staff home page, and the staff member's own account."""

import re
from datetime import timedelta

import pyotp
from flask import (
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

from portal.assist import audit_log, passwords, sessions, throttle
from portal.assist.access import current_staff_member, open_to_anyone, requires
from portal.assist.assisted import current_assisted, forget_the_person
from portal.assist.assisted import end as end_assisted
from portal.assist.forms import ChangePasswordForm, CodeForm, SignInForm
from portal.assist.models import StaffMember, aware
from portal.assist.views import bp
from portal.clock import now
from portal.extensions import db, limiter
from portal.i18n import localised_route

# /staff/... or /cy/staff/... in plain characters: never "//elsewhere", a full address,
# or anything that could break out of the Location header.
STAFF_PATH = re.compile(r"(/[a-z]{2})?/staff/[A-Za-z0-9_-][A-Za-z0-9/_?=&.%-]*")
PENDING_KEY = "staff_pending"
PENDING_LIFETIME = timedelta(minutes=5)
SETUP_KEY = "staff_totp_setup"
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
        elif _code_is_right(staff, form.code.data):
            throttle.clear(staff.email)
            target = session.get(PENDING_KEY + "_next") or url_for("staff.home")
            return _signed_in(staff, target)
        else:
            row = throttle.failed(staff.email)
            audit_log.record("sign_in_failed", staff, failures=row.failures, step="code")
            form.code.errors.append(_l("The code is not right. Enter the newest code in your app"))
    form.code.data = ""
    return render_template("staff/sign_in_code.html", form=form), (400 if form.errors else 200)


def _code_is_right(staff: StaffMember, code: str) -> bool:
    """A current code (or the one just before, for a slow typist), and each code once."""
    if not staff.totp_secret:  # no second factor set up: no code is right
        return False
    code = "".join(code.split())
    totp = pyotp.TOTP(staff.totp_secret)
    for offset in (0, -1):
        moment = now() + timedelta(seconds=offset * totp.interval)
        step = totp.timecode(moment)
        if totp.at(moment) == code and step > (staff.totp_last_step or 0):
            staff.totp_last_step = step
            db.session.commit()
            return True
    return False


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


@localised_route(bp, "/staff/account/password", methods=["GET", "POST"])
@requires("signed_in")
def change_password():
    staff = current_staff_member()
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not passwords.verify(staff.password_hash, form.current.data):
            form.current.errors.append(_l("Your current password is not right"))
        elif problem := passwords.problem_with(form.new.data, staff.email):
            form.new.errors.append(problem)
        else:
            staff.password_hash = passwords.hash_password(form.new.data)
            db.session.commit()
            flash(str(_l("Your password has been changed")))
            return redirect(url_for("staff.account"))
    form.current.data = form.new.data = ""
    return render_template("staff/change_password.html", form=form), (400 if form.errors else 200)


@localised_route(bp, "/staff/account/two-factor", methods=["GET", "POST"])
@requires("signed_in")
def two_factor():
    staff = current_staff_member()
    if staff.totp_secret:
        return render_template("staff/two_factor_done.html", staff=staff)
    secret = session.get(SETUP_KEY) or pyotp.random_base32()
    session[SETUP_KEY] = secret
    form = CodeForm()
    if form.validate_on_submit():
        candidate = StaffMember(totp_secret=secret)
        if _code_is_right(candidate, form.code.data):
            staff.totp_secret = secret
            staff.totp_last_step = candidate.totp_last_step
            db.session.commit()
            session.pop(SETUP_KEY, None)
            audit_log.record("two_factor_set_up", staff)
            flash(str(_l("Two-factor authentication is set up")))
            return redirect(url_for("staff.account"))
        form.code.errors.append(_l("The code is not right. Enter the newest code in your app"))
    form.code.data = ""
    uri = pyotp.TOTP(secret).provisioning_uri(
        name=staff.email, issuer_name=current_app.config["SERVICE_NAME"]["en"]
    )
    return render_template(
        "staff/two_factor.html",
        form=form,
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        uri=uri,
    ), (400 if form.errors else 200)
