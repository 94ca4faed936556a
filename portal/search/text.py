"""Text into search terms: the same steps for what a page says and what a reader asks.

Python does all the language work (folding, stop words, stemming, Welsh mutations), so
SQLite's tokenizer only has to split the result on spaces. A word becomes a set of
terms (its "forms"); a page matches a word when they share one.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from portal.search import welsh

# Letters and digits in any script; everything else (punctuation, apostrophes, hyphens,
# emoji, control characters) separates words.
WORD = re.compile(r"[^\W_]+")

ENGLISH_STOP_WORDS = frozenset(
    """
    about after all also am an and any are as at be been being but by can could did do
    does for from had has have he her his how if in into is it its me my no not of on or
    our she should so than that the their them then there these they this those to up
    us was we were what when where which who why will with would you your yours
    """.split()  # noqa: SIM905 (a block of words reads better than 80 quoted strings)
)

_english = snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    """Lower case without accents, so "Bàs", "bas" and "BAS" are the same word."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def words(text: str) -> list[str]:
    """The folded words of `text`. One-letter words are dropped: in English and Welsh
    they are articles, pronouns and particles ("a", "i", "y", the "'r" of "a'r")."""
    return [word for word in WORD.findall(fold(text)) if len(word) > 1 or word.isdigit()]


@lru_cache(maxsize=200_000)
def _english_forms(word: str) -> frozenset[str]:
    return frozenset((_english.stemWord(word),))


@lru_cache(maxsize=200_000)
def _plain_forms(word: str) -> frozenset[str]:
    return frozenset((word,))


@dataclass(frozen=True)
class Analyser:
    """How one language's text becomes terms."""

    stop_words: frozenset[str]
    word_forms: Callable[[str], frozenset[str]]

    def forms(self, word: str) -> frozenset[str]:
        """The terms a folded word stands for; none for a stop word."""
        return frozenset() if word in self.stop_words else self.word_forms(word)

    def groups(self, text: str) -> list[frozenset[str]]:
        """Each meaningful word of `text` as the set of terms it stands for."""
        return self.word_groups(words(text))

    def word_groups(self, folded: Iterable[str]) -> list[frozenset[str]]:
        """Each of these folded words but the stop words as the set of terms it stands for."""
        return [self.word_forms(word) for word in folded if word not in self.stop_words]

    def terms(self, text: str) -> str:
        """`text` as space-separated terms, ready to index."""
        return self.word_terms(words(text))

    def word_terms(self, folded: Iterable[str]) -> str:
        """`terms` of text already split into folded words (`words(text)`), for a caller
        that needs the words too (the index counts them for spelling suggestions)."""
        return " ".join(term for group in self.word_groups(folded) for term in sorted(group))


ANALYSERS = {
    # Snowball's English (Porter 2) stemmer: "badges", "badge" -> "badg".
    "en": Analyser(ENGLISH_STOP_WORDS, _english_forms),
    "cy": Analyser(welsh.STOP_WORDS, welsh.forms),
}
# A language we have no rules for still matches whole words, accents folded.
PLAIN = Analyser(frozenset(), _plain_forms)


def analyser(language: str) -> Analyser:
    """The analyser for a language's text."""
    return ANALYSERS.get(language, PLAIN)
