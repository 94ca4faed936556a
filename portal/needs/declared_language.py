"""The language a person declared, applied to every page they open.

Someone who told us they want Welsh gets Welsh however they arrive: a link, a bookmark or
an address typed without /cy/ is answered with the same page at its /cy/ address.

Choosing a language from the switcher is a declaration too, and it sticks, English
included: the switcher's links say so (`?chosen-language=en`), the choice is saved with the
person's other needs, and the address is then given back without it. The same link
followed from another site shows the page in that language and changes nothing the person
declared.

Staff pages are left alone: they are in the staff member's language, not the language of
the person they may be helping.
"""

from flask import Flask, Response, g, has_request_context, make_response, redirect, request

from portal.i18n import CHOSEN_LANGUAGE, default_language, page_in
from portal.languages import languages
from portal.needs import store
from portal.needs.visitor import current_visitor

# Blueprints whose pages are not the citizen's.
NOT_FOR_CITIZENS = frozenset({"staff"})


def citizen_page() -> bool:
    """A page whose address can carry a language (portal.i18n took it into g.lang) and
    that is not a staff page."""
    return has_request_context() and "lang" in g and request.blueprint not in NOT_FOR_CITIZENS


def chosen_by_the_person() -> bool:
    """The switcher link was followed from one of our pages (or a bookmark, or typed):
    not a link on another site deciding for them. Browsers that do not say are believed:
    the worst a link elsewhere can do is change the language a person sees."""
    return request.headers.get("Sec-Fetch-Site", "same-origin") in ("same-origin", "none")


def _moved(location: str) -> Response:
    response = make_response(redirect(location, code=302))
    # Where this sends a person depends on what they declared, kept in their cookie.
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["Vary"] = "Cookie"
    return response


def apply_declared_language() -> Response | None:
    """A before_request: answer with the page in the person's language, if this is not it."""
    if request.method not in ("GET", "HEAD") or not citizen_page():
        return None
    if request.routing_exception is not None:
        # Not routed (a host we do not answer to, say): no address can be built for it,
        # and the refusal is what it gets.
        return None
    chosen = request.args.get(CHOSEN_LANGUAGE)
    if chosen is not None:
        if chosen not in languages():  # not a language we have: the same page, without it
            return _moved(page_in(g.lang))
        response = _moved(page_in(chosen))
        needs = current_visitor().needs
        if chosen_by_the_person() and needs.language != chosen:
            store.save(response, needs.changed(language=chosen))
        return response
    declared = current_visitor().needs.language
    if (
        g.lang == default_language()  # the default language's address: no prefix
        and declared is not None
        and declared != default_language()
        and declared in languages()
    ):
        return _moved(page_in(declared))
    return None


def register_declared_language(app: Flask) -> None:
    app.before_request(apply_declared_language)
