"""A staff member's own sessions: the browsers signed in as them, signing the others out,
and a password change that ends every other session, confirmed, throttled and audited."""

import pytest
from sqlalchemy import select

from portal.assist.models import AuditEvent, StaffSession
from portal.extensions import db
from tests.support.forms import submit_form
from tests.support.staff import PASSWORD, sign_in, signed_in

pytestmark = pytest.mark.clock  # lockouts are periods of time

ASSISTANT = "waste@glanmor.example"
NEW_PASSWORD = "a brand new passphrase"


def live_sessions(app, staff_id: int) -> int:
    with app.app_context():
        return len(
            db.session.scalars(
                select(StaffSession).where(
                    StaffSession.staff_id == staff_id, StaffSession.ended_at.is_(None)
                )
            ).all()
        )


def actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_the_sessions_page_lists_each_browser_and_signs_the_others_out(app, staff):
    office, laptop = signed_in(app, ASSISTANT), signed_in(app, ASSISTANT)
    page = office.get("/staff/account/sessions")
    assert page.status_code == 200
    assert page.text.count("This browser") == 1 and page.text.count("Another browser") == 1
    assert (
        submit_form(
            office, "/staff/account/sessions", {}, to="/staff/account/sessions/sign-out-others"
        ).status_code
        == 302
    )
    assert live_sessions(app, staff[ASSISTANT]) == 1
    assert laptop.get("/staff/").status_code == 302  # signed out there
    assert office.get("/staff/").status_code == 200  # not here
    assert "other_sessions_ended" in actions(app)


def test_one_other_browser_can_be_signed_out_but_never_someone_elses(app, staff):
    office, laptop = signed_in(app, ASSISTANT), signed_in(app, ASSISTANT)
    other_person = signed_in(app, "roads@glanmor.example")
    with app.app_context():
        ids = {
            s.staff_id: s.id
            for s in db.session.scalars(select(StaffSession).order_by(StaffSession.id))
        }
        laptop_id = max(
            s.id
            for s in db.session.scalars(
                select(StaffSession).where(StaffSession.staff_id == staff[ASSISTANT])
            )
        )
    theirs = ids[staff["roads@glanmor.example"]]
    page = "/staff/account/sessions"
    refused = submit_form(office, page, {}, to=f"{page}/{theirs}/sign-out")
    assert refused.status_code == 404
    assert other_person.get("/staff/").status_code == 200
    assert submit_form(office, page, {}, to=f"{page}/{laptop_id}/sign-out").status_code == 302
    assert laptop.get("/staff/").status_code == 302
    assert office.get("/staff/").status_code == 200


def test_changing_your_password_signs_out_every_other_browser_and_is_audited(app, staff):
    office, laptop = signed_in(app, ASSISTANT), signed_in(app, ASSISTANT)
    url = "/staff/account/password"
    changed = submit_form(office, url, {"current": PASSWORD, "new": NEW_PASSWORD})
    assert changed.status_code == 302
    assert "signed out of 1 other browser" in office.get("/staff/account").text
    assert laptop.get("/staff/").status_code == 302
    assert office.get("/staff/").status_code == 200
    with app.app_context():
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "password_changed")
        ).one()
        assert event.detail == {"other_sessions_ended": 1}


def test_wrong_current_passwords_are_throttled_like_sign_in(app, staff, frozen_clock):
    client = signed_in(app, ASSISTANT)
    url = "/staff/account/password"
    answers = []
    for _ in range(5):
        wrong = submit_form(client, url, {"current": "not my password at all", "new": NEW_PASSWORD})
        assert wrong.status_code == 400
        answers.append(wrong.text)
        frozen_clock.shift(61)  # past any back-off, so only the lockout stops them
    assert "Your password is not right" in answers[0]
    assert "Too many wrong attempts" in answers[-1]
    # Locked out: even the right password is refused now, here and at sign-in.
    right = submit_form(client, url, {"current": PASSWORD, "new": NEW_PASSWORD})
    assert right.status_code == 400 and "Too many wrong attempts" in right.text
    assert sign_in(app.test_client(), ASSISTANT).status_code == 400
    assert actions(app).count("password_check_failed") == 5
