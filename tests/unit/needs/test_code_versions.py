"""The versions of the needs code: released tables never change, and new ones only add."""

from dataclasses import fields

import pytest

import config
from portal.needs import code, model
from portal.needs.code import BITS_PER_CHARACTER, VERSIONS, Version, encode
from portal.needs.model import Needs

# Every version ever released, written out again. If this test fails, a released table was
# changed: put it back, and add a new version instead (see portal/needs/code.py). When you
# release a new version, add it here too, exactly as released.
RELEASED = (
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


def test_released_versions_are_exactly_as_released():
    assert VERSIONS == RELEASED


def test_version_1_keeps_the_layout_of_the_first_codes():
    widths = VERSIONS[0].widths()
    assert list(widths.items()) == [
        ("language", 2),
        ("text_size", 2),
        ("contrast", 2),
        ("more_spacing", 1),
        ("less_motion", 1),
        ("easy_read", 1),
        ("bsl", 1),
        ("lite", 1),
        ("someone_helps", 1),
        ("channel_count", 4),
        ("channel_order", 16),
    ]
    assert VERSIONS[0].padding() == 0


@pytest.mark.parametrize("version", VERSIONS, ids=lambda v: f"v{v.number}")
def test_each_version_fits_its_length_and_its_number_field(version):
    assert version.number == VERSIONS.index(version) + 1 <= 2**code.VERSION_BITS - 1
    assert version.padding() >= 0
    assert version.length * BITS_PER_CHARACTER - version.padding() > 0
    for table in ("languages", "text_sizes", "contrasts", "flags", "channels"):
        values = getattr(version, table)
        assert len(set(values)) == len(values), f"{table} has a value twice"


def test_the_newest_version_can_express_everything_the_portal_offers():
    # Fails when the portal offers a new language or channel before a code version has it.
    newest = VERSIONS[-1]
    flags = [f.name for f in fields(Needs) if f.type is bool]
    languages = {
        language
        for setting in vars(config).values()
        if isinstance(setting, type) and issubclass(setting, config.Config)
        for language in (record["code"] for record in setting.LANGUAGES)
    }
    assert languages <= set(newest.languages)
    assert set(model.TEXT_SIZES) <= set(newest.text_sizes)
    assert set(model.CONTRASTS) <= set(newest.contrasts)
    assert set(model.CHANNELS) <= set(newest.channels)
    assert set(flags) <= set(newest.flags)


def test_needs_no_version_can_express_are_refused_loudly():
    with pytest.raises(ValueError, match="add one"):
        encode(Needs(language="pl"))
