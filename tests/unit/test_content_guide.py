"""The content guide's front matter tables and the schema must name the same fields."""

import re

import pytest

from config import ROOT
from portal.publishing.schema import (
    Channels,
    GuideMeta,
    PageMeta,
    ServiceMeta,
    Step,
    StepByStepMeta,
)
from portal.publishing.syntax import NEEDS_BLOCKS

GUIDE = (ROOT / "docs" / "content-guide.md").read_text(encoding="utf-8")


def tables_under(heading: str) -> list[set[str]]:
    """The first-column names of each table in a `##` section."""
    section = GUIDE.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    tables, current = [], None
    for line in section.splitlines():
        if line.startswith("| name |"):
            current = set()
            tables.append(current)
        elif line.startswith("|") and current is not None:
            current.update(re.findall(r"^\| `([a-z_]+)`", line))
        else:
            current = None
    return tables


def fields(model, minus=None) -> set[str]:
    return set(model.model_fields) - set(minus.model_fields if minus else ())


@pytest.mark.parametrize(
    ("heading", "index", "expected"),
    [
        ("Front matter: every page", 0, fields(PageMeta)),
        ("Front matter: services and guides", 0, fields(GuideMeta, PageMeta)),
        ("Front matter: services only", 0, fields(ServiceMeta, GuideMeta)),
        ("Front matter: services only", 1, fields(Channels)),
        ("Step-by-step pages", 0, fields(StepByStepMeta, PageMeta)),
        ("Step-by-step pages", 1, fields(Step)),
    ],
)
def test_each_front_matter_table_names_exactly_the_schema_fields(heading, index, expected):
    assert tables_under(heading)[index] == expected


def test_every_needs_block_marker_is_documented():
    section = GUIDE.split("## Blocks for people with particular needs\n", 1)[1]
    documented = set(re.findall(r"`:([a-z-]+):`", section))
    assert documented == set(NEEDS_BLOCKS)
