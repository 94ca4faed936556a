"""Which drafts this browser is filling in: a first-party cookie that lasts as long as a
draft is kept, so answers survive a phone closing its browser, a restart or a lost
signal, as the start page promises.

The cookie holds only the ids of the drafts (random, signed so they cannot be altered),
never an answer; it is sent only to this site (HttpOnly, SameSite=Lax). In an assisted
session the computer is a shared one, so the cookie ends when the browser closes. Someone
on a shared computer can also make this browser forget a draft (the save page offers it):
the answers stay on the server for the return code.
"""

from flask import Flask, current_app, g, request
from itsdangerous import BadSignature, URLSafeSerializer
from werkzeug import Response

from portal.housekeeping import register_forget
from portal.needs.visitor import current_visitor

_PENDING = "draft_links_changed"


def cookie_name() -> str:
    """form-drafts (__Host-form-drafts over HTTPS in production)."""
    return current_app.config["FORM_DRAFTS_COOKIE_NAME"]


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="form-drafts")


def _links() -> dict[str, str]:
    """slug -> draft id, as this request left them."""
    if _PENDING in g:
        return g.draft_links_changed
    try:
        found = _serializer().loads(request.cookies.get(cookie_name(), ""))
    except BadSignature:
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}


def linked(slug: str) -> str | None:
    """The id of the draft of this form this browser is filling in, if any."""
    return _links().get(slug)


def link(slug: str, draft_id: str) -> None:
    g.draft_links_changed = {**_links(), slug: draft_id}


def unlink(slug: str) -> None:
    g.draft_links_changed = {k: v for k, v in _links().items() if k != slug}


def forget_every_link() -> None:
    """At the end of an assisted session: this browser no longer points at any draft (each
    stays on the server for its return code, if one was given)."""
    g.draft_links_changed = {}


def write_changes(response: Response) -> Response:
    """After each request: the cookie, if the request changed it."""
    if _PENDING not in g:
        return response
    links = g.draft_links_changed
    if not links:
        response.delete_cookie(
            cookie_name(),
            httponly=True,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
        return response
    lasting = not current_visitor().is_assisted
    response.set_cookie(
        cookie_name(),
        _serializer().dumps(links),
        max_age=current_app.config["DRAFT_LIFETIME_DAYS"] * 86400 if lasting else None,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response


def register_draft_links(app: Flask) -> None:
    app.after_request(write_changes)
    register_forget(app, forget_every_link)
