"""The needs code: a short code that carries a person's needs to another device.

It encodes the needs themselves, bit by bit, so nothing is stored on the server and the
code says nothing about who the person is. Crockford base32 makes it easy to read aloud
and forgiving to type (no I, L, O or U; O is read as 0, I and L as 1; case and spaces do
not matter). A check value catches almost every mistyped code.

A code is written on paper and typed in years later, so what its numbers mean is fixed
here, per version, and never read from config or from the order of `model.CHANNELS`.
Every code starts with its version number (3 bits), and each version has its own tables
(VERSIONS) and length. Once a version has been released, its tables never change:

- To offer a new language, channel, text size, contrast or flag, append a new version
  whose tables are the newest ones with the new value added at the end, and a length
  that fits its fields. Never reorder, remove or edit an entry of a released version.
- `encode` uses the oldest version that can express the needs, so the same needs always
  give the same code, and only people who choose something new get the longer code.
- `decode` accepts every version ever released, so no code anyone holds stops working.
- A value the portal no longer offers still decodes if Needs accepts it (a language not
  in config comes back as it is: the caller decides); if Needs refuses it, the code is
  refused too.

A version's field widths follow from the sizes of its tables, so fixing the tables fixes
the layout. The tests hold every released version written out again, and golden codes
issued by each: both fail if a released version changes. The version field allows
versions 1 to 7; if that ever runs out, version 7 can start with a longer version field.
"""

import hashlib
from dataclasses import dataclass
from math import perm

import base32_crockford

from portal.needs.model import Needs

VERSION_BITS = 3
CHECK_BITS = 5
BITS_PER_CHARACTER = 5
GROUP = 4


class InvalidCode(ValueError):
    """A code that is not one we made: mistyped, or from a future version."""


@dataclass(frozen=True)
class Version:
    """What the numbers in one version of the code mean: fixed once released."""

    number: int
    length: int  # characters, not counting the hyphens
    languages: tuple[str, ...]  # 0 means no language declared, 1 the first here, ...
    text_sizes: tuple[str, ...]
    contrasts: tuple[str, ...]
    flags: tuple[str, ...]
    channels: tuple[str, ...]

    def widths(self) -> dict[str, int]:
        """Each field after the version number, in order, and its width in bits."""
        return {
            "language": len(self.languages).bit_length(),
            "text_size": (len(self.text_sizes) - 1).bit_length(),
            "contrast": (len(self.contrasts) - 1).bit_length(),
            **{flag: 1 for flag in self.flags},
            "channel_count": len(self.channels).bit_length(),
            # The order of the chosen channels, ranked among all possible orders.
            "channel_order": (perm(len(self.channels)) - 1).bit_length(),
        }

    def padding(self) -> int:
        """Unused bits, always zero, between the version number and the fields."""
        used = VERSION_BITS + sum(self.widths().values()) + CHECK_BITS
        return self.length * BITS_PER_CHARACTER - used

    def can_express(self, needs: Needs) -> bool:
        """True when every value in these needs is in this version's tables."""
        return (
            (needs.language is None or needs.language in self.languages)
            and needs.text_size in self.text_sizes
            and needs.contrast in self.contrasts
            and all(flag in self.flags for flag, value in needs.as_dict().items() if value is True)
            and all(channel in self.channels for channel in needs.channels)
        )


# Append only (see the module docstring). Version 1 is the encoding of the first codes
# ever issued, when these were the portal's languages and channels in this order.
VERSIONS = (
    Version(
        number=1,
        length=8,
        languages=("en", "cy", "ar"),
        text_sizes=("standard", "large", "largest"),
        contrasts=("standard", "high", "dark"),
        flags=("more_spacing", "less_motion", "easy_read", "bsl", "lite", "someone_helps"),
        channels=(
            "online",
            "phone",
            "relay_uk",
            "bsl_video",
            "email",
            "text_message",
            "post",
            "in_person",
        ),
    ),
)


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


def _channels_rank(channels: tuple[str, ...], table: tuple[str, ...]) -> int:
    """An ordered choice of distinct channels as one number (mixed radix)."""
    remaining = list(table)
    rank = 0
    for channel in channels:
        rank = rank * len(remaining) + remaining.index(channel)
        remaining.remove(channel)
    return rank


def _channels_unrank(rank: int, count: int, table: tuple[str, ...]) -> tuple[str, ...]:
    remaining = list(table)
    digits = []
    for radix in range(len(table) - count + 1, len(table) + 1):
        digits.append(rank % radix)
        rank //= radix
    return tuple(remaining.pop(digit) for digit in reversed(digits))


def _check(payload: int, version: Version) -> int:
    size = (version.length * BITS_PER_CHARACTER - CHECK_BITS + 7) // 8
    return hashlib.sha256(payload.to_bytes(size, "big")).digest()[0] & ((1 << CHECK_BITS) - 1)


def encode(needs: Needs) -> str:
    """The code for these needs, in groups of four: `K7M3-QP2A`."""
    version = next((v for v in VERSIONS if v.can_express(needs)), None)
    if version is None:
        raise ValueError(f"no version of the needs code can express {needs!r}: add one")
    fields = {
        "language": (None, *version.languages).index(needs.language),
        "text_size": version.text_sizes.index(needs.text_size),
        "contrast": version.contrasts.index(needs.contrast),
        **{flag: int(getattr(needs, flag)) for flag in version.flags},
        "channel_count": len(needs.channels),
        "channel_order": _channels_rank(needs.channels, version.channels),
    }
    bits = _Bits()
    bits.push(version.number, VERSION_BITS)
    bits.push(0, version.padding())
    for name, width in version.widths().items():
        bits.push(fields[name], width)
    bits.push(_check(bits.value, version), CHECK_BITS)
    text = base32_crockford.encode(bits.value).rjust(version.length, "0")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def decode(code: str) -> Needs:
    """The needs a code carries. Raises InvalidCode for anything we did not make."""
    try:
        text = base32_crockford.normalize(code.replace(" ", ""), strict=False)
        value = base32_crockford.decode(text)
    except ValueError as error:
        raise InvalidCode(str(error)) from None
    # The version number is in the first bits; the version says how long its codes are.
    number = value >> (len(text) * BITS_PER_CHARACTER - VERSION_BITS)
    version = next((v for v in VERSIONS if v.number == number), None)
    if version is None or len(text) != version.length:
        raise InvalidCode("unknown version or wrong length")
    bits = _Bits(value)
    check = bits.pop(CHECK_BITS)
    if _check(bits.value, version) != check:
        raise InvalidCode("check value does not match")
    fields = {name: bits.pop(width) for name, width in reversed(version.widths().items())}
    if bits.pop(version.padding()) or bits.value != version.number:
        raise InvalidCode("unused bits are not zero")
    count = fields["channel_count"]
    if (
        fields["language"] > len(version.languages)
        or fields["text_size"] >= len(version.text_sizes)
        or fields["contrast"] >= len(version.contrasts)
        or count > len(version.channels)
        or fields["channel_order"] >= perm(len(version.channels), count)
    ):
        raise InvalidCode("value out of range")
    try:
        return Needs(
            language=(None, *version.languages)[fields["language"]],
            text_size=version.text_sizes[fields["text_size"]],
            contrast=version.contrasts[fields["contrast"]],
            channels=_channels_unrank(fields["channel_order"], count, version.channels),
            **{flag: bool(fields[flag]) for flag in version.flags},
        )
    except ValueError as error:  # a value this portal no longer offers
        raise InvalidCode(str(error)) from None
