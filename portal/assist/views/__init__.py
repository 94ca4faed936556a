"""The staff side, under /staff: one blueprint, every route behind an access decision."""

from flask import Blueprint, Response

from portal.assist.access import check_access
from portal.assist.models import aware
from portal.assist.roles import PERMISSIONS, ROLE_NAMES, allowed
from portal.assist.sessions import current_session
from portal.callbacks.forms import STATUS_NAMES

bp = Blueprint("staff", __name__, url_prefix="/staff")
bp.before_request(check_access)


@bp.after_request
def never_stored(response: Response) -> Response:
    """Staff pages show personal data: no browser or proxy may keep a copy."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_context_processor
def staff_context() -> dict:
    def can(permission: str) -> bool:
        staff_session = current_session()
        return bool(staff_session) and allowed(staff_session.staff.role, permission)

    staff_session = current_session()
    return {
        "staff_can": can,
        "staff_member": staff_session.staff if staff_session else None,
        "role_names": ROLE_NAMES,
        "department_names": _department_names,
        "status_names": STATUS_NAMES,
        "when": when,
        "permissions": PERMISSIONS,
    }


def when(moment) -> str:
    """A date and time for staff pages: always UTC, and said so."""
    return aware(moment).strftime("%-d %b %Y, %H:%M UTC")


def _department_names() -> dict[str, str]:
    from portal.publishing.index import current_content

    return {slug: d.name.en for slug, d in current_content().taxonomy.departments.items()}


# The routes, by what they are for (imported for their side effect of registering).
from portal.assist.views import (  # noqa: E402
    account,
    admin,
    contact_requests,
    helping,
    page_feedback,
    submissions,
)

__all__ = ["account", "admin", "contact_requests", "helping", "page_feedback", "submissions"]
