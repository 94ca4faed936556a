"""Govspeak's extensions to markdown, and our needs-aware blocks, as markdown-it-py plugins.

Content designers who have written for GOV.UK know govspeak (`^information^`, `$E`, `s1.`,
`{button}` and the rest), so our content uses the same marks. Each plugin below turns one
of them into GOV.UK Frontend markup. The marker strings live in `syntax.py`.

Three rules hold for every plugin:

- Raw HTML stays off. Authors' text only ever reaches the page through markdown-it's own
  escaping, and every class name comes from the fixed vocabulary in `syntax.py`, so nothing
  an author writes can add markup or attributes.
- Links (buttons and external links too) go through markdown-it's URL normalisation and
  validation, so `javascript:` and the like never become links.
- Every label a reader sees or hears ("Warning", "This applies in Wales") comes from the
  `labels` mapping in the render environment, so the page's language decides it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Literal

from flask_babel import gettext
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, unescapeAll
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.link import link as link_rule
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.utils import is_code_block

from portal.publishing.syntax import (
    BUTTON_END,
    BUTTONS,
    CALLOUTS,
    DOLLAR_BLOCKS,
    NATIONS,
    NEEDS_BLOCKS,
)

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


# --- helpers for block markers ----------------------------------------------------------

Renderer = Any  # markdown-it's RendererHTML: render rules receive it as `self`


def _line_start(state: StateBlock, line: int) -> int:
    return state.bMarks[line] + state.tShift[line]


def _opening(state: StateBlock, line: int, markers: Sequence[str]) -> tuple[str, int] | None:
    """The marker that starts `line` (longest first) and where the text after it starts."""
    if is_code_block(state, line):
        return None
    start, end = _line_start(state, line), state.eMarks[line]
    for marker in markers:
        if not state.src.startswith(marker, start, end):
            continue
        after = start + len(marker)
        # `$Example` is a word, not `$E` followed by "xample"; `:wales:text` is fine.
        if marker[-1].isalnum() and after < end and not state.src[after].isspace():
            continue
        return marker, after
    return None


def _closing(
    state: StateBlock,
    marker: str,
    open_line: int,
    content_start: int,
    end_line: int,
    *,
    one_paragraph: bool,
) -> tuple[int, int] | None:
    """Line and position of the marker that closes a block: at the end of a line, which may
    be the opening line. None when the block is never closed, which leaves the opening
    marker as visible text for the author to notice and the content checks to report."""
    line, begin = open_line, content_start
    while line < end_line:
        end = state.eMarks[line]
        text = state.src[begin:end].rstrip()
        if line > open_line:
            if not text and one_paragraph:
                return None
            # A non-empty line indented less than the enclosing list item ends that item.
            if text and state.sCount[line] < state.blkIndent:
                return None
        if text.endswith(marker):
            return line, begin + len(text) - len(marker)
        line += 1
        if line < end_line:
            begin = _line_start(state, line)
    return None


def _inner_lines(
    state: StateBlock, open_line: int, content_start: int, close_line: int, close_pos: int
) -> list[str]:
    """The text between two markers, one stripped string per source line."""
    lines = []
    for line in range(open_line, close_line + 1):
        begin = content_start if line == open_line else _line_start(state, line)
        end = close_pos if line == close_line else state.eMarks[line]
        lines.append(state.src[begin:end].strip())
    return lines


def _tokenize_between(
    state: StateBlock, open_line: int, content_start: int, close_line: int, close_pos: int
) -> None:
    """Parse the markdown between two markers as blocks, in place.

    The markers may share lines with content (`$E text $E`, `:wales:text:wales:`), so the
    line bounds are narrowed to exclude them for the nested parse, then restored; the
    footnote and blockquote rules of markdown-it do the same.
    """
    saved = (
        state.bMarks[open_line],
        state.tShift[open_line],
        state.sCount[open_line],
        state.eMarks[close_line],
        state.lineMax,
        state.parentType,
    )
    if open_line == close_line:
        has_head = has_tail = bool(state.src[content_start:close_pos].strip())
    else:
        has_head = bool(state.src[content_start : state.eMarks[open_line]].strip())
        has_tail = bool(state.src[_line_start(state, close_line) : close_pos].strip())
    first = open_line if has_head else open_line + 1
    last = close_line + 1 if has_tail else close_line
    if has_head:
        state.bMarks[open_line] = state.skipSpaces(content_start)
        state.tShift[open_line] = 0
        state.sCount[open_line] = state.blkIndent
    if has_tail:
        state.eMarks[close_line] = close_pos

    state.lineMax = last  # so that lazy paragraph lines never run past the closing marker
    state.parentType = "govspeak"
    state.md.block.tokenize(state, first, last)
    (
        state.bMarks[open_line],
        state.tShift[open_line],
        state.sCount[open_line],
        state.eMarks[close_line],
        state.lineMax,
        state.parentType,
    ) = saved


def _push_kept_lines(state: StateBlock, lines: list[str], line_map: list[int]) -> None:
    """Paragraphs (split at blank lines) whose source lines stay lines on the page."""
    paragraph: list[str] = []
    for text in [*lines, ""]:
        if text:
            paragraph.append(text)
            continue
        if paragraph:
            state.push("paragraph_open", "p", 1).map = line_map
            inline = state.push("inline", "", 0)
            inline.content = "\n".join(paragraph)
            inline.map = line_map
            inline.children = []
            inline.meta = {"keep_lines": True}
            state.push("paragraph_close", "p", -1)
            paragraph = []


def keep_lines(state: StateCore) -> None:
    """Core rule: in addresses and contact blocks, each source line is a line on the page."""
    for token in state.tokens:
        if token.type == "inline" and token.meta.get("keep_lines"):
            for child in token.children or []:
                if child.type == "softbreak":
                    child.type, child.tag = "hardbreak", "br"


def _push_marked(
    state: StateBlock, token_type: str, nesting: Literal[-1, 1], marker: str, kind: str
) -> Token:
    """Push a block's opening or closing token; renderers read the kind from its meta."""
    token = state.push(token_type, "div", nesting)
    token.markup, token.meta, token.block = marker, {"kind": kind}, True
    return token


BlockRule = Callable[[StateBlock, int, int, bool], bool]


def _marker_block_rule(
    markers: Mapping[str, str],
    token_name: str,
    *,
    kept_lines: frozenset[str] = frozenset(),
    top_level_only: bool = False,
) -> BlockRule:
    """A block rule for `MARK ... MARK`, where `markers` maps each marker to its kind.

    Blocks whose kind is in `kept_lines` keep their source lines (no nested markdown
    blocks). With `top_level_only`, a block nested in another block (a list item, a
    quote, another marked block) is parsed without its wrapper: content shown to all.
    """
    ordered = sorted(markers, key=len, reverse=True)  # `$CTA` before `$C`

    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        opening = _opening(state, start_line, ordered)
        if opening is None:
            return False
        marker, content_start = opening
        closing = _closing(state, marker, start_line, content_start, end_line, one_paragraph=False)
        if closing is None:
            return False
        if silent:
            return True
        close_line, close_pos = closing
        state.line = close_line + 1
        lines = _inner_lines(state, start_line, content_start, close_line, close_pos)
        if not any(lines):
            return True  # an empty block is dropped, markers and all
        kind = markers[marker]
        wrap = not (top_level_only and state.level > 0)
        line_map = [start_line, close_line + 1]
        if wrap:
            _push_marked(state, f"{token_name}_open", 1, marker, kind).map = line_map
        if kind in kept_lines:
            _push_kept_lines(state, lines, line_map)
        else:
            _tokenize_between(state, start_line, content_start, close_line, close_pos)
        if wrap:
            _push_marked(state, f"{token_name}_close", -1, marker, kind)
        state.line = close_line + 1  # the nested parse moved it
        return True

    return rule


# Like fenced code, a marked block may start straight after a paragraph line.
INTERRUPTS = {"alt": ["paragraph", "reference", "blockquote", "list"]}


# --- 1. callouts ---------------------------------------------------------------------------


def callouts_plugin(md: MarkdownIt) -> None:
    """`^text^`: an information callout; `%text%`: GOV.UK Frontend's warning text.

    A callout wraps one paragraph (it ends at a blank line), so a stray `%` in one
    paragraph cannot swallow the rest of the page.
    """

    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        opening = _opening(state, start_line, tuple(CALLOUTS))
        if opening is None:
            return False
        marker, content_start = opening
        closing = _closing(state, marker, start_line, content_start, end_line, one_paragraph=True)
        if closing is None:
            return False
        close_line, close_pos = closing
        content = "\n".join(_inner_lines(state, start_line, content_start, close_line, close_pos))
        if not content.strip():
            return False
        if silent:
            return True
        kind = CALLOUTS[marker]
        line_map = [start_line, close_line + 1]
        _push_marked(state, "callout_open", 1, marker, kind).map = line_map
        # The warning's text sits in GOV.UK Frontend's <strong>, where a <p> cannot go.
        if kind != "warning":
            state.push("paragraph_open", "p", 1).map = line_map
        inline = state.push("inline", "", 0)
        inline.content, inline.map, inline.children = content.strip(), line_map, []
        if kind != "warning":
            state.push("paragraph_close", "p", -1)
        _push_marked(state, "callout_close", -1, marker, kind)
        state.line = close_line + 1
        return True

    def render_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        kind = tokens[idx].meta["kind"]
        if kind == "warning":
            return (
                '<div class="govuk-warning-text">\n'
                '<span class="govuk-warning-text__icon" aria-hidden="true">!</span>\n'
                '<strong class="govuk-warning-text__text">'
                f'<span class="govuk-visually-hidden">{label(env, "warning")}</span> '
            )
        return (
            f'<div class="app-callout app-callout--{kind}" role="note" '
            f'aria-label="{label(env, kind)}">\n'
        )

    def render_close(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        if tokens[idx].meta["kind"] == "warning":
            return "</strong>\n</div>\n"
        return "</div>\n"

    md.block.ruler.before("paragraph", "govspeak_callout", rule)
    md.add_render_rule("callout_open", render_open)
    md.add_render_rule("callout_close", render_close)


# --- 2. dollar blocks ----------------------------------------------------------------------

# Which blocks are a labelled note for assistive technology, and their extra classes.
# The call to action has no label: it is a prompt, not an aside.
_DOLLAR_CLASSES = {"summary": "app-summary govuk-inset-text"}
_UNLABELLED = frozenset({"call-to-action"})


def dollar_blocks_plugin(md: MarkdownIt) -> None:
    """`$E`, `$C`, `$A`, `$CTA` and `$!` blocks: example, contact, address, call to action
    and summary. Each may span lines and paragraphs; the example, call to action and summary
    hold any markdown, while the contact and address keep each source line as a line."""
    rule = _marker_block_rule(
        DOLLAR_BLOCKS, "dollar_block", kept_lines=frozenset({"contact", "address"})
    )

    def render_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        kind = tokens[idx].meta["kind"]
        css_class = _DOLLAR_CLASSES.get(kind, f"app-{kind}")
        if kind in _UNLABELLED:
            return f'<div class="{css_class}">\n'
        return f'<div class="{css_class}" role="note" aria-label="{label(env, kind)}">\n'

    md.block.ruler.before("paragraph", "govspeak_dollar_block", rule, INTERRUPTS)
    md.add_render_rule("dollar_block_open", render_open)
    md.add_render_rule("dollar_block_close", lambda *_args: "</div>\n")
    md.core.ruler.after("inline", "govspeak_keep_lines", keep_lines)


# --- 3. steps ------------------------------------------------------------------------------

STEP = re.compile(r"s\d+\.\s+(\S.*)")


def steps_plugin(md: MarkdownIt) -> None:
    """`s1. text` lines: a numbered list of steps. Like govspeak, the numbers the author
    writes are not used: the list numbers itself, so a step can be added without
    renumbering the rest."""

    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        steps: list[tuple[int, str]] = []
        line = start_line
        while line < end_line and not is_code_block(state, line):
            if state.sCount[line] < state.blkIndent:
                break
            match = STEP.fullmatch(state.src[_line_start(state, line) : state.eMarks[line]].strip())
            if not match:
                break
            steps.append((line, match[1]))
            line += 1
        if not steps:
            return False
        if silent:
            return True
        state.push("steps_open", "ol", 1).map = [start_line, line]
        for step_line, text in steps:
            state.push("list_item_open", "li", 1).map = [step_line, step_line + 1]
            inline = state.push("inline", "", 0)
            inline.content, inline.map, inline.children = text, [step_line, step_line + 1], []
            state.push("list_item_close", "li", -1)
        state.push("steps_close", "ol", -1)
        state.line = line
        return True

    md.block.ruler.before("paragraph", "govspeak_steps", rule)
    md.add_render_rule(
        "steps_open", lambda *_args: '<ol class="govuk-list govuk-list--number app-steps">\n'
    )
    md.add_render_rule("steps_close", lambda *_args: "</ol>\n")


# --- 4. buttons ----------------------------------------------------------------------------

START_ICON = (
    '<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" '
    'height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">'
    '<path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>'
)


def _skip_spaces(src: str, pos: int, maximum: int) -> int:
    while pos < maximum and src[pos] in " \t\n":
        pos += 1
    return pos


def buttons_plugin(md: MarkdownIt) -> None:
    """`{button}[Text](url){/button}`: a link styled as a GOV.UK button;
    `{button start}` makes it a start button, with its arrow.

    The URL is normalised and validated exactly as a markdown link's is; if it fails (or
    the syntax is incomplete), nothing is made and the text shows as written. The button's
    text is plain text: a button is one action, not a place for emphasis or links.
    """

    def rule(state: StateInline, silent: bool) -> bool:
        src, maximum = state.src, state.posMax
        opener = next((o for o in BUTTONS if src.startswith(o, state.pos, maximum)), None)
        if opener is None:
            return False
        label_start = state.pos + len(opener)
        if label_start >= maximum or src[label_start] != "[":
            return False
        label_end = state.md.helpers.parseLinkLabel(state, label_start, True)
        if label_end < 0 or label_end + 1 >= maximum or src[label_end + 1] != "(":
            return False
        pos = _skip_spaces(src, label_end + 2, maximum)
        destination = state.md.helpers.parseLinkDestination(src, pos, maximum)
        if not destination.ok or not destination.str:
            return False
        href = state.md.normalizeLink(destination.str)
        if not state.md.validateLink(href):
            return False
        pos = _skip_spaces(src, destination.pos, maximum)
        if pos >= maximum or src[pos] != ")" or not src.startswith(BUTTON_END, pos + 1, maximum):
            return False
        text = unescapeAll(src[label_start + 1 : label_end]).strip()
        if not text:
            return False  # a button with no name is useless to a screen reader user
        if not silent:
            token = state.push("govspeak_button", "a", 0)
            token.attrs = {"href": href}
            token.content = text
            token.meta = {"start": BUTTONS[opener]}
        state.pos = pos + 1 + len(BUTTON_END)
        return True

    def render(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        token = tokens[idx]
        start = token.meta["start"]
        classes = "govuk-button govuk-button--start" if start else "govuk-button"
        return (
            f'<a href="{escapeHtml(str(token.attrGet("href")))}" role="button" '
            f'draggable="false" class="{classes}" data-module="govuk-button">'
            f"{escapeHtml(token.content)}{START_ICON if start else ''}</a>"
        )

    md.inline.ruler.before("link", "govspeak_button", rule)
    md.add_render_rule("govspeak_button", render)


# --- 5. abbreviations ----------------------------------------------------------------------

ABBREVIATIONS_KEY = "govspeak_abbreviations"
ABBREVIATION = re.compile(r"\*\[([^\]]+)\]:[ \t]*(.*)")


def abbreviations_plugin(md: MarkdownIt) -> None:
    """`*[HMRC]: HM Revenue and Customs`: the line is removed, and every whole-word HMRC in
    the page's text becomes `<abbr title="HM Revenue and Customs">HMRC</abbr>`.

    mdit_py_plugins has no abbreviation plugin, so this ports markdown-it-abbr: a block rule
    collects the definitions, then a core rule marks them up in text (never in code).
    The title is an attribute value, which markdown-it escapes.
    """

    def definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if is_code_block(state, start_line):
            return False
        text = state.src[_line_start(state, start_line) : state.eMarks[start_line]].strip()
        match = ABBREVIATION.fullmatch(text)
        if not match or not match[1].strip() or not match[2].strip():
            return False
        if silent:
            return True
        # The first definition wins, as in markdown-it-abbr.
        state.env.setdefault(ABBREVIATIONS_KEY, {}).setdefault(match[1].strip(), match[2].strip())
        state.line = start_line + 1
        return True

    def replace(state: StateCore) -> None:
        titles: dict[str, str] = state.env.get(ABBREVIATIONS_KEY) or {}
        if not titles:
            return
        # Longest first, so that PCSOs is not read as PCSO followed by "s".
        alternatives = "|".join(re.escape(a) for a in sorted(titles, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        for token in state.tokens:
            if token.type == "inline" and token.children:
                token.children = list(_mark_abbreviations(token.children, pattern, titles))

    md.block.ruler.before(
        "reference", "govspeak_abbreviation", definition, {"alt": ["paragraph", "reference"]}
    )
    md.core.ruler.after("text_join", "govspeak_abbreviations", replace)


def _mark_abbreviations(
    children: list[Token], pattern: re.Pattern[str], titles: Mapping[str, str]
) -> Iterator[Token]:
    for child in children:
        if child.type != "text" or not pattern.search(child.content):
            yield child
            continue
        position = 0
        for match in pattern.finditer(child.content):
            if match.start() > position:
                yield Token("text", "", 0, content=child.content[position : match.start()])
            yield Token("abbr_open", "abbr", 1, attrs={"title": titles[match[0]]})
            yield Token("text", "", 0, content=match[0])
            yield Token("abbr_close", "abbr", -1)
            position = match.end()
        if position < len(child.content):
            yield Token("text", "", 0, content=child.content[position:])


# --- 6. footnotes --------------------------------------------------------------------------


def footnotes_plugin(md: MarkdownIt) -> None:
    """`[^1]` and `[^1]: text`: mdit_py_plugins' footnotes, drawn the GOV.UK way.

    The list gets a visible heading, and each reference and back link gets a translated
    accessible name instead of a bare "[1]" or "↩". Ids use a colon (`fn:1`, `fnref:1`)
    because the heading slugs cannot contain one, so they can never collide. Inline
    footnotes (`^[text]`) are off: govspeak has none, and `^` opens an information callout.
    """
    md.use(footnote_plugin, inline=False)

    def number(token: Token) -> int:
        return int(token.meta["id"]) + 1

    def reference_id(token: Token) -> str:
        sub = token.meta.get("subId", 0)
        return f"fnref:{number(token)}" + (f":{sub}" if sub else "")

    def render_ref(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        token = tokens[idx]
        n = number(token)
        return (
            f'<sup class="app-footnote-ref"><a href="#fn:{n}" id="{reference_id(token)}" '
            f'class="govuk-link"><span aria-hidden="true">[{n}]</span>'
            f'<span class="govuk-visually-hidden">{label(env, "footnote_reference", n=n)}'
            "</span></a></sup>"
        )

    def render_block_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        return (
            '<div class="app-footnotes">\n'
            f'<h2 class="govuk-heading-m">{label(env, "footnotes")}</h2>\n'
            '<ol class="govuk-list govuk-list--number app-footnotes__list">\n'
        )

    def render_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        return f'<li id="fn:{number(tokens[idx])}">'

    def render_anchor(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        token = tokens[idx]
        sub = token.meta.get("subId", 0)
        # A note cited twice has two back links: "Back to reference 1 (2)" tells them apart.
        n = f"{number(token)} ({sub + 1})" if sub else str(number(token))
        return (
            f' <a href="#{reference_id(token)}" class="govuk-link app-footnotes__back">'
            '<span aria-hidden="true">↩</span>'
            f'<span class="govuk-visually-hidden">{label(env, "back_to_reference", n=n)}</span>'
            "</a>"
        )

    md.add_render_rule("footnote_ref", render_ref)
    md.add_render_rule("footnote_block_open", render_block_open)
    md.add_render_rule("footnote_block_close", lambda *_args: "</ol>\n</div>\n")
    md.add_render_rule("footnote_open", render_open)
    md.add_render_rule("footnote_close", lambda *_args: "</li>\n")
    md.add_render_rule("footnote_anchor", render_anchor)


# --- 7. nations ----------------------------------------------------------------------------


def nations_plugin(md: MarkdownIt) -> None:
    """`:wales: ... :wales:` (and England, Scotland, Northern Ireland): content that applies
    in one nation, introduced by a visible, translated "This applies in Wales"."""
    rule = _marker_block_rule({f":{n}:": n for n in NATIONS}, "nation")

    def render_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        nation = tokens[idx].meta["kind"]
        return (
            f'<div class="app-nation app-nation--{nation}">\n'
            f'<p class="govuk-body app-nation__label">{label(env, nation)}</p>\n'
        )

    md.block.ruler.before("paragraph", "govspeak_nation", rule, INTERRUPTS)
    md.add_render_rule("nation_open", render_open)
    md.add_render_rule("nation_close", lambda *_args: "</div>\n")


# --- 8. external links ---------------------------------------------------------------------


def _is_word(character: str) -> bool:
    return character.isalnum() or character == "_"


def external_links_plugin(md: MarkdownIt) -> None:
    """`x[text](url)x`: a link marked `rel="external"`.

    The link itself is made by markdown-it's own link rule, so its URL validation applies.
    The leading `x` has already been read as text when the `[` is reached, so the rule
    takes it back from the pending text; an `x` that ends a word ("box[a](b)x") is not a
    marker.
    """

    def rule(state: StateInline, silent: bool) -> bool:
        if silent or state.src[state.pos] != "[":
            return False
        pending = state.pending
        if not pending.endswith("x") or (len(pending) > 1 and _is_word(pending[-2])):
            return False
        start = state.pos
        if not link_rule(state, True):  # measure the link without making tokens
            return False
        end, maximum = state.pos, state.posMax
        state.pos = start
        if end >= maximum or state.src[end] != "x":
            return False
        if end + 1 < maximum and _is_word(state.src[end + 1]):
            return False
        state.pending = pending[:-1]
        first = len(state.tokens)
        link_rule(state, False)
        for token in state.tokens[first:]:
            if token.type == "link_open":
                token.meta["external"] = True
                break
        state.pos = end + 1
        return True

    def render_link_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        if tokens[idx].meta.get("external"):
            tokens[idx].attrSet("rel", "external")
        return self.renderToken(tokens, idx, options, env)

    md.inline.ruler.before("link", "govspeak_external_link", rule)
    md.add_render_rule("link_open", render_link_open)


# --- 9. table row headers ------------------------------------------------------------------

ROW_HEADER = re.compile(r"#\s+")


def row_headers(state: StateCore) -> None:
    """Core rule: a body row whose first cell starts `# ` gets that cell as a row header."""
    in_body = False
    first_cell = False
    for idx, token in enumerate(state.tokens):
        if token.type in ("tbody_open", "tbody_close"):
            in_body = token.nesting == 1
        elif token.type == "tr_open":
            first_cell = True
        elif token.type == "td_open":
            inline = state.tokens[idx + 1]
            match = ROW_HEADER.match(inline.content) if in_body and first_cell else None
            first_cell = False
            if match:
                inline.content = inline.content[match.end() :]
                close = state.tokens[idx + 2]
                token.type, token.tag = "th_open", "th"
                close.type, close.tag = "th_close", "th"
                token.attrSet("scope", "row")


def row_headers_plugin(md: MarkdownIt) -> None:
    """`| # Paper | Blue bin |`: govspeak's row headers, as `<th scope="row">`.

    Runs before inline parsing, while the cell is still its source text; a cell that must
    start with a real `#` can escape it (`\\# 1`).
    """
    md.core.ruler.before("inline", "govspeak_row_headers", row_headers)


# --- 10. needs-aware blocks ------------------------------------------------------------------

NEEDS_OPEN = "needs_block_open"
NEEDS_CLOSE = "needs_block_close"


def needs_blocks_plugin(md: MarkdownIt) -> None:
    """`:phone: ... :phone:` (ours, not govspeak): content for readers with a declared need.

    The block's tokens carry the condition (`NEEDS_BLOCKS` value) so the page can be cut
    into segments and each shown or hidden per reader. Only a top-level block is one:
    inside a list, quote or another block its content is shown to everyone, so a hidden
    block can never take part of a list or table with it.
    """
    markers = {f":{m}:": m for m in NEEDS_BLOCKS}
    rule = _marker_block_rule(markers, "needs_block", top_level_only=True)

    def render_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        return f'<div class="app-needs-block app-needs-block--{tokens[idx].meta["kind"]}">\n'

    md.block.ruler.before("paragraph", "needs_block", rule, INTERRUPTS)
    md.add_render_rule(NEEDS_OPEN, render_open)
    md.add_render_rule(NEEDS_CLOSE, lambda *_args: "</div>\n")


def needs_condition(token: Token) -> str:
    """The `NEEDS_BLOCKS` condition of a needs block's opening or closing token."""
    return NEEDS_BLOCKS[token.meta["kind"]]


PLUGINS = (
    needs_blocks_plugin,
    nations_plugin,
    dollar_blocks_plugin,
    callouts_plugin,
    steps_plugin,
    buttons_plugin,
    external_links_plugin,
    abbreviations_plugin,
    footnotes_plugin,
    row_headers_plugin,
)
