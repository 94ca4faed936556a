"""Every page the portal serves, in every language, found from the URL map and the content.

Tests walk this list, so a new route or content file joins the checks by itself. A route
that needs values (a slug) must have a provider, or `unreachable_endpoints` names it.
"""

from collections.abc import Callable

from flask import Flask, current_app, url_for

from portal.languages import languages

Provider = Callable[[], dict[str, list[dict]]]


def register_sitemap(app: Flask, *providers: Provider) -> None:
    app.extensions["sitemap_providers"] = providers


def _page_rules():
    """Rules that serve pages: a page is something people read in a language, so it has a
    localised URL (`/cy/...`). JSON (the content API) and tools that are not for citizens
    (the preview; the staff pages, behind sign-in) are not public pages and are checked by
    their own tests (tests/browser/test_staff_pages.py for staff)."""
    rules = [
        rule
        for rule in current_app.url_map.iter_rules()
        if "GET" in (rule.methods or ()) and not rule.endpoint.startswith("staff.")
    ]
    localised = {rule.endpoint for rule in rules if "lang" in rule.arguments}
    for rule in rules:
        if rule.endpoint in localised:
            yield rule


def _provided_values() -> dict[str, list[dict]]:
    values: dict[str, list[dict]] = {}
    for provider in current_app.extensions["sitemap_providers"]:
        values.update(provider())
    return values


def unreachable_endpoints() -> list[str]:
    """Endpoints that take values no provider gives: pages the checks would miss."""
    provided = _provided_values()
    return sorted(
        {
            rule.endpoint
            for rule in _page_rules()
            if (set(rule.arguments) - {"lang"}) and rule.endpoint not in provided
        }
    )


def page_urls() -> list[str]:
    """The path of every page in every language. Needs an app and a request context."""
    provided = _provided_values()
    codes = languages().codes
    endpoints = sorted({rule.endpoint for rule in _page_rules()})
    urls = []
    for language in codes:
        prefix = None if language == codes[0] else language
        for endpoint in endpoints:
            for values in provided.get(endpoint, [{}]):
                urls.append(url_for(endpoint, **values, lang=prefix))
    return urls
