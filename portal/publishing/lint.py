"""The content designers' checks behind `flask content check`.

Each check is one function that takes a parsed content file (or all of them) and returns
Findings: the file and line, what is wrong and how to fix it. Errors are what would break
a page or mislead a reader; warnings are advice (and dates that pass on their own, which
must not break a build that changed nothing).

Link checks live in `links.py`, marker checks in `markers.py`, translation checks in
`translation.py` and the reading measures in `readability.py`.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from portal.publishing import readability
from portal.publishing.index import KINDS
from portal.publishing.links import Site, check_links
from portal.publishing.loader import ContentError, load_page, load_taxonomy
from portal.publishing.marker_checks import check_markers
from portal.publishing.raw_html import check_raw_html
from portal.publishing.schema import Taxonomy
from portal.publishing.sources import (
    GUIDE,
    Finding,
    Source,
    inline_line,
    inline_tokens,
    read_source,
)
from portal.publishing.translation import check_translations_current, check_translations_exist

__all__ = ["Finding", "check_content", "content_files"]

VAGUE_LINK_TEXT = frozenset(
    {
        # English
        "click here",
        "here",
        "more",
        "read more",
        "this page",
        "link",
        "find out more",
        # Welsh
        "cliciwch yma",
        "yma",
        "mwy",
        "darllen mwy",
        "rhagor",
        "y dudalen hon",
    }
)


def content_files(content_dir: Path) -> list[tuple[str, Path]]:
    """(kind, path) of every markdown file the portal would load, in a stable order."""
    return [(kind, path) for kind in KINDS for path in sorted((content_dir / kind).glob("*.md"))]


def check_content(
    content_dir: Path,
    languages: tuple[str, ...],
    today: date,
    reading_age_limit: int,
    url_languages: tuple[str, ...] | None = None,
    serves: Callable[[str], bool] | None = None,
) -> list[Finding]:
    """Every finding about the content in `content_dir`, sorted by file and line.

    `languages` are the content languages, English first: every page needs a file in each.
    `url_languages` are all the languages with a URL prefix (default: `languages`).
    `serves` says whether the portal answers GET at a path that is not from content/
    (without it, only /your-needs and /search are known).
    """
    findings: list[Finding] = []
    taxonomy = None
    try:
        taxonomy = load_taxonomy(content_dir / "taxonomy.yaml")
    except ContentError as error:
        findings += _taxonomy_findings(content_dir / "taxonomy.yaml", error)
    sources: list[Source] = []
    for kind, path in content_files(content_dir):
        try:
            sources.append(read_source(path, kind, languages))
        except ContentError as error:
            findings.append(
                Finding(path, 1, "error", "file-name", _without_path(str(error), path), _NAME_FIX)
            )
        except UnicodeDecodeError:
            findings.append(
                Finding(path, 1, "error", "encoding", "the file is not UTF-8 text", _UTF8)
            )
    site = Site(
        sources={source.key: source for source in sources},
        topics=frozenset(taxonomy.topics) if taxonomy else frozenset(),
        forms=frozenset(p.stem for p in (content_dir / "forms").glob("*.yaml")),
        languages=languages,
        url_languages=url_languages or languages,
        serves=serves,
    )
    for source in sources:
        if taxonomy is not None:
            findings += check_front_matter(source, taxonomy, languages)
        findings += check_links(source, site)
        findings += check_headings(source)
        findings += check_images(source)
        findings += check_link_text(source)
        findings += check_raw_html(source)
        findings += check_markers(source)
        findings += check_review_date(source, today)
        findings += check_long_sentences(source)
        if source.language == languages[0]:
            findings += check_reading_age(source, reading_age_limit)
    findings += check_translations_exist(sources, languages)
    findings += check_translations_current(sources, languages)
    # A set: one line can hold the same mistake twice (`$FOO text $FOO`); say it once.
    return sorted(set(findings), key=lambda f: (str(f.path), f.line, f.code, f.message))


_NAME_FIX = (
    "rename the file <slug>[.easy-read][.<language>].md, for example "
    "apply-for-a-blue-badge.easy-read.cy.md"
)
_UTF8 = "save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding')"


def _without_path(message: str, path: Path) -> str:
    return message.removeprefix(f"{path}: ")


def _taxonomy_findings(path: Path, error: ContentError) -> list[Finding]:
    return [
        Finding(
            path,
            _yaml_error_line(problem, first_line=1),
            "error",
            "taxonomy",
            _without_path(problem.splitlines()[0], path),
            "correct taxonomy.yaml: every page's department and topics are checked against it",
        )
        for problem in _problems(error, path)
    ]


def _problems(error: ContentError, path: Path) -> list[str]:
    """A ContentError's problems, one each: a line that starts with the path starts one
    (PyYAML's messages run on over several lines)."""
    return re.split(rf"\n(?={re.escape(str(path))}: )", str(error))


def _yaml_error_line(message: str, first_line: int) -> int:
    # PyYAML says "line 3, column 5" counting from 1 in the text it was given.
    found = re.search(r"line (\d+), column", message)
    return int(found.group(1)) - 1 + first_line if found else 1


_FIELD_PROBLEM = re.compile(r"^field '([^']*)': (.*)$")


def check_front_matter(source: Source, taxonomy: Taxonomy, languages) -> list[Finding]:
    """Front matter the portal would refuse at start-up: missing or misspelt fields,
    unknown topics, dates in the wrong order. The messages are the loader's own."""
    try:
        load_page(source.path, source.kind, taxonomy, languages)
    except ContentError as error:
        return [_front_matter_finding(source, p) for p in _problems(error, source.path)]
    return []


def _front_matter_finding(source: Source, line: str) -> Finding:
    problem = _without_path(line, source.path)
    found = _FIELD_PROBLEM.match(problem)
    if not found:
        # Not one field: YAML that cannot be read (PyYAML names the line), or no front
        # matter at all.
        return source.finding(
            _yaml_error_line(problem, first_line=2),
            "error",
            "front-matter",
            problem.splitlines()[0],
            "correct the YAML between the --- lines: check the indentation, and put text "
            "that contains a colon in quotes",
        )
    name, message = found.groups()
    loc: Sequence[int | str] = [int(part) if part.isdigit() else part for part in name.split(".")]
    if name == "front matter":
        # A rule across fields ("review_by must be a date after last_reviewed"): point at
        # the first field the message names, and leave out the loader's copy of the whole
        # front matter, which says nothing the file does not.
        message = re.sub(r" \(found \{.*\}\)$", "", message)
        named = [k for k in map(str, source.meta) if re.search(rf"\b{re.escape(k)}\b", message)]
        loc = sorted(named, key=message.index)[:1]
    if message == "this field is required":
        fix = f"add `{name}:` to the front matter (the fields are listed in {GUIDE})"
    elif message.startswith("this field is not in the schema"):
        fix = f"correct the spelling or remove it: the fields are listed in {GUIDE}"
    elif name == "front matter":
        fix = f"correct the fields it names: {GUIDE} says what each one takes"
    else:
        fix = f"correct the value of `{name}`: {GUIDE} says what it takes"
    return source.finding(
        source.field_line(*loc), "error", "front-matter", f"field '{name}': {message}", fix
    )


def check_headings(source: Source) -> list[Finding]:
    """Headings out of order: a `#` (the title is the page's only h1), a first heading
    that is not `##`, or a skipped level. Screen reader users move by heading level, and a
    gap makes them think they have missed something."""
    findings = []
    previous = None
    for token in source.tokens:
        if token.type != "heading_open" or not token.map:
            continue
        level = int(token.tag[1])
        number = source.body_line(token.map[0])
        if level == 1:
            findings.append(
                source.finding(
                    number,
                    "error",
                    "heading-order",
                    "a # heading in the body: the title is the page's only top-level heading",
                    "use ## for sections and ### under them",
                )
            )
        elif previous is None and level > 2:
            findings.append(
                source.finding(
                    number,
                    "error",
                    "heading-order",
                    f"the first heading is {'#' * level}: the first section heading must be ##",
                    "make it ##",
                )
            )
        elif previous is not None and level > previous + 1:
            findings.append(
                source.finding(
                    number,
                    "error",
                    "heading-order",
                    f"{'#' * level} after {'#' * previous} skips a level",
                    f"make it {'#' * (previous + 1)}, or add the {'#' * (previous + 1)} "
                    "section it belongs under",
                )
            )
        previous = level
    return findings


def check_images(source: Source) -> list[Finding]:
    """Images with no alt text: a screen reader says only "image", or reads the file name."""
    findings = []
    for inline, _heading in inline_tokens(source):
        for index, child in enumerate(inline.children or []):
            if child.type == "image" and not child.content.strip():
                findings.append(
                    source.finding(
                        source.body_line(inline_line(inline, index)),
                        "error",
                        "image-alt",
                        f"the image {child.attrGet('src')} has no alt text",
                        "say what the image shows between the brackets: "
                        "![A map of the recycling centre](...). If it says nothing the "
                        "text does not, leave the image out",
                    )
                )
    return findings


def check_link_text(source: Source) -> list[Finding]:
    """Link text that does not say where the link goes ("click here", "darllen mwy"):
    screen reader users often hear a page's links as a list, out of context."""
    findings = []
    for inline, _heading in inline_tokens(source):
        for start, text in _links_with_text(inline.children or []):
            said = " ".join(text.split()).strip(" .,:;!?…").casefold()
            if said in VAGUE_LINK_TEXT:
                findings.append(
                    source.finding(
                        source.body_line(inline_line(inline, start)),
                        "error",
                        "vague-link-text",
                        f"the link text '{text.strip()}' does not say where the link goes",
                        "use words that make sense on their own, such as the title of the "
                        "page: [Apply for a Blue Badge](/services/apply-for-a-blue-badge)",
                    )
                )
    return findings


def _links_with_text(children) -> Iterable[tuple[int, str]]:
    start: int | None = None
    words: list[str] = []
    for index, child in enumerate(children):
        if child.type == "link_open":
            start, words = index, []
        elif child.type == "link_close" and start is not None:
            yield start, "".join(words)
            start = None
        elif start is not None and child.type in ("text", "code_inline"):
            words.append(child.content)
        elif start is not None and child.type in ("softbreak", "hardbreak"):
            words.append(" ")


def check_review_date(source: Source, today: date) -> list[Finding]:
    """Pages past their `review_by` date: they may no longer be right. A warning, because
    a date passing must not fail a build that changed nothing."""
    review_by = source.meta.get("review_by")
    if not isinstance(review_by, date) or review_by >= today:
        return []
    owner = source.meta.get("owner") or "the page's owner"
    return [
        source.finding(
            source.field_line("review_by"),
            "warning",
            "review-overdue",
            f"review_by {review_by.isoformat()} has passed",
            f"check the page is still right with {owner}, then set last_reviewed to the "
            "day you checked it and review_by to the next review date",
        )
    ]


def check_reading_age(source: Source, limit: int) -> list[Finding]:
    """English prose harder than the reading age limit (Flesch-Kincaid grade level + 5).
    A warning: the formula counts syllables and sentence length, not meaning."""
    paragraphs = readability.prose(source.tokens)
    age = readability.reading_age(readability.reading_text(paragraphs))
    if age is None or round(age, 1) <= limit:
        return []
    hardest = readability.hardest(paragraphs)
    return [
        source.finding(
            source.body_line(hardest.line if hardest else 0),
            "warning",
            "reading-age",
            f"the page has a reading age of {age:.1f} ({readability.FORMULA}), above the "
            f"limit of {limit}; the hardest paragraph starts on this line",
            "use shorter sentences and everyday words: 'help' not 'assistance', "
            "'about' not 'approximately'",
        )
    ]


def check_long_sentences(source: Source) -> list[Finding]:
    """Sentences over 25 words, in any language: long sentences are the first thing that
    makes a page hard to read, for everyone and most for people reading in a second
    language or with a cognitive impairment."""
    return [
        source.finding(
            source.body_line(sentence.line),
            "warning",
            "long-sentence",
            f"a sentence of {sentence.words} words (more than "
            f"{readability.LONG_SENTENCE_WORDS}): '{_opening(sentence.text)}'",
            "split it into two or more sentences",
        )
        for sentence in readability.long_sentences(readability.prose(source.tokens))
    ]


def _opening(text: str, words: int = 8) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" ..." if len(split) > words else "")
