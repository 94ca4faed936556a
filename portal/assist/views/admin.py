"""Administrators: staff accounts and the audit log."""

from datetime import UTC, datetime, time, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import false as sa_false
from sqlalchemy import func, or_, select
from wtforms import SelectChoice

from portal.assist import passwords, sessions, throttle, two_factor
from portal.assist.access import current_staff_member, requires
from portal.assist.audit_log import ACTIONS, record
from portal.assist.forms import AuditFilterForm, NewStaffForm, TwoFactorRolesForm
from portal.assist.models import AuditEvent, StaffMember, TwoFactorRequirement
from portal.assist.roles import ROLES
from portal.assist.scope import departments_of
from portal.assist.views import bp, department_names
from portal.clock import now
from portal.extensions import db
from portal.i18n import localised_route

AUDIT_PAGE_SIZE = 100
# A staff id as the database can hold it: a bigger number is simply not found.
STAFF_ID = "<int(max=2147483647):staff_id>"


def _managed(staff_id: int) -> StaffMember:
    """A staff member the signed-in administrator may manage (their department's)."""
    admin = current_staff_member()
    member = db.session.get(StaffMember, staff_id)
    department = departments_of(admin)
    if member is None or (department is not None and member.department != department):
        abort(404)
    return member


@localised_route(bp, "/staff/admin/staff")
@requires("manage_staff")
def staff_list():
    admin = current_staff_member()
    query = select(StaffMember).order_by(StaffMember.name)
    department = departments_of(admin)
    if department is not None:
        query = query.where(StaffMember.department == department)
    return render_template(
        "staff/staff_list.html",
        members=db.session.scalars(query).all(),
        departments=department_names(),
    )


@localised_route(bp, "/staff/admin/staff/new", methods=["GET", "POST"])
@requires("manage_staff")
def new_staff():
    admin = current_staff_member()
    form = NewStaffForm()
    department = departments_of(admin)
    names = department_names()
    if department is None:
        choices = {"": "", "all": str(_l("All departments")), **names}
    else:  # a department's administrator adds staff to their own department only
        choices = {"": "", department: names.get(department, department)}
    form.department.choices = [SelectChoice(value, label) for value, label in choices.items()]
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        if db.session.scalar(select(StaffMember).where(func.lower(StaffMember.email) == email)):
            form.email.errors.append(_l("There is already an account with this email address"))
        else:
            member = StaffMember(
                name=form.name.data.strip(),
                email=email,
                role=form.role.data,
                department=None if form.department.data == "all" else form.department.data,
                password_hash=passwords.hash_password(form.password.data),
            )
            db.session.add(member)
            db.session.commit()
            record("staff_created", admin, target=f"staff:{member.id}", role=member.role)
            flash(str(_l("Account created for %(name)s", name=member.name)))
            return redirect(url_for("staff.staff_list"))
    form.password.data = ""
    return render_template("staff/new_staff.html", form=form), (400 if form.errors else 200)


@localised_route(bp, f"/staff/admin/staff/{STAFF_ID}/deactivate", methods=["POST"])
@requires("manage_staff")
def deactivate_staff(staff_id: int):
    member = _managed(staff_id)
    admin = current_staff_member()
    if member.id == admin.id:
        abort(409)  # an administrator cannot lock themselves out
    member.active = False
    db.session.commit()
    sessions.end_all(member)
    record("staff_deactivated", admin, target=f"staff:{member.id}")
    flash(str(_l("%(name)s can no longer sign in", name=member.name)))
    return redirect(url_for("staff.staff_list"))


@localised_route(bp, f"/staff/admin/staff/{STAFF_ID}/unlock", methods=["POST"])
@requires("manage_staff")
def unlock_staff(staff_id: int):
    member = _managed(staff_id)
    throttle.clear(member.email)
    record("staff_unlocked", current_staff_member(), target=f"staff:{member.id}")
    flash(str(_l("%(name)s can try to sign in again now", name=member.name)))
    return redirect(url_for("staff.staff_list"))


@localised_route(bp, f"/staff/admin/staff/{STAFF_ID}/reset-two-factor", methods=["POST"])
@requires("manage_staff")
def reset_two_factor(staff_id: int):
    """For a lost or replaced phone: the person signs in with their password and sets
    up a new app. Every browser signed in as them is signed out."""
    member = _managed(staff_id)
    admin = current_staff_member()
    if member.id == admin.id:
        abort(409)  # another administrator resets yours, so two people are involved
    two_factor.reset(member)
    sessions.end_all(member)
    record("two_factor_reset", admin, target=f"staff:{member.id}")
    flash(str(_l("%(name)s will set up two-factor authentication again", name=member.name)))
    return redirect(url_for("staff.staff_list"))


@localised_route(bp, "/staff/admin/two-factor", methods=["GET", "POST"])
@requires("manage_staff")
def two_factor_roles():
    """Which roles must use a second factor: for every department at once, so only an
    administrator who spans them all may change it (a department's administrator sees
    the rules)."""
    admin = current_staff_member()
    may_change = departments_of(admin) is None
    if request.method == "POST" and not may_change:
        record("access_refused", admin, target=request.path)
        abort(403)
    form = TwoFactorRolesForm()
    before = two_factor.required_roles()
    if request.method == "GET":
        form.roles.data = sorted(before)
    if form.validate_on_submit():
        chosen = set(form.roles.data or ()) & set(ROLES)
        for role in ROLES:
            required = role in chosen
            row = db.session.get(TwoFactorRequirement, role)
            if row is None:
                db.session.add(
                    TwoFactorRequirement(role=role, required=required, changed_by=admin.id)
                )
            elif row.required != required:
                row.required, row.changed_at, row.changed_by = required, now(), admin.id
        db.session.commit()
        if chosen != before:
            record(
                "two_factor_roles_changed", admin, required=sorted(chosen), before=sorted(before)
            )
        flash(str(_l("The two-factor rules have been saved")))
        return redirect(url_for("staff.staff_list"))
    return render_template(
        "staff/two_factor_roles.html", form=form, may_change=may_change, required=before
    ), (400 if form.errors else 200)


@localised_route(bp, "/staff/admin/audit")
@requires("audit_log")
def audit_log():
    admin = current_staff_member()
    page = max(1, min(request.args.get("page", 1, type=int) or 1, 10_000))
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    department = departments_of(admin)
    if department is not None:  # a department's administrator sees their department's staff
        members = select(StaffMember.id).where(StaffMember.department == department)
        query = query.where(or_(AuditEvent.staff_id.in_(members), AuditEvent.staff_id == admin.id))
    form = AuditFilterForm(request.args)
    filtering = any(request.args.get(name) for name in ("who", "action", "since", "until"))
    filters = {}
    if filtering and form.validate():
        query = _filtered(query, form)
        # Kept on the next and previous links; a date is three values under one name.
        filters = {k: request.args.getlist(k) for k in request.args if k != "page"}
    elif filtering:
        query = query.where(sa_false())  # show the errors, not an unfiltered log
    events = db.session.scalars(
        query.offset((page - 1) * AUDIT_PAGE_SIZE).limit(AUDIT_PAGE_SIZE + 1)
    ).all()
    return render_template(
        "staff/audit_log.html",
        form=form,
        filtering=filtering,
        filters=filters,
        events=events[:AUDIT_PAGE_SIZE],
        page=page,
        more=len(events) > AUDIT_PAGE_SIZE,
        actions=ACTIONS,
        target_link=_target_link,
    ), (400 if form.errors else 200)


def _target_link(target: str | None) -> str | None:
    """Where an event's target can be opened: the session, submission or request it names
    (the page itself decides whether the reader may see it)."""
    kind, _, key = (target or "").partition(":")
    if kind == "assisted" and key.isdigit():
        return url_for("staff.helped", session_id=int(key))
    if kind == "submission" and key:
        return url_for("staff.submission", reference=key)
    if kind == "request" and key:
        return url_for("staff.contact_request", reference=key)
    return None


def _filtered(query, form: AuditFilterForm):
    """The log narrowed to one person (by email, or what was typed at a failed sign-in),
    one action, and whole days from and to (UTC, as the times are shown)."""
    if form.who.data:
        typed = form.who.data.lower()  # autoescape: a typed % or _ is itself, not a wildcard
        people = select(StaffMember.id).where(
            func.lower(StaffMember.email).contains(typed, autoescape=True)
        )
        query = query.where(
            or_(
                AuditEvent.staff_id.in_(people),
                func.lower(AuditEvent.email).contains(typed, autoescape=True),
            )
        )
    if form.action.data:
        query = query.where(AuditEvent.action == form.action.data)
    if form.since.data:
        query = query.where(AuditEvent.at >= datetime.combine(form.since.data, time(), UTC))
    if form.until.data:
        after = datetime.combine(form.until.data + timedelta(days=1), time(), UTC)
        query = query.where(AuditEvent.at < after)
    return query
