"""Languages: which one a request is in, and the URL of a page in every language.

English pages have no prefix; every other language has its own (`/cy/...`). The prefix is
the one place a request's language is decided, so the same URL always gives the same page.
"""

from collections.abc import Callable

from flask import Blueprint, Flask, g, request, url_for
from werkzeug.routing import BaseConverter

from portal.languages import Languages, languages, register_language_registry


def direction(language: str) -> str:
    return languages().direction(language)


def default_language() -> str:
    return languages().default.code


def current_language() -> str:
    """The language of this request: from its URL prefix, else the default."""
    lang = g.get("lang")
    if lang is None:
        # Error pages for unmatched URLs never pass through the URL value preprocessor.
        first = request.path.strip("/").split("/", 1)[0]
        lang = first if first in languages().prefixed else default_language()
        g.lang = lang
    return lang


# The query parameter of a link that says "the person chose this language".
CHOSEN_LANGUAGE = "chosen-language"


def localised_route(blueprint: Blueprint, rule: str, **options) -> Callable:
    """Register a view at `rule` for the default language and at `/<lang>rule` for the rest."""

    def decorator(view: Callable) -> Callable:
        blueprint.add_url_rule(rule, view_func=view, defaults={"lang": None}, **options)
        prefixed = "/<language:lang>" + (rule if rule != "/" else "/")
        blueprint.add_url_rule(prefixed, view_func=view, **options)
        return view

    return decorator


def page_in(language: str, external: bool = False, chosen: bool = False) -> str:
    """The URL of the page being shown, in another language (for switchers and hreflang).
    `chosen`: a link that says the person chose this language (portal.needs.declared_language)."""
    values: dict = {}
    if request.endpoint is not None and request.url_rule is not None:
        # Keep the query too: the same page means the same version and the same question.
        # (Less any query parameter that url_for would read as its own: "endpoint",
        # "_anchor"; and less an earlier choice of language.)
        values = {
            k: v
            for k, v in request.args.to_dict().items()
            if k not in ("endpoint", CHOSEN_LANGUAGE) and k[:1] != "_"
        }
        values.update(request.view_args or {})
        endpoint = request.endpoint
    else:
        endpoint = "services.home"
    values["lang"] = _prefix(language)
    if chosen:
        values[CHOSEN_LANGUAGE] = language
    return url_for(endpoint, **values, _external=external)


def _prefix(language: str) -> str | None:
    return None if language == default_language() else language


def alternates() -> list[dict[str, str | bool]]:
    """Every language's version of this page, for the switcher and `hreflang` links."""
    here = current_language()
    return [
        {
            "code": language.code,
            "name": language.name,
            "dir": language.direction,
            "href": page_in(language.code),
            "absolute_href": page_in(language.code, external=True),
            "current": language.code == here,
        }
        for language in languages()
    ]


def register_languages(app: Flask) -> None:
    """Teach the URL map the language prefix and keep it on every url_for in a request."""
    register_language_registry(app)
    registry: Languages = app.extensions["languages"]
    prefixed = "|".join(registry.prefixed)

    class LanguageConverter(BaseConverter):
        regex = prefixed

    app.url_map.converters["language"] = LanguageConverter
    app.jinja_env.globals.update(
        language_names={language.code: language.name for language in registry},
        language_direction=direction,
    )

    @app.url_value_preprocessor
    def take_language(endpoint, values):
        if values is not None and "lang" in values:
            g.lang = values.pop("lang") or registry.default.code

    @app.url_defaults
    def keep_language(endpoint, values):
        if "lang" in values or not app.url_map.is_endpoint_expecting(endpoint, "lang"):
            return
        values["lang"] = _prefix(current_language())
