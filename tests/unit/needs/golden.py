"""Golden needs codes: codes as we issued them, with the needs each one must always restore.

`python -m tests.unit.needs.golden` records a code for every needs in SPREAD not yet in
golden_codes.json. It never changes or removes an entry already there: those are codes
people may hold on paper, so a failing golden test means the code changed, not the file.
"""

import json
import random
from pathlib import Path

from portal.needs.code import encode
from portal.needs.model import Needs

GOLDEN = Path(__file__).with_name("golden_codes.json")
# As in model.CHANNELS when the golden codes were first recorded, written out so that a
# change to the model cannot quietly change the spread.
_CHANNELS = (
    "online",
    "phone",
    "relay_uk",
    "bsl_video",
    "email",
    "text_message",
    "post",
    "in_person",
)
_FLAGS = ("more_spacing", "less_motion", "easy_read", "bsl", "lite", "someone_helps")
_shuffled = random.Random(2026)

SPREAD = [
    Needs(),
    *(Needs(language=language) for language in ("en", "cy", "ar")),
    *(Needs(text_size=size) for size in ("large", "largest")),
    *(Needs(contrast=contrast) for contrast in ("high", "dark")),
    *(Needs(**{flag: True}) for flag in _FLAGS),
    Needs(**{flag: True for flag in _FLAGS}),
    *(Needs(channels=(channel,)) for channel in _CHANNELS),
    Needs(channels=_CHANNELS),
    Needs(channels=tuple(reversed(_CHANNELS))),
    *(Needs(channels=tuple(_shuffled.sample(_CHANNELS, 8))) for _ in range(3)),
    *(Needs(channels=tuple(_shuffled.sample(_CHANNELS, n))) for n in (2, 3, 5, 7)),
    Needs(language="cy", text_size="largest", contrast="dark", more_spacing=True),
    Needs(language="ar", lite=True, someone_helps=True, easy_read=True, bsl=True),
    Needs(channels=("post", "phone"), text_size="large", less_motion=True, contrast="high"),
    Needs(
        language="ar",
        text_size="largest",
        contrast="high",
        **{flag: True for flag in _FLAGS},
        channels=tuple(reversed(_CHANNELS)),
    ),
    Needs(language="en", bsl=True, channels=("bsl_video", "relay_uk", "in_person")),
]


def load() -> list[dict]:
    """The golden entries: each a code and the needs (as a dict) it restores."""
    return json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else []


def _as_json(needs: Needs) -> dict:
    return {**needs.as_dict(), "channels": list(needs.channels)}


def record() -> int:
    """Add a golden entry for every needs in SPREAD without one; the number added."""
    entries = load()
    known = [entry["needs"] for entry in entries]
    added = [
        {"code": encode(needs), "needs": _as_json(needs)}
        for needs in SPREAD
        if _as_json(needs) not in known
    ]
    if added:
        # One code a line, so a review of the file reads as a list of codes.
        lines = ",\n".join(json.dumps(entry) for entry in entries + added)
        GOLDEN.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    return len(added)


if __name__ == "__main__":
    print(f"{record()} golden codes added to {GOLDEN.name}")
