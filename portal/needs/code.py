"""The needs code: a short code that carries a person's needs to another device.

It encodes the needs themselves, bit by bit, so nothing is stored on the server and the
code says nothing about who the person is. Crockford base32 makes it easy to read aloud
and forgiving to type (no I, L, O or U; O is read as 0, I and L as 1; case and spaces do
not matter). A check value catches almost every mistyped code.
"""

import hashlib
from math import perm

import base32_crockford

from portal.needs.model import CHANNELS, CONTRASTS, TEXT_SIZES, Needs

VERSION = 1
LENGTH = 8
FLAGS = ("more_spacing", "less_motion", "easy_read", "bsl", "lite", "someone_helps")


class InvalidCode(ValueError):
    """A code that is not one we made: mistyped, or from a future version."""


class _Bits:
    """Pack and unpack small unsigned fields into one integer."""

    def __init__(self, value: int = 0) -> None:
        self.value = value

    def push(self, field: int, width: int) -> None:
        self.value = (self.value << width) | field

    def pop(self, width: int) -> int:
        field = self.value & ((1 << width) - 1)
        self.value >>= width
        return field


def _channels_rank(channels: tuple[str, ...]) -> int:
    """An ordered choice of distinct channels as one number (mixed radix)."""
    remaining = list(CHANNELS)
    rank = 0
    for channel in channels:
        rank = rank * len(remaining) + remaining.index(channel)
        remaining.remove(channel)
    return rank


def _channels_unrank(rank: int, count: int) -> tuple[str, ...]:
    remaining = list(CHANNELS)
    radices = [len(CHANNELS) - i for i in range(count)]
    digits = []
    for radix in reversed(radices):
        digits.append(rank % radix)
        rank //= radix
    if rank:
        raise InvalidCode("channel order out of range")
    return tuple(remaining.pop(digit) for digit in reversed(digits))


def _check(payload: int) -> int:
    return hashlib.sha256(payload.to_bytes(5, "big")).digest()[0] & 0b11111


def encode(needs: Needs, languages: tuple[str, ...]) -> str:
    """The code for these needs, as two groups of four: `K7M3-QP2A`."""
    bits = _Bits()
    bits.push(VERSION, 3)
    bits.push(0 if needs.language is None else languages.index(needs.language) + 1, 2)
    bits.push(TEXT_SIZES.index(needs.text_size), 2)
    bits.push(CONTRASTS.index(needs.contrast), 2)
    for flag in FLAGS:
        bits.push(int(getattr(needs, flag)), 1)
    bits.push(len(needs.channels), 4)
    bits.push(_channels_rank(needs.channels), 16)
    payload = bits.value
    bits.push(_check(payload), 5)
    text = base32_crockford.encode(bits.value).rjust(LENGTH, "0")
    return f"{text[:4]}-{text[4:]}"


def decode(code: str, languages: tuple[str, ...]) -> Needs:
    """The needs a code carries. Raises InvalidCode for anything we did not make."""
    try:
        text = base32_crockford.normalize(code.replace(" ", ""), strict=False)
        if len(text) != LENGTH:
            raise InvalidCode("wrong length")
        bits = _Bits(base32_crockford.decode(text))
    except ValueError as error:  # InvalidCode is a ValueError too
        raise InvalidCode(str(error)) from None
    check = bits.pop(5)
    if _check(bits.value) != check:
        raise InvalidCode("check value does not match")
    rank = bits.pop(16)
    count = bits.pop(4)
    flags = {flag: bool(bits.pop(1)) for flag in reversed(FLAGS)}
    contrast, text_size, language = bits.pop(2), bits.pop(2), bits.pop(2)
    if bits.pop(3) != VERSION or bits.value:
        raise InvalidCode("unknown version")
    if (
        count > len(CHANNELS)
        or rank >= perm(len(CHANNELS), count)
        or contrast >= len(CONTRASTS)
        or text_size >= len(TEXT_SIZES)
        or language > len(languages)
    ):
        raise InvalidCode("value out of range")
    return Needs(
        language=languages[language - 1] if language else None,
        text_size=TEXT_SIZES[text_size],
        contrast=CONTRASTS[contrast],
        channels=_channels_unrank(rank, count),
        **flags,
    )
