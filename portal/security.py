"""HTTP security in one place: the Content-Security-Policy and the other response headers."""

import base64
import hashlib

from flask import Flask, Response
from markupsafe import Markup

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
}


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
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
    return response


def register_security(app: Flask) -> None:
    app.after_request(add_preview_headers if app.config["PREVIEW"] else add_security_headers)
    app.jinja_env.globals["js_enabled_script"] = JS_ENABLED_SCRIPT
