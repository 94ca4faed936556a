"""What every page's layout needs: brand, language links and the footer's links."""

from dataclasses import dataclass

from flask import Flask, current_app, url_for
from flask_babel import lazy_gettext as _l

from portal.i18n import alternates, current_language

RTL_LANGUAGES = frozenset({"ar"})

# Footer links: (endpoint, label). Labels are lazy so they translate per request.
FOOTER_LINKS = (
    ("services.info_page", "accessibility-statement", _l("Accessibility statement")),
    ("services.info_page", "cookies", _l("Cookies")),
    ("services.info_page", "privacy", _l("Privacy notice")),
    ("services.info_page", "contact", _l("Contact us")),
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


def build_layout() -> Layout:
    language = current_language()
    config = current_app.config
    return Layout(
        language=language,
        direction="rtl" if language in RTL_LANGUAGES else "ltr",
        service_name=config["SERVICE_NAME"].get(language, config["SERVICE_NAME"]["en"]),
        organisation_name=config["ORGANISATION_NAME"].get(
            language, config["ORGANISATION_NAME"]["en"]
        ),
        demonstration=config["DEMONSTRATION"],
        languages=alternates(),
        footer_links=[
            {"href": url_for(endpoint, slug=slug), "text": label}
            for endpoint, slug, label in FOOTER_LINKS
        ],
    )


def register_layout(app: Flask) -> None:
    app.context_processor(lambda: {"layout": build_layout()})
