"""Every needs code we ever issued must restore the same needs, for years."""

import pytest

from portal.needs.code import decode, encode
from portal.needs.model import Needs
from tests.unit.needs.golden import SPREAD, load

GOLDEN = load()


def _needs(entry: dict) -> Needs:
    return Needs(**{**entry["needs"], "channels": tuple(entry["needs"]["channels"])})


def test_every_needs_in_the_spread_has_a_golden_code():
    assert len(GOLDEN) >= len(SPREAD)
    assert {_needs(entry) for entry in GOLDEN} >= set(SPREAD)


@pytest.mark.parametrize("entry", GOLDEN, ids=[entry["code"] for entry in GOLDEN])
def test_a_golden_code_restores_its_needs_and_the_needs_give_the_same_code(entry):
    assert decode(entry["code"], ("en", "cy", "ar")) == _needs(entry)
    assert encode(_needs(entry), ("en", "cy", "ar")) == entry["code"]
