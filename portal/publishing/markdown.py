"""Markdown to HTML with GOV.UK Frontend typography classes.

Raw HTML is off: content designers cannot inject markup or scripts, and markdown-it's
link validation drops `javascript:` and similar links.
"""

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.anchors import anchors_plugin

# The page title is the only h1, so a body `##` is the first level of section heading.
CLASSES_BY_TAG = {
    "h1": "govuk-heading-l",
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "h5": "govuk-heading-s",
    "h6": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--l govuk-section-break--visible",
    "table": "govuk-table",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
}


def add_govuk_classes(state) -> None:
    """Core rule: give every opening tag the GOV.UK class for its element."""
    for token in _walk(state.tokens):
        if token.nesting == -1:
            continue
        css_class = CLASSES_BY_TAG.get(token.tag)
        if css_class:
            token.attrJoin("class", css_class)
        if token.tag == "th":
            # Markdown tables only have header cells in their first row.
            token.attrSet("scope", "col")


def _walk(tokens: list[Token]):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def build_renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    md.use(anchors_plugin, min_level=2, max_level=3)
    md.core.ruler.push("govuk_classes", add_govuk_classes)
    return md


_RENDERER = build_renderer()


def render_markdown(text: str) -> Markup:
    """Render trusted-structure, untrusted-markup content to safe HTML."""
    return Markup(_RENDERER.render(text))
