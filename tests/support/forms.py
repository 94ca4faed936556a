"""Sending a form as a browser does: fetch its page, take the CSRF token from the form, and
post the answers with it. The same for Flask's test client and for a requests.Session (the
system tier, over real HTTP to real servers)."""

from urllib.parse import urljoin

import requests
from bs4 import BeautifulSoup, Tag


def _page(client, url: str) -> BeautifulSoup:
    if isinstance(client, requests.Session):
        return BeautifulSoup(client.get(url, timeout=30).content, "html5lib")
    return BeautifulSoup(client.get(url).data, "html5lib")


def _post(client, url: str, data: dict):
    """Redirects are not followed: tests check where each answer leads."""
    if isinstance(client, requests.Session):
        return client.post(url, data=data, allow_redirects=False, timeout=30)
    return client.post(url, data=data)


def _is_post(form: Tag) -> bool:
    return form.get("method", "get").lower() == "post"


def _form_on(page: BeautifulSoup, url: str) -> Tag:
    """The page's own form: the first that posts in its main content (the header and the
    banners have small forms of their own, such as signing out), else the first anywhere."""
    main = page.find("main")
    forms = [f for f in (main or page).find_all("form") if _is_post(f)]
    forms = forms or [f for f in page.find_all("form") if _is_post(f)]
    assert forms, f"{url} has no form that posts"
    return forms[0]


def _token(tag: Tag) -> dict:
    field = tag.find("input", attrs={"name": "csrf_token"})
    return {"csrf_token": field["value"]} if field else {}  # none in an app without CSRF


def csrf_token(client, url: str) -> str:
    """The CSRF token on the page at `url`, for a test that sends it more than once."""
    return _token(_page(client, url)).get("csrf_token", "")


def submit_form(client, url: str, data: dict | None = None, *, to: str | None = None):
    """Fill in the form on the page at `url` with `data` and send it, as a browser would:
    to the form's action, with the CSRF token the form carries.

    `to` sends the data somewhere else with the page's token instead: a button that is a
    route of its own (signing out, claiming a request), or a form whose address a test
    names itself.
    """
    page = _page(client, url)
    if to is None:
        form = _form_on(page, url)
        action = urljoin(url, form.get("action") or url)
        fields = _token(form)
    else:
        action = urljoin(url, to)
        fields = _token(page)
    return _post(client, action, {**fields, **(data or {})})


def walk(client, form: str, answers, prefix: str = ""):
    """Answer every question of a form in order (each a redirect to the next); return the
    last response."""
    response = None
    for question, data in answers:
        response = submit_form(client, f"{prefix}{form}/{question}", data)
        assert response.status_code == 302, (question, response.status_code)
    return response


def return_code(client, form: str, prefix: str = "") -> str:
    """Ask for a return code on the "save and come back later" page, as a person does."""
    response = submit_form(client, f"{prefix}{form}/save")
    page = BeautifulSoup(response.data, "html5lib")
    code = page.select_one(".app-needs-code")
    assert code is not None, response.status_code
    return code.get_text(strip=True)
