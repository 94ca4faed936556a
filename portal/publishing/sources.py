"""A content file as the content checks read it, and what a check says about one.

The checks need what the loader throws away: line numbers. A Source keeps the file's
lines, where its body starts, its front matter both as data and as YAML nodes (which know
their lines), and the body's markdown-it tokens (which know theirs).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from portal.publishing.loader import split_name

# Where a finding's fix points content designers for the rules.
GUIDE = "docs/content-guide.md"
# python-frontmatter's boundary: a line of three or more hyphens.
BOUNDARY = re.compile(r"^-{3,}\s*$")

# Only the block structure and inline links matter to the checks, and plain CommonMark
# (with tables, as the renderer has) finds them however the govspeak markers render.
_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")


@dataclass(frozen=True)
class Finding:
    """One problem in one file: where it is, what is wrong and how to fix it."""

    path: Path
    line: int
    severity: Literal["error", "warning"]
    code: str
    message: str
    fix: str

    def as_lines(self, shown_path: str | None = None) -> tuple[str, str]:
        """As `flask content check` says it: where and what is wrong, then the fix."""
        where = f"{shown_path or self.path}:{self.line}"
        return f"{where}: {self.severity} [{self.code}] {self.message}", f"    Fix: {self.fix}"


@dataclass(frozen=True)
class Source:
    """One content file, parsed for checking, with every line number kept."""

    path: Path
    kind: str
    slug: str
    variant: str | None
    language: str
    text: str
    lines: list[str] = field(repr=False)
    # Index (from 0) of the first body line; a file with no front matter is all body.
    body_start: int
    meta: dict = field(repr=False)
    front_matter: yaml.Node | None = field(repr=False)
    tokens: list[Token] = field(repr=False)

    @property
    def key(self) -> tuple[str, str, str | None, str]:
        return (self.kind, self.slug, self.variant, self.language)

    @property
    def body(self) -> str:
        return "\n".join(self.lines[self.body_start :])

    def body_line(self, index: int) -> int:
        """The file's line number (from 1) of body line `index` (from 0)."""
        return self.body_start + index + 1

    def finding(self, line: int, severity, code: str, message: str, fix: str) -> Finding:
        return Finding(self.path, line, severity, code, message, fix)

    def field_line(self, *loc: str | int) -> int:
        """The line of a front matter field (`"steps", 0, "links"`), or of the nearest
        field above it that is there; line 1 when there is none."""
        node, line = self.front_matter, 1
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                found = next((pair for pair in node.value if pair[0].value == str(part)), None)
                if found is None:
                    break
                line = found[0].start_mark.line + 2
                node = found[1]
            elif isinstance(node, yaml.SequenceNode) and str(part).isdigit():
                if int(part) >= len(node.value):
                    break
                node = node.value[int(part)]
                line = node.start_mark.line + 2
            else:
                break
        return line


def split_front_matter(text: str) -> tuple[list[str], int | None]:
    """The file's lines (endings kept) and the index of the line that closes the front
    matter, or None when the file has no front matter."""
    # Split at "\n" only (str.splitlines also splits at form feeds and the like, which
    # markdown does not), keeping each line's ending so that it can be written back as it was.
    lines = re.findall(r"[^\n]*\n|[^\n]+\Z", text)
    if not lines or not BOUNDARY.match(lines[0]):
        return lines, None
    for number, line in enumerate(lines[1:], start=1):
        if BOUNDARY.match(line):
            return lines, number
    return lines, None


def read_source(path: Path, kind: str, languages: tuple[str, ...]) -> Source:
    """Parse a content file for checking. Raises ContentError for a name the portal
    cannot serve, UnicodeDecodeError for a file that is not UTF-8."""
    slug, variant, language = split_name(path, languages)
    text = path.read_bytes().decode("utf-8")
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    _, end = split_front_matter(normalised)
    lines = normalised.split("\n")
    meta, node = {}, None
    if end is not None:
        # The front matter text starts on the file's line 2, so a YAML line n (from 0)
        # is the file's line n + 2.
        front = "\n".join(lines[1:end])
        try:
            node = yaml.compose(front)
            loaded = yaml.safe_load(front)
            meta = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            node, meta = None, {}
    body_start = end + 1 if end is not None else 0
    return Source(
        path=path,
        kind=kind,
        slug=slug,
        variant=variant,
        language=language,
        text=text,
        lines=lines,
        body_start=body_start,
        meta=meta,
        front_matter=node,
        tokens=_PARSER.parse("\n".join(lines[body_start:])),
    )


def inline_line(inline: Token, child_index: int) -> int:
    """The line (from 0, in the body) of an inline token's child: the block's first line
    plus the line breaks before the child."""
    children = inline.children or []
    breaks = sum(1 for c in children[:child_index] if c.type in ("softbreak", "hardbreak"))
    return (inline.map[0] if inline.map else 0) + breaks


def inline_tokens(source: Source):
    """Every inline token in the body that knows its line, with whether it is a heading."""
    heading = False
    for token in source.tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "inline" and token.map is not None:
            yield token, heading
