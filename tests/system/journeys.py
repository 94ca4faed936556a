"""A person's journey as plain HTTP through the load balancer: a requests.Session keeps
their cookies, and every form is sent with the CSRF token from the page it is on
(tests/support/forms.py)."""

import re

import requests

from tests.support.answers import BIN_ANSWERS, BINS
from tests.support.forms import submit_form

REFERENCE = re.compile(r'<strong dir="ltr" class="app-needs-code">(\w{4}-\w{4})</strong>')


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
            response = submit_form(session, f"{base}{BINS}/{question}", data)
            assert response.status_code == 302, (
                question,
                response.status_code,
                response.text[:500],
            )
    finally:
        session.hooks["response"].remove(note)
    return upstreams


def send_bins_form(session: requests.Session, base: str) -> requests.Response:
    return submit_form(session, f"{base}{BINS}/check")


def reference_on(response: requests.Response) -> str | None:
    match = REFERENCE.search(response.text)
    return match[1] if match else None
