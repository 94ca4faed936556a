"""Back-off and lockout for sign-in, by email address.

After 3 failures in a row each attempt must wait longer (30 seconds, then 1 minute);
from the 5th the address is locked for 15 minutes, doubling with each later failure up
to a day. A correct password clears the count; so does an administrator.
"""

from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from portal.assist.models import SignInThrottle, aware
from portal.clock import now
from portal.extensions import db
from portal.housekeeping import purged, register_purge

FREE_FAILURES = 2
BACK_OFF = {3: timedelta(seconds=30), 4: timedelta(minutes=1)}
LOCKOUT_AFTER = 5
LOCKOUT = timedelta(minutes=15)
LONGEST_LOCKOUT = timedelta(days=1)


def _normal(email: str) -> str:
    return email.strip().lower()[:254]


def blocked_until(email: str) -> datetime | None:
    """When this address may try again, if it may not now."""
    row = db.session.get(SignInThrottle, _normal(email))
    if row is None or row.blocked_until is None:
        return None
    until = aware(row.blocked_until)
    return until if until > now() else None


def wait_after(failures: int) -> timedelta | None:
    if failures <= FREE_FAILURES:
        return None
    if failures < LOCKOUT_AFTER:
        return BACK_OFF[failures]
    return min(LOCKOUT * 2 ** (failures - LOCKOUT_AFTER), LONGEST_LOCKOUT)


def locked(failures: int) -> bool:
    return failures >= LOCKOUT_AFTER


def _count_failure(email: str) -> int:
    """One more failure for the address, counted in one statement (INSERT ... ON CONFLICT
    DO UPDATE, which both databases we run on have); the count now.

    Reading the row, adding one and writing it back let failures at the same moment (on
    any server) count once between them, and two first failures collided on the key."""
    moment = now()
    first = {"email": email, "failures": 1, "failed_at": moment}
    again = {"failures": SignInThrottle.failures + 1, "failed_at": moment}
    statement: postgresql.Insert | sqlite.Insert
    if db.session.get_bind().dialect.name == "postgresql":
        statement = postgresql.insert(SignInThrottle).values(first)
        statement = statement.on_conflict_do_update(index_elements=["email"], set_=again)
    else:
        statement = sqlite.insert(SignInThrottle).values(first)
        statement = statement.on_conflict_do_update(index_elements=["email"], set_=again)
    return db.session.execute(statement.returning(SignInThrottle.failures)).scalar_one()


def failed(email: str) -> SignInThrottle:
    key = _normal(email)
    wait = wait_after(_count_failure(key))
    if wait:
        until = now() + wait
        # Never shortened by a failure counted a moment earlier that finished later.
        db.session.execute(
            update(SignInThrottle)
            .where(
                SignInThrottle.email == key,
                or_(SignInThrottle.blocked_until.is_(None), SignInThrottle.blocked_until < until),
            )
            .values(blocked_until=until)
        )
    db.session.commit()
    return db.session.scalars(select(SignInThrottle).where(SignInThrottle.email == key)).one()


def clear(email: str) -> None:
    db.session.execute(delete(SignInThrottle).where(SignInThrottle.email == _normal(email)))
    db.session.commit()


# A row is kept a day past its lockout (the longest there is) or its last failure, so
# purging never shortens a lockout or hands back free attempts sooner than that.
KEPT = LONGEST_LOCKOUT


def purge_expired() -> int:
    """Delete throttles that no longer hold anyone back, and have not for a day."""
    cutoff = now() - KEPT
    stale = and_(
        or_(SignInThrottle.blocked_until.is_(None), SignInThrottle.blocked_until < cutoff),
        or_(SignInThrottle.failed_at.is_(None), SignInThrottle.failed_at < cutoff),
    )
    return purged(delete(SignInThrottle).where(stale))


def register_throttle_purge(app: Flask) -> None:
    register_purge(app, "old sign-in throttles", purge_expired)
