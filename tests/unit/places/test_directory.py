"""Finding places by town or postcode, with filters; no input can break it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.places.directory import MAX_QUERY_CHARS, PlaceDirectory, clean_query
from tests.support.content import write_place

PLACES = {
    "glanmor-library": dict(
        name={"en": "Glanmor Library", "cy": "Llyfrgell Glanmor"},
        postcode="CF99 1LB",
        help=["free-computers", "free-wifi"],
    ),
    "glanmor-hall": dict(
        name={"en": "Glanmor Hall", "cy": "Neuadd Glanmor"},
        postcode="CF99 1HL",
        help=["help-getting-online"],
        welsh_speakers=False,
    ),
    "cwm-glan-centre": dict(
        name={"en": "Cwm Glan Centre", "cy": "Canolfan Cwm Glan"},
        town={"en": "Cwm Glan", "cy": "Cwm Glan"},
        postcode="CF99 3PT",
        help=["free-wifi", "help-getting-online"],
    ),
    "st-idris-hub": dict(
        name={"en": "St Idris Hub", "cy": "Hyb Llanidris"},
        town={"en": "St Idris", "cy": "Llanidris"},
        postcode="CF99 4HS",
        help=["help-with-council-services", "free-wifi"],
        welsh_speakers=False,
    ),
    "pontfaelog-library": dict(
        name={"en": "Pontfaelog Library", "cy": "Llyfrgell Pontfaelog"},
        town={"en": "Pontfaelog", "cy": "Pontfaelog"},
        postcode="CF99 5SQ",
    ),
    # In another postcode district: never "nearby" a place in CF99.
    "far-away-centre": dict(
        name={"en": "Far Away Centre", "cy": "Canolfan Bell"},
        town={"en": "Farborough", "cy": "Trebell"},
        postcode="ZZ9 1AA",
        help=["free-wifi"],
    ),
}
CF99_BY_ENGLISH_NAME = [
    "cwm-glan-centre",
    "glanmor-hall",
    "glanmor-library",
    "pontfaelog-library",
    "st-idris-hub",
]


@pytest.fixture(scope="module")
def directory(tmp_path_factory) -> PlaceDirectory:
    folder = tmp_path_factory.mktemp("content") / "places"
    for slug, fields in PLACES.items():
        write_place(folder, slug, **fields)
    return PlaceDirectory.build(folder)


def slugs(places) -> list[str]:
    return [place.slug for place in places]


def test_an_empty_query_lists_every_place_by_name_in_the_readers_language(directory):
    assert slugs(directory.search("", "en")) == [
        "cwm-glan-centre",
        "far-away-centre",
        "glanmor-hall",
        "glanmor-library",
        "pontfaelog-library",
        "st-idris-hub",
    ]
    assert slugs(directory.search("   ", "cy")) == [
        "far-away-centre",  # Canolfan Bell
        "cwm-glan-centre",  # Canolfan Cwm Glan
        "st-idris-hub",  # Hyb Llanidris
        "glanmor-library",  # Llyfrgell Glanmor
        "pontfaelog-library",  # Llyfrgell Pontfaelog
        "glanmor-hall",  # Neuadd Glanmor
    ]


def test_a_town_comes_first_then_the_rest_of_its_postcode_district(directory):
    results = directory.find("Glanmor", "en")
    assert slugs(results.matching) == ["glanmor-hall", "glanmor-library"]
    assert slugs(results.nearby) == ["cwm-glan-centre", "pontfaelog-library", "st-idris-hub"]
    assert slugs(directory.search("Glanmor", "en")) == slugs(results.places)


@pytest.mark.parametrize("query", ["St Idris", "Llanidris", "saint idris", "St. Idris"])
def test_a_town_is_found_by_its_english_or_welsh_name(directory, query):
    assert slugs(directory.find(query, "en").matching) == ["st-idris-hub"]


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("Nglanmor", "glanmor-library"),  # yng Nglanmor (nasal)
        ("Lanmor", "glanmor-library"),  # i Lanmor (soft: g is dropped)
        ("Nghwm Glan", "cwm-glan-centre"),  # yng Nghwm Glan (nasal)
        ("Gwm Glan", "cwm-glan-centre"),  # i Gwm Glan (soft)
        ("Chwm Glan", "cwm-glan-centre"),  # a Chwm Glan (aspirate)
        ("Mhontfaelog", "pontfaelog-library"),  # ym Mhontfaelog (nasal)
        ("Bontfaelog", "pontfaelog-library"),  # i Bontfaelog (soft)
        ("Lanidris", "st-idris-hub"),  # i Lanidris (soft: ll -> l)
    ],
)
def test_a_welsh_mutation_of_the_first_letter_still_finds_the_town(directory, query, slug):
    assert slug in slugs(directory.find(query, "cy").matching)


@pytest.mark.parametrize("query", ["CWM GLAN", "cwm-glan", "  cwm   glan ", "cwmglan", "Cŵm Glân"])
def test_case_spaces_hyphens_and_accents_do_not_matter(directory, query):
    assert slugs(directory.find(query, "en").matching) == ["cwm-glan-centre"]


def test_the_start_of_a_town_name_finds_it_but_two_letters_do_not(directory):
    assert slugs(directory.find("Pont", "en").matching) == ["pontfaelog-library"]
    assert directory.search("Po", "en") == []


@pytest.mark.parametrize("query", ["CF99 3PT", "cf99 3pt", "CF993PT", " cf 99 3 pt "])
def test_a_full_postcode_finds_its_sector_then_its_district(directory, query):
    results = directory.find(query, "en")
    assert slugs(results.matching) == ["cwm-glan-centre"]
    assert slugs(results.nearby) == [s for s in CF99_BY_ENGLISH_NAME if s != "cwm-glan-centre"]


def test_a_postcode_with_no_place_of_its_own_finds_its_sector(directory):
    results = directory.find("CF99 1ZZ", "en")
    assert slugs(results.matching) == ["glanmor-hall", "glanmor-library"]
    assert "far-away-centre" not in slugs(results.nearby)


@pytest.mark.parametrize("query", ["CF99 1", "cf991", "CF99 1A"])
def test_a_postcode_sector_finds_its_places_first(directory, query):
    assert slugs(directory.find(query, "en").matching) == ["glanmor-hall", "glanmor-library"]


def test_a_sector_with_no_places_still_lists_its_district(directory):
    results = directory.find("CF99 9", "en")
    assert results.matching == ()
    assert slugs(results.nearby) == CF99_BY_ENGLISH_NAME


@pytest.mark.parametrize("query", ["CF99", "cf99", " c f 9 9 "])
def test_a_postcode_district_finds_every_place_in_it(directory, query):
    results = directory.find(query, "en")
    assert slugs(results.matching) == CF99_BY_ENGLISH_NAME
    assert results.nearby == ()


@pytest.mark.parametrize("query", ["SW1A 1AA", "CF9", "CF98 1AA", "London", "Caerdydd"])
def test_a_postcode_or_town_with_no_places_finds_nothing(directory, query):
    assert directory.search(query, "en") == []


def test_a_filter_keeps_only_places_giving_that_help(directory):
    found = directory.search("", "en", ["free-wifi"])
    assert slugs(found) == ["cwm-glan-centre", "far-away-centre", "glanmor-library", "st-idris-hub"]


def test_several_filters_need_every_one(directory):
    found = directory.search("", "en", ["free-wifi", "help-getting-online"])
    assert slugs(found) == ["cwm-glan-centre"]


def test_the_welsh_filter_keeps_only_places_with_welsh_speakers(directory):
    results = directory.find("Glanmor", "en", ["help-in-welsh"])
    assert slugs(results.matching) == ["glanmor-library"]
    assert slugs(results.nearby) == ["cwm-glan-centre", "pontfaelog-library"]


def test_filters_apply_to_the_matching_and_the_nearby_places(directory):
    results = directory.find("Glanmor", "en", ["free-wifi"])
    assert slugs(results.matching) == ["glanmor-library"]
    assert slugs(results.nearby) == ["cwm-glan-centre", "st-idris-hub"]


def test_a_town_whose_own_places_are_all_filtered_out_still_shows_its_area(directory):
    results = directory.find("Glanmor", "en", ["help-with-council-services"])
    assert results.matching == ()
    assert slugs(results.nearby) == ["st-idris-hub"]


def test_an_unknown_filter_is_ignored(directory):
    assert directory.search("", "en", ["free-biscuits", "<script>"]) == directory.search("", "en")


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE places; --",
        "<script>alert(1)</script>",
        "%",
        "\x00\x1b[2J",
        "🙂",
        "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
        "x" * 10_000,
        "Glanmor" + "x" * 10_000,
        "؟",
    ],
)
def test_junk_finds_nothing_and_never_fails(directory, query):
    assert directory.search(query, "en") == []


def test_a_very_long_query_is_cut_to_the_limit_before_it_is_read(directory):
    assert clean_query("a" * 10_000) == "a" * MAX_QUERY_CHARS
    assert directory.search("Glanmor" + " " * 10_000 + "Glanmor", "en") != []


@settings(max_examples=300, deadline=None)
@given(query=st.text(), filters=st.lists(st.text()), language=st.sampled_from(["en", "cy", "ar"]))
def test_no_input_makes_a_search_fail(directory, query, filters, language):
    found = directory.search(query, language, filters)
    assert set(slugs(found)) <= set(PLACES)


def test_the_directory_cannot_be_changed_once_built(directory):
    with pytest.raises(TypeError):
        directory.places["new-place"] = None
    with pytest.raises(AttributeError):
        directory.places = {}
