"""The places in content/places/: made up the way every made-up detail here is made up."""

import re
from collections import defaultdict

import pytest

from config import ROOT
from portal.places.directory import PlaceDirectory

DIRECTORY = PlaceDirectory.build(ROOT / "content" / "places")
PLACES = [DIRECTORY.get(slug) for slug in DIRECTORY.slugs()]


def test_there_are_enough_places_in_enough_towns_to_search():
    assert 9 <= len(PLACES) <= 10
    assert len({place.town.en for place in PLACES}) >= 5


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place.slug)
def test_each_place_uses_only_made_up_contact_details(place):
    assert place.district == "CF99"
    assert re.fullmatch(r"029 2018 0\d{3}", place.phone)
    assert place.email is None or place.email.endswith("@glanmor.example")


def test_each_town_has_its_own_postcode_sector():
    sectors = defaultdict(set)
    for place in PLACES:
        sectors[place.town.en].add(place.sector)
    assert all(len(found) == 1 for found in sectors.values()), dict(sectors)
    assert len({sector for found in sectors.values() for sector in found}) == len(sectors)


def test_no_two_places_share_a_phone_number_or_a_postcode():
    assert len({place.phone for place in PLACES}) == len(PLACES)
    assert len({place.postcode for place in PLACES}) == len(PLACES)


def test_every_kind_of_help_and_help_in_welsh_can_be_found():
    assert {key for place in PLACES for key in place.help} >= {
        "free-computers",
        "free-wifi",
        "help-getting-online",
        "help-with-council-services",
    }
    assert {place.welsh_speakers for place in PLACES} == {True, False}
