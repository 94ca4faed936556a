"""Staff second factor: time-based codes (TOTP, pyotp), each accepted once.

A code is claimed with one conditional UPDATE (the row changes only if its last used
step is older than this code's), so of several sign-ins racing with the same code exactly
one wins, on any number of servers. Reading the step, comparing and writing it back
separately let a code sent six times at once in through five of them.

The secret being set up is kept on the server (`totp_pending_secret`), not in the
browser's session cookie, which is signed but readable.
"""

import hmac
from datetime import timedelta

import pyotp
from sqlalchemy import or_, select, update

from portal.assist.models import StaffMember, TwoFactorRequirement
from portal.clock import now
from portal.extensions import db, rows_changed

# The code for now, or the one just before it, for someone who types slowly.
ACCEPTED_STEPS = (0, -1)


def matching_step(secret: str, code: str) -> int | None:
    """The time step whose code this is (spaces ignored), if it is one we accept now."""
    code = "".join(code.split())
    totp = pyotp.TOTP(secret)
    for offset in ACCEPTED_STEPS:
        moment = now() + timedelta(seconds=offset * totp.interval)
        if hmac.compare_digest(totp.at(moment), code):
            return totp.timecode(moment)
    return None


def use_code(staff: StaffMember, code: str) -> bool:
    """True if the code is right and had not been used: it is used up by this call."""
    secret = staff.totp_secret
    if not secret:  # no second factor (or it was reset meanwhile): no code is right
        return False
    step = matching_step(secret, code)
    if step is None:
        return False
    claimed = rows_changed(
        update(StaffMember)
        .where(
            StaffMember.id == staff.id,
            StaffMember.totp_secret == secret,
            or_(StaffMember.totp_last_step.is_(None), StaffMember.totp_last_step < step),
        )
        .values(totp_last_step=step)
    )
    db.session.commit()
    return claimed == 1


def pending_secret(staff: StaffMember) -> str:
    """The secret this person is setting up, made and kept on the server on first ask."""
    if not staff.totp_pending_secret:
        staff.totp_pending_secret = pyotp.random_base32()
        db.session.commit()
    return staff.totp_pending_secret


def confirm(staff: StaffMember, code: str) -> bool:
    """Turn the second factor on if the code comes from the secret being set up; the
    code is used up by turning it on."""
    secret = staff.totp_pending_secret
    step = matching_step(secret, code) if secret else None
    if step is None:
        return False
    switched_on = rows_changed(
        update(StaffMember)
        .where(
            StaffMember.id == staff.id,
            StaffMember.totp_pending_secret == secret,
            StaffMember.totp_secret.is_(None),
        )
        .values(totp_secret=secret, totp_pending_secret=None, totp_last_step=step)
    )
    db.session.commit()
    return switched_on == 1


def reset(staff: StaffMember) -> None:
    """Take the second factor away (an administrator does, for a lost phone)."""
    staff.totp_secret = staff.totp_pending_secret = staff.totp_last_step = None
    db.session.commit()


def required_roles() -> set[str]:
    """The roles an administrator has said must use a second factor."""
    return set(
        db.session.scalars(
            select(TwoFactorRequirement.role).where(TwoFactorRequirement.required.is_(True))
        )
    )


def is_required(staff: StaffMember) -> bool:
    return staff.role in required_roles()


def must_set_up(staff: StaffMember) -> bool:
    """Signed in on a password alone while their role needs a second factor."""
    return not staff.totp_secret and is_required(staff)
