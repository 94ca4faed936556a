"""The citizen's declared needs: one small immutable value that every request carries.

Nothing here is inferred. Each field holds only what the person told us, and the empty
Needs() means "nothing declared": every page then looks as it does for everyone.
"""

from dataclasses import dataclass, fields, replace

TEXT_SIZES = ("standard", "large", "largest")
CONTRASTS = ("standard", "high", "dark")
# Every way a service can be used, in the order shown when nobody has a preference.
# The same keys as the `channels` front matter of services.
CHANNELS = (
    "online",
    "phone",
    "relay_uk",
    "bsl_video",
    "email",
    "text_message",
    "post",
    "in_person",
)


@dataclass(frozen=True)
class Needs:
    """What helps one person, as they declared it."""

    language: str | None = None
    text_size: str = "standard"
    contrast: str = "standard"
    more_spacing: bool = False
    less_motion: bool = False
    easy_read: bool = False
    bsl: bool = False
    lite: bool = False
    # Ways to contact the person, most preferred first.
    channels: tuple[str, ...] = ()
    someone_helps: bool = False

    def __post_init__(self) -> None:
        if self.text_size not in TEXT_SIZES:
            raise ValueError(f"unknown text size {self.text_size!r}")
        if self.contrast not in CONTRASTS:
            raise ValueError(f"unknown contrast {self.contrast!r}")
        unknown = [c for c in self.channels if c not in CHANNELS]
        if unknown or len(set(self.channels)) != len(self.channels):
            raise ValueError(f"channels must be distinct, from {CHANNELS}: {self.channels!r}")

    @property
    def declared(self) -> bool:
        """True when the person has told us anything at all."""
        return self != Needs()

    @property
    def preferred_channel(self) -> str | None:
        return self.channels[0] if self.channels else None

    def changed(self, **answers) -> "Needs":
        """A copy with some answers changed (Needs itself never changes)."""
        return replace(self, **answers)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


NO_NEEDS = Needs()
