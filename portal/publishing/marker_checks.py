"""Checks on govspeak-style markers: ones the renderer does not know, and blocks left open.

A mistyped marker (`$X`, `:wales` for `:wales:`, `{buton}`) is not an error to the
renderer: it shows the marker to citizens as text. An unclosed `$E` swallows the rest of
the page into the block. Both are easy to miss in a preview and easy to catch here. The
known markers come from `syntax.py`, which the renderer reads too.
"""

import re

from portal.publishing.sources import Finding, Source
from portal.publishing.syntax import BLOCK_MARKERS, BUTTON_END, BUTTONS, CALLOUTS

# What looks like a block marker: `$` and letters at the start or end of a line, or a word
# between colons there (`:wales:`); a word in braces anywhere (`{button}`).
_DOLLAR = r"\$[A-Za-z!]+"
_COLON = r":[a-z][a-z0-9-]*:"
_LEADING = re.compile(rf"^(?:{_DOLLAR}(?=\s|$)|{_COLON})")
_TRAILING = re.compile(rf"(?:(?<!\S){_DOLLAR}|{_COLON})$")
_BRACES = re.compile(r"\{/?[A-Za-z][A-Za-z ]*\}")
# Step-by-step lists are written `s1. Do this`; `S1.` and `s1)` look like them but are not.
_STEP_LOOKALIKE = re.compile(r"^(?:S\d+[.)]|s\d+\))\s")
# Inline code is shown as written, so markers in it are examples, not markers.
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1")
# What a callout would look like if mistyped: doubled (`^^`) or govspeak's `@...@`, which
# the renderer does not support.
_CALLOUT_LOOKALIKE = re.compile(r"^(\^\^|%%|@)")

KNOWN = (
    ", ".join(sorted(BLOCK_MARKERS))
    + ", "
    + ", ".join(BUTTONS)
    + f", {BUTTON_END}, "
    + ", ".join(f"{mark}text{mark}" for mark in CALLOUTS)
    + ", s1."
)
_FIX = f"use one of the markers the portal knows: {KNOWN}"


def check_markers(source: Source) -> list[Finding]:
    """Markers the portal does not know (readers would see them as text) and blocks
    opened but never closed (they would swallow the rest of the page). Code is skipped:
    a marker in a code span or fence is an example, not a marker."""
    return _lines(source) + _callouts(source)


def _code_lines(source: Source) -> set[int]:
    lines: set[int] = set()
    for token in source.tokens:
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(*token.map))
    return lines


def _lines(source: Source) -> list[Finding]:
    """Line markers: `$E`, `:wales:` (paired), `{button}` ... `{/button}`, step lookalikes."""
    findings = []
    open_blocks: dict[str, int] = {}
    open_button: int | None = None
    code = _code_lines(source)
    for index, raw in enumerate(source.lines[source.body_start :]):
        if index in code:
            continue
        line = _CODE_SPAN.sub(" ", raw).strip()
        number = source.body_line(index)
        markers = _block_markers(line)
        for marker in markers:
            if marker not in BLOCK_MARKERS:
                findings.append(_unknown(source, number, marker))
            elif marker in open_blocks:
                del open_blocks[marker]
            else:
                open_blocks[marker] = number
        open_button = _braces(source, line, number, open_button, findings)
        lookalike = _STEP_LOOKALIKE.match(line)
        if lookalike:
            findings.append(_unknown(source, number, lookalike.group().strip()))
    for marker, number in open_blocks.items():
        findings.append(_unclosed(source, number, marker, marker))
    if open_button is not None:
        findings.append(_unclosed(source, open_button, "{button}", BUTTON_END))
    return findings


def _braces(
    source: Source, line: str, number: int, open_button: int | None, findings: list[Finding]
) -> int | None:
    """Check a line's `{...}` markers; return the line of the button left open, if any."""
    for marker in _BRACES.findall(line):
        if marker in BUTTONS:
            if open_button is not None:
                findings.append(_unclosed(source, open_button, marker, BUTTON_END))
            open_button = number
        elif marker == BUTTON_END:
            open_button = None
        else:
            findings.append(_unknown(source, number, marker))
    return open_button


def _block_markers(line: str) -> list[str]:
    """The block markers a line starts or ends with (`$E` alone on a line is one)."""
    leading = _LEADING.match(line)
    trailing = _TRAILING.search(line)
    found = [leading.group()] if leading else []
    if trailing and not (leading and trailing.start() < leading.end()):
        found.append(trailing.group())
    return found


def _callouts(source: Source) -> list[Finding]:
    """Callouts wrap one paragraph: `^text^`. A paragraph that opens one must close it."""
    findings = []
    for before, token in zip(source.tokens, source.tokens[1:], strict=False):
        if before.type != "paragraph_open" or not token.map:
            continue
        text = _CODE_SPAN.sub(" ", token.content).strip()
        number = source.body_line(token.map[0])
        lookalike = _CALLOUT_LOOKALIKE.match(text)
        if lookalike:
            findings.append(_unknown(source, number, lookalike.group()))
        elif text[:1] in CALLOUTS and not text.endswith(text[0]):
            findings.append(_unclosed(source, number, text[0], text[0]))
    return findings


def _unknown(source: Source, number: int, marker: str) -> Finding:
    return source.finding(
        number,
        "error",
        "unknown-marker",
        f"{marker} looks like a marker but the portal does not know it, so readers "
        "would see it as text",
        _FIX,
    )


def _unclosed(source: Source, number: int, marker: str, closer: str) -> Finding:
    where = "at the end of the paragraph" if marker in CALLOUTS else "after the block"
    return source.finding(
        number,
        "error",
        "unclosed-block",
        f"{marker} opens a block here but nothing closes it, so it would run on",
        f"close it with {closer} {where}",
    )
