"""`flask data purge` deletes every kind of row that expires, and keeps the fresh ones: safe
to run from a timer at any moment, as often as it likes."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.assist.models import SignInThrottle
from portal.callbacks.models import ContactRequestDraft
from portal.clock import now
from portal.extensions import db
from portal.feedback.models import PageVote
from portal.receipts import SentReceipt
from portal.transactions.models import Draft, FormStart

pytestmark = pytest.mark.clock


def _rows(app):
    """Each purged kind of row, by what tells old from fresh."""
    with app.app_context():
        return {
            "drafts": sorted(d.form for d in db.session.scalars(select(Draft))),
            "starts": sorted(s.form for s in db.session.scalars(select(FormStart))),
            "call backs": sorted(
                c.service for c in db.session.scalars(select(ContactRequestDraft))
            ),
            "receipts": sorted(r.slug for r in db.session.scalars(select(SentReceipt))),
            "votes": sorted(v.path for v in db.session.scalars(select(PageVote))),
            "throttles": sorted(t.email for t in db.session.scalars(select(SignInThrottle))),
        }


def _add_one_of_each(label: str, at) -> None:
    db.session.add_all(
        [
            Draft(form=label, form_version=1, language="en", answers={"x": 1}, updated_at=at),
            FormStart(form=label, service=label, language="en", started_at=at),
            ContactRequestDraft(id=f"{label}-id", service=label, answers={}, updated_at=at),
            SentReceipt(
                token_hash=label, kind="form", slug=label, reference="AAAA-BBBB", created_at=at
            ),
            PageVote(voter_hash=label, path=label, created_at=at),
            SignInThrottle(email=label, failures=6, blocked_until=at, failed_at=at),
        ]
    )


def test_purge_deletes_each_expired_kind_and_keeps_the_fresh(app, frozen_clock):
    with app.app_context():
        _add_one_of_each("old", now() - timedelta(days=500))
        _add_one_of_each("new", now() - timedelta(minutes=5))
        # A throttle whose lockout still runs is kept, however old its row.
        db.session.add(
            SignInThrottle(
                email="locked",
                failures=9,
                blocked_until=now() + timedelta(hours=1),
                failed_at=now() - timedelta(days=500),
            )
        )
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["data", "purge"])
    assert result.exit_code == 0, result.output
    for line in (
        "Deleted 1 expired drafts.",
        "Deleted 1 old form starts.",
        "Deleted 1 expired call-back answers.",
        "Deleted 1 expired sent receipts.",
        "Deleted 1 old page votes.",
        "Deleted 1 old sign-in throttles.",
    ):
        assert line in result.output
    kept = _rows(app)
    assert kept == {
        "drafts": ["new"],
        "starts": ["new"],
        "call backs": ["new"],
        "receipts": ["new"],
        "votes": ["new"],
        "throttles": ["locked", "new"],
    }
    # Again at once (two timers overlapping, or someone running it by hand): nothing more.
    again = app.test_cli_runner().invoke(args=["data", "purge"])
    assert again.exit_code == 0 and "Deleted 0 expired drafts." in again.output
    assert _rows(app) == kept


def test_the_shortest_lived_rows_go_once_their_time_is_up(app, frozen_clock):
    with app.app_context():
        _add_one_of_each("soon", now())
        db.session.commit()
    frozen_clock.shift(timedelta(hours=2))  # sent receipts last an hour
    app.test_cli_runner().invoke(args=["data", "purge"])
    assert _rows(app)["receipts"] == []
    assert _rows(app)["call backs"] == ["soon"]
    frozen_clock.shift(timedelta(days=2))  # call-back answers and throttles, a day
    app.test_cli_runner().invoke(args=["data", "purge"])
    assert _rows(app)["call backs"] == [] and _rows(app)["throttles"] == []
    assert _rows(app)["drafts"] == ["soon"]
