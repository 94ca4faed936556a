"""The words govspeak blocks show or speak ("Warning", "This applies in Wales"), in the
page's language."""

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext
from markdown_it.common.utils import escapeHtml

# --- labels ---------------------------------------------------------------------------

# The render environment key the labels travel under (markdown-it passes `env` to every
# rule and renderer, which is how a renderer built once can speak every language).
LABELS_KEY = "govspeak_labels"

ENGLISH_LABELS: dict[str, str] = {
    "information": "Information",
    "warning": "Warning",
    "example": "Example",
    "contact": "Contact",
    "address": "Address",
    "summary": "Summary",
    "footnotes": "Footnotes",
    "footnote_reference": "Footnote %(n)s",
    "back_to_reference": "Back to reference %(n)s",
    "england": "This applies in England",
    "northern-ireland": "This applies in Northern Ireland",
    "scotland": "This applies in Scotland",
    "wales": "This applies in Wales",
}


def translated_labels() -> dict[str, str]:
    """The labels in the current locale: call inside `flask_babel.force_locale(language)`.

    Each string is a literal so that `pybabel extract` finds it.
    """
    return {
        "information": gettext("Information"),
        "warning": gettext("Warning"),
        "example": gettext("Example"),
        "contact": gettext("Contact"),
        "address": gettext("Address"),
        "summary": gettext("Summary"),
        "footnotes": gettext("Footnotes"),
        "footnote_reference": gettext("Footnote %(n)s"),
        "back_to_reference": gettext("Back to reference %(n)s"),
        "england": gettext("This applies in England"),
        "northern-ireland": gettext("This applies in Northern Ireland"),
        "scotland": gettext("This applies in Scotland"),
        "wales": gettext("This applies in Wales"),
    }


def label(env: Mapping[str, Any], key: str, **values: object) -> str:
    """One label, HTML-escaped, from the environment's labels (English for any missing)."""
    labels = env.get(LABELS_KEY) or ENGLISH_LABELS
    text = labels.get(key) or ENGLISH_LABELS[key]
    if values:
        try:
            text = text % values
        except (KeyError, ValueError, TypeError):
            # A broken translation must not stop a page: fall back to English.
            text = ENGLISH_LABELS[key] % values
    return escapeHtml(text)
