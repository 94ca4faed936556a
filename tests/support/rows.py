"""Sample rows for the figures: submissions, form starts and satisfaction ratings, for one
service, dated the frozen today (tests/support/clock.py) unless a test names a day. Call
them inside the app's context."""

from portal.extensions import db
from portal.feedback.models import SatisfactionResponse
from portal.transactions.models import FormStart, Submission
from tests.support.clock import FROZEN_AT

SERVICE = "report-a-missed-bin-collection"


def add_submissions(number, *, channel="online", language="en", needs=None, when=FROZEN_AT):
    for _ in range(number):
        n = db.session.query(Submission).count()
        db.session.add(
            Submission(
                reference=f"R{n:07d}",
                draft_id=f"d{n}",
                form=SERVICE,
                form_version=1,
                service=SERVICE,
                department="waste-and-recycling",
                language=language,
                channel=channel,
                needs=needs or {},
                answers={},
                created_at=when,
            )
        )
    db.session.commit()


def add_starts(number, when=FROZEN_AT):
    for _ in range(number):
        db.session.add(FormStart(form=SERVICE, service=SERVICE, language="en", started_at=when))
    db.session.commit()


def add_ratings(*ratings):
    for rating in ratings:
        db.session.add(
            SatisfactionResponse(form=SERVICE, service=SERVICE, language="en", rating=rating)
        )
    db.session.commit()
