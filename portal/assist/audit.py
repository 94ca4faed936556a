"""The audit log: every staff action, recorded as it happens, never changed."""

from flask import request

from portal.assist.models import AuditEvent, StaffMember
from portal.extensions import db

# What the log records, in words an administrator reads.
ACTIONS = {
    "signed_in": "Signed in",
    "sign_in_failed": "Sign-in failed",
    "sign_in_blocked": "Sign-in refused: too many failures",
    "signed_out": "Signed out",
    "session_expired": "Session timed out",
    "two_factor_set_up": "Set up two-factor authentication",
    "assisted_session_started": "Started helping someone",
    "assisted_session_ended": "Stopped helping someone",
    "submission_viewed": "Viewed a submission",
    "submissions_exported": "Exported submissions",
    "contact_request_viewed": "Viewed a contact request",
    "contact_request_claimed": "Claimed a contact request",
    "contact_request_note_added": "Added a note to a contact request",
    "contact_request_completed": "Completed a contact request",
    "staff_created": "Created a staff account",
    "staff_deactivated": "Deactivated a staff account",
    "staff_unlocked": "Unlocked sign-in for a staff account",
    "access_refused": "Was refused access",
}


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
            # The client's address, as ProxyFix trusts it behind our load balancer.
            address=request.remote_addr if request else None,
            detail=detail,
        )
    )
    db.session.commit()
