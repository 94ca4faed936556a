"""Property-based: whatever anyone posts to any question, no 500, and every refusal shows
an error summary linked to the field."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.apps import AppFactory, shared_app

FORMS = [
    "report-a-missed-bin-collection",
    "apply-for-a-resident-parking-permit",
    "ask-for-a-care-needs-assessment",
]
text = st.text(max_size=300)
posted = st.dictionaries(
    st.sampled_from(["answer", "answer-line_1", "answer-line_2", "answer-town", "answer-postcode"]),
    st.one_of(text, st.lists(text, max_size=4)),
    max_size=5,
)


@pytest.fixture(scope="module")
def client():
    with AppFactory() as make_app:
        # The property is about answers; CSRF is tested elsewhere. The plain client: without
        # CSRF the forms have no token, which the page checks would report.
        app = make_app(WTF_CSRF_ENABLED=False, check_pages=False)
        yield app.test_client()


def questions():
    app = shared_app()
    return [(slug, q.id) for slug in FORMS for q in app.extensions["content"].forms[slug].questions]


@pytest.mark.parametrize(("form", "question"), questions())
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=posted)
def test_random_answers_never_break_a_question_page(client, form, question, data):
    response = client.post(f"/forms/{form}/{question}", data=data)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        page = BeautifulSoup(response.data, "html5lib")
        link = page.select_one(".govuk-error-summary__list a")
        assert link is not None
        assert page.find(id=link["href"].removeprefix("#")) is not None
