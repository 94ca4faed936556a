"""The audit log: every staff action, recorded as it happens, never changed."""

import ipaddress

from flask import request
from flask_babel import lazy_gettext as _l

from portal.assist.models import AuditEvent, StaffMember
from portal.extensions import db

# What the log records, in words an administrator reads (in the page's language).
ACTIONS = {
    "signed_in": _l("Signed in"),
    "sign_in_failed": _l("Sign-in failed"),
    "sign_in_blocked": _l("Sign-in refused: too many failures"),
    "signed_out": _l("Signed out"),
    "session_expired": _l("Session timed out"),
    "two_factor_set_up": _l("Set up two-factor authentication"),
    "two_factor_reset": _l("Reset two-factor authentication for a staff account"),
    "two_factor_roles_changed": _l("Changed which roles must use two-factor authentication"),
    "password_changed": _l("Changed their password"),
    "password_check_failed": _l("Entered a wrong password to confirm a change"),
    "other_sessions_ended": _l("Signed out their other browsers"),
    "assisted_session_started": _l("Started helping someone"),
    "assisted_session_ended": _l("Stopped helping someone"),
    "submission_viewed": _l("Viewed a submission"),
    "submissions_exported": _l("Exported submissions"),
    "message_resent": _l("Sent a message again"),
    "contact_request_viewed": _l("Viewed a contact request"),
    "contact_request_claimed": _l("Claimed a contact request"),
    "contact_request_note_added": _l("Added a note to a contact request"),
    "contact_request_completed": _l("Completed a contact request"),
    "staff_created": _l("Created a staff account"),
    "staff_deactivated": _l("Deactivated a staff account"),
    "staff_unlocked": _l("Unlocked sign-in for a staff account"),
    "access_refused": _l("Was refused access"),
}


def client_address() -> str | None:
    """The client's address as ProxyFix trusts it behind our load balancer, if it is an
    address at all: a proxy that passed on whatever a client wrote in X-Forwarded-For
    must not put words in the log (or more than its column holds)."""
    if not request:
        return None
    try:
        return str(ipaddress.ip_address(request.remote_addr or ""))
    except ValueError:
        return None


def record(
    action: str,
    staff: StaffMember | None,
    target: str | None = None,
    email: str | None = None,
    **detail,
) -> None:
    """Add one event and commit it now: the log must not depend on what happens next."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    db.session.add(
        AuditEvent(
            staff_id=staff.id if staff else None,
            email=email if staff is None else None,
            action=action,
            target=target,
            address=client_address(),
            detail=detail,
        )
    )
    db.session.commit()
