"""Signing in and out: passwords, back-off and lockout, server-side sessions, timeouts,
rotation, two-factor codes and CSRF on every staff form."""

from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select, update

from portal.assist import passwords
from portal.assist.models import AuditEvent, SignInThrottle, StaffMember, StaffSession
from portal.clock import now
from portal.extensions import db
from tests.support.forms import submit_form
from tests.support.staff import PASSWORD, sign_in, signed_in

# Lockouts, back-off and session timeouts are periods of time.
pytestmark = pytest.mark.clock

ASSISTANT = "waste@glanmor.example"


def staff_cookie(client) -> str | None:
    cookie = client.get_cookie("staff")
    return cookie.value if cookie else None


def actions(app) -> list[str]:
    with app.app_context():
        return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_signing_in_sets_a_strict_http_only_cookie_and_is_audited(app, client, staff):
    response = sign_in(client, ASSISTANT)
    assert response.headers["Location"] == "/staff/"
    set_cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("staff="))
    assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie
    assert client.get("/staff/").status_code == 200
    assert "signed_in" in actions(app)


def test_the_email_address_is_not_case_sensitive(client, staff):
    assert sign_in(client, ASSISTANT.upper()).status_code == 302


@pytest.mark.parametrize("email", [ASSISTANT, "nobody@glanmor.example"])
def test_a_wrong_password_or_unknown_email_gets_the_same_answer(app, client, staff, email):
    response = sign_in(client, email, "not the password at all")
    assert response.status_code == 400
    assert b"Enter a correct email address and password" in response.data
    assert b"not the password at all" not in response.data  # never sent back
    assert staff_cookie(client) is None
    assert actions(app)[-1] == "sign_in_failed"


def test_after_three_failures_you_must_wait_and_after_five_you_are_locked_out(app, client, staff):
    for _ in range(3):
        sign_in(client, ASSISTANT, "wrong password one")
    # Now even the right password is refused until the back-off has passed.
    response = sign_in(client, ASSISTANT)
    assert response.status_code == 400
    assert b"Too many wrong attempts" in response.data
    with app.app_context():  # let the back-off pass, and fail twice more
        db.session.execute(update(SignInThrottle).values(blocked_until=now()))
        db.session.commit()
    sign_in(client, ASSISTANT, "wrong password two")
    with app.app_context():
        db.session.execute(update(SignInThrottle).values(blocked_until=now()))
        db.session.commit()
    response = sign_in(client, ASSISTANT, "wrong password three")
    assert b"Wait 15 minutes" in response.data
    assert sign_in(client, ASSISTANT).status_code == 400  # locked, right password or not
    assert "sign_in_blocked" in actions(app)


def test_unknown_addresses_are_locked_out_too(client, staff):
    """Otherwise the lockout would tell an attacker which addresses have accounts."""
    for _ in range(5):
        sign_in(client, "nobody@glanmor.example", "guess guess guess")
    response = sign_in(client, "nobody@glanmor.example", "guess guess guess")
    assert b"Too many wrong attempts" in response.data


def test_an_administrator_can_unlock_an_account(app, client, staff):
    for _ in range(5):
        sign_in(client, ASSISTANT, "wrong password")
    admin = signed_in(app, "admin@glanmor.example")
    response = submit_form(admin, "/staff/", to=f"/staff/admin/staff/{staff[ASSISTANT]}/unlock")
    assert response.status_code == 302
    assert sign_in(client, ASSISTANT).status_code == 302


def test_signing_in_rotates_the_session_so_a_planted_token_is_worthless(app, client, staff):
    client.set_cookie("staff", "planted-by-an-attacker")
    client.get("/staff/sign-in")
    before = client.get_cookie("session").value if client.get_cookie("session") else None
    sign_in(client, ASSISTANT)
    token = staff_cookie(client)
    assert token and token != "planted-by-an-attacker"
    assert client.get_cookie("session") is None or client.get_cookie("session").value != before
    # A second sign-in in the same browser makes a new token and ends the old one.
    second = sign_in(client, ASSISTANT)
    assert second.status_code == 302
    assert staff_cookie(client) != token
    replay = app.test_client()
    replay.set_cookie("staff", token)
    assert replay.get("/staff/").status_code == 302


def test_signing_out_ends_the_session_on_the_server(app, client, staff):
    sign_in(client, ASSISTANT)
    token = staff_cookie(client)
    response = submit_form(client, "/staff/", to="/staff/sign-out")
    assert response.headers["Location"] == "/staff/sign-in?signed_out=1"
    assert staff_cookie(client) is None
    stolen = app.test_client()  # someone who copied the cookie before sign-out
    stolen.set_cookie("staff", token)
    assert stolen.get("/staff/").headers["Location"].startswith("/staff/sign-in")
    assert "signed_out" in actions(app)


@pytest.mark.parametrize(
    ("column", "age"),
    [("last_seen_at", timedelta(minutes=31)), ("started_at", timedelta(hours=10, minutes=1))],
    ids=["idle", "absolute"],
)
def test_a_session_times_out(app, client, staff, column, age):
    sign_in(client, ASSISTANT)
    assert client.get("/staff/").status_code == 200
    with app.app_context():
        db.session.execute(update(StaffSession).values({column: now() - age}))
        db.session.commit()
    response = client.get("/staff/")
    assert response.headers["Location"] == "/staff/sign-in?timed_out=1"
    assert b"You were signed out" in client.get(response.headers["Location"]).data
    with app.app_context():  # ended for good, not only this once
        assert db.session.scalar(select(StaffSession)).ended_at is not None
    assert "session_expired" in actions(app)


def test_a_deactivated_member_is_signed_out_at_once(app, client, staff):
    sign_in(client, ASSISTANT)
    admin = signed_in(app, "admin@glanmor.example")
    submit_form(admin, "/staff/", to=f"/staff/admin/staff/{staff[ASSISTANT]}/deactivate")
    assert client.get("/staff/").status_code == 302
    assert sign_in(client, ASSISTANT).status_code == 400


def test_after_sign_in_you_go_where_you_were_going_but_never_off_site(client, staff):
    assert sign_in(client, ASSISTANT, next_url="/staff/requests").headers["Location"] == (
        "/staff/requests"
    )
    other = client.application.test_client()
    assert sign_in(other, ASSISTANT, next_url="//evil.example/").headers["Location"] == "/staff/"
    third = client.application.test_client()
    assert sign_in(third, ASSISTANT, next_url="https://evil.example/").headers["Location"] == (
        "/staff/"
    )


def pending_secret(app, staff_id: int) -> str:
    with app.app_context():
        return db.session.get(StaffMember, staff_id).totp_pending_secret


def test_two_factor_set_up_and_sign_in(app, client, staff):
    sign_in(client, ASSISTANT)
    url = "/staff/account/two-factor"
    page = client.get(url).text
    secret = pending_secret(app, staff[ASSISTANT])
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page
    with client.session_transaction() as session:  # kept on the server, not in the cookie
        assert secret not in str(dict(session))
    client.get(url)
    assert pending_secret(app, staff[ASSISTANT]) == secret  # the same key on every visit
    code = pyotp.TOTP(secret).now()
    wrong = submit_form(client, url, {"code": "000000", "current": PASSWORD})
    assert wrong.status_code == 400
    assert "The code is not right" in wrong.text
    no_password = submit_form(client, url, {"code": code, "current": "not my password"})
    assert no_password.status_code == 400
    assert "Your password is not right" in no_password.text
    assert submit_form(client, url, {"code": code, "current": PASSWORD}).status_code == 302
    with app.app_context():
        member = db.session.get(StaffMember, staff[ASSISTANT])
        assert (member.totp_secret, member.totp_pending_secret) == (secret, None)
    assert [a for a in actions(app) if a in ("password_check_failed", "two_factor_set_up")] == [
        "password_check_failed",
        "two_factor_set_up",
    ]
    submit_form(client, "/staff/", to="/staff/sign-out")

    fresh = app.test_client()
    response = sign_in(fresh, ASSISTANT)
    assert response.headers["Location"] == "/staff/sign-in/code"
    assert staff_cookie(fresh) is None  # not signed in on the password alone
    assert fresh.get("/staff/").status_code == 302
    # The code already used to set up is refused: each code works once.
    reused = submit_form(fresh, "/staff/sign-in/code", {"code": code})
    assert reused.status_code == 400
    with app.app_context():  # a later code (the next 30 seconds) is accepted
        member = db.session.get(StaffMember, staff[ASSISTANT])
        member.totp_last_step -= 1
        db.session.commit()
    accepted = submit_form(fresh, "/staff/sign-in/code", {"code": code})
    assert accepted.headers["Location"] == "/staff/"
    assert fresh.get("/staff/").status_code == 200


def test_a_code_is_refused_once_two_factor_is_gone(app, client, staff):
    """Two-factor taken away between the password and the code: no code is right (the
    code page does not fail on the missing secret)."""
    with app.app_context():
        db.session.get(StaffMember, staff[ASSISTANT]).totp_secret = pyotp.random_base32()
        db.session.commit()
    assert sign_in(client, ASSISTANT).headers["Location"] == "/staff/sign-in/code"
    with app.app_context():
        db.session.get(StaffMember, staff[ASSISTANT]).totp_secret = None
        db.session.commit()
    refused = submit_form(client, "/staff/sign-in/code", {"code": "123456"})
    assert refused.status_code == 400
    assert staff_cookie(client) is None


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short one", "12 characters or more"),
        ("x" * 129, "128 characters or fewer"),
        ("password1234", "harder to guess"),
        ("aaaaaaaaaaaaaaaa", "harder to guess"),
        ("waste-secret-words", "does not contain your email"),
    ],
)
def test_weak_passwords_are_refused(app, password, problem):
    with app.test_request_context():
        assert problem in passwords.problem_with(password, ASSISTANT)


def test_a_good_password_is_accepted_and_hashed_with_argon2id(app):
    with app.test_request_context():
        assert passwords.problem_with("Glanmor buses run at dawn", ASSISTANT) is None
    hashed = passwords.hash_password("Glanmor buses run at dawn")
    assert hashed.startswith("$argon2id$")
    assert passwords.verify(hashed, "Glanmor buses run at dawn")
    assert not passwords.verify(hashed, "Glanmor buses run at dusk")


def test_changing_your_password(app, client, staff):
    sign_in(client, ASSISTANT)
    url = "/staff/account/password"
    weak = submit_form(client, url, {"current": PASSWORD, "new": "password"})
    assert weak.status_code == 400 and b"12 characters or more" in weak.data
    wrong = submit_form(client, url, {"current": "nope nope nope", "new": "a brand new passphrase"})
    assert wrong.status_code == 400
    assert (
        submit_form(client, url, {"current": PASSWORD, "new": "a brand new passphrase"}).status_code
        == 302
    )
    submit_form(client, "/staff/", to="/staff/sign-out")
    assert sign_in(client, ASSISTANT).status_code == 400
    assert sign_in(client, ASSISTANT, "a brand new passphrase").status_code == 302


def test_every_staff_form_needs_its_csrf_token(app, client, staff):
    """Signed in as an administrator (who may do everything), each POST without a token
    is refused before it does anything."""
    sign_in(client, "admin@glanmor.example")
    rules = [
        r
        for r in app.url_map.iter_rules()
        if r.endpoint.startswith("staff.") and "POST" in r.methods
    ]
    assert len(rules) >= 10
    for rule in rules:
        url = rule.build(
            {
                "staff_id": 1,
                "session_id": 1,
                "message_id": 1,
                "reference": "AAAA-BBBB",
                "lang": "cy",
            },
            append_unknown=False,
        )[1]
        response = client.post(url, data={})
        assert response.status_code == 400, rule.rule
    assert client.get("/staff/").status_code == 200  # still signed in: nothing happened
