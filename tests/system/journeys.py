"""A person's journey as plain HTTP through the load balancer: a requests.Session keeps
their cookies, and every form is sent with the CSRF token from the page it is on."""

import re

import requests
from bs4 import BeautifulSoup

from tests.integration.transactions.conftest import BIN_ANSWERS, BINS

REFERENCE = re.compile(r'<strong dir="ltr" class="app-needs-code">(\w{4}-\w{4})</strong>')


def token(session: requests.Session, url: str) -> str:
    page = BeautifulSoup(session.get(url, timeout=30).text, "html.parser")
    return page.find("input", attrs={"name": "csrf_token"})["value"]


def post(session: requests.Session, url: str, data: dict) -> requests.Response:
    return session.post(
        url, data={"csrf_token": token(session, url), **data}, allow_redirects=False, timeout=30
    )


def fill_bins_form(session: requests.Session, base: str, email: str | None = None) -> list[str]:
    """Answer every question of the bins form; return which server answered each request
    (each page read, each answer sent)."""
    upstreams = []

    def note(response, *_args, **_kwargs):
        upstreams.append(response.headers.get("X-Upstream"))

    session.hooks["response"].append(note)
    try:
        for question, data in BIN_ANSWERS:
            if email and question == "email":
                data = {"answer": email}
            response = post(session, f"{base}{BINS}/{question}", data)
            assert response.status_code == 302, (
                question,
                response.status_code,
                response.text[:500],
            )
    finally:
        session.hooks["response"].remove(note)
    return upstreams


def send_bins_form(session: requests.Session, base: str) -> requests.Response:
    return post(session, f"{base}{BINS}/check", {})


def reference_on(response: requests.Response) -> str | None:
    match = REFERENCE.search(response.text)
    return match[1] if match else None
