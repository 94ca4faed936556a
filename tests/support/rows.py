"""Sample rows for the figures: submissions, form starts and satisfaction ratings, for one
service unless a test names another, dated in the period the published figures cover at
the frozen today (the 12 whole months before it, portal.performance.period) unless a test
names a moment. Call them inside the app's context."""

from datetime import timedelta

from portal.extensions import db
from portal.feedback.models import SatisfactionResponse
from portal.transactions.models import FormStart, Submission
from tests.support.clock import FROZEN_AT

SERVICE = "report-a-missed-bin-collection"
# The frozen today is in November 2026; this is 27 October, in the last month counted.
IN_PERIOD = FROZEN_AT - timedelta(days=31)


def add_submissions(
    number, *, channel="online", language="en", needs=None, when=IN_PERIOD, service=SERVICE
):
    for _ in range(number):
        n = db.session.query(Submission).count()
        db.session.add(
            Submission(
                reference=f"R{n:07d}",
                draft_id=f"d{n}",
                form=service,
                form_version=1,
                service=service,
                department="waste-and-recycling",
                language=language,
                channel=channel,
                needs=needs or {},
                answers={},
                created_at=when,
            )
        )
    db.session.commit()


def add_starts(number, when=IN_PERIOD):
    for _ in range(number):
        db.session.add(FormStart(form=SERVICE, service=SERVICE, language="en", started_at=when))
    db.session.commit()


def add_ratings(*ratings, when=IN_PERIOD):
    for rating in ratings:
        db.session.add(
            SatisfactionResponse(
                form=SERVICE, service=SERVICE, language="en", rating=rating, created_at=when
            )
        )
    db.session.commit()
