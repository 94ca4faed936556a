"""Block plugins: callouts, dollar blocks, numbered steps, nations and needs-aware blocks."""

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.utils import is_code_block

from portal.publishing.govspeak.labels import label
from portal.publishing.govspeak.markers import (
    INTERRUPTS,
    Renderer,
    find_closing,
    find_opening,
    inner_lines,
    keep_lines,
    line_start,
    marker_block_rule,
    push_marked,
)
from portal.publishing.syntax import (
    CALLOUTS,
    DOLLAR_BLOCKS,
    NATIONS,
    NEEDS_BLOCKS,
)

# --- 1. callouts ---------------------------------------------------------------------------


def callouts_plugin(md: MarkdownIt) -> None:
    """`^text^`: an information callout; `%text%`: GOV.UK Frontend's warning text.

    A callout wraps one paragraph (it ends at a blank line), so a stray `%` in one
    paragraph cannot swallow the rest of the page.
    """

    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        opening = find_opening(state, start_line, tuple(CALLOUTS))
        if opening is None:
            return False
        marker, content_start = opening
        closing = find_closing(
            state, marker, start_line, content_start, end_line, one_paragraph=True
        )
        if closing is None:
            return False
        close_line, close_pos = closing
        content = "\n".join(inner_lines(state, start_line, content_start, close_line, close_pos))
        if not content.strip():
            return False
        if silent:
            return True
        kind = CALLOUTS[marker]
        line_map = [start_line, close_line + 1]
        push_marked(state, "callout_open", 1, marker, kind).map = line_map
        # The warning's text sits in GOV.UK Frontend's <strong>, where a <p> cannot go.
        if kind != "warning":
            state.push("paragraph_open", "p", 1).map = line_map
        inline = state.push("inline", "", 0)
        inline.content, inline.map, inline.children = content.strip(), line_map, []
        if kind != "warning":
            state.push("paragraph_close", "p", -1)
        push_marked(state, "callout_close", -1, marker, kind)
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
    rule = marker_block_rule(
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
            match = STEP.fullmatch(state.src[line_start(state, line) : state.eMarks[line]].strip())
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


# --- 7. nations ----------------------------------------------------------------------------


def nations_plugin(md: MarkdownIt) -> None:
    """`:wales: ... :wales:` (and England, Scotland, Northern Ireland): content that applies
    in one nation, introduced by a visible, translated "This applies in Wales"."""
    rule = marker_block_rule({f":{n}:": n for n in NATIONS}, "nation")

    def render_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        nation = tokens[idx].meta["kind"]
        return (
            f'<div class="app-nation app-nation--{nation}">\n'
            f'<p class="govuk-body app-nation__label">{label(env, nation)}</p>\n'
        )

    md.block.ruler.before("paragraph", "govspeak_nation", rule, INTERRUPTS)
    md.add_render_rule("nation_open", render_open)
    md.add_render_rule("nation_close", lambda *_args: "</div>\n")


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
    rule = marker_block_rule(markers, "needs_block", top_level_only=True)

    def render_open(self: Renderer, tokens: Sequence[Token], idx: int, options, env) -> str:
        return f'<div class="app-needs-block app-needs-block--{tokens[idx].meta["kind"]}">\n'

    md.block.ruler.before("paragraph", "needs_block", rule, INTERRUPTS)
    md.add_render_rule(NEEDS_OPEN, render_open)
    md.add_render_rule(NEEDS_CLOSE, lambda *_args: "</div>\n")


def needs_condition(token: Token) -> str:
    """The `NEEDS_BLOCKS` condition of a needs block's opening or closing token."""
    return NEEDS_BLOCKS[token.meta["kind"]]
