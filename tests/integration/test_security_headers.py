"""Security headers on every page and route, and cookie flags, as production sends them."""

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup

from config import ProductionConfig
from tests.support.staff import create_staff, signed_in


@pytest.mark.rendering
def test_every_page_sends_the_security_headers(client, page_urls):
    for url in [*page_urls, "/no-such-page"]:
        response = client.get(url)
        headers = response.headers
        csp = headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp, url
        assert "frame-ancestors 'none'" in csp
        assert "object-src 'none'" in csp
        assert "base-uri 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
        # Plain HTTP (a developer's machine): no HSTS, which would stick in the browser.
        assert "Strict-Transport-Security" not in headers


def test_every_route_sends_hsts_over_https(app, client):
    urls = ["/", "/healthz", "/readyz", "/api/v1/services", "/api/v1/openapi.json", "/nope"]
    for url in urls:
        headers = client.get(url, base_url="https://localhost").headers
        assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        assert "camera=()" in headers["Permissions-Policy"]
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_data_for_reuse_may_be_fetched_by_other_sites(client):
    for url in (
        "/api/v1/services",
        "/performance/report-a-missed-bin-collection/data.json",
        "/performance/report-a-missed-bin-collection/data.csv",
    ):
        headers = client.get(url).headers
        assert headers["Cross-Origin-Resource-Policy"] == "cross-origin", url
        assert headers["Access-Control-Allow-Origin"] == "*", url


@pytest.mark.rendering
def test_every_inline_script_is_allowed_by_its_hash_in_the_policy(client, page_urls):
    for url in page_urls:
        response = client.get(url)
        allowed = set(re.findall(r"'sha256-([^']+)'", response.headers["Content-Security-Policy"]))
        for script in BeautifulSoup(response.data, "html5lib").find_all("script", src=False):
            digest = hashlib.sha256(script.string.encode()).digest()
            assert base64.b64encode(digest).decode() in allowed, url


def test_the_policy_has_no_nonce_so_pages_can_be_cached_and_revalidated(client):
    assert "nonce-" not in client.get("/").headers["Content-Security-Policy"]


def test_session_cookie_is_http_only_and_same_site_lax(app):
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def production_app(make_app, monkeypatch, migrate: bool):
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    return make_app(
        ProductionConfig,
        SECRET_KEY="test-only-not-secret",
        SQLALCHEMY_DATABASE_URI="sqlite://",
        BASE_URL="https://localhost",
        TRUSTED_HOSTS=["localhost"],
        migrate=migrate,
    )


def test_production_cookies_are_secure_host_only_and_prefixed(make_app, monkeypatch):
    from portal.needs import store
    from portal.needs.model import Needs

    app = production_app(make_app, monkeypatch, migrate=False)
    assert app.config["SESSION_COOKIE_NAME"] == "__Host-session"
    with app.test_request_context(base_url="https://localhost"):
        response = app.response_class()
        store.save(response, Needs(easy_read=True))
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-needs=")
    for flag in ("Secure", "HttpOnly", "Path=/", "SameSite=Lax"):
        assert flag in cookie
    assert "Domain" not in cookie


def test_the_production_form_drafts_cookie_is_secure_host_only_and_prefixed(make_app, monkeypatch):
    from portal.transactions import draft_link

    app = production_app(make_app, monkeypatch, migrate=False)
    with app.test_request_context(base_url="https://localhost"):
        draft_link.link("report-a-missed-bin-collection", "a-draft-id")
        response = draft_link.write_changes(app.response_class())
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-form-drafts=")
    for flag in ("Secure", "HttpOnly", "Path=/", "SameSite=Lax", "Max-Age="):
        assert flag in cookie
    assert "Domain" not in cookie


def test_every_staff_page_sends_the_headers_and_is_never_stored(app):
    create_staff(app)
    client = signed_in(app, "admin@glanmor.example")
    rules = [
        r
        for r in app.url_map.iter_rules()
        if r.endpoint.startswith("staff.") and "GET" in r.methods
    ]
    for rule in rules:
        values = {"reference": "NONE-0000", "staff_id": 1, "session_id": 1, "lang": "cy"}
        url = rule.build(values, append_unknown=False)[1]
        headers = client.get(url).headers
        assert "object-src 'none'" in headers["Content-Security-Policy"], url
        assert headers["Cache-Control"] == "no-store", url
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", url


def test_the_production_staff_cookie_is_secure_strict_and_prefixed(make_app, monkeypatch):
    from portal.assist import sessions
    from portal.assist.models import StaffMember
    from portal.extensions import db

    app = production_app(make_app, monkeypatch, migrate=True)
    with app.test_request_context(base_url="https://localhost"):
        member = StaffMember(email="a@b.example", name="A", role="admin", password_hash="x")
        db.session.add(member)
        db.session.commit()
        response = app.response_class()
        sessions.begin(member, response)
    cookie = next(
        c for c in response.headers.getlist("Set-Cookie") if c.startswith("__Host-staff=")
    )
    for flag in ("Secure", "HttpOnly", "Path=/", "SameSite=Strict"):
        assert flag in cookie
    assert "Domain" not in cookie and "Expires" not in cookie  # gone when the browser closes


def test_static_files_are_never_sniffed_and_carry_the_headers(client):
    page = BeautifulSoup(client.get("/").data, "html5lib")
    for url in [link["href"] for link in page.select("link[href^='/static/']")]:
        with client.get(url) as response:
            assert response.headers["X-Content-Type-Options"] == "nosniff", url
            assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin", url


def test_a_failure_after_the_page_was_made_still_sends_the_headers(make_app):
    """An after_request hook that fails left the 500 without any security header, and
    cacheable (issue 15, item 12). The headers are added outside Flask."""
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.after_request
    def broken(response):
        raise ValueError("a header value with a line break")

    response = app.test_client().get("/")
    assert response.status_code == 500
    assert "object-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
