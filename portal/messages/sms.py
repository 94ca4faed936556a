"""How many fragments a text message is sent in, as the phone network counts them.

A message in the GSM 7-bit default alphabet (3GPP TS 23.038, formerly GSM 03.38) takes 7
bits a character: 160 characters fit in one message, and a longer one is sent in
fragments of 153 (each fragment gives 7 characters to the header that joins them up).
One character outside that alphabet, and the whole message is sent as UCS-2 (UTF-16):
70 code units in one message, 67 a fragment. A character beyond the Basic Multilingual
Plane (most emoji) is two UTF-16 code units.

The Welsh circumflexes (â ê î ô û ŵ ŷ) are not in the GSM alphabet, so a Welsh message
that uses one has fewer than half the room of its English one.
"""

from typing import Literal

Encoding = Literal["GSM-7", "UCS-2"]

# The GSM 7-bit default alphabet's basic table, a row of 16 codes a line from 0x00 to 0x7F.
# 0x1B is the escape to the extension table, not a character. 0x09 is Ç, as in the Unicode
# Consortium's mapping (GSM0338.TXT); 0x24 is ¤, 0x40 ¡ and 0x60 ¿, so ` is not in it.
GSM7_ROWS = (
    "@£$¥èéùìòÇ\nØø\rÅå",
    "Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ",
    " !\"#¤%&'()*+,-./",
    "0123456789:;<=>?",
    "¡ABCDEFGHIJKLMNO",
    "PQRSTUVWXYZÄÖÑÜ§",
    "¿abcdefghijklmno",
    "pqrstuvwxyzäöñüà",
)
GSM7_BASIC = frozenset("".join(GSM7_ROWS)) - {"\x1b"}
# The extension table: each is sent as the escape and a code, so it takes 2 septets.
GSM7_EXTENSION = frozenset("\f^{}\\[]~|€")
GSM7 = GSM7_BASIC | GSM7_EXTENSION

GSM7_SINGLE, GSM7_FRAGMENT = 160, 153
UCS2_SINGLE, UCS2_FRAGMENT = 70, 67


def is_gsm7(text: str) -> bool:
    """Whether every character is in the GSM 7-bit default alphabet or its extension."""
    return all(c in GSM7 for c in text)


def encoding(text: str) -> Encoding:
    """The encoding a phone network sends the text in."""
    return "GSM-7" if is_gsm7(text) else "UCS-2"


def not_gsm7(text: str) -> list[str]:
    """The characters that make the text UCS-2, each once, in the order they come."""
    return list(dict.fromkeys(c for c in text if c not in GSM7))


def _units(text: str) -> list[int]:
    """What each character costs: septets in GSM-7, UTF-16 code units in UCS-2."""
    if is_gsm7(text):
        return [2 if c in GSM7_EXTENSION else 1 for c in text]
    return [2 if ord(c) > 0xFFFF else 1 for c in text]


def length(text: str) -> int:
    """The text's length as the network counts it: septets in GSM-7 (an extension
    character is 2), UTF-16 code units in UCS-2."""
    return sum(_units(text))


def sms_fragments(text: str) -> int:
    """How many messages the text is sent as (0 for no text).

    Fragments are filled a character at a time, and a character is never cut in two
    across fragments (an escaped extension character in GSM-7, a surrogate pair in
    UCS-2), so a fragment can end a unit short.
    """
    units = _units(text)
    single, room = (GSM7_SINGLE, GSM7_FRAGMENT) if is_gsm7(text) else (UCS2_SINGLE, UCS2_FRAGMENT)
    if sum(units) <= single:
        return 1 if units else 0
    fragments, used = 1, 0
    for unit in units:
        if used + unit > room:
            fragments, used = fragments + 1, 0
        used += unit
    return fragments


def most_units(fragments: int, chosen: Encoding) -> int:
    """The longest text (in septets or code units) that fits in `fragments` messages."""
    single, room = (
        (GSM7_SINGLE, GSM7_FRAGMENT) if chosen == "GSM-7" else (UCS2_SINGLE, UCS2_FRAGMENT)
    )
    return single if fragments == 1 else room * fragments
