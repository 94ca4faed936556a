"""Place files: what is accepted, and errors that name the file and the field."""

import pytest

from portal.places.directory import PlaceDirectory, load_place
from portal.places.schema import ACCESSIBILITY, HELP, KINDS
from portal.publishing.loader import ContentError
from tests.support.content import write_place


def error_for(folder, **overrides) -> str:
    write_place(folder, "broken-place", **overrides)
    with pytest.raises(ContentError) as raised:
        PlaceDirectory.build(folder)
    return str(raised.value)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"help": ["free-computers", "free-biscuits"]}, "help.1", "unknown kind of help"),
        ({"accessibility": ["ramp"]}, "accessibility.0", "unknown accessibility facility"),
        ({"kind": "museum"}, "kind", "unknown kind of place"),
        ({"town": None}, "town", "this field is required"),
        ({"town": {"en": "Glanmor"}}, "town.cy", "this field is required"),
        ({"opening_times": []}, "opening_times", "not in the schema"),
        ({"postcode": "cf99 1lb"}, "postcode", "full postcode in capitals"),
        ({"postcode": "CF99"}, "postcode", "full postcode in capitals"),
        ({"postcode": "CF99 1CI"}, "postcode", "full postcode in capitals"),
        ({"phone": "2018 0911"}, "phone", "11-digit phone number"),
        ({"phone": "029 2018 09111"}, "phone", "11-digit phone number"),
        ({"email": "not an address"}, "email", "should match pattern"),
        ({"help": []}, "help", "at least 1 item"),
        ({"help": ["free-wifi", "free-wifi"]}, "help", "free-wifi is listed more than once"),
        ({"welsh_speakers": "yes"}, "welsh_speakers", "valid boolean"),
        ({"opening_hours": []}, "opening_hours", "at least 1 item"),
        ({"address": []}, "address", "at least 1 item"),
    ],
)
def test_a_mistake_names_the_file_and_the_field(places_folder, overrides, field, message):
    error = error_for(places_folder, **overrides)
    assert "broken-place.yaml" in error
    assert f"field '{field}'" in error
    assert message in error


def test_a_slug_in_the_file_is_refused_because_the_file_name_is_the_slug(places_folder):
    error = error_for(places_folder, slug="another-address")
    assert "broken-place.yaml: field 'slug'" in error


def test_a_file_name_that_cannot_be_an_address_is_refused(places_folder):
    write_place(places_folder, "Glanmor Library")
    with pytest.raises(ContentError, match=r"Glanmor Library\.yaml: field 'slug'"):
        PlaceDirectory.build(places_folder)


def test_a_file_that_is_not_yaml_says_so(places_folder):
    places_folder.mkdir()
    (places_folder / "bad.yaml").write_text("name: {en: [unclosed\n", "utf-8")
    with pytest.raises(ContentError, match=r"bad\.yaml: cannot be read as YAML"):
        PlaceDirectory.build(places_folder)


def test_a_file_that_is_a_list_not_fields_says_so(places_folder):
    places_folder.mkdir()
    (places_folder / "list.yaml").write_text("- name\n- kind\n", "utf-8")
    with pytest.raises(ContentError, match=r"list\.yaml: expected the fields of a place"):
        PlaceDirectory.build(places_folder)


def test_every_broken_file_is_reported_at_once(places_folder):
    write_place(places_folder, "first", kind="museum")
    write_place(places_folder, "second", postcode="nowhere")
    write_place(places_folder, "fine")
    with pytest.raises(ContentError) as raised:
        PlaceDirectory.build(places_folder)
    lines = str(raised.value).splitlines()
    assert any("first.yaml: field 'kind'" in line for line in lines)
    assert any("second.yaml: field 'postcode'" in line for line in lines)
    assert not any("fine.yaml" in line for line in lines)


def test_a_missing_folder_is_an_empty_directory(places_folder):
    directory = PlaceDirectory.build(places_folder)
    assert directory.slugs() == []
    assert directory.search("", "en") == []


def test_a_valid_place_is_read_with_its_slug_and_postcode_parts(places_folder):
    place = load_place(write_place(places_folder, "glanmor-library", email="a@glanmor.example"))
    assert place.slug == "glanmor-library"
    assert (place.district, place.sector) == ("CF99", "CF99 1")
    assert place.email == "a@glanmor.example"
    assert place.accessibility == []
    assert place.notes is None


def test_address_lines_are_in_the_language_asked_for_or_the_same_in_both(places_folder):
    place = load_place(write_place(places_folder, "glanmor-library"))
    assert place.address_lines("en") == ["Market Square", "Heol y Castell"]
    assert place.address_lines("cy") == ["Sgwâr y Farchnad", "Heol y Castell"]
    assert place.address_lines("ar") == ["Market Square", "Heol y Castell"]


def test_help_and_facilities_are_put_in_the_vocabulary_order(places_folder):
    place = load_place(
        write_place(
            places_folder,
            "glanmor-library",
            help=["device-loans", "free-computers", "free-wifi"],
            accessibility=["quiet-space", "step-free-access"],
        )
    )
    assert place.help == ["free-computers", "free-wifi", "device-loans"]
    assert place.accessibility == ["step-free-access", "quiet-space"]


@pytest.mark.parametrize("vocabulary", [KINDS, HELP, ACCESSIBILITY], ids=["kinds", "help", "a11y"])
def test_every_vocabulary_name_is_in_english_welsh_and_arabic(vocabulary):
    for key, name in vocabulary.items():
        assert name.en and name.cy and name.ar, key
        assert name.en != name.cy, key
