"""Finding block markers (`$E ... $E`, `:wales: ... :wales:`) in markdown-it's block
parser: the shared machinery of the block plugins."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from markdown_it.ruler import RuleOptionsType
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.utils import is_code_block

# --- helpers for block markers ----------------------------------------------------------

Renderer = Any  # markdown-it's RendererHTML: render rules receive it as `self`


def line_start(state: StateBlock, line: int) -> int:
    return state.bMarks[line] + state.tShift[line]


def find_opening(state: StateBlock, line: int, markers: Sequence[str]) -> tuple[str, int] | None:
    """The marker that starts `line` (longest first) and where the text after it starts."""
    if is_code_block(state, line):
        return None
    start, end = line_start(state, line), state.eMarks[line]
    for marker in markers:
        if not state.src.startswith(marker, start, end):
            continue
        after = start + len(marker)
        # `$Example` is a word, not `$E` followed by "xample"; `:wales:text` is fine.
        if marker[-1].isalnum() and after < end and not state.src[after].isspace():
            continue
        return marker, after
    return None


def find_closing(
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
            begin = line_start(state, line)
    return None


def inner_lines(
    state: StateBlock, open_line: int, content_start: int, close_line: int, close_pos: int
) -> list[str]:
    """The text between two markers, one stripped string per source line."""
    lines = []
    for line in range(open_line, close_line + 1):
        begin = content_start if line == open_line else line_start(state, line)
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
        has_tail = bool(state.src[line_start(state, close_line) : close_pos].strip())
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


def push_marked(
    state: StateBlock, token_type: str, nesting: Literal[-1, 1], marker: str, kind: str
) -> Token:
    """Push a block's opening or closing token; renderers read the kind from its meta."""
    token = state.push(token_type, "div", nesting)
    token.markup, token.meta, token.block = marker, {"kind": kind}, True
    return token


BlockRule = Callable[[StateBlock, int, int, bool], bool]


def marker_block_rule(
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
        opening = find_opening(state, start_line, ordered)
        if opening is None:
            return False
        marker, content_start = opening
        closing = find_closing(
            state, marker, start_line, content_start, end_line, one_paragraph=False
        )
        if closing is None:
            return False
        if silent:
            return True
        close_line, close_pos = closing
        state.line = close_line + 1
        lines = inner_lines(state, start_line, content_start, close_line, close_pos)
        if not any(lines):
            return True  # an empty block is dropped, markers and all
        kind = markers[marker]
        wrap = not (top_level_only and state.level > 0)
        line_map = [start_line, close_line + 1]
        if wrap:
            push_marked(state, f"{token_name}_open", 1, marker, kind).map = line_map
        if kind in kept_lines:
            _push_kept_lines(state, lines, line_map)
        else:
            _tokenize_between(state, start_line, content_start, close_line, close_pos)
        if wrap:
            push_marked(state, f"{token_name}_close", -1, marker, kind)
        state.line = close_line + 1  # the nested parse moved it
        return True

    return rule


# Like fenced code, a marked block may start straight after a paragraph line.
INTERRUPTS: RuleOptionsType = {"alt": ["paragraph", "reference", "blockquote", "list"]}
