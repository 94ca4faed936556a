"""Property-based: whatever anyone posts to any question, no 500, and every refusal shows
an error summary linked to the field."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from config import TestConfig
from portal import create_app
from tests.integration.conftest import fresh_database

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
    config = TestConfig()
    config.WTF_CSRF_ENABLED = False  # the property is about answers; CSRF is tested elsewhere
    app = create_app(config)
    fresh_database(app)
    return app.test_client()


def questions():
    app = create_app(TestConfig())
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
