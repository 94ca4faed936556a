"""Welsh words find each other through mutations and plural endings."""

import pytest

from portal.search import welsh
from portal.search.text import analyser, words


def matches(asked: str, written: str) -> bool:
    """Whether a reader typing `asked` finds a page that says `written`."""
    return bool(welsh.forms(asked) & welsh.forms(written))


@pytest.mark.parametrize(
    ("mutated", "radical"),
    [
        # Soft mutation
        ("gais", "cais"),  # ei gais: his application
        ("barcio", "parcio"),  # i barcio: to park
        ("dreth", "treth"),  # y dreth gyngor: the council tax
        ("ddefnyddio", "defnyddio"),  # i ddefnyddio: to use
        ("fathodyn", "bathodyn"),  # am fathodyn: for a badge
        ("fam", "mam"),  # ei fam: his mother
        ("lyfrgell", "llyfrgell"),  # i lyfrgell: to a library
        ("roi", "rhoi"),  # i roi gwybod: to report
        ("wneud", "gwneud"),  # i wneud cais: to apply (g is lost)
        ("ofyn", "gofyn"),  # i ofyn: to ask
        ("las", "glas"),  # y faner las: the blue flag
        # Nasal mutation
        ("nghais", "cais"),  # fy nghais: my application
        ("mhob", "pob"),  # ym mhob bin: in every bin
        ("nhref", "tref"),  # yn nhref: in the town of
        ("nglanmor", "glanmor"),  # yng Nglanmor: in Glanmor
        ("mangor", "bangor"),  # ym Mangor: in Bangor
        ("ninbych", "dinbych"),  # yn Ninbych: in Denbigh
        # Aspirate mutation
        ("chais", "cais"),  # ei chais: her application
        ("phas", "pas"),  # ei phàs: her pass
        ("threth", "treth"),  # ei threth: her tax
        # h before a vowel
        ("henw", "enw"),  # ei henw: her name
    ],
)
def test_a_mutated_word_stands_for_its_radical(mutated, radical):
    assert radical in welsh.forms(mutated)


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("biniau", "bin"),
        ("eitemau", "eitem"),
        ("llyfrgelloedd", "llyfrgell"),
        ("swyddogion", "swyddog"),
        ("cathod", "cath"),
        ("afonydd", "afon"),
        ("ffenestri", "ffenestr"),
        ("bathodynnau", "bathodyn"),  # n doubles before the ending
        ("dogfennau", "dogfen"),
    ],
)
def test_a_plural_stands_for_its_singular(plural, singular):
    assert singular in welsh.forms(plural)


@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("gais", "cais"),
        ("nghais", "cais"),
        ("dreth", "treth"),
        ("biniau", "bin"),
        ("barcio", "parcio"),
        ("bin", "fin"),  # the page says "am fin heb ei gasglu"
        ("finiau", "bin"),  # mutated and plural
        ("nhrethi", "treth"),
        ("trwydded", "drwyddedau"),
        ("mynydd", "mynyddoedd"),  # "-ydd" is part of this word, and still they match
    ],
)
def test_what_a_reader_types_finds_what_the_page_says(asked, written):
    assert matches(asked, written)


@pytest.mark.parametrize(
    ("asked", "written"),
    [("cais", "tais"), ("bin", "tin"), ("treth", "pleth"), ("ffordd", "bordd")],
)
def test_different_words_do_not_match(asked, written):
    assert not matches(asked, written)


@pytest.mark.parametrize(
    ("word", "never"),
    [
        ("ffordd", "bffordd"),  # "ff" is a letter of its own, not a mutated "f"
        ("llyfr", "lllyfr"),  # "ll" is not a soft-mutated "l"
        ("rhent", "rhhent"),  # nor "rh" a soft-mutated "r"
        ("ddefnyddio", "tdefnyddio"),  # "dd" is the soft mutation of "d", not "d" + "d"
        ("nghais", "dghais"),  # "ngh" is the nasal mutation of "c", not "n" + "gh"
        ("mhob", "bhob"),  # "mh" is the nasal mutation of "p"
    ],
)
def test_a_two_letter_welsh_letter_is_read_as_one_letter(word, never):
    assert never not in welsh.forms(word)


@pytest.mark.parametrize("word", ["ffordd", "llyfr", "rhent"])
def test_letters_that_never_mutate_have_no_other_radical(word):
    assert welsh.radicals(word) == set()


def test_short_words_keep_their_endings():
    assert welsh.strip_ending("tai") == "tai"  # houses, not "ta" + "-i"
    assert welsh.strip_ending("bod") == "bod"


def test_stop_words_and_one_letter_words_are_not_searched_for():
    groups = analyser("cy").groups("Gwneud cais am y dreth gyngor yn Nglanmor a'r cyngor")
    # gwneud, cais, dreth, gyngor, nglanmor, cyngor: "am", "y", "yn", "a", "'r" are dropped
    assert len(groups) == 6
    everything = set().union(*groups)
    assert {"am", "y", "yn", "r", "a"}.isdisjoint(everything)
    assert {"gwneud", "cais", "treth", "cyngor", "glanmor"} <= everything


def test_accents_are_folded_before_the_rules():
    assert words("Pàs bws i bobl hŷn") == ["pas", "bws", "bobl", "hyn"]
    assert "pas" in welsh.forms("bas")
