"""Welsh search terms: undo initial consonant mutations and strip common plural endings.

Snowball has no Welsh stemmer, so this is the "equivalent" the search needs. Welsh
changes the first letter of a word after certain words ("cais" -> "ei gais", "fy
nghais", "ei chais"), so a reader who types what they would say ("gais am fathodyn")
must still find the page that says "cais" and "Bathodyn". Welsh also forms most
plurals with an ending ("bin" -> "biniau").

We cannot know which mutation, if any, a word has had without parsing the sentence, so a
word stands for every form it could be: itself, each radical (unmutated) form it could
be a mutation of, and each of those without a plural ending. The index does this for
every word on a page and the query for every word asked; two words match when their
sets meet. Extra forms that are not real words cost a little precision, never a miss.

Words arrive already folded (lower case, accents removed: "â" is "a", "ŵ" is "w").
References: Gareth King, "Modern Welsh: A Comprehensive Grammar" (3rd ed., 2016),
sections 6-10 (mutations) and 42-47 (plurals).
"""

from functools import lru_cache

# Welsh vowels: "w" and "y" are vowels as well as consonants.
VOWELS = frozenset("aeiouwy")

# Welsh letters written with two characters. "d" at the start of "dd..." is not the
# letter "d", so a rule for "d" must not touch "ddefnyddio" (the letter there is "dd").
DIGRAPHS = ("ch", "dd", "ff", "ng", "ll", "ph", "rh", "th", "ngh", "mh", "nh")

# (how the mutated word begins, how the radical begins). King §§ 6-10.
MUTATIONS = (
    # Soft mutation (treiglad meddal), e.g. after "ei" (his), "dy", "i" (to), "am":
    # c -> g ("cais" -> "ei gais"), p -> b ("parcio" -> "i barcio"),
    # t -> d ("treth" -> "y dreth"), d -> dd ("defnyddio" -> "i ddefnyddio"),
    # b -> f ("bathodyn" -> "am fathodyn"), m -> f ("mam" -> "ei fam"),
    # ll -> l ("llyfrgell" -> "i lyfrgell"), rh -> r ("rhoi" -> "i roi").
    # (g -> nothing is handled below: the radical is "g" + the whole word.)
    ("g", "c"),
    ("b", "p"),
    ("d", "t"),
    ("dd", "d"),
    ("f", "b"),
    ("f", "m"),
    ("l", "ll"),
    ("r", "rh"),
    # Nasal mutation (treiglad trwynol), after "fy" (my) and "yn" (in):
    # c -> ngh ("fy nghais"), p -> mh ("ym mhob"), t -> nh ("yn nhref"),
    # g -> ng ("yng Nglanmor"), b -> m ("ym Mangor"), d -> n ("yn Ninbych").
    ("ngh", "c"),
    ("mh", "p"),
    ("nh", "t"),
    ("ng", "g"),
    ("m", "b"),
    ("n", "d"),
    # Aspirate mutation (treiglad llaes), after "ei" (her), "a" (and), "tri", "gyda":
    # c -> ch ("ei chais"), p -> ph ("ei phas"), t -> th ("ei threth").
    ("ch", "c"),
    ("ph", "p"),
    ("th", "t"),
)

# Plural and inflection endings, longest first so "-iau" wins over "-au". King §§ 42-47:
# -au ("eitem" -> "eitemau"), -iau ("bin" -> "biniau"), -oedd ("llyfrgell" ->
# "llyfrgelloedd"), -ion ("cynhwysydd" -> "cynwysyddion"), -od ("cath" -> "cathod"),
# -ydd ("afon" -> "afonydd"), -i ("ffenestr" -> "ffenestri").
ENDINGS = ("oedd", "iau", "ion", "ydd", "au", "od", "i")
# A stem shorter than this is more likely a different word than a plural: "tai" is
# "houses", not "ta" + "-i".
MIN_STEM = 3

# Words too common to help find a page: articles, pronouns, common prepositions,
# conjunctions, question words and parts of "bod" (to be). Checked before mutations are
# undone, on the folded word; one-letter words ("a", "y", "i", "o", "'r", "'n") never
# reach here (see portal.search.text).
STOP_WORDS = frozenset(
    """
    ac ag am ar at yr yn ym yng ei eu eich ein fy dy ni chi nhw fe fo hi ef ti mi
    mae yw ydy ydi oes sy sydd oedd bydd roedd ydych ydw ydyn dyw dydy dydw nad nid
    na neu ond os pan fel hyn hwn hon hynny rhain yma yno gyda gan heb dros drwy trwy
    wrth tan er mewn ch th ddim dim hefyd sut beth pwy pam ble pryd pa
    """.split()  # noqa: SIM905 (a block of words reads better than 80 quoted strings)
)


def _begins_with_letter(word: str, prefix: str) -> bool:
    """Whether `word` begins with the Welsh letter(s) `prefix`, not a longer digraph."""
    if not word.startswith(prefix):
        return False
    return not any(
        word.startswith(longer)
        for longer in DIGRAPHS
        if len(longer) > len(prefix) and longer.startswith(prefix)
    )


def radicals(word: str) -> set[str]:
    """Every form `word` could be a mutation of (not including the word itself)."""
    found = {
        radical + word[len(mutated) :]
        for mutated, radical in MUTATIONS
        if _begins_with_letter(word, mutated) and len(word) > len(mutated)
    }
    # Soft mutation drops an initial g: "gwneud" -> "wneud", "gofyn" -> "ofyn",
    # "glas" -> "las", "gradd" -> "radd". Any word beginning with a vowel, l or r may
    # have lost one.
    if word[:1] in VOWELS or _begins_with_letter(word, "l") or _begins_with_letter(word, "r"):
        found.add("g" + word)
    # h-prothesis: "h" before a vowel after "ei" (her), "eu", "ein": "enw" -> "ei henw".
    if len(word) > 2 and word[0] == "h" and word[1] in VOWELS:
        found.add(word[1:])
    return found


def strip_ending(word: str) -> str:
    """`word` without one plural or inflection ending, when what is left is long enough."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            stem = word[: -len(ending)]
            # n and r double before an ending on a stressed final syllable:
            # "bathodyn" -> "bathodynnau", "dogfen" -> "dogfennau" (King § 44).
            if stem.endswith(("nn", "rr")):
                stem = stem[:-1]
            return stem
    return word


@lru_cache(maxsize=200_000)
def forms(word: str) -> frozenset[str]:
    """The word, its possible radicals, and each of those without a plural ending."""
    candidates = {word, *radicals(word)}
    return frozenset(candidates | {strip_ending(candidate) for candidate in candidates})
