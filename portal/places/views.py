"""Help near you: find a place that helps people get online, and see what it offers.

A GET form and its results, then one page per place, in the reader's language. Places
have no Arabic text: Arabic pages show it in English, marked as English.
"""

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext as _
from markupsafe import Markup, escape

from portal.i18n import current_language, default_language, localised_route
from portal.languages import languages
from portal.layout import localised
from portal.places.directory import FILTERS, IN_WELSH, clean_query, current_places
from portal.places.schema import ACCESSIBILITY, HELP, KINDS

bp = Blueprint("places", __name__)


# Neither page is behind cached_page: the search's key would be whatever anyone types, and
# a place's page depends on content/places/, which the content index's version (part of
# the render cache's key) does not cover, so the preview would go on showing an old page.
@localised_route(bp, "/help-near-you")
def search():
    language = current_language()
    query = clean_query(request.args.get("q", ""))
    # Only known filters, each once, in the form's order: the URL is the reader's to edit.
    chosen = set(request.args.getlist("help"))
    filters = [key for key in FILTERS if key in chosen]
    results = current_places().find(query, language, filters)
    return render_template(
        "places/search.html",
        query=query,
        filters=filters,
        filter_names=_filter_names(),
        results=results,
        searched=bool(query or filters),
        **_vocabularies(),
    )


@localised_route(bp, "/help-near-you/<slug>")
def place(slug: str):
    found = current_places().get(slug)
    if found is None:
        abort(404)
    return render_template("places/place.html", place=found, **_vocabularies())


def _filter_names() -> dict:
    """What each filter is called: the kinds of help, then help in Welsh."""
    return {**{key: localised(name) for key, name in HELP.items()}, IN_WELSH: _("Help in Welsh")}


def _vocabularies() -> dict:
    return {
        "kind_names": KINDS,
        "help_names": HELP,
        "accessibility_names": ACCESSIBILITY,
        "text": content_text,
    }


def content_text(value) -> Markup:
    """A place's text in the reader's language. A plain string is written the same in every
    content language ("Heol y Castell"); where the reader's language has no text of its
    own, the English is shown marked as English."""
    if not isinstance(value, str):
        return localised(value)
    if current_language() in languages().content_codes:
        return escape(value)
    return Markup('<span lang="{}" dir="ltr">{}</span>').format(default_language(), value)


def sitemap_values() -> dict[str, list[dict]]:
    """Every place, and a search that finds places, for the sitemap and the page checks."""
    return {
        "places.search": [{"q": "CF99"}],
        "places.place": [{"slug": slug} for slug in current_places().slugs()],
    }
