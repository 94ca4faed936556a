"""Text message fragments, counted as the phone network counts them."""

import pytest

from portal.messages.sms import encoding, is_gsm7, length, not_gsm7, sms_fragments


@pytest.mark.parametrize(
    "text",
    [
        "Your reference is GLA-123. Call 029 2018 0100!",
        "éèùìòàäöüñÄÖÜÑÅåÆæßÉÇØø",
        "@£$¥¤§¡¿_ΔΦΓΛΩΠΨΣΘΞ\n\r",
        "^{}\\[]~|€\f",
    ],
)
def test_gsm7_characters(text):
    assert is_gsm7(text)


@pytest.mark.parametrize("character", ["â", "ê", "î", "ô", "û", "ŵ", "ŷ", "ç", "`", "\u2019", "😀"])
def test_characters_outside_gsm7(character):
    assert not is_gsm7(f"Diolch {character}")
    assert encoding(f"Diolch {character}") == "UCS-2"
    assert not_gsm7(f"Diolch {character}") == [character]


def test_not_gsm7_lists_each_character_once_in_order():
    assert not_gsm7("ŵŷ a ŵ â") == ["ŵ", "ŷ", "â"]


def test_empty_text_is_no_fragments():
    assert sms_fragments("") == 0


@pytest.mark.parametrize(
    ("septets", "fragments"), [(1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3)]
)
def test_gsm7_boundaries(septets, fragments):
    assert sms_fragments("a" * septets) == fragments


@pytest.mark.parametrize("character", ["^", "{", "}", "\\", "[", "]", "~", "|", "€", "\f"])
def test_extension_characters_count_two_septets(character):
    assert length(character) == 2
    assert sms_fragments(character * 80) == 1
    assert sms_fragments(character * 80 + "a") == 2


def test_an_extension_character_is_not_cut_across_fragments():
    # 306 septets would fit in 2 fragments, but the € would straddle the first two.
    text = "a" * 152 + "€" + "a" * 152
    assert length(text) == 306
    assert sms_fragments(text) == 3


@pytest.mark.parametrize(
    ("units", "fragments"), [(1, 1), (70, 1), (71, 2), (134, 2), (135, 3), (201, 3)]
)
def test_ucs2_boundaries_with_welsh(units, fragments):
    assert sms_fragments("ŵ" * units) == fragments


def test_one_welsh_circumflex_makes_the_whole_message_ucs2():
    assert sms_fragments("a" * 69 + "ŵ") == 1
    assert sms_fragments("a" * 70 + "ŵ") == 2
    assert sms_fragments("a" * 160) == 1


def test_emoji_are_two_utf16_units():
    assert length("😀") == 2
    assert sms_fragments("😀" * 35) == 1
    assert sms_fragments("😀" * 35 + "a") == 2
    assert sms_fragments("😀" * 66 + "a") == 2
    assert sms_fragments("😀" * 33 + "a" + "😀" * 33 + "a") == 2
    assert sms_fragments("😀" * 66 + "aaa") == 3


def test_an_emoji_is_not_cut_across_fragments():
    text = "a" * 66 + "😀" + "a" * 66
    assert length(text) == 134
    assert sms_fragments(text) == 3
