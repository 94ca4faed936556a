"""Every export writes CSV through one writer that defuses formulas (issue 15, item 5)."""

import csv
import io

import pytest

from portal.spreadsheets import defused, write_csv


@pytest.mark.parametrize(
    "typed",
    ['=HYPERLINK("https://evil.example","Click")', "=1+2", "@SUM(A1:A9)", "+44 7700", "-2+3",
     "\t=1", "\r=1", "  =1+2"],
)  # fmt: skip
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(typed):
    assert defused(typed) == "'" + typed
    out = io.StringIO()
    write_csv(out, ["answer"], [[typed]])
    assert next(iter(csv.reader(io.StringIO(out.getvalue()), strict=True))) == ["answer"]
    assert list(csv.reader(io.StringIO(out.getvalue())))[1] == ["'" + typed]


@pytest.mark.parametrize("value", ["Sam Jones", "CF99 1AA", "", "a=b", 3, -3, None])
def test_ordinary_text_and_our_own_numbers_are_left_alone(value):
    assert defused(value) == value
