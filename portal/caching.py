"""HTTP caching and the render cache.

Pages depend on the person's declared needs (a cookie) and are never shared between
people: `Cache-Control: private`, `Vary: Cookie`, and an ETag so an unchanged page costs a
304 and no body. Content pages are also kept, rendered, in a cache whose key holds every
input that changes them: the URL with its query, the language, the content version and the
whole declared Needs. Two people with different needs can never share an entry.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from flask import Flask, Response, current_app, request

from portal.extensions import cache
from portal.i18n import current_language
from portal.needs.visitor import current_visitor
from portal.privacy import is_personal
from portal.publishing.index import current_content


def render_key() -> str:
    """Everything a content page's HTML depends on, as one cache key."""
    parts = (
        request.host,  # one of TRUSTED_HOSTS; kept apart in case a page ever names it
        request.path,
        request.query_string.decode("latin-1"),
        current_language(),
        current_content().version,
        repr(current_visitor().needs),
    )
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def cached_page(view: Callable) -> Callable:
    """Keep a content page's HTML; a view that fails (404) is never cached."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if current_visitor().is_assisted:
            # Staff helping someone see a banner with their own form in it: never shared.
            return view(*args, **kwargs)
        key = render_key()
        html = cache.get(key)
        if html is None:
            html = view(*args, **kwargs)
            cache.set(key, html)
        return html

    return wrapper


def must_not_be_stored() -> bool:
    """The one decision about `no-store`: a person's own data, or a staff member helping."""
    if current_visitor().is_assisted:
        return True
    return is_personal(current_app.view_functions.get(request.endpoint or ""))


def add_http_caching(response: Response) -> Response:
    """Private, revalidated pages with ETags; static files are WhiteNoise's business."""
    if must_not_be_stored():
        # On a shared computer, the browser must keep no copy of the person's pages.
        response.headers["Cache-Control"] = "no-store"
        return response
    if response.mimetype != "text/html":
        return response
    response.headers.setdefault("Cache-Control", "private, no-cache")
    response.vary.add("Cookie")
    if request.method in ("GET", "HEAD") and response.status_code == 200:
        response.add_etag()
        response.make_conditional(request)
    return response


def register_caching(app: Flask) -> None:
    # Runs before Flask-Compress's after_request (registered earlier, so run later), so
    # the ETag describes the page, and the compressed copy gets its own.
    app.after_request(add_http_caching)
