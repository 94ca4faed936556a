"""What a person has told us, as the rows of a GOV.UK summary list: on check your answers
(with change links), on the saved page and on the needs code page. Every decision about
what to say is made here, so the template only lays the rows out."""

from flask import url_for
from flask_babel import gettext as _
from markupsafe import Markup

from portal.languages import languages
from portal.needs.forms import CHANNEL_NAMES
from portal.needs.model import Needs


def _list(items: list[str], numbered: bool = False) -> Markup:
    tag, classes = ("ol", "govuk-list govuk-list--number") if numbered else ("ul", "govuk-list")
    return Markup('<{0} class="{1}">{2}</{0}>').format(
        Markup(tag),
        classes,
        Markup("").join(Markup("<li>{}</li>").format(item) for item in items),
    )


def _language(needs: Needs) -> Markup | str:
    if needs.language is None or needs.language not in languages():
        return _("Not told us")
    language = languages()[needs.language]
    return Markup('<span lang="{}" dir="{}">{}</span>').format(
        language.code, language.direction, language.name
    )


def summary_rows(needs: Needs, change: bool = False) -> list[dict]:
    """The summary list rows for these needs, with change links when `change`."""
    not_told = _("Not told us")
    sizes = {"standard": _("Standard"), "large": _("Large"), "largest": _("Largest")}
    colours = {"standard": _("Standard"), "high": _("High contrast"), "dark": _("Dark")}
    other = [
        label
        for declared, label in (
            (needs.more_spacing, _("More space between letters, words and lines")),
            (needs.less_motion, _("Less movement on the page")),
            (needs.easy_read, _("Easy Read")),
            (needs.bsl, _("British Sign Language (BSL)")),
        )
        if declared
    ]
    contact = [str(CHANNEL_NAMES[channel]) for channel in needs.channels]
    rows = [
        ("language", _("Language"), {"html": _language(needs)}),
        ("text-size", _("Text size"), {"text": sizes[needs.text_size]}),
        ("colours", _("Colours"), {"text": colours[needs.contrast]}),
        ("reading", _("Other things that help"), {"html": _list(other) if other else not_told}),
        (
            "connection",
            _("Slow or expensive connection"),
            {"text": _("Yes: small pages") if needs.lite else _("No")},
        ),
        (
            "contact",
            _("How you like to be contacted"),
            {"html": _list(contact, numbered=True) if contact else not_told},
        ),
        (
            "help",
            _("Someone helps you use services"),
            {"text": _("Yes") if needs.someone_helps else _("No")},
        ),
    ]
    items = []
    for slug, key, value in rows:
        row: dict = {"key": {"text": key}, "value": value}
        if change:
            row["actions"] = {
                "items": [
                    {
                        "href": url_for("needs.question", slug=slug, change="1"),
                        "text": _("Change"),
                        "visuallyHiddenText": key,
                    }
                ]
            }
        items.append(row)
    return items
