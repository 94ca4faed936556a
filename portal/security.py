"""HTTP security in one place: the Content-Security-Policy and the other response headers."""

import base64
import hashlib

from flask import Flask, Response, request
from markupsafe import Markup
from werkzeug.middleware.proxy_fix import ProxyFix

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


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
    return response


# The content designers' preview shows our own pages in frames side by side.
PREVIEW_HEADERS = {
    **SECURITY_HEADERS,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY.replace(
        "frame-ancestors 'none'", "frame-ancestors 'self'"
    ),
    "X-Frame-Options": "SAMEORIGIN",
}


def add_preview_headers(response: Response) -> Response:
    for name, value in PREVIEW_HEADERS.items():
        response.headers.setdefault(name, value)
    return add_security_headers(response)


def register_security(app: Flask) -> None:
    if app.config["TRUSTED_PROXIES"]:
        proxies = app.config["TRUSTED_PROXIES"]
        # Flask types wsgi_app as a method, though replacing it is how its docs add middleware.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
    app.after_request(add_preview_headers if app.config["PREVIEW"] else add_security_headers)
    app.jinja_env.globals["js_enabled_script"] = JS_ENABLED_SCRIPT
