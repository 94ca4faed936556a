"""Every needs code we ever issued must restore the same needs, for years."""

from dataclasses import replace

import pytest
from flask import Flask

from portal.needs import code, model
from portal.needs.code import decode, encode
from portal.needs.model import Needs
from tests.unit.needs.golden import SPREAD, load

GOLDEN = load()


def _needs(entry: dict) -> Needs:
    return Needs(**{**entry["needs"], "channels": tuple(entry["needs"]["channels"])})


def _assert_golden_codes_unchanged() -> None:
    for entry in GOLDEN:
        assert decode(entry["code"]) == _needs(entry), entry["code"]
        assert encode(_needs(entry)) == entry["code"], entry["code"]


def test_every_needs_in_the_spread_has_a_golden_code():
    assert len(GOLDEN) >= len(SPREAD)
    assert {_needs(entry) for entry in GOLDEN} >= set(SPREAD)


@pytest.mark.parametrize("entry", GOLDEN, ids=[entry["code"] for entry in GOLDEN])
def test_a_golden_code_restores_its_needs_and_the_needs_give_the_same_code(entry):
    assert decode(entry["code"]) == _needs(entry)
    assert encode(_needs(entry)) == entry["code"]


@pytest.mark.parametrize(
    "languages",
    [("en", "cy", "ar", "pl"), ("ar", "cy", "en"), ("en", "cy")],
    ids=["a language added", "languages reordered", "a language no longer offered"],
)
def test_golden_codes_do_not_depend_on_the_portals_languages(languages):
    app = Flask(__name__)
    app.config["LANGUAGES"] = languages
    with app.app_context():
        _assert_golden_codes_unchanged()


def test_golden_codes_do_not_depend_on_the_order_of_the_models_channels(monkeypatch):
    monkeypatch.setattr(model, "CHANNELS", tuple(reversed(model.CHANNELS)))
    _assert_golden_codes_unchanged()


def test_a_new_language_and_channel_take_a_new_version_and_change_no_golden_code(monkeypatch):
    # What releasing them looks like: the model offers the channel, and a version 2 has
    # the newest tables with the new values appended (and a longer code to hold them).
    monkeypatch.setattr(model, "CHANNELS", (*model.CHANNELS, "video_call"))
    newest = code.VERSIONS[-1]
    version_2 = replace(
        newest,
        number=2,
        length=10,
        languages=(*newest.languages, "pl"),
        channels=(*newest.channels, "video_call"),
    )
    monkeypatch.setattr(code, "VERSIONS", (*code.VERSIONS, version_2))

    _assert_golden_codes_unchanged()
    for needs in [
        Needs(language="pl"),
        Needs(channels=("video_call", "phone")),
        Needs(language="pl", text_size="largest", bsl=True, channels=model.CHANNELS[::-1]),
    ]:
        new_code = encode(needs)
        assert len(new_code.replace("-", "")) == 10
        assert decode(new_code) == needs
    # Needs version 1 can express still get the short code they always had.
    assert len(encode(Needs(language="cy", channels=("phone",))).replace("-", "")) == 8
