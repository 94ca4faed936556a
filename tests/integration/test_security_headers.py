"""Security headers on every page, with a fresh CSP nonce each time."""

import base64
import hashlib
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
