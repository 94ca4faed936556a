"""Site search: an SQLite FTS5 index of every service, guide and step-by-step, per language.

Built once with the content index, in memory. Ranking is FTS5's bm25() scored per field,
the title weighted far above the summary and the summary above the body, so a page whose
title says what the reader asked comes before one that only mentions it.

A reader's words are never FTS5 syntax: each becomes a quoted term we write ourselves,
so no query can fail to parse.

A word no page has gets a suggestion from the words the pages do have
(portal.search.spelling), checked against the index's own terms, so a Welsh word that is
only mutated ("fathodyn" for "bathodyn") or a plural ("biniau") is found, not corrected.
"""

import os
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from flask import current_app

from portal.search.spelling import Vocabulary, WordCount
from portal.search.text import WORD, Analyser, analyser, words

KINDS = ("services", "guides", "step-by-step")
# How much a match in the title, the summary and the body counts.
WEIGHTS = (10.0, 4.0, 1.0)
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12
MAX_LIMIT = 50
MAX_OFFSET = 10_000


@dataclass(frozen=True)
class Hit:
    """One page found. `fallback` is true when it is not in the language searched."""

    kind: str
    slug: str
    title: str
    summary: str
    language: str
    fallback: bool


@dataclass(frozen=True)
class Results:
    total: int
    hits: tuple[Hit, ...]


NO_RESULTS = Results(0, ())


@dataclass(frozen=True)
class Suggestion:
    """A query like the reader's with the words no page has corrected. `language` is that
    of the index it came from (the default language's for a language with no pages)."""

    query: str
    language: str


@dataclass(frozen=True)
class _Table:
    """One language's search: its FTS5 tables and what each row is."""

    number: int
    documents: tuple[tuple[str, str, str, str, str], ...]  # kind, slug, title, summary, lang
    analysers: tuple[Analyser, ...]  # one per language of text in the table
    terms: frozenset[str]  # every term indexed: a word whose forms meet none is in no page
    vocabulary: Vocabulary  # the words of the pages, for spelling suggestions

    @property
    def pages(self) -> str:
        return f"pages_{self.number}"

    @property
    def titles(self) -> str:
        return f"titles_{self.number}"

    @property
    def summaries(self) -> str:
        return f"summaries_{self.number}"

    def groups(self, query: str) -> list[str]:
        """Each word of the query as an FTS5 expression: its forms under each language's
        rules in this table, joined with OR. Repeated words count once."""
        groups: dict[frozenset[str], None] = {}
        for word in words(query):
            forms = frozenset().union(*(analyser_.forms(word) for analyser_ in self.analysers))
            if forms:
                groups[forms] = None
        return [
            "(" + " OR ".join(_quoted(term) for term in sorted(forms)) + ")"
            for forms in list(groups)[:MAX_QUERY_WORDS]
        ]

    def correction(self, word: str) -> str | None:
        """What a folded word of a query probably meant, when no page here has it under
        any of this table's rules; None for a word found, a stop word or one close to
        none of ours."""
        forms = frozenset().union(*(analyser_.forms(word) for analyser_ in self.analysers))
        if not forms or forms & self.terms:
            return None
        return self.vocabulary.correction(word)

    def ranked_query(self, words_to_count: int) -> str:
        """Pages that match, best first.

        FTS5's bm25() normalises by the length of the whole page and saturates the sum of
        all columns, so a short page that says a word often can beat a page whose title
        says it once. Titles and summaries therefore have tables of their own, each scored
        against its own kind of text (as BM25F does), and the weighted scores are added
        to the body's. When pages need not have every word, those with more of the words
        come first (`words_to_count` of them are counted): otherwise a common word in a
        title ("Get help...") beats the one rare word the reader meant ("sofa").
        """
        pages, titles, summaries = self.pages, self.titles, self.summaries
        title_weight, summary_weight, body_weight = WEIGHTS
        order = ["sum(score)", "rowid"]
        if words_to_count:
            matched = f"(rowid IN (SELECT rowid FROM {pages} WHERE {pages} MATCH ?))"
            order.insert(0, " + ".join([matched] * words_to_count) + " DESC")
        # One row per page per table it matched, added up per page (a join of the three
        # would compare every row with every row: seconds at 10,000 pages).
        return f"""
            SELECT rowid FROM (
                SELECT rowid, 1 AS found, {body_weight} * bm25({pages}, 0, 0, 1) AS score
                    FROM {pages} WHERE {pages} MATCH ?
                UNION ALL
                SELECT rowid, 0, {title_weight} * bm25({titles})
                    FROM {titles} WHERE {titles} MATCH ?
                UNION ALL
                SELECT rowid, 0, {summary_weight} * bm25({summaries})
                    FROM {summaries} WHERE {summaries} MATCH ?
            )
            GROUP BY rowid HAVING max(found) = 1
            ORDER BY {", ".join(order)}
            LIMIT ? OFFSET ?
        """


def _quoted(term: str) -> str:
    """A term as an FTS5 string: never read as an operator, a column or a prefix."""
    return '"' + term.replace('"', '""') + '"'


def clean_query(query: str) -> str:
    """What the reader typed, safe to search for and to show again: control and unassigned
    characters removed, spaces collapsed, at most MAX_QUERY_CHARS characters."""
    head = query[: MAX_QUERY_CHARS * 2]
    kept = "".join(char if unicodedata.category(char)[0] != "C" else " " for char in head)
    return " ".join(kept.split())[:MAX_QUERY_CHARS].strip()


def _page_text(page) -> tuple[str, str, str]:
    body = page.text
    # A step-by-step's steps are in its front matter, not its body.
    steps = " ".join(f"{step.title} {step.text or ''}" for step in getattr(page.meta, "steps", ()))
    return page.meta.title, page.meta.summary, f"{steps} {body}"


class SearchIndex:
    """Every published service, guide and step-by-step, searchable in each language.

    The index is built in one SQLite database, then kept as bytes; each process opens
    its own copy on first use (gunicorn builds the app before it forks, and an SQLite
    connection must not cross a fork). Threads in a process share that connection, one
    at a time.
    """

    def __init__(self, image: bytes, tables: Mapping[str, _Table], default_language: str):
        self._image = image
        self._tables = dict(tables)
        self._default_language = default_language
        self._opened: tuple[int, sqlite3.Connection] | None = None
        self._lock = threading.Lock()

    @classmethod
    def build(
        cls, pages: Mapping, default_language: str = "en", kinds: Iterable[str] = KINDS
    ) -> "SearchIndex":
        """Index the standard (not Easy Read, say) pages of `kinds` in every language that
        has pages, as citizens see them: a language's index holds the default-language
        page wherever there is no translation. Drafts are never indexed, even when the
        content index holds them (the preview): a draft default-language page takes its
        translations with it, and a draft translation leaves the default-language page."""
        kinds = tuple(kinds)
        standard = {
            (kind, slug, language): page
            for (kind, slug, language, variant), page in pages.items()
            if variant is None and kind in kinds
        }
        languages = sorted({language for (_, _, language) in standard} | {default_language})
        originals = [
            page
            for (_kind, _slug, language), page in sorted(standard.items())
            if language == default_language and not page.meta.draft
        ]
        connection = sqlite3.connect(":memory:")
        tables = {}
        for number, language in enumerate(languages):
            shown = []
            for original in originals:
                translation = standard.get((original.kind, original.slug, language))
                usable = translation is not None and not translation.meta.draft
                shown.append(translation if usable else original)
            tables[language] = _build_table(connection, number, shown)
        connection.commit()  # serialize() copies only what is committed
        image = connection.serialize()
        connection.close()
        return cls(image, tables, default_language)

    def search(self, query: str, language: str, offset: int = 0, limit: int = 10) -> Results:
        """Pages matching `query` in `language` (the default language's pages when it has
        none of its own), best first: those with every word, or if there are none, those
        with any."""
        table = self._tables.get(language) or self._tables[self._default_language]
        offset = max(0, min(int(offset), MAX_OFFSET))
        limit = max(0, min(int(limit), MAX_LIMIT))
        groups = table.groups(clean_query(query))
        if not groups:
            return NO_RESULTS
        every_word, any_word = " AND ".join(groups), " OR ".join(groups)
        # Table names are ours (pages_0, titles_0...), never the reader's.
        count = f"SELECT count(*) FROM {table.pages} WHERE {table.pages} MATCH ?"
        with self._lock:
            connection = self._connection()
            total = connection.execute(count, (every_word,)).fetchone()[0]
            counted: list[str] = []
            matching = every_word
            if not total and len(groups) > 1:
                total = connection.execute(count, (any_word,)).fetchone()[0]
                counted, matching = groups, any_word
            if not total:
                return NO_RESULTS
            rows = connection.execute(
                table.ranked_query(len(counted)),
                (matching, any_word, any_word, *counted, limit, offset),
            ).fetchall()
        return Results(total, tuple(_hit(table.documents[row], language) for (row,) in rows))

    def suggestion(self, query: str, language: str) -> Suggestion | None:
        """`query` with each word that no page in `language`'s index has replaced by the
        word our pages probably meant, the rest as typed; None when every word is found or
        none is close to ours. Only the words a search reads (the first MAX_QUERY_WORDS)
        are looked at, so a long query costs no more."""
        searched = language if language in self._tables else self._default_language
        table = self._tables[searched]
        cleaned = clean_query(query)
        corrections: dict[str, str | None] = {}
        seen: set[str] = set()
        for typed in WORD.findall(cleaned):
            folded = words(typed)
            seen.update(folded)
            if len(seen) > MAX_QUERY_WORDS:
                break
            if typed not in corrections and len(folded) == 1:
                correction = table.correction(folded[0])
                corrections[typed] = _in_the_case_typed(typed, correction) if correction else None
        if not any(corrections.values()):
            return None
        suggested = WORD.sub(lambda match: corrections.get(match[0]) or match[0], cleaned)
        return Suggestion(suggested, searched)

    def _connection(self) -> sqlite3.Connection:
        """This process's connection (call with the lock held)."""
        pid = os.getpid()
        if self._opened is None or self._opened[0] != pid:
            connection = sqlite3.connect(":memory:", check_same_thread=False)
            connection.deserialize(self._image)
            connection.execute("PRAGMA query_only = ON")
            self._opened = (pid, connection)
        return self._opened[1]


def _in_the_case_typed(typed: str, correction: str) -> str:
    """A capital the reader typed is kept: "Recyling" gives "Recycling"."""
    return correction[:1].upper() + correction[1:] if typed[:1].isupper() else correction


def _build_table(connection: sqlite3.Connection, number: int, pages: list) -> _Table:
    # Each language's words are counted apart: each is indexed under its own rules.
    counted = {language: WordCount() for language in dict.fromkeys(p.language for p in pages)}
    rows = [(row, *_indexed_text(page, counted[page.language])) for row, page in enumerate(pages)]
    analysers = tuple(analyser(language) for language in counted)
    table = _Table(
        number,
        documents=tuple(
            (page.kind, page.slug, page.meta.title, page.meta.summary, page.language)
            for page in pages
        ),
        analysers=analysers,
        terms=_terms(counted),
        vocabulary=Vocabulary.of(
            counted.values(), frozenset().union(*(each.stop_words for each in analysers))
        ),
    )
    # Contentless (content=''): only the terms are kept, which is all bm25() needs; what a
    # result shows comes from `documents`. Text arrives as terms, so the tokenizer splits.
    options = "content='', tokenize='unicode61 remove_diacritics 0'"
    for name, columns, values in (
        (table.pages, ("title", "summary", "body"), rows),
        (table.titles, ("title",), [(row, title) for row, title, _, _ in rows]),
        (table.summaries, ("summary",), [(row, summary) for row, _, summary, _ in rows]),
    ):
        names = ", ".join(columns)
        connection.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({names}, {options})")
        marks = ", ".join("?" for _ in columns)
        connection.executemany(f"INSERT INTO {name}(rowid, {names}) VALUES (?, {marks})", values)
        # Merge the index into one segment: the fastest shape to read.
        connection.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")
    return table


def _indexed_text(page, counted: WordCount) -> list[str]:
    """A page's title, summary and body as terms to index, its words counted on the way
    (split once, for both)."""
    indexed = []
    for text in _page_text(page):
        found = words(text)
        counted.add(text, found)
        indexed.append(analyser(page.language).word_terms(found))
    return indexed


def _terms(counted: Mapping[str, WordCount]) -> frozenset[str]:
    """Every term indexed: each word's forms under its own language's rules."""
    return frozenset().union(
        *(
            analyser(language).forms(word)
            for language, count in counted.items()
            for word in count.counts
        )
    )


def _hit(document: tuple[str, str, str, str, str], language: str) -> Hit:
    kind, slug, title, summary, page_language = document
    return Hit(kind, slug, title, summary, page_language, fallback=page_language != language)


def current_search() -> SearchIndex:
    """The running app's search index."""
    return current_app.extensions["content"].search  # portal.bundle installs it
