"""Who may do what on the staff side: one table, read by every staff route."""

from flask_babel import lazy_gettext as _l

ASSISTANT = "assistant"
CONTENT_DESIGNER = "content_designer"
ADMIN = "admin"
ROLES = (ASSISTANT, CONTENT_DESIGNER, ADMIN)
ROLE_NAMES = {
    ASSISTANT: _l("Assistant"),
    CONTENT_DESIGNER: _l("Content designer"),
    ADMIN: _l("Administrator"),
}

# Permission: the roles that have it. Department limits apply on top (see scope).
PERMISSIONS = {
    # Any signed-in staff member: their own home page and account.
    "signed_in": frozenset(ROLES),
    "help_someone": frozenset({ASSISTANT, ADMIN}),
    "contact_requests": frozenset({ASSISTANT, ADMIN}),
    "submissions": frozenset({ASSISTANT, ADMIN}),
    # Personal data leaving the portal in bulk: administrators only.
    "export": frozenset({ADMIN}),
    "page_feedback": frozenset({CONTENT_DESIGNER, ADMIN}),
    "manage_staff": frozenset({ADMIN}),
    "audit_log": frozenset({ADMIN}),
}


def allowed(role: str, permission: str) -> bool:
    return role in PERMISSIONS[permission]
