import itertools

import pytest

from portal.needs.code import InvalidCode, decode, encode
from portal.needs.model import CHANNELS, Needs

EXAMPLES = [
    Needs(),
    Needs(language="cy", text_size="largest", contrast="dark", more_spacing=True),
    Needs(language="ar", lite=True, someone_helps=True, easy_read=True, bsl=True),
    Needs(channels=tuple(reversed(CHANNELS)), less_motion=True, contrast="high"),
    Needs(channels=("bsl_video",)),
]


@pytest.mark.parametrize("needs", EXAMPLES)
def test_a_code_brings_back_exactly_the_same_needs(needs):
    assert decode(encode(needs)) == needs


def test_codes_are_eight_characters_in_two_groups_with_no_confusable_letters():
    code = encode(EXAMPLES[1])
    assert len(code) == 9 and code[4] == "-"
    assert not set(code) & set("ILOU")


def test_codes_forgive_case_spaces_and_letters_that_look_like_digits():
    needs = EXAMPLES[3]
    code = encode(needs)
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert decode(typed) == needs


def test_every_order_of_three_channels_survives_the_round_trip():
    for channels in itertools.permutations(CHANNELS, 3):
        needs = Needs(channels=channels)
        assert decode(encode(needs)) == needs


def test_a_mistyped_character_is_caught():
    code = encode(EXAMPLES[1]).replace("-", "")
    caught = 0
    for position in range(len(code)):
        replacement = "Z" if code[position] != "Z" else "Y"
        typo = code[:position] + replacement + code[position + 1 :]
        try:
            decode(typo)
        except InvalidCode:
            caught += 1
    # A 5-bit check value misses about one typo in 32: all of these 8 are caught.
    assert caught == len(code)


@pytest.mark.parametrize(
    "typed", ["", "-", "ABC", "4000-000N-00", "UUUU-UUUU", "!!!!-!!!!", "0000-0000", "8000-0000"]
)
def test_things_that_are_not_codes_are_refused(typed):
    with pytest.raises(InvalidCode):
        decode(typed)
