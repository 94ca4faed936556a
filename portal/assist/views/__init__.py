"""The staff side, under /staff: one blueprint, every route behind an access decision."""

from flask import Blueprint, Response, render_template
from flask_babel import format_datetime
from werkzeug.exceptions import Forbidden, HTTPException, NotFound

from portal.assist.access import check_access
from portal.assist.models import aware
from portal.assist.roles import ROLE_NAMES, allowed
from portal.assist.sessions import current_session
from portal.callbacks.forms import STATUS_NAMES
from portal.i18n import current_language

# Every route is /staff/... and, for Welsh and Arabic, /cy/staff/... (portal.i18n).
bp = Blueprint("staff", __name__)
bp.before_request(check_access)


@bp.after_request
def never_stored(response: Response) -> Response:
    """Staff pages show personal data: no browser or proxy may keep a copy."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(Forbidden)
@bp.errorhandler(NotFound)
def staff_error(error: HTTPException):
    """Refused or not found on a staff page: said in staff words, inside the staff pages."""
    return render_template("staff/error.html", error=error), error.code


@bp.context_processor  # staff pages only: citizen pages never look up a staff session
def staff_context() -> dict:
    def can(permission: str) -> bool:
        staff_session = current_session()
        return staff_session is not None and allowed(staff_session.staff.role, permission)

    staff_session = current_session()
    return {
        "staff_can": can,
        "staff_member": staff_session.staff if staff_session else None,
        "role_names": ROLE_NAMES,
        "department_names": department_names,
        "status_names": STATUS_NAMES,
        "when": when,
    }


def when(moment) -> str:
    """A date and time for staff pages, in the page's language: always UTC, and said so."""
    return format_datetime(aware(moment), "d MMM y, HH:mm", rebase=False) + " UTC"


def department_names() -> dict[str, str]:
    """Department names in the page's language (English where a name has no other)."""
    from portal.publishing.index import current_content

    language = current_language()
    return {
        slug: d.name.get(language) for slug, d in current_content().taxonomy.departments.items()
    }


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
