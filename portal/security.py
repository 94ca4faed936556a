"""HTTP security in one place: the Content-Security-Policy and the other response headers,
on every response whatever answered it."""

from __future__ import annotations

import base64
import hashlib
from typing import TYPE_CHECKING

from flask import Flask
from markupsafe import Markup
from werkzeug.datastructures import Headers
from werkzeug.middleware.proxy_fix import ProxyFix

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

# GOV.UK Frontend's one inline script: it marks the page as having JavaScript before the
# page is drawn, so enhanced components do not flash. The policy allows exactly this text
# by its hash. A per-request nonce would make every page unique, and so impossible to
# answer with 304 Not Modified or to keep in the render cache.
JS_ENABLED_SCRIPT = Markup(
    "document.body.className += ' js-enabled' + "
    "('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');"
)
JS_ENABLED_HASH = base64.b64encode(hashlib.sha256(JS_ENABLED_SCRIPT.encode()).digest()).decode()

# No 'unsafe-inline' anywhere. Styles come only from our own stylesheet.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; "
    f"script-src 'self' 'sha256-{JS_ENABLED_HASH}'; "
    "style-src 'self'; "
    "img-src 'self'; "
    "font-src 'self'; "
    "connect-src 'self'; "
    "object-src 'none'; "
    "base-uri 'none'; "
    "form-action 'self'; "
    "frame-ancestors 'none'"
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    # For browsers too old to understand frame-ancestors.
    "X-Frame-Options": "DENY",
    # Powerful features no page here uses, switched off for every page and anything framed.
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=(), browsing-topics=()"
    ),
    # Another site's window cannot reach into ours, nor embed our responses. (The content
    # API and the open data set their own Cross-Origin-Resource-Policy: they are for reuse.)
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

# HTTPS only from now on, for a year, subdomains included. Sent only over HTTPS (behind a
# load balancer, PORTAL_TRUSTED_PROXIES lets the app see that it was).
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"


# The content designers' preview shows our own pages in frames side by side.
PREVIEW_HEADERS = {
    **SECURITY_HEADERS,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY.replace(
        "frame-ancestors 'none'", "frame-ancestors 'self'"
    ),
    "X-Frame-Options": "SAMEORIGIN",
}


class SecurityHeaders:
    """WSGI middleware, outside everything else, so that every response has the headers:
    pages, static files (WhiteNoise answers those before Flask sees them), and an error
    page sent after a failure that a Flask after_request hook would never have seen.

    An error is for the one person who met it: it is never stored or shared by a cache.
    """

    def __init__(self, app: WSGIApplication, headers: dict[str, str]):
        self.app = app
        self.headers = headers

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse):
        def start(status: str, response_headers: list, exc_info=None):
            headers = Headers(response_headers)
            for name, value in self.headers.items():
                headers.setdefault(name, value)
            # Read after the app ran, so the scheme is the one ProxyFix trusted.
            if environ.get("wsgi.url_scheme") == "https":
                headers.setdefault("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
            if int(status[:3]) >= 400:
                headers["Cache-Control"] = "no-store"
            return start_response(status, headers.to_wsgi_list(), exc_info)

        return self.app(environ, start)


def register_security(app: Flask) -> None:
    """Registered after everything else that wraps the WSGI app (WhiteNoise)."""
    if app.config["TRUSTED_PROXIES"]:
        proxies = app.config["TRUSTED_PROXIES"]
        # The client's address and the scheme only. Never X-Forwarded-Host: the host comes
        # from the Host header, checked against TRUSTED_HOSTS, and absolute URLs come from
        # BASE_URL (portal.addresses), so no header can put another site in our links.
        # Flask types wsgi_app as a method, though replacing it is how its docs add middleware.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=0
        )
    headers = PREVIEW_HEADERS if app.config["PREVIEW"] else SECURITY_HEADERS
    app.wsgi_app = SecurityHeaders(app.wsgi_app, headers)  # type: ignore[method-assign]
    app.jinja_env.globals["js_enabled_script"] = JS_ENABLED_SCRIPT
