"""When the database cannot be reached, nobody gets a stack trace or loses what they typed,
and content still works. (A read-only or full disk is the system tier's:
tests/system/test_disk_faults.py mounts one.)"""

from sqlalchemy.exc import OperationalError

from portal.transactions import drafts
from tests.support.answers import BINS
from tests.support.forms import submit_form

QUESTION = f"{BINS}/more-details"
TYPED = "The lorry came at 6am and missed our street again."


def test_a_database_that_cannot_be_reached_keeps_the_answer(app, client, monkeypatch):
    def down(*_args, **_kwargs):
        raise OperationalError("insert", {}, Exception("connection refused"))

    monkeypatch.setattr(drafts, "save_answer", down)
    response = submit_form(client, QUESTION, {"answer": TYPED})
    page = response.data.decode()
    assert response.status_code == 503
    assert 'id="service-unavailable"' in page
    assert TYPED in page  # the answer, still in its box
    assert client.get("/services/apply-for-a-blue-badge").status_code == 200
