"""source_hash follows the words a translator translates; mark-translated changes one line."""

from pathlib import Path

import pytest
import yaml

from portal.publishing.translation import (
    TranslationError,
    mark_translated,
    source_hash,
    with_source_hash,
)

LANGUAGES = ("en", "cy")

ENGLISH = """---
title: Report a pothole
summary: Tell us about a pothole so we can fix it.
owner: Highways team
last_reviewed: 2026-10-01
review_by: 2027-04-01
---
## What to tell us

Where the pothole is, and how big it is.
"""

WELSH = """---
title: Rhoi gwybod am dwll yn y ffordd
summary: Rhowch wybod i ni am dwll yn y ffordd er mwyn i ni ei drwsio.
owner: Tîm Priffyrdd
last_reviewed: 2026-10-01
review_by: 2027-04-01
---
## Beth i'w ddweud wrthon ni

Ble mae'r twll, a pha mor fawr ydyw.
"""


def test_the_hash_is_12_lowercase_hex_digits():
    value = source_hash(ENGLISH)
    assert len(value) == 12
    assert set(value) <= set("0123456789abcdef")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("review_by: 2027-04-01", "review_by: 2028-01-01"),
        ("last_reviewed: 2026-10-01", "last_reviewed: 2026-12-01"),
        ("owner: Highways team", "owner: Roads team"),
        ("---\n## What", "draft: false\n---\n## What"),
        ("how big it is.\n", "how big it is.\n\n\n"),
    ],
)
def test_reviewing_the_english_page_does_not_change_the_hash(old, new):
    assert old in ENGLISH
    assert source_hash(ENGLISH.replace(old, new)) == source_hash(ENGLISH)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("how big it is", "how deep it is"),
        ("## What to tell us", "## What you need to tell us"),
        ("title: Report a pothole", "title: Report a pothole or a sinkhole"),
        ("summary: Tell us about", "summary: Let us know about"),
    ],
)
def test_changing_the_words_changes_the_hash(old, new):
    assert old in ENGLISH
    assert source_hash(ENGLISH.replace(old, new)) != source_hash(ENGLISH)


def write_pair(folder: Path, welsh: str | bytes = WELSH) -> Path:
    (folder / "report-a-pothole.md").write_text(ENGLISH, encoding="utf-8")
    path = folder / "report-a-pothole.cy.md"
    path.write_bytes(welsh if isinstance(welsh, bytes) else welsh.encode("utf-8"))
    return path


def test_mark_translated_adds_one_line_after_review_by(tmp_path):
    path = write_pair(tmp_path)
    value = mark_translated(path, LANGUAGES)
    assert value == source_hash(ENGLISH)
    expected = WELSH.replace(
        "review_by: 2027-04-01\n", f"review_by: 2027-04-01\nsource_hash: {value}\n"
    )
    assert path.read_text(encoding="utf-8") == expected


def test_mark_translated_replaces_an_old_hash_and_keeps_every_other_byte(tmp_path):
    # Windows line endings, a comment and odd spacing must all survive.
    welsh = (
        WELSH.replace("owner:", "# a comment\nowner:  ")
        .replace("review_by: 2027-04-01\n", "review_by: 2027-04-01\nsource_hash: abcdef123456\n")
        .replace("\n", "\r\n")
        .encode("utf-8")
    )
    path = write_pair(tmp_path, welsh)
    value = mark_translated(path, LANGUAGES)
    assert path.read_bytes() == welsh.replace(
        b"source_hash: abcdef123456\r\n", f"source_hash: {value}\r\n".encode()
    )


def test_marking_twice_changes_nothing_the_second_time(tmp_path):
    path = write_pair(tmp_path)
    mark_translated(path, LANGUAGES)
    once = path.read_bytes()
    mark_translated(path, LANGUAGES)
    assert path.read_bytes() == once


def test_a_hash_of_digits_only_is_quoted_so_it_stays_text():
    text = with_source_hash(WELSH, "012345678901")
    front = text.split("---\n")[1]
    assert yaml.safe_load(front)["source_hash"] == "012345678901"


def test_an_english_file_cannot_be_marked_as_translated(tmp_path):
    write_pair(tmp_path)
    with pytest.raises(TranslationError, match="not a translation"):
        mark_translated(tmp_path / "report-a-pothole.md", LANGUAGES)


def test_a_translation_with_no_english_original_cannot_be_marked(tmp_path):
    path = tmp_path / "report-a-pothole.cy.md"
    path.write_text(WELSH, encoding="utf-8")
    with pytest.raises(TranslationError, match=r"no English original report-a-pothole\.md"):
        mark_translated(path, LANGUAGES)


def test_an_easy_read_translation_is_marked_from_the_english_easy_read_page(tmp_path):
    (tmp_path / "report-a-pothole.md").write_text(ENGLISH, encoding="utf-8")
    easy = ENGLISH.replace("Where the pothole is", "Tell us where it is")
    (tmp_path / "report-a-pothole.easy-read.md").write_text(easy, encoding="utf-8")
    path = tmp_path / "report-a-pothole.easy-read.cy.md"
    path.write_text(WELSH, encoding="utf-8")
    assert mark_translated(path, LANGUAGES) == source_hash(easy)
