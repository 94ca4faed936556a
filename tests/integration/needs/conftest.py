import pytest
from bs4 import BeautifulSoup

from portal.needs import store
from portal.needs.model import Needs


def submit(client, url: str, data: dict, follow: bool = False):
    """Fill in a form as a browser would: fetch the page, send its CSRF token back."""
    page = BeautifulSoup(client.get(url).data, "html5lib")
    token = page.find("input", attrs={"name": "csrf_token"})["value"]
    form = page.find("form", method="post")
    return client.post(form["action"], data={"csrf_token": token, **data}, follow_redirects=follow)


@pytest.fixture
def declare(app, client):
    """Give the client a needs cookie, as if the person had saved these needs."""

    def declare(**answers) -> None:
        with app.test_request_context():
            value = store.dump(Needs(**answers))
        client.set_cookie(store.COOKIE_NAME, value)

    return declare


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.data, "html5lib")
