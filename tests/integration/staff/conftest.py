"""Staff accounts in every role and two departments, and a way to sign each in."""

import pytest
from bs4 import BeautifulSoup

from portal.assist import passwords
from portal.assist.models import StaffMember
from portal.extensions import db

PASSWORD = "correct horse battery staple"
# email: (role, department)
STAFF = {
    "admin@glanmor.example": ("admin", None),
    "roads-admin@glanmor.example": ("admin", "roads-and-transport"),
    "roads@glanmor.example": ("assistant", "roads-and-transport"),
    "waste@glanmor.example": ("assistant", "waste-and-recycling"),
    "designer@glanmor.example": ("content_designer", "waste-and-recycling"),
}


@pytest.fixture
def staff(app):
    return create_staff(app)


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


def csrf_token(client, url: str) -> str:
    page = BeautifulSoup(client.get(url).data, "html5lib")
    field = page.find("input", attrs={"name": "csrf_token"})
    return field["value"] if field else ""  # none when an app runs without CSRF


def sign_in(client, email: str, password: str = PASSWORD, next_url: str | None = None):
    url = "/staff/sign-in" + (f"?next={next_url}" if next_url else "")
    return client.post(
        url,
        data={
            "csrf_token": csrf_token(client, "/staff/sign-in"),
            "email": email,
            "password": password,
        },
    )


def post(client, url: str, data: dict | None = None, token_from: str = "/staff/"):
    """A POST with a fresh CSRF token, as a browser would send from a staff page."""
    return client.post(url, data={"csrf_token": csrf_token(client, token_from), **(data or {})})


def signed_in(app, email: str):
    client = app.test_client()
    response = sign_in(client, email)
    assert response.status_code == 302, response.data[:3000]
    return client
