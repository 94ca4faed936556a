"""Keeping "Is this page useful?" honest without a CSRF token or a sign-in.

The form is on every page, and content pages are rendered once and shared from the render
cache (portal.caching), so it cannot carry a token tied to one session. Instead:
- a cross-site post is refused by what the browser says about where the post came from
  (`Sec-Fetch-Site`, else `Origin`): browsers set these and pages cannot forge them;
- each browser counts once per page: a random voter token in its session, with a row
  per page it answered for (kept VOTES_KEPT, then purged);
- and the per-address rate limit still applies on top.
"""

import hashlib
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from flask import Flask, request, session

from portal.clock import now
from portal.extensions import db
from portal.feedback.models import PageVote
from portal.housekeeping import delete_older_than, register_purge

SESSION_KEY = "voter"
VOTES_KEPT = timedelta(days=30)


def same_site_post() -> bool:
    """Whether the browser says this post came from one of our own pages."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is not None:
        parts = urlsplit(origin)
        return (parts.scheme, parts.netloc) == (request.scheme, request.host)
    # Browsers send Origin with every cross-site POST; a post with neither header is not
    # from a browser on another site (a robot can send anything: the limits are for it).
    return True


def _voter() -> str:
    token = session.get(SESSION_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[SESSION_KEY] = token
    return hashlib.sha256(token.encode()).hexdigest()


def first_vote(path: str) -> bool:
    """Add, to the caller's transaction, that this browser answered for the page; False if
    it already had. (Two posts at once fail the caller's commit on the primary key.)"""
    voter = _voter()
    if db.session.get(PageVote, (voter, path)) is not None:
        return False
    db.session.add(PageVote(voter_hash=voter, path=path))
    return True


def purge_expired() -> int:
    return delete_older_than(PageVote.created_at, now() - VOTES_KEPT)


def register_vote_purge(app: Flask) -> None:
    register_purge(app, "old page votes", purge_expired)
