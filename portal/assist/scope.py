"""Department boundaries: a staff member sees only their own department's records.

Every query for requests or submissions goes through `within`, and a record asked for
by reference outside the boundary is simply not found (404): changing an id in the
address shows nothing, not even that the record exists.
"""

from flask import abort
from sqlalchemy import Select

from portal.assist.models import StaffMember


def departments_of(staff: StaffMember) -> str | None:
    """The department a staff member is limited to, or None for all (admins only)."""
    if staff.department is None and staff.role == "admin":
        return None
    # Anyone else without a department sees nothing rather than everything.
    return staff.department or "\x00none"


def within(query: Select, model, staff: StaffMember) -> Select:
    department = departments_of(staff)
    if department is None:
        return query
    return query.where(model.department == department)


def may_see(record, staff: StaffMember):
    """The record, if it is in the staff member's departments; otherwise 404."""
    department = departments_of(staff)
    if record is None or (department is not None and record.department != department):
        abort(404)
    return record
