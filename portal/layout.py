"""What every page's layout needs: brand, languages, declared needs and the footer links."""

from dataclasses import dataclass

from flask import Flask, current_app, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from portal.assist.assisted import current_assisted
from portal.i18n import alternates, current_language, default_language, direction, page_in
from portal.needs.model import Needs
from portal.needs.personalise import block_shown, body_classes, page_adjustments
from portal.needs.store import current_needs

# Footer links: (endpoint, slug, label). Labels are lazy so they translate per request.
FOOTER_LINKS = (
    ("services.info_page", "accessibility-statement", _l("Accessibility statement")),
    ("services.info_page", "cookies", _l("Cookies")),
    ("services.info_page", "privacy", _l("Privacy notice")),
    ("services.info_page", "contact", _l("Contact us")),
    ("services.info_page", "roadmap", _l("Our roadmap")),
    ("performance.overview", None, _l("How our services are doing")),
    ("services.departments", None, _l("Council departments")),
)

ADJUSTMENT_NAMES = {
    "text_large": _l("large text"),
    "text_largest": _l("largest text"),
    "contrast_high": _l("high contrast"),
    "contrast_dark": _l("dark colours"),
    "more_spacing": _l("more space between letters and lines"),
    "less_motion": _l("less movement"),
    "lite": _l("small pages for a slow connection"),
}

# Shown in the language the person chose, when the page is in another one.
LANGUAGE_OFFERS = {
    "en": _l("Read this page in English"),
    "cy": _l("Read this page in Welsh"),
    "ar": _l("Read this page in Arabic"),
}


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
    needs: Needs
    page_classes: str
    stylesheet: str
    adjustments: list
    language_offer: dict | None
    # How a staff member is helping the person whose pages these are (None for citizens).
    assisted_channel: str | None = None


def _language_offer(needs: Needs, language: str) -> dict | None:
    if needs.language is None or needs.language == language:
        return None
    with force_locale(needs.language):
        text = str(LANGUAGE_OFFERS[needs.language])
    return {
        "href": page_in(needs.language),
        "text": text,
        "lang": needs.language,
        "dir": direction(needs.language),
    }


def build_layout() -> Layout:
    language = current_language()
    config = current_app.config
    needs = current_needs()
    rtl = direction(language) == "rtl"
    return Layout(
        language=language,
        direction=direction(language),
        service_name=config["SERVICE_NAME"].get(language, config["SERVICE_NAME"]["en"]),
        organisation_name=config["ORGANISATION_NAME"].get(
            language, config["ORGANISATION_NAME"]["en"]
        ),
        demonstration=config["DEMONSTRATION"],
        languages=alternates(),
        footer_links=[
            {"href": url_for(endpoint, **({"slug": slug} if slug else {})), "text": label}
            for endpoint, slug, label in FOOTER_LINKS
        ],
        needs=needs,
        page_classes=" ".join(body_classes(needs)),
        stylesheet="portal-rtl.css" if rtl else "portal.css",
        adjustments=[ADJUSTMENT_NAMES[key] for key in page_adjustments(needs)],
        language_offer=_language_offer(needs, language),
        assisted_channel=assisted.channel if (assisted := current_assisted()) else None,
    )


def localised(text) -> Markup:
    """A taxonomy name in the reader's language, or English marked as English."""
    language = current_language()
    value = getattr(text, language, None)
    if value:
        return escape(value)
    return Markup('<span lang="{}" dir="ltr">{}</span>').format(default_language(), text.en)


def body_for(page, needs: Needs) -> Markup:
    """A content page's body with only the needs-aware blocks this person should see."""
    return Markup("").join(
        segment.html for segment in page.segments if block_shown(segment.condition, needs)
    )


def register_layout(app: Flask) -> None:
    app.context_processor(lambda: {"layout": build_layout()})
    app.jinja_env.globals["localised"] = localised
    app.jinja_env.globals["body_for"] = body_for
