"""The invariants every HTML page must hold, and the test client that checks them on every
page a test fetches (test apps use it unless a test asks for the plain client)."""

import gzip
import re

import brotli
import html5lib
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]"


# The one form without a CSRF token: "Is this page useful?", in pages many people share
# from the render cache. It is exempt on purpose (portal/feedback/forms.py says why).
NO_CSRF_ACTIONS = re.compile(r"^(/[a-z]{2})?/feedback/useful$")


def problems_with(html: str) -> list[str]:
    """Every broken invariant in a page, as sentences; an empty list means the page is fine."""
    problems = []
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html)
    problems += [f"HTML does not parse cleanly: {error}" for error in parser.errors]

    soup = BeautifulSoup(html, "html5lib")
    root = soup.find("html")
    if not root or not root.get("lang"):
        problems.append("<html> has no lang")
    if not root or root.get("dir") not in ("ltr", "rtl"):
        problems.append("<html> has no dir of ltr or rtl")

    headings = soup.find_all("h1")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if len(headings) != 1:
        problems.append(f"expected exactly one h1, found {len(headings)}")
    else:
        h1 = headings[0].get_text(" ", strip=True)
        if soup.select_one(".govuk-error-summary"):  # GOV.UK puts "Error: " before it
            title = title.partition(": ")[2]
        if not title.startswith(h1):
            problems.append(f"<title> {title!r} does not start with the h1 {h1!r}")

    ids = [tag["id"] for tag in soup.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"duplicate ids: {', '.join(duplicates)}")

    first = soup.select_one(FOCUSABLE)
    if first is None or "govuk-skip-link" not in (first.get("class") or []):
        problems.append("the first focusable element is not the skip link")
    elif soup.find(id=first["href"].lstrip("#")) is None:
        problems.append(f"the skip link points at {first['href']}, which is not on the page")

    for form in soup.find_all("form"):
        if not form.get("action"):
            problems.append("a form has no action")
        if (
            form.get("method", "get").lower() == "post"
            and not form.find("input", attrs={"name": "csrf_token"})
            and not NO_CSRF_ACTIONS.match(form.get("action", ""))
        ):
            problems.append("a POST form has no CSRF token")
    return problems


def decoded(response) -> str:
    """The page's HTML, whether or not it was sent compressed."""
    data = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding == "br":
        data = brotli.decompress(data)
    elif encoding == "gzip":
        data = gzip.decompress(data)
    return data.decode()


def soup_of(response) -> BeautifulSoup:
    """The page a test client answered, parsed as a browser would."""
    return BeautifulSoup(response.data, "html5lib")


class PageCheckingClient(FlaskClient):
    """A test client that checks the page invariants on every HTML response to a GET."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        method = kwargs.get("method") or getattr(args[0] if args else None, "method", "GET")
        if (
            method == "GET"
            and response.mimetype == "text/html"
            and not 300 <= response.status_code < 400
        ):
            problems = problems_with(decoded(response))
            assert not problems, f"{response.request.path}: " + "; ".join(problems)
        return response
