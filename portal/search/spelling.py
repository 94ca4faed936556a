"""What a reader probably meant by a word no page has: a suggestion from our own words.

The words are those of the pages in one language's search index, never a dictionary's:
"Glanmor", "ailgylchu" and "caddy" are words here and "zeitgeist" is not, and whatever is
suggested is words some page says, so searching for it always finds something.

Three slips are forgiven, tried in this order (the first that gives a word wins):

1. letters wrong, missing, extra or swapped ("recyling", "ailgylchy", "permt"): the
   closest word by optimal string alignment distance (an edit is a letter changed, added,
   dropped, or two neighbours swapped), allowing 1 edit in a word of up to 5 letters and
   2 in a longer one (Elasticsearch's "AUTO" fuzziness, a long-tested balance between
   forgiving typing and suggesting a different word), the most common of equally close.
   A different first letter counts as one edit more: people seldom mistype the first
   letter, and a word that differs there is more often another word ("Barry", a name,
   is not "carry");
2. a word not finished ("parki"): the most common word it begins;
3. two words run together ("bluebadge"): the split whose rarer half is the most common.

Words arrive folded (portal.search.text: lower case, no accents). A suggestion is written
as the pages write it, accents and all: "ffôn", not the folded "ffon".
"""

import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from portal.search.text import WORD, fold

# A shorter word is not corrected: one slip from a two-letter word is almost any other.
MIN_LETTERS = 3
# Up to this many letters a word may have 1 edit; longer, 2.
ONE_EDIT_UP_TO = 5
# A beginning shorter than this begins too many words to say which was meant.
MIN_BEGINNING = 4
# Each half of a split is a word of at least this many letters ("tŷ", "gp").
MIN_HALF = 2
# A letter outside ASCII ("ô", "ŷ", but not "£" or a curly quote): only text with one
# can write a word differently from its folded form, so only that text is read twice.
NON_ASCII_LETTER = re.compile(r"[^\W\x00-\x7f]")


class WordCount:
    """The words of some pages, counted as the index reads them, and how pages write
    those with accents (the index keeps "tŷ" as "ty"; a suggestion must say "tŷ")."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.accented: Counter[str] = Counter()

    def add(self, text: str, folded: Iterable[str]) -> None:
        """Count `text`, whose folded words (portal.search.text.words) are `folded`."""
        self.counts.update(folded)
        if NON_ASCII_LETTER.search(text):
            written = WORD.findall(unicodedata.normalize("NFC", text).lower())
            self.accented.update(word for word in written if not word.isascii())


class Vocabulary:
    """The words a suggestion can be made of, with how often pages use each."""

    def __init__(self, counts: Mapping[str, int], spellings: Mapping[str, str] | None = None):
        # Letters only: a number, a price or a reference is never what someone meant.
        self._counts = {word: count for word, count in counts.items() if word.isalpha()}
        self._words = sorted(self._counts)
        self._spellings = dict(spellings or {})  # folded word: how pages write it

    @classmethod
    def of(cls, counted: Iterable[WordCount], stop_words: frozenset[str]) -> "Vocabulary":
        """The vocabulary of pages counted by these WordCounts, less stop words: a stop
        word is never searched for, so suggesting one would find nothing."""
        counts: Counter[str] = Counter()
        written: dict[str, Counter[str]] = defaultdict(Counter)
        for count in counted:
            counts.update(count.counts)
            for spelling, times in count.accented.items():
                written[fold(spelling)][spelling] += times
        for word in stop_words & counts.keys():
            del counts[word]
        spellings = {}
        for word, variants in written.items():
            spelling, times = max(variants.items(), key=lambda variant: variant[1])
            # Pages may write the word both ways ("pas" in English text, "pàs" in Welsh):
            # the more common way wins.
            unaccented = counts.get(word, 0) - sum(variants.values())
            if word in counts and times > unaccented:
                spellings[word] = spelling
        return cls(counts, spellings)

    def correction(self, word: str) -> str | None:
        """What the folded `word`, which no page has, probably was, as pages write it
        (two words for a split); None when it is a word we have or close to none."""
        if word in self._counts or not word.isalpha() or len(word) < MIN_LETTERS:
            return None
        found = self._closest(word) or self._completion(word)
        if found:
            return self._written(found)
        halves = self._halves(word)
        return " ".join(self._written(half) for half in halves) if halves else None

    def _closest(self, word: str) -> str | None:
        allowed = 1 if len(word) <= ONE_EDIT_UP_TO else 2
        near = process.extract(
            word, self._words, scorer=OSA.distance, score_cutoff=allowed, limit=None
        )
        if not near:
            return None
        costs = [
            (distance + (candidate[0] != word[0]), -self._counts[candidate], candidate)
            for candidate, distance, _index in near
        ]
        cost, _commonness, closest = min(costs)
        return closest if cost <= allowed else None

    def _completion(self, beginning: str) -> str | None:
        if len(beginning) < MIN_BEGINNING:
            return None
        best: str | None = None
        for position in range(bisect_left(self._words, beginning), len(self._words)):
            candidate = self._words[position]
            if not candidate.startswith(beginning):
                break
            if best is None or self._counts[candidate] > self._counts[best]:
                best = candidate
        return best

    def _halves(self, word: str) -> tuple[str, str] | None:
        best, best_count = None, 0
        for cut in range(MIN_HALF, len(word) - MIN_HALF + 1):
            left, right = word[:cut], word[cut:]
            count = min(self._counts.get(left, 0), self._counts.get(right, 0))
            if count > best_count:
                best, best_count = (left, right), count
        return best

    def _written(self, word: str) -> str:
        return self._spellings.get(word, word)
