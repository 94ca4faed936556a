import pytest

from portal.needs import store
from portal.needs.model import Needs


@pytest.fixture
def declare(app, client):
    """Give the client a needs cookie, as if the person had saved these needs."""

    def declare(**answers) -> None:
        with app.test_request_context():
            value = store.dump(Needs(**answers))
        client.set_cookie(store.COOKIE_NAME, value)

    return declare
