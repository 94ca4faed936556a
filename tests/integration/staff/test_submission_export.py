"""The submissions export (issue 16, item 10): one column per question per form version,
dates in ISO 8601, and who helped. It was one JSON column of every answer, dates as
"1 12 2026", and nothing about the helper."""

import csv
import io

from portal.extensions import db
from portal.transactions.models import Submission
from tests.support.answers import BIN_ANSWERS, BINS, CARE, CARE_ANSWERS
from tests.support.forms import submit_form, walk
from tests.support.staff import signed_in

CARE_V2 = "Ask for a care needs assessment (version 2): "
CARE_V1 = "Ask for a care needs assessment (version 1): "
BINS_V1 = "Report a missed bin collection (version 1): "


def exported(app) -> tuple[list[str], list[dict]]:
    admin = signed_in(app, "admin@glanmor.example")
    response = submit_form(admin, "/staff/", {"format": "csv"}, to="/staff/submissions/export")
    assert response.mimetype == "text/csv"
    reader = csv.DictReader(io.StringIO(response.data.decode()))
    rows = list(reader)
    return list(reader.fieldnames or ()), rows


def test_each_question_of_each_form_version_has_its_own_column(app, client, staff):
    walk(client, CARE, CARE_ANSWERS)
    submit_form(client, f"{CARE}/check")
    helper = signed_in(app, "waste@glanmor.example")
    submit_form(helper, "/staff/help-someone", {"channel": "video", "consent": "y"})
    walk(helper, BINS, BIN_ANSWERS)
    submit_form(helper, f"{BINS}/check")
    with app.app_context():  # sent before the care form asked for a date of birth
        db.session.add(
            Submission(
                reference="OLD1-0000",
                draft_id="old",
                form="ask-for-a-care-needs-assessment",
                form_version=1,
                service="ask-for-a-care-needs-assessment",
                department="adult-social-care",
                language="cy",
                answers={"full-name": "Rhys Morgan", "asked-in-version-1": "yes"},
            )
        )
        db.session.commit()

    header, rows = exported(app)
    by_form = {(row["form"], row["form_version"]): row for row in rows}
    care = by_form[("ask-for-a-care-needs-assessment", "2")]
    old = by_form[("ask-for-a-care-needs-assessment", "1")]
    bins = by_form[("report-a-missed-bin-collection", "1")]

    assert "answers" not in header
    date_of_birth = CARE_V2 + "What is the date of birth of the person who needs support?"
    assert care[date_of_birth] == "1950-03-27"
    assert care[CARE_V2 + "Who needs support?"] == "Me; Someone I care for"
    assert old[date_of_birth] == ""  # not a question version 1 asked
    assert old[CARE_V1 + "What is the full name of the person who needs support?"] == "Rhys Morgan"
    assert old[CARE_V1 + "asked-in-version-1"] == "yes"
    assert CARE_V2 + "asked-in-version-1" not in header

    collected = dict(BIN_ANSWERS)["collection-date"].day().isoformat()
    assert bins[BINS_V1 + "When was your collection day?"] == collected
    assert bins[BINS_V1 + "What address should we collect from?"].endswith("Glanmor, CF99 1AB")
    assert (bins["channel"], bins["helped_by"], bins["helped_how"]) == (
        "assisted",
        "Waste <waste@glanmor.example>",
        "video",
    )
    assert (care["channel"], care["helped_by"]) == ("online", "")
    assert care["sent_at"].endswith("+00:00")


def test_one_form_version_needs_no_version_in_its_headings(app, client, staff):
    walk(client, CARE, CARE_ANSWERS)
    submit_form(client, f"{CARE}/check")
    header, rows = exported(app)
    assert "What is the date of birth of the person who needs support?" in header
    # In the form's order, after what every row has.
    assert header.index("Who needs support?") < header.index("What would help most?")
    assert rows[0]["What is the date of birth of the person who needs support?"] == "1950-03-27"
