"""Assisted sessions: a signed-in staff member uses the citizen pages as the person they
are helping. The person's needs live in the session's row, not in a cookie, and ending
the session removes from the browser everything the person's journey left there."""

from flask import Response, g, request, session
from sqlalchemy import select

from portal.assist import audit_log
from portal.assist.models import AssistedSession, StaffSession
from portal.assist.sessions import current_session, staff_cookie_name
from portal.clock import now
from portal.extensions import db
from portal.housekeeping import forget_all
from portal.needs.model import NO_NEEDS, Needs
from portal.needs.store import delete_cookie
from portal.needs.visitor import Assisted, Found, forget_visitor


def current_assisted() -> AssistedSession | None:
    """The assisted session this browser is in, if any. Costs nothing for citizens: only a
    browser with a staff cookie is looked up."""
    if "assisted" not in g:
        staff_session = current_session() if _may_be_staff() else None
        g.assisted = staff_session and _active_for(staff_session)
    return g.assisted


def assisted_source() -> Found | None:
    """A visitor source: in an assisted session, the needs of the person being helped (kept
    server-side, and saved there), never the staff member's own cookie."""
    assisted = current_assisted()
    if assisted is None:
        return None
    return Found(
        needs_of(assisted),
        Assisted(session_id=assisted.id, channel=assisted.channel),
        keep=lambda needs: store_needs(assisted, needs),
    )


def _may_be_staff() -> bool:
    return bool(request.cookies.get(staff_cookie_name()))


def _active_for(staff_session: StaffSession) -> AssistedSession | None:
    return db.session.scalar(
        select(AssistedSession).where(
            AssistedSession.staff_session_id == staff_session.id,
            AssistedSession.ended_at.is_(None),
        )
    )


def needs_of(assisted: AssistedSession) -> Needs:
    data = dict(assisted.needs or {})
    try:
        return Needs(**{**data, "channels": tuple(data.get("channels", ()))})
    except (TypeError, ValueError):
        return NO_NEEDS


def store_needs(assisted: AssistedSession, needs: Needs) -> None:
    assisted.needs = {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in needs.as_dict().items()
    }
    db.session.commit()


def start(staff_session: StaffSession, channel: str, needs: Needs) -> AssistedSession:
    """Begin helping someone who has agreed to it. One person at a time per browser."""
    previous = _active_for(staff_session)
    if previous is not None:
        previous.ended_at = now()
    assisted = AssistedSession(
        staff_id=staff_session.staff_id,
        staff_session_id=staff_session.id,
        channel=channel,
        consent_given_at=now(),
    )
    db.session.add(assisted)
    db.session.flush()
    store_needs(assisted, needs)
    audit_log.record(
        "assisted_session_started",
        staff_session.staff,
        target=f"assisted:{assisted.id}",
        channel=channel,
    )
    g.assisted = assisted
    forget_visitor()
    return assisted


def end(assisted: AssistedSession, response: Response) -> None:
    assisted.ended_at = now()
    db.session.commit()
    g.assisted = None
    forget_visitor()
    audit_log.record("assisted_session_ended", assisted.staff, target=f"assisted:{assisted.id}")
    forget_the_person(response)


def forget_the_person(response: Response | None = None) -> None:
    """Remove the person's traces from this browser: their form drafts and sent
    references (in the session cookie), any needs cookie, and anything the browser cached
    or stored for this site. What the session pointed at on the server (sent receipts,
    call-back answers) is deleted first, so a copy of the old cookie opens nothing. The
    staff member stays signed in."""
    forget_all()
    session.clear()
    if response is not None:
        delete_cookie(response)
        response.headers["Clear-Site-Data"] = '"cache", "storage"'
