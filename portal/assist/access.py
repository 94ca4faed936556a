"""Every staff route says who may use it, and the blueprint refuses any that does not.

`@requires("permission")` names a permission from roles.PERMISSIONS; `@open_to_anyone`
marks the few pages that must work signed out (sign-in itself). A staff view with
neither is refused for everyone, and the policy test fails, so forgetting is safe.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from flask import abort, current_app, g, redirect, request, url_for

from portal.assist import audit_log, two_factor
from portal.assist.models import StaffMember
from portal.assist.roles import PERMISSIONS, allowed
from portal.assist.sessions import current_session

ANYONE = "anyone"
# What someone whose role needs a second factor may do before they have set one up.
BEFORE_TWO_FACTOR = frozenset({"staff.two_factor_set_up", "staff.sign_out"})
# The attribute of a view function that holds its access decision.
ACCESS = "access"

View = TypeVar("View", bound=Callable[..., Any])


def requires(permission: str) -> Callable[[View], View]:
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")

    def decorator(view: View) -> View:
        setattr(view, ACCESS, permission)
        return view

    return decorator


def open_to_anyone(view: View) -> View:
    setattr(view, ACCESS, ANYONE)
    return view


def access_of(view: Callable) -> str | None:
    return getattr(view, ACCESS, None)


def check_access():
    """The staff blueprint's before_request: sign-in, then role."""
    view = current_app.view_functions.get(request.endpoint)
    permission = access_of(view) if view else None
    if permission is None:
        current_app.logger.error("staff route %s has no access decision", request.endpoint)
        abort(403)
    if permission == ANYONE:
        return None
    staff_session = current_session()
    if staff_session is None:
        if g.get("staff_session_expired"):
            return redirect(url_for("staff.sign_in", timed_out="1"))
        return redirect(url_for("staff.sign_in", next=request.full_path.rstrip("?")))
    if not allowed(staff_session.staff.role, permission):
        audit_log.record("access_refused", staff_session.staff, target=request.path)
        abort(403)
    if request.endpoint not in BEFORE_TWO_FACTOR and two_factor.must_set_up(staff_session.staff):
        return redirect(url_for("staff.two_factor_set_up"))
    return None


def current_staff_member() -> StaffMember:
    """The signed-in staff member, in a view that check_access has already let through."""
    staff_session = current_session()
    if staff_session is None:
        raise RuntimeError("current_staff_member() outside a view for signed-in staff")
    return staff_session.staff
