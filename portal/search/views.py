"""The search page: a GET form and its results, in the reader's language. No JavaScript."""

from math import ceil

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import gettext as _

from portal.i18n import current_language, direction, localised_route
from portal.search.index import Hit, Suggestion, clean_query, current_search

bp = Blueprint("search", __name__)

PER_PAGE = 10
MAX_PAGES = 100
ENDPOINTS = {
    "services": "services.service",
    "guides": "services.guide",
    "step-by-step": "services.step_by_step",
}


# Not behind cached_page: its key would be whatever anyone types, so a stream of made-up
# queries could push every content page out of the render cache.
@localised_route(bp, "/search")
def search():
    query = clean_query(request.args.get("q", ""))
    page = _page_number(request.args.get("page"))
    results = None
    suggestion = None
    if query:
        index = current_search()
        language = current_language()
        results = index.search(query, language, offset=(page - 1) * PER_PAGE, limit=PER_PAGE)
        last = min(ceil(results.total / PER_PAGE), MAX_PAGES)
        if results.total and page > last:
            # A page past the end (an old link, a hand-edited URL) shows the last one.
            page = last
            results = index.search(query, language, offset=(page - 1) * PER_PAGE, limit=PER_PAGE)
        # A word no page has gets "Did you mean X?", a plain link to the search for X (so
        # it works with no JavaScript), as GOV.UK's own site search does; never results for
        # X in place of what was typed ("Showing results for X"). The count and results stay
        # those of what the person asked, so nothing is changed behind their back; a wrong
        # guess (a street name we never mention looks like a typo) costs them nothing; and
        # the same line serves a query that found nothing and one whose other words found
        # pages ("recyling box" finds pages with "box", and still offers "recycling box").
        suggestion = index.suggestion(query, language)
    return render_template(
        "search/results.html",
        query=query,
        results=results,
        links=[_link(hit) for hit in results.hits] if results is not None else [],
        pagination=_pagination(query, page, results.total) if results is not None else None,
        suggestion=_suggestion_link(suggestion) if suggestion is not None else None,
    )


def _page_number(value: str | None) -> int:
    try:
        number = int(value or 1)
    except ValueError:
        return 1
    return max(1, min(number, MAX_PAGES))


def _link(hit: Hit) -> dict:
    """A result as the template shows it, with its address in the reader's language."""
    endpoint = ENDPOINTS.get(hit.kind)
    href = url_for(endpoint, slug=hit.slug) if endpoint in current_app.view_functions else None
    return {"hit": hit, "href": href}


def _suggestion_link(suggestion: Suggestion) -> dict:
    """The suggestion as the template shows it: its search's address and, when it comes
    from another language's pages (the English ones, for Arabic), that language."""
    other = suggestion.language if suggestion.language != current_language() else None
    return {
        "text": suggestion.query,
        "href": url_for("search.search", q=suggestion.query),
        "lang": other,
        "dir": direction(other) if other else None,
    }


def _pagination(query: str, page: int, total: int) -> dict | None:
    """govukPagination's params: previous, next and page numbers around this one, with
    the first and last always shown and gaps marked (GOV.UK's pattern)."""
    last = min(ceil(total / PER_PAGE), MAX_PAGES)
    if last <= 1:
        return None

    def href(number: int) -> str:
        return url_for("search.search", q=query, page=number)

    items: list[dict] = []
    previous_shown = 0
    for number in range(1, last + 1):
        if number in (1, last) or abs(number - page) <= 1:
            if number - previous_shown > 1:
                items.append({"ellipsis": True})
            items.append(
                {
                    "number": number,
                    "href": href(number),
                    "current": number == page,
                    "visuallyHiddenText": _("Page %(number)d", number=number),
                }
            )
            previous_shown = number
    return {
        "landmarkLabel": _("Search results pages"),
        "previous": {"href": href(page - 1), "text": _("Previous page")} if page > 1 else None,
        "next": {"href": href(page + 1), "text": _("Next page")} if page < last else None,
        "items": items,
    }


def sitemap_values() -> dict[str, list[dict]]:
    """The empty search page, a page of results, a second page and a misspelling (which
    finds nothing and suggests what was meant), for the checks."""
    return {"search.search": [{}, {"q": "blue badge"}, {"q": "home", "page": 2}, {"q": "recyling"}]}
