"""Markdown to HTML with GOV.UK Frontend typography classes.

Raw HTML is off: content designers cannot inject markup or scripts, and markdown-it's
link validation drops `javascript:` and similar links. The govspeak extensions and our
needs-aware blocks are plugins in the `govspeak` package.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.anchors import anchors_plugin

from portal.publishing import govspeak

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
        if token.tag == "th" and not token.attrGet("scope"):
            # Header-row cells; govspeak's row headers (`| # Paper |`) already say "row".
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
    for plugin in govspeak.PLUGINS:
        md.use(plugin)
    return md


_RENDERER = build_renderer()


@dataclass(frozen=True)
class Segment:
    """A run of a page's body: ordinary content (`condition` None), or one needs-aware
    block, shown only to readers whose needs match `condition` (a `NEEDS_BLOCKS` value)."""

    condition: str | None
    html: Markup


def render_segments(text: str, labels: Mapping[str, str] | None = None) -> tuple[Segment, ...]:
    """Render the body once, cut at its top-level needs-aware blocks, in document order.

    One parse for the whole document keeps heading ids unique and footnotes numbered
    across segments. The cut is made between tokens, not by searching the HTML, so no
    text an author writes can forge a segment boundary.
    """
    env = {govspeak.LABELS_KEY: labels or govspeak.ENGLISH_LABELS}
    tokens = _RENDERER.parse(text, env)
    segments: list[Segment] = []

    def add(condition: str | None, start: int, end: int) -> None:
        html = _RENDERER.renderer.render(tokens[start:end], _RENDERER.options, env)
        if html:
            segments.append(Segment(condition, Markup(html)))

    start = 0
    for idx, token in enumerate(tokens):
        if token.type == govspeak.NEEDS_OPEN:
            add(None, start, idx)
            start = idx
        elif token.type == govspeak.NEEDS_CLOSE:
            add(govspeak.needs_condition(token), start, idx + 1)
            start = idx + 1
    add(None, start, len(tokens))
    return tuple(segments)


def render_markdown(text: str, labels: Mapping[str, str] | None = None) -> Markup:
    """Render trusted-structure, untrusted-markup content to safe HTML, every block shown."""
    return Markup("").join(segment.html for segment in render_segments(text, labels))
