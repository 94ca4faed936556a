"""Who is being served: the Visitor, resolved once per request.

A visitor is the language of the request, the needs that apply to it and, when a member
of staff is using the citizen pages on someone's behalf, how they are helping. Where the
needs come from is decided here and nowhere else: `create_app` registers the sources in
order (the preview's code in the URL, an assisted session, the signed cookie) and the
first one that has an answer wins. Features register sources; this foundation imports
none of them.

A source may also keep needs that are saved while it is the one in force (an assisted
session keeps the person's needs on the server, never in the shared browser's cookie);
otherwise saved needs go to the cookie.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, g, has_request_context

from portal.i18n import current_language, default_language
from portal.needs.model import NO_NEEDS, Needs


@dataclass(frozen=True)
class Assisted:
    """A member of staff is helping the person these pages are for."""

    session_id: int  # the assisted session's row, which what is sent is linked to
    channel: str  # how: in_person, phone, video, webchat


@dataclass(frozen=True)
class Found:
    """What a source knows about this request's visitor."""

    needs: Needs
    assisted: Assisted | None = None
    # Where needs saved during this request are kept instead of the cookie (None: cookie).
    keep: Callable[[Needs], None] | None = None


# A source looks at the request and answers, or says nothing (None) to let the next try.
Source = Callable[[], Found | None]


@dataclass(frozen=True)
class Visitor:
    """The person this request serves, as far as they have told us."""

    language: str
    needs: Needs
    assisted: Assisted | None
    keep: Callable[[Needs], None] | None

    @property
    def is_assisted(self) -> bool:
        return self.assisted is not None


def register_visitor(app: Flask, sources: list[Source]) -> None:
    """Resolve the visitor in one before_request, from these sources in this order."""
    app.extensions["visitor_sources"] = tuple(sources)

    @app.before_request
    def resolve_visitor() -> None:  # returns nothing: a value here would be the response
        current_visitor()


def current_visitor() -> Visitor:
    """This request's visitor (resolved on first use: error pages can come before
    before_request has run)."""
    if not has_request_context():  # a command or a start-up task: nobody is being served
        return Visitor(default_language(), NO_NEEDS, None, None)
    visitor = g.get("visitor")
    if visitor is None:
        visitor = g.visitor = _resolve()
    return visitor


def current_needs() -> Needs:
    """This request's declared needs."""
    return current_visitor().needs


def forget_visitor() -> None:
    """Resolve the visitor again on next use: a source's answer changed in this request
    (an assisted session started or ended, needs were saved)."""
    g.pop("visitor", None)


def _resolve() -> Visitor:
    for source in current_app.extensions["visitor_sources"]:
        found = source()
        if found is not None:
            return Visitor(current_language(), found.needs, found.assisted, found.keep)
    return Visitor(current_language(), NO_NEEDS, None, None)
