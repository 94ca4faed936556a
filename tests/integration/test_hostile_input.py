"""Property-based: random and malicious input to every route and parameter, signed out
and signed in as staff. Whatever arrives (path tricks, script and SQL fragments, odd or
broken encodings, oversized bodies), no 500, and nothing is reflected unescaped."""

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.routing import IntegerConverter

from portal.assist import passwords
from portal.assist.models import StaffMember
from portal.extensions import db
from tests.support.apps import AppFactory, shared_app
from tests.support.staff import session_token

# A payload whose unescaped form must never come back: `<probe-` only appears if a
# template or header echoed input without escaping it.
PROBE = '<probe-x onmouseover="alert(1)">'
HOSTILE = [
    PROBE,
    "'; drop table submissions; --",
    "' OR '1'='1",
    "../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "%00",
    "\x00",
    "%ZZ",
    "\r\nSet-Cookie: evil=1",
    "{{7*7}}",
    "${7*7}",
    "ﬁ\u202e\u200bŵŷ",
    "A" * 3000,
    "//evil.example/",
    "javascript:alert(1)",
    "1e309",
    "-1",
    "9" * 40,
]
KNOWN_PARAMS = [
    "q", "page", "next", "change", "service", "status", "language", "need", "format",
    "timed_out", "signed_out", "useful", "preview-needs", "answer", "csrf_token", "email",
    "password", "code", "consent", "channel", "needs_code", "kind", "name", "phone",
    "best_time", "needs", "anything_else", "text", "role", "department", "what_doing",
    "what_wrong", "rating", "improve", "website",
]  # fmt: skip
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=200))
params = st.dictionaries(
    st.one_of(st.sampled_from(KNOWN_PARAMS), st.text(min_size=1, max_size=20)),
    st.one_of(values, st.lists(values, max_size=3)),
    max_size=6,
)


UNLIMITED = "100000 per minute"

# Whoever sends a request writes its Host and X-Forwarded-* headers. None of what they say
# about another host may reach a page, a link, the API or a Location (the render cache
# would then give it to everyone). Only these headers name ATTACKER, so finding it in a
# response means a header got through.
ATTACKER = "attacker.invalid"
host_headers = st.fixed_dictionaries(
    {},
    optional={
        "Host": st.sampled_from(
            ["localhost", "LOCALHOST", "localhost:80", "127.0.0.1", ATTACKER, f"{ATTACKER}:443",
             f"localhost.{ATTACKER}", f"localhost@{ATTACKER}", f"{ATTACKER}/localhost", "",
             "[::1]"]
        ),
        "X-Forwarded-Host": st.sampled_from([ATTACKER, f"localhost, {ATTACKER}", f"{ATTACKER}:80"]),
        "X-Forwarded-Proto": st.sampled_from(["https", "http", "https, http", "ftp"]),
        # Recorded as the client's address (the audit log shows it): never a host name.
        "X-Forwarded-For": st.sampled_from(["192.0.2.1", "not-an-address", "192.0.2.1, 10.0.0.1"]),
    },
)  # fmt: skip


@pytest.fixture(scope="module")
def app():
    with AppFactory() as make_app:
        app = make_app(
            # CSRF would refuse every random POST before the view reads it: the property is
            # about what views do with input (CSRF has its own tests). The plain client:
            # the page checks are not this property (every page has them elsewhere).
            WTF_CSRF_ENABLED=False,
            check_pages=False,
            # One proxy trusted, as in production, so the X-Forwarded-* headers are read.
            TRUSTED_PROXIES=1,
            FEEDBACK_RATE_LIMIT=UNLIMITED,
            STAFF_SIGN_IN_RATE_LIMIT=UNLIMITED,
        )
        with app.app_context():
            admin = StaffMember(
                email="hostile@glanmor.example",
                name="Hostile Input",
                role="admin",
                password_hash=passwords.hash_password("hostile input test only"),
            )
            db.session.add(admin)
            db.session.commit()
            app.admin_id = admin.id
        yield app


def staff_token(app) -> str:
    """A new signed-in session each time: a random POST may well have signed out the last."""
    return session_token(app, app.admin_id)


def routes():
    app = shared_app()
    found = []
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            found.append((rule.rule, method))
    return sorted(set(found))


def build(app, rule_text: str, path_values: list[str]) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.rule == rule_text)
    url = rule_text
    for name, value in zip(sorted(rule._converters), path_values, strict=False):
        converter = rule._converters[name]
        if name == "lang":
            value = "cy"  # the other path values are where the hostile input goes
        elif isinstance(converter, IntegerConverter):
            value = str(abs(hash(value)) % 10**6)
        elif hasattr(converter, "items"):
            value = next(iter(converter.items))  # language, info page slugs: known values
        else:
            value = quote(value, safe="")
        url = re.sub(rf"<(?:[a-z]+(?:\([^)]*\))?:)?{name}>", lambda _m, v=value: v, url)
    return url


def check(response) -> None:
    assert response.status_code < 500, response.status_code
    body = response.get_data()
    assert ATTACKER.encode() not in body, "a host a request named reached the response"
    for name, value in response.headers.items():
        assert ATTACKER not in value, (name, value)
    if response.mimetype == "text/html":
        assert b"<probe-" not in body, "input reflected without escaping"
    else:  # JSON, CSV or plain text may quote input, but a browser must never sniff HTML
        assert response.headers.get("X-Content-Type-Options") == "nosniff"
    for name, value in response.headers.items():
        assert "<probe-" not in value and "\n" not in value, (name, value)


@pytest.mark.parametrize(("rule", "method"), routes())
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path_values=st.lists(values, min_size=3, max_size=3),
    query=params,
    form=params,
    signed_in=st.booleans(),
    raw_body=st.one_of(st.none(), st.binary(max_size=300)),
    headers=host_headers,
)
def test_no_input_breaks_a_route_or_comes_back_unescaped(
    app, rule, method, path_values, query, form, signed_in, raw_body, headers
):
    client = app.test_client()
    if signed_in:
        client.set_cookie("staff", staff_token(app))
    url = build(app, rule, path_values)
    if method == "GET":
        response = client.get(url, query_string=query, headers=headers)
    elif raw_body is not None:  # bytes that are not valid form data, or not valid UTF-8
        response = client.post(
            url, query_string=query, data=raw_body, headers=headers,
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )  # fmt: skip
    else:
        response = client.post(url, query_string=query, data=form, headers=headers)
    check(response)


@pytest.fixture(scope="module")
def real_app():
    """The app as configured (CSRF on): every POST's body is read, and so limited. Refused
    before any view runs, so no database; and none built, which on PostgreSQL would empty
    the one the app above is using."""
    with AppFactory() as make_app:
        yield make_app(
            migrate=False,
            FEEDBACK_RATE_LIMIT=UNLIMITED,
            STAFF_SIGN_IN_RATE_LIMIT=UNLIMITED,
        )


@pytest.mark.parametrize(("rule", "method"), [r for r in routes() if r[1] == "POST"])
def test_an_oversized_body_is_refused_politely(real_app, rule, method):
    app = real_app
    client = app.test_client()
    url = build(app, rule, ["x", "x", "x"])
    response = client.post(url, data={"answer": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    assert response.status_code == 413
    # A page in the reader's language saying what happened (Welsh here for /cy/ routes).
    assert b'<h1 class="govuk-heading-xl">' in response.get_data()


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("POST", "/staff/admin/staff/99999999999999999999/deactivate"),
        ("POST", "/staff/admin/staff/2147483648/unlock"),
        ("GET", "/staff/requests/%00"),
        ("GET", "/search?q=%00"),
        ("POST", "/cy/feedback/problem"),
    ],
)
def test_values_no_database_column_can_hold_are_answered_not_a_500(app, method, url):
    """Found by the property above on PostgreSQL, which refuses NUL characters and numbers
    beyond its integer columns where SQLite quietly copes: NULs are taken out of query and
    form values, and an impossible number or path value is a 400 or a 404."""
    client = app.test_client()
    client.set_cookie("staff", staff_token(app))
    response = client.open(url, method=method, data={"what_wrong": "a\x00b"})
    assert response.status_code < 500, response.status_code
    if "/staff/" in url:
        assert response.status_code in (400, 404), response.status_code
