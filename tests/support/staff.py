"""Staff accounts in every role and two departments, and ways to sign each in: through the
sign-in form, as a person does, or with a session made directly."""

import hashlib
import secrets

from portal.assist import passwords
from portal.assist.models import StaffMember, StaffSession
from portal.extensions import db
from tests.support.forms import submit_form

PASSWORD = "correct horse battery staple"
# email: (role, department)
STAFF = {
    "admin@glanmor.example": ("admin", None),
    "roads-admin@glanmor.example": ("admin", "roads-and-transport"),
    "roads@glanmor.example": ("assistant", "roads-and-transport"),
    "waste@glanmor.example": ("assistant", "waste-and-recycling"),
    "designer@glanmor.example": ("content_designer", "waste-and-recycling"),
}
SIGN_IN = "/staff/sign-in"


def create_staff(app) -> dict[str, int]:
    """Every account above, created in the app's database; returns their ids by email."""
    ids = {}
    with app.app_context():
        hashed = passwords.hash_password(PASSWORD)
        for email, (role, department) in STAFF.items():
            member = StaffMember(
                email=email,
                name=email.split("@")[0].replace("-", " ").title(),
                role=role,
                department=department,
                password_hash=hashed,
            )
            db.session.add(member)
            db.session.flush()
            ids[email] = member.id
        db.session.commit()
    return ids


def sign_in(client, email: str, password: str = PASSWORD, next_url: str | None = None):
    """The sign-in form, filled in and sent (to where `next_url` asks to go after)."""
    url = SIGN_IN + (f"?next={next_url}" if next_url else "")
    return submit_form(client, SIGN_IN, {"email": email, "password": password}, to=url)


def signed_in(app, email: str):
    """A new test client, signed in through the form."""
    client = app.test_client()
    response = sign_in(client, email)
    assert response.status_code == 302, response.data[:3000]
    return client


def session_token(app, staff_id: int) -> str:
    """A signed-in staff session made directly, its cookie's value: for tests that sign in
    many times and are not about signing in (the form's rate limit would refuse them)."""
    token = secrets.token_urlsafe(32)
    with app.app_context():
        digest = hashlib.sha256(token.encode()).hexdigest()
        db.session.add(StaffSession(token_hash=digest, staff_id=staff_id))
        db.session.commit()
    return token
