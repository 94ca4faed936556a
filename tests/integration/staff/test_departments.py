"""Many departments share one portal: each sees and does only its own, whatever id is
typed into the address bar."""

import csv
import io
import json

import pytest
from sqlalchemy import select

from portal.assist.models import AuditEvent
from portal.callbacks.models import ContactRequest
from portal.extensions import db
from portal.transactions.models import Submission
from tests.support.forms import submit_form
from tests.support.staff import signed_in

WASTE = "waste-and-recycling"
ROADS = "roads-and-transport"


@pytest.fixture
def records(app, staff):
    """A submission and a contact request for each of two departments."""
    with app.app_context():
        for number, (department, service, form) in enumerate(
            [
                (WASTE, "report-a-missed-bin-collection", "report-a-missed-bin-collection"),
                (
                    ROADS,
                    "apply-for-a-resident-parking-permit",
                    "apply-for-a-resident-parking-permit",
                ),
            ]
        ):
            db.session.add(
                Submission(
                    reference=f"SUB{number}-0000",
                    draft_id=f"draft-{number}",
                    form=form,
                    form_version=1,
                    service=service,
                    department=department,
                    language="en",
                    answers={"email": f"person{number}@example.com"},
                )
            )
            db.session.add(
                ContactRequest(
                    reference=f"REQ{number}-0000",
                    kind="call_back",
                    service=service,
                    department=department,
                    name=f"Person {number}",
                    phone="01632 960 001",
                    best_time="any",
                    language="cy" if number else "en",
                    needs=["bsl"] if number else [],
                )
            )
        db.session.commit()
    return {WASTE: ("SUB0-0000", "REQ0-0000"), ROADS: ("SUB1-0000", "REQ1-0000")}


def test_an_assistant_sees_only_their_departments_queue_and_inbox(app, records):
    client = signed_in(app, "waste@glanmor.example")
    queue = client.get("/staff/requests").data.decode()
    assert "REQ0-0000" in queue and "REQ1-0000" not in queue
    inbox = client.get("/staff/submissions").data.decode()
    assert "SUB0-0000" in inbox and "SUB1-0000" not in inbox
    # Searching for the other department's record finds nothing either; their own, yes.
    assert "SUB1-0000" not in submit_form(client, "/staff/submissions", {"q": "SUB1"}).text
    assert "SUB0-0000" in submit_form(client, "/staff/submissions", {"q": "SUB0"}).text


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/staff/submissions/SUB1-0000"),
        ("GET", "/staff/requests/REQ1-0000"),
        ("POST", "/staff/requests/REQ1-0000/claim"),
        ("POST", "/staff/requests/REQ1-0000/notes"),
        ("POST", "/staff/requests/REQ1-0000/complete"),
    ],
)
def test_another_departments_record_is_not_found_by_changing_the_id(app, records, method, url):
    client = signed_in(app, "waste@glanmor.example")
    if method == "GET":
        response = client.get(url)
    else:
        response = submit_form(client, "/staff/", {"text": "claimed by the wrong team"}, to=url)
    assert response.status_code == 404
    with app.app_context():
        request = db.session.scalar(
            select(ContactRequest).where(ContactRequest.reference == "REQ1-0000")
        )
        assert request.status == "new" and request.notes == []


def test_the_same_records_are_there_for_their_own_department(app, records):
    client = signed_in(app, "roads@glanmor.example")
    assert client.get("/staff/submissions/SUB1-0000").status_code == 200
    assert client.get("/staff/requests/REQ1-0000").status_code == 200
    assert client.get("/staff/submissions/SUB0-0000").status_code == 404


def test_an_all_departments_admin_sees_everything(app, records):
    client = signed_in(app, "admin@glanmor.example")
    inbox = client.get("/staff/submissions").data.decode()
    assert "SUB0-0000" in inbox and "SUB1-0000" in inbox


def test_export_is_for_administrators_and_only_their_departments(app, records):
    assistant = signed_in(app, "roads@glanmor.example")
    assert (
        submit_form(
            assistant, "/staff/", {"format": "csv"}, to="/staff/submissions/export"
        ).status_code
        == 403
    )
    admin = signed_in(app, "roads-admin@glanmor.example")
    response = submit_form(admin, "/staff/", {"format": "csv"}, to="/staff/submissions/export")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode())))
    assert [row["reference"] for row in rows] == ["SUB1-0000"]
    as_json = json.loads(
        submit_form(admin, "/staff/", {"format": "json"}, to="/staff/submissions/export").data
    )
    assert [row["reference"] for row in as_json] == ["SUB1-0000"]
    assert as_json[0]["answers"] == {"email": "person1@example.com"}
    with app.app_context():
        exported = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "submissions_exported")
        ).all()
        assert [e.detail["count"] for e in exported] == [1, 1]


def test_a_csv_export_cannot_run_a_formula_in_a_spreadsheet(app, staff):
    with app.app_context():
        db.session.add(
            Submission(
                reference="EVIL-0000",
                draft_id="evil",
                form="report-a-missed-bin-collection",
                form_version=1,
                # Every column fits what the database holds (language is 8 characters).
                service='=HYPERLINK("http://evil.example")',
                department=WASTE,
                language="en",
                answers={},
            )
        )
        db.session.commit()
    admin = signed_in(app, "admin@glanmor.example")
    text = submit_form(
        admin, "/staff/", {"format": "csv"}, to="/staff/submissions/export"
    ).data.decode()
    assert "'=HYPERLINK" in text


def test_a_department_admin_manages_only_their_departments_staff(app, staff, records):
    admin = signed_in(app, "roads-admin@glanmor.example")
    listing = admin.get("/staff/admin/staff").data.decode()
    assert "roads@glanmor.example" in listing and "waste@glanmor.example" not in listing
    waste_id = staff["waste@glanmor.example"]
    assert (
        submit_form(admin, "/staff/", to=f"/staff/admin/staff/{waste_id}/deactivate").status_code
        == 404
    )
    assert (
        submit_form(admin, "/staff/", to=f"/staff/admin/staff/{waste_id}/unlock").status_code == 404
    )


def test_viewing_a_record_is_audited(app, records):
    client = signed_in(app, "waste@glanmor.example")
    client.get("/staff/submissions/SUB0-0000")
    client.get("/staff/requests/REQ0-0000")
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        viewed = [(e.action, e.target) for e in events if e.action.endswith("_viewed")]
        assert viewed == [
            ("submission_viewed", "submission:SUB0-0000"),
            ("contact_request_viewed", "request:REQ0-0000"),
        ]
        assert all(e.address == "127.0.0.1" and e.at is not None for e in events)
