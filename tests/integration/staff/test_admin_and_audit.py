"""Administrators: staff accounts from the page and the command line, and the audit log
that nobody can change."""

import pytest
from sqlalchemy import select

from portal.assist.models import AuditEvent, AuditLogIsAppendOnly, StaffMember
from portal.extensions import db
from portal.feedback.models import PageFeedback
from tests.support.forms import csrf_token, submit_form
from tests.support.staff import PASSWORD, create_staff, sign_in, signed_in

NEW = "/staff/admin/staff/new"


def new_member(**fields):
    return {
        "name": "Rhian Morgan",
        "email": "rhian@glanmor.example",
        "role": "assistant",
        "department": "housing-services",
        "password": "three quiet rivers in May",
        **fields,
    }


def test_an_admin_adds_a_staff_member_who_can_then_sign_in(app, staff):
    admin = signed_in(app, "admin@glanmor.example")
    assert submit_form(admin, NEW, new_member()).headers["Location"] == "/staff/admin/staff"
    assert "Rhian Morgan" in admin.get("/staff/admin/staff").data.decode()
    assert (
        sign_in(app.test_client(), "rhian@glanmor.example", "three quiet rivers in May").status_code
        == 302
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"password": "password123"}, "12 characters or more"),
        ({"email": "not an email"}, "Enter an email address in the correct format"),
        ({"email": "waste@glanmor.example"}, "There is already an account"),
        ({"department": "all"}, "Only administrators can work across all departments"),
        ({"role": "wizard"}, "Not a valid choice"),
    ],
)
def test_a_new_account_must_be_valid_and_what_was_typed_is_kept(app, staff, fields, message):
    admin = signed_in(app, "admin@glanmor.example")
    response = submit_form(admin, NEW, new_member(**fields))
    assert response.status_code == 400
    page = response.data.decode()
    assert message in page
    assert 'value="Rhian Morgan"' in page
    assert "three quiet rivers" not in page and "password123" not in page


def test_a_department_admin_can_add_staff_only_to_their_department(app, staff):
    admin = signed_in(app, "roads-admin@glanmor.example")
    response = submit_form(admin, NEW, new_member())  # housing: not theirs
    assert response.status_code == 400
    assert submit_form(admin, NEW, new_member(department="roads-and-transport")).status_code == 302


def test_an_admin_cannot_deactivate_themselves(app, staff):
    admin = signed_in(app, "admin@glanmor.example")
    own = staff["admin@glanmor.example"]
    assert (
        submit_form(admin, "/staff/", to=f"/staff/admin/staff/{own}/deactivate").status_code == 409
    )


def test_the_audit_log_is_append_only(app, staff):
    signed_in(app, "waste@glanmor.example")
    with app.app_context():
        event = db.session.scalar(select(AuditEvent))
        event.action = "nothing_happened"
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.commit()
        db.session.rollback()
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.delete(db.session.scalar(select(AuditEvent)))
            db.session.commit()


def test_admins_read_the_audit_log_with_who_what_when_and_where(app, staff):
    signed_in(app, "waste@glanmor.example")
    page = signed_in(app, "admin@glanmor.example").get("/staff/admin/audit").data.decode()
    assert "waste@glanmor.example" in page and "Signed in" in page
    assert "UTC" in page and "127.0.0.1" in page
    assert signed_in(app, "waste@glanmor.example").get("/staff/admin/audit").status_code == 403


def test_a_refused_page_is_recorded(app, staff):
    signed_in(app, "designer@glanmor.example").get("/staff/submissions")
    with app.app_context():
        refused = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "access_refused"))
        assert refused.target == "/staff/submissions"


def test_content_designers_see_feedback_on_their_departments_pages_only(app, staff):
    with app.app_context():
        for path in (
            "/services/report-a-missed-bin-collection",
            "/cy/services/report-a-missed-bin-collection",
            "/services/apply-for-a-resident-parking-permit",
        ):
            db.session.add(
                PageFeedback(path=path, language="en", useful=None, what_wrong=f"Broken: {path}")
            )
        db.session.commit()
    page = signed_in(app, "designer@glanmor.example").get("/staff/page-feedback").data.decode()
    assert "Broken: /services/report-a-missed-bin-collection" in page
    assert "Broken: /cy/services/report-a-missed-bin-collection" in page
    assert "resident-parking-permit" not in page


def test_flask_staff_create_makes_the_first_administrator(app):
    runner = app.test_cli_runner()
    weak = runner.invoke(
        args=["staff", "create", "--email", "a@glanmor.example", "--name", "A", "--role", "admin"],
        input="password1\npassword1\n",
    )
    assert weak.exit_code != 0 and "12 characters or more" in weak.output
    wrong_department = runner.invoke(
        args=[
            "staff",
            "create",
            "--email",
            "a@glanmor.example",
            "--name",
            "A",
            "--role",
            "assistant",
            "--department",
            "ministry-of-magic",
            "--password",
            "x" * 20,
        ],
    )
    assert "Unknown department" in wrong_department.output
    made = runner.invoke(
        args=[
            "staff",
            "create",
            "--email",
            "First@Glanmor.example",
            "--name",
            "First Admin",
            "--role",
            "admin",
        ],
        input="a long and unusual phrase\na long and unusual phrase\n",
    )
    assert made.exit_code == 0, made.output
    with app.app_context():
        member = db.session.scalar(select(StaffMember))
        assert (member.email, member.role, member.department) == (
            "first@glanmor.example",
            "admin",
            None,
        )
        assert member.password_hash.startswith("$argon2id$")
    listed = runner.invoke(args=["staff", "list"])
    assert "first@glanmor.example\tadmin\tall\tactive\tpassword only" in listed.output


@pytest.mark.parametrize(
    ("forwarded", "logged"),
    [
        ("192.0.2.7", "192.0.2.7"),
        ("2001:db8::7", "2001:db8::7"),
        ("<script>alert(1)</script>", None),
        ("1" * 200, None),
    ],
)
def test_the_log_keeps_an_address_only_if_it_is_one(make_app, forwarded, logged):
    """Behind one trusted proxy the address comes from X-Forwarded-For: a proxy that
    passes on what a client wrote there must not write words into the log."""
    app = make_app(TRUSTED_PROXIES=1)
    create_staff(app)
    client = app.test_client()
    headers = {"X-Forwarded-For": forwarded}
    sign_in_page = client.get("/staff/sign-in", headers=headers)
    assert sign_in_page.status_code == 200
    token = csrf_token(client, "/staff/sign-in")
    data = {"csrf_token": token, "email": "waste@glanmor.example", "password": PASSWORD}
    assert client.post("/staff/sign-in", data=data, headers=headers).status_code == 302
    with app.app_context():
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "signed_in")).one()
        assert event.address == logged
