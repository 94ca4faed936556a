"""Second factors that hold: a code used once even when sign-ins race, the secret being
set up kept on the server, a rule per role that staff cannot step round, and an
administrator's reset for a lost phone."""

from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select, update

from portal.assist import two_factor
from portal.assist.models import StaffMember, StaffSession, TwoFactorRequirement
from portal.clock import now
from portal.extensions import db
from tests.support.forms import submit_form
from tests.support.staff import PASSWORD, session_token, sign_in, signed_in

pytestmark = pytest.mark.clock  # codes are a matter of time

ASSISTANT = "waste@glanmor.example"
ADMIN = "admin@glanmor.example"
DEPARTMENT_ADMIN = "roads-admin@glanmor.example"


def with_second_factor(app, staff_id: int) -> str:
    secret = pyotp.random_base32()
    with app.app_context():
        db.session.get(StaffMember, staff_id).totp_secret = secret
        db.session.commit()
    return secret


def actions(app) -> list[str]:
    from portal.assist.models import AuditEvent

    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_a_code_is_used_once_even_when_another_request_used_it_meanwhile(app, staff):
    """The race, made to happen in order: this request read the account before another
    used the same code. Comparing with what it read would accept the code a second time;
    the conditional update refuses it."""
    secret = with_second_factor(app, staff[ASSISTANT])
    code = pyotp.TOTP(secret).now()
    with app.test_request_context():
        stale = db.session.get(StaffMember, staff[ASSISTANT])
        assert stale.totp_last_step is None  # what this request saw
        step = two_factor.matching_step(secret, code)
        with db.engine.begin() as other:  # the other request, finishing first
            other.execute(
                update(StaffMember).where(StaffMember.id == stale.id).values(totp_last_step=step)
            )
        assert not two_factor.use_code(stale, code)


def test_a_right_code_works_once_and_a_wrong_or_old_one_never(app, staff, frozen_clock):
    secret = with_second_factor(app, staff[ASSISTANT])
    totp = pyotp.TOTP(secret)
    with app.test_request_context():
        member = db.session.get(StaffMember, staff[ASSISTANT])
        right = totp.at(now())
        assert not two_factor.use_code(member, "000000" if right != "000000" else "111111")
        assert two_factor.use_code(member, right[:3] + " " + right[3:])  # spaces ignored
        assert not two_factor.use_code(member, right)  # once
        frozen_clock.shift(30)
        assert two_factor.use_code(member, totp.at(now()))  # the next one
        frozen_clock.shift(30)
        # The code before this one is still accepted for a slow typist, if unused; older
        # ones never.
        assert not two_factor.use_code(member, totp.at(now() - timedelta(seconds=60)))


def test_a_role_that_needs_a_second_factor_must_set_it_up_before_anything_else(app, staff):
    admin = signed_in(app, ADMIN)
    rules = "/staff/admin/two-factor"
    saved = submit_form(admin, rules, {"roles": ["assistant", "admin"]})
    assert saved.status_code == 302
    with app.app_context():
        required = {r.role: r.required for r in db.session.scalars(select(TwoFactorRequirement))}
    assert required == {"assistant": True, "content_designer": False, "admin": True}
    assert "two_factor_roles_changed" in actions(app)

    client = app.test_client()
    assert sign_in(client, ASSISTANT).status_code == 302
    for page in ("/staff/", "/staff/requests", "/staff/submissions", "/cy/staff/account"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.headers["Location"].endswith("/staff/account/two-factor"), page
    setup = client.get("/staff/account/two-factor")
    assert "Your role must use two-factor authentication" in setup.text
    with app.app_context():
        secret = db.session.get(StaffMember, staff[ASSISTANT]).totp_pending_secret
    code = pyotp.TOTP(secret).now()
    assert submit_form(client, "/staff/account/two-factor", {"code": code, "current": PASSWORD})
    assert client.get("/staff/").status_code == 200
    # Someone in a role without the rule carries on with a password alone.
    assert signed_in(app, "designer@glanmor.example").get("/staff/").status_code == 200


def test_only_an_administrator_for_every_department_sets_the_rules(app, staff):
    department_admin = signed_in(app, DEPARTMENT_ADMIN)
    page = department_admin.get("/staff/admin/two-factor")
    assert page.status_code == 200
    assert "Only an administrator for all departments can change these rules" in page.text
    # With this browser's own CSRF token (from the sign-out form), so the view decides.
    rules = "/staff/admin/two-factor"
    refused = submit_form(department_admin, rules, {"roles": ["assistant"]}, to=rules)
    assert refused.status_code == 403
    with app.app_context():
        assert not two_factor.required_roles()


def test_an_administrator_resets_a_lost_second_factor_and_signs_them_out(app, staff):
    with_second_factor(app, staff[ASSISTANT])
    with app.app_context():
        db.session.add(StaffSession(token_hash="a" * 64, staff_id=staff[ASSISTANT]))
        db.session.commit()
    admin = signed_in(app, ADMIN)
    assert "Reset two-factor" in admin.get("/staff/admin/staff").text
    url = f"/staff/admin/staff/{staff[ASSISTANT]}/reset-two-factor"
    assert submit_form(admin, "/staff/admin/staff", {}, to=url).status_code == 302
    with app.app_context():
        member = db.session.get(StaffMember, staff[ASSISTANT])
        assert member.totp_secret is None and member.totp_last_step is None
        live = db.session.scalars(
            select(StaffSession).where(
                StaffSession.staff_id == member.id, StaffSession.ended_at.is_(None)
            )
        ).all()
        assert live == []
    assert "two_factor_reset" in actions(app)
    # They sign in with their password alone now, and can set up a new app.
    assert sign_in(app.test_client(), ASSISTANT).headers["Location"] == "/staff/"


def test_an_administrator_cannot_reset_their_own_second_factor(app, staff):
    with_second_factor(app, staff[ADMIN])
    admin = app.test_client()
    admin.set_cookie(app.config["STAFF_COOKIE_NAME"], session_token(app, staff[ADMIN]))
    url = f"/staff/admin/staff/{staff[ADMIN]}/reset-two-factor"
    assert submit_form(admin, "/staff/admin/staff", {}, to=url).status_code == 409
    with app.app_context():
        assert db.session.get(StaffMember, staff[ADMIN]).totp_secret
