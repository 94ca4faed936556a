"""How hard a page's prose is to read: reading age and long sentences.

Pure functions over markdown-it tokens and plain text, so the content checks (`lint.py`)
and anyone measuring content (a benchmark, say) count the same way.

What counts as prose: paragraphs, including those in block quotes and list items, with
markdown stripped (link text stays, addresses go) and code left out. Headings and table
cells never count: they are labels, not sentences. For the reading age, list items do not
count either: GOV.UK lists are fragments without full stops ("a recent photo of your
face"), which a formula would read as one endless sentence and score as very hard.
"""

import re
from dataclasses import dataclass

import textstat
from markdown_it.token import Token

# The formula, named in code and in every message: Flesch-Kincaid grade level is a US
# school grade; people start school at about 5, so reading age = grade + 5.
FORMULA = "Flesch-Kincaid grade level + 5"
SCHOOL_STARTING_AGE = 5

# GOV.UK's guidance: sentences of 25 words or fewer (in any language).
LONG_SENTENCE_WORDS = 25

# Fewer words than this give a reading age that is mostly noise (one long word in a
# 15-word page moves it by years), so such a page gets no reading age at all.
MIN_WORDS_FOR_READING_AGE = 40

# Markers (`$E`, `:wales:`, `{button start}`, a callout's `^` or `%`) are not words.
_MARKERS = re.compile(r"\$[A-Z!]+|:[a-z][a-z0-9-]*:|\{/?[a-z][a-z ]*\}|(?<!\S)[\^%]|[\^%](?!\S)")
# A sentence ends at . ! or ?, perhaps followed by a closing quote (\u201d, \u2019) or bracket.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+")
# Words, with their apostrophes (straight or curly) and hyphens: "you're", "drop-in".
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")


@dataclass(frozen=True)
class Prose:
    """One paragraph of plain text; `line` is its first line, counted from 0 in the body."""

    line: int
    text: str
    in_list: bool


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    words: int


def prose(tokens: list[Token]) -> list[Prose]:
    """Every paragraph in the body as plain text, with its line and whether it is a list item."""
    found = []
    lists = 0
    paragraph = False
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif token.type == "paragraph_open":
            paragraph = True
        elif token.type == "paragraph_close":
            paragraph = False
        elif token.type == "inline" and paragraph and token.map:
            text = _MARKERS.sub(" ", plain_text(token))
            if _WORD.search(text):
                found.append(Prose(token.map[0], text, in_list=lists > 0))
    return found


def plain_text(inline: Token) -> str:
    """An inline token's words without markdown; line breaks kept as newlines."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def sentences(paragraph: Prose) -> list[Sentence]:
    """The paragraph's sentences, each with the line it starts on."""
    found = []
    start = 0
    for match in [*_SENTENCE_END.finditer(paragraph.text), None]:
        end = match.start() if match else None
        text = paragraph.text[start:end]
        line = paragraph.line + paragraph.text.count("\n", 0, start)
        stripped = " ".join(text.split())
        if stripped:
            found.append(Sentence(line, stripped, len(_WORD.findall(stripped))))
        if match:
            start = match.end()
    return found


def long_sentences(paragraphs: list[Prose], limit: int = LONG_SENTENCE_WORDS) -> list[Sentence]:
    """Sentences of more than `limit` words."""
    return [s for p in paragraphs for s in sentences(p) if s.words > limit]


def reading_text(paragraphs: list[Prose]) -> str:
    """The prose the reading age is measured on: paragraphs outside lists, one sentence
    end each (a lead-in ending in a colon would otherwise run into the next paragraph)."""
    texts = []
    for paragraph in paragraphs:
        if paragraph.in_list:
            continue
        text = " ".join(paragraph.text.split())
        texts.append(text if text[-1] in ".!?" else text + ".")
    return "\n\n".join(texts)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def reading_age(text: str) -> float | None:
    """Reading age in years by the Flesch-Kincaid grade level + 5, or None for too few words."""
    if word_count(text) < MIN_WORDS_FOR_READING_AGE:
        return None
    return textstat.flesch_kincaid_grade(text) + SCHOOL_STARTING_AGE


def hardest(paragraphs: list[Prose]) -> Prose | None:
    """The paragraph outside lists with the highest reading age, to say where to start."""
    scored = [
        (textstat.flesch_kincaid_grade(reading_text([p])), p)
        for p in paragraphs
        if not p.in_list and word_count(p.text) >= 10
    ]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None
