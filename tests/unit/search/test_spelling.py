"""Spelling suggestions from our own words: which slips are forgiven, and which word wins."""

import pytest

from portal.search.spelling import Vocabulary, WordCount
from portal.search.text import words


def vocabulary(*texts: str, stop_words: frozenset[str] = frozenset()) -> Vocabulary:
    counted = WordCount()
    for text in texts:
        counted.add(text, words(text))
    return Vocabulary.of([counted], stop_words)


WASTE = vocabulary(
    "Order a recycling container. Recycling boxes, bins and food caddies.",
    "Apply for a Blue Badge. Your badge lets you park near the shops.",
    "Apply for a resident parking permit. Parking near your home.",
)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("recyling", "recycling"),  # a letter missing
        ("recyclling", "recycling"),  # a letter extra
        ("recucling", "recycling"),  # a letter wrong
        ("recylcing", "recycling"),  # two letters swapped
        ("rceyclign", "recycling"),  # two slips in a long word
        ("permt", "permit"),
        ("parkin", "parking"),
        ("badje", "badge"),
    ],
)
def test_a_word_with_a_slip_or_two_is_corrected_to_the_closest_word(typed, meant):
    assert WASTE.correction(typed) == meant


def test_a_short_word_is_allowed_one_slip_only():
    assert WASTE.correction("bagde") == "badge"  # swapped: one edit
    assert WASTE.correction("bdgee") is None  # two edits in five letters


def test_a_different_first_letter_counts_as_one_edit_more():
    counted = vocabulary("Carry your bags.", "Recycling boxes.")
    assert counted.correction("barry") is None  # one edit, but the first letter: a name
    assert counted.correction("ecycling") == "recycling"  # long enough for two edits


def test_the_most_common_of_equally_close_words_wins():
    # "parks" and "parts" are both one edit from "parcs"; pages say "parts" more.
    counted = vocabulary("Parks.", "Parts of the form. Parts of the page.")
    assert counted.correction("parcs") == "parts"


def test_a_word_not_finished_is_the_most_common_word_it_begins():
    counted = vocabulary("Parking permits. Parking near home.", "Parkland walks.")
    assert counted.correction("parki") == "parking"  # two edits from it: not a slip
    assert counted.correction("parkl") == "parkland"


def test_a_short_beginning_is_not_completed():
    assert vocabulary("Recycling boxes.").correction("rec") is None


def test_two_words_run_together_are_split():
    assert WASTE.correction("bluebadge") == "blue badge"
    assert WASTE.correction("recyclingbins") == "recycling bins"


def test_of_two_ways_to_split_the_one_with_the_commoner_rarer_half_wins():
    # "carpark" is "car park" or "carp ark"; pages say "car" and "park" more.
    counted = vocabulary("Car park. Car park. A car. Park.", "Carp in the ark.")
    assert counted.correction("carpark") == "car park"


def test_a_suggestion_is_written_as_the_pages_write_it():
    welsh = vocabulary("Gwneud cais am bàs bws. Eich pàs.", "Ffoniwch ni ar y ffôn.")
    assert welsh.correction("bass") == "bàs"
    assert welsh.correction("ffonn") == "ffôn"
    assert welsh.correction("pasbws") == "pàs bws"


def test_the_more_common_way_of_writing_a_word_is_used():
    mixed = vocabulary("A pas, a pas, a pas.", "Un pàs.")
    assert mixed.correction("pass") == "pas"


@pytest.mark.parametrize(
    "typed",
    [
        "recycling",  # a word we have
        "xylophone",  # close to nothing
        "ab",  # too short to say
        "12345",  # numbers are never corrected
        "permit2",
        "",
    ],
)
def test_no_correction_for_a_word_we_have_or_one_too_far_or_too_short(typed):
    assert WASTE.correction(typed) is None


def test_a_stop_word_is_never_suggested():
    counted = vocabulary("The bins and the boxes.", stop_words=frozenset({"the", "and"}))
    assert counted.correction("thee") is None
    assert counted.correction("binsand") is None


def test_numbers_are_never_suggested():
    assert vocabulary("Permit 12345.").correction("12346") is None
    assert vocabulary("Call 0800.").correction("calll") == "call"
