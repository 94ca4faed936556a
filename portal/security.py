"""HTTP security in one place: the Content-Security-Policy, its nonce, and response headers."""

import secrets

from flask import Flask, Response, g

# No 'unsafe-inline' anywhere: the one inline script (GOV.UK Frontend's js-enabled class)
# carries this request's nonce. Styles come only from our own stylesheet.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'nonce-{nonce}'; "
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
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    # For browsers too old to understand frame-ancestors.
    "X-Frame-Options": "DENY",
}


def csp_nonce() -> str:
    """This request's nonce, made on first use so every script tag in a page shares it."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def add_security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.format(nonce=csp_nonce())
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def register_security(app: Flask) -> None:
    app.after_request(add_security_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
