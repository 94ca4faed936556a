"""Inline plugins: buttons, abbreviations and external links."""

import re
from collections.abc import Iterator, Mapping, Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, unescapeAll
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.link import link as link_rule
from markdown_it.token import Token
from mdit_py_plugins.utils import is_code_block

from portal.publishing.govspeak.markers import Renderer, line_start
from portal.publishing.syntax import (
    BUTTON_END,
    BUTTONS,
)

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
        text = state.src[line_start(state, start_line) : state.eMarks[start_line]].strip()
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
