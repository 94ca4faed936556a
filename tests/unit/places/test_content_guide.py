"""The content guide's place tables name exactly the schema's fields and vocabularies."""

import re

import pytest

from config import ROOT
from portal.places.directory import load_place
from portal.places.schema import ACCESSIBILITY, HELP, KINDS, Place

SECTION = (
    (ROOT / "docs" / "content-guide.md")
    .read_text(encoding="utf-8")
    .split("## Help near you: places\n", 1)[1]
    .split("\n## ", 1)[0]
)


def first_column(header: str) -> set[str]:
    """The `key` names in the first column of the table whose header starts `| header |`."""
    table = SECTION.split(f"| {header} |", 1)[1].split("\n\n", 1)[0]
    return set(re.findall(r"^\| `([a-z_-]+)`", table, flags=re.MULTILINE))


def test_the_field_table_names_every_field_but_the_slug():
    assert first_column("name") == set(Place.model_fields) - {"slug"}


@pytest.mark.parametrize(
    ("header", "vocabulary"),
    [("kind", KINDS), ("help", HELP), ("accessibility", ACCESSIBILITY)],
)
def test_each_vocabulary_table_names_every_key(header, vocabulary):
    assert first_column(header) == set(vocabulary)


def test_the_example_in_the_guide_is_a_valid_place(tmp_path):
    example = SECTION.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "abermor-library.yaml").write_text(example, "utf-8")
    assert load_place(tmp_path / "abermor-library.yaml").town.cy == "Abermor"
