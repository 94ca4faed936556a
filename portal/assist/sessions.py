"""Server-side staff sessions.

The browser holds a random token in its own cookie (HttpOnly, SameSite=Strict, and
`__Host-` in production); the database holds its hash and the session's times. Signing
out, timing out or being deactivated ends the row, so the cookie is then worth nothing on
any server. Signing in always makes a new token: a token planted before sign-in is never
promoted (session fixation).
"""

import hashlib
import secrets
from datetime import timedelta

from flask import Response, current_app, g, request, session
from sqlalchemy import select, update

from portal.assist.models import StaffMember, StaffSession, aware
from portal.clock import now
from portal.extensions import db, rows_changed

# last_seen_at is written at most this often, not on every request.
TOUCH_INTERVAL = timedelta(seconds=60)


def staff_cookie_name() -> str:
    return current_app.config["STAFF_COOKIE_NAME"]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def idle_timeout() -> timedelta:
    return timedelta(minutes=current_app.config["STAFF_IDLE_MINUTES"])


def lifetime() -> timedelta:
    return timedelta(hours=current_app.config["STAFF_SESSION_HOURS"])


def begin(staff: StaffMember, response: Response) -> StaffSession:
    """Sign in: end any session this browser had, clear its citizen session too (a new
    CSRF token with it), and set a brand-new token."""
    old = current_session(touch=False)
    if old is not None:
        old.ended_at = now()
    session.clear()
    token = secrets.token_urlsafe(32)
    staff_session = StaffSession(token_hash=_hash(token), staff_id=staff.id)
    db.session.add(staff_session)
    db.session.commit()
    response.set_cookie(
        staff_cookie_name(),
        token,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Strict",
    )
    g.staff_session = staff_session
    return staff_session


def end(staff_session: StaffSession, response: Response) -> None:
    staff_session.ended_at = now()
    db.session.commit()
    forget(response)


def forget(response: Response) -> None:
    response.delete_cookie(
        staff_cookie_name(),
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Strict",
    )


def end_all(staff: StaffMember) -> None:
    """End every session a staff member has (deactivation, a second factor reset)."""
    end_others(staff, keep=None)


def end_others(staff: StaffMember, keep: StaffSession | None) -> int:
    """End every session of this staff member but `keep` (the browser asking); how many
    were still live."""
    query = update(StaffSession).where(
        StaffSession.staff_id == staff.id, StaffSession.ended_at.is_(None)
    )
    if keep is not None:
        query = query.where(StaffSession.id != keep.id)
    ended = rows_changed(query.values(ended_at=now()))
    db.session.commit()
    return ended


def end_one(staff_session: StaffSession) -> None:
    """End a session from another browser (its cookie there is then worth nothing)."""
    staff_session.ended_at = now()
    db.session.commit()


def live_sessions(staff: StaffMember) -> list[StaffSession]:
    """This staff member's sessions that could still be used, newest first."""
    rows = db.session.scalars(
        select(StaffSession)
        .where(StaffSession.staff_id == staff.id, StaffSession.ended_at.is_(None))
        .order_by(StaffSession.started_at.desc(), StaffSession.id.desc())
    )
    return [row for row in rows if not expired(row)]


def expired(staff_session: StaffSession) -> bool:
    moment = now()
    return (
        moment - aware(staff_session.last_seen_at) > idle_timeout()
        or moment - aware(staff_session.started_at) > lifetime()
    )


def _lookup() -> StaffSession | None:
    token = request.cookies.get(staff_cookie_name())
    if not token or len(token) > 100:
        return None
    return db.session.scalar(
        select(StaffSession).where(
            StaffSession.token_hash == _hash(token), StaffSession.ended_at.is_(None)
        )
    )


def current_session(touch: bool = True) -> StaffSession | None:
    """This browser's live staff session, or None. A session found idle or too old is
    ended here, so it cannot come back."""
    if "staff_session" not in g:
        staff_session = _lookup() if request.cookies.get(staff_cookie_name()) else None
        if staff_session is not None and (expired(staff_session) or not staff_session.staff.active):
            staff_session.ended_at = now()
            db.session.commit()
            from portal.assist import audit_log

            audit_log.record("session_expired", staff_session.staff)
            g.staff_session_expired = True
            staff_session = None
        elif (
            staff_session is not None
            and touch
            and now() - aware(staff_session.last_seen_at) > TOUCH_INTERVAL
        ):
            staff_session.last_seen_at = now()
            db.session.commit()
        g.staff_session = staff_session
    return g.staff_session
