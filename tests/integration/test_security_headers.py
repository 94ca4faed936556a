"""Security headers on every page, with a fresh CSP nonce each time."""

import re

from bs4 import BeautifulSoup


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


def test_inline_script_carries_the_nonce_from_the_policy(client):
    response = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    scripts = BeautifulSoup(response.data, "html5lib").find_all("script", src=False)
    assert scripts
    assert all(script["nonce"] == nonce for script in scripts)


def test_each_response_gets_a_new_nonce(client):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/").headers["Content-Security-Policy"]
    assert first != second


def test_session_cookie_is_http_only_and_same_site_lax(app):
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
