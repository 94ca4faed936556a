"""What every page's layout needs: brand, languages, what the page wears for the visitor,
and the footer links. Built from results (portal.needs.personalise.chrome, the visitor);
the templates only read them."""

from dataclasses import dataclass

from flask import Flask, current_app, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from portal.i18n import alternates, current_language, default_language, direction, page_in
from portal.languages import languages
from portal.needs.declared_language import citizen_page
from portal.needs.personalise import Chrome, chrome
from portal.needs.visitor import Visitor, current_visitor

# Footer links: (endpoint, slug, label). Labels are lazy so they translate per request.
# Search and Help near you come first: they are how every page leads to the rest, and the
# footer is the cheapest place for them (two list items and no new style, where a search
# box in the header would cost the lite pages bytes they do not have).
FOOTER_LINKS = (
    ("search.search", None, _l("Search")),
    ("places.search", None, _l("Help near you")),
    ("services.info_page", "accessibility-statement", _l("Accessibility statement")),
    ("services.info_page", "cookies", _l("Cookies")),
    ("services.info_page", "privacy", _l("Privacy notice")),
    ("services.info_page", "contact", _l("Contact us")),
    ("services.info_page", "roadmap", _l("Our roadmap")),
    ("performance.overview", None, _l("How our services are doing")),
    ("services.departments", None, _l("Council departments")),
)


@dataclass(frozen=True)
class Layout:
    """The values the base layout reads: one object rather than many loose globals."""

    language: str
    direction: str
    service_name: str
    organisation_name: str
    demonstration: bool
    languages: list
    footer_links: list
    chrome: Chrome
    page_classes: str
    stylesheet: str
    # For pages that ask for text, dates or longer answers (static/src/scss/forms.scss).
    forms_stylesheet: str
    adjustments: list
    language_offer: dict | None
    # How a staff member is helping the person whose pages these are (None for citizens).
    assisted_channel: str | None = None


def _language_offer(visitor: Visitor) -> dict | None:
    """A link to this page in the language the person declared, when it is in another."""
    declared = visitor.needs.language
    if declared is None or declared == visitor.language or declared not in languages():
        return None
    language = languages()[declared]
    return {
        "href": page_in(language.code, chosen=citizen_page()),
        "text": language.offer,
        "lang": language.code,
        "dir": language.direction,
    }


def _switcher() -> list[dict]:
    """The other languages of this page. On citizen pages each link says the person chose
    it, so the choice is kept (portal.needs.declared_language)."""
    links = alternates()
    if citizen_page():
        for link in links:
            link["href"] = page_in(str(link["code"]), chosen=True)
    return links


def build_layout() -> Layout:
    visitor = current_visitor()
    language = visitor.language
    config = current_app.config
    worn = chrome(visitor.needs)
    return Layout(
        language=language,
        direction=direction(language),
        service_name=config["SERVICE_NAME"].get(language, config["SERVICE_NAME"]["en"]),
        organisation_name=config["ORGANISATION_NAME"].get(
            language, config["ORGANISATION_NAME"]["en"]
        ),
        demonstration=config["DEMONSTRATION"],
        languages=_switcher(),
        footer_links=[
            {"href": url_for(endpoint, slug=slug) if slug else url_for(endpoint), "text": label}
            for endpoint, slug, label in FOOTER_LINKS
        ],
        chrome=worn,
        page_classes=" ".join(worn.page_classes),
        stylesheet="portal-rtl.css" if direction(language) == "rtl" else "portal.css",
        forms_stylesheet="forms-rtl.css" if direction(language) == "rtl" else "forms.css",
        adjustments=[adjustment.label for adjustment in worn.adjustments],
        language_offer=_language_offer(visitor),
        assisted_channel=visitor.assisted.channel if visitor.assisted else None,
    )


def localised(text) -> Markup:
    """A taxonomy name in the reader's language, or English marked as English."""
    language = current_language()
    value = getattr(text, language, None)
    if value:
        return escape(value)
    return Markup('<span lang="{}" dir="ltr">{}</span>').format(default_language(), text.en)


def register_layout(app: Flask) -> None:
    app.context_processor(lambda: {"layout": build_layout()})
    app.jinja_env.globals["localised"] = localised
