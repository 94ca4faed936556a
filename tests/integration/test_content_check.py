"""`flask content check` fails on broken content, saying where and how to fix it, and
passes the portal's own content."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.apps import AppFactory

BROKEN = Path(__file__).parents[1] / "fixtures" / "broken-content"

# Every problem planted in tests/fixtures/broken-content: (file, line, severity, code).
EXPECTED = [
    ("pages/bad-front-matter.md", 1, "error", "front-matter"),
    ("pages/bad-front-matter.md", 6, "error", "front-matter"),
    ("pages/broken-links.md", 12, "error", "broken-link"),
    ("pages/broken-links.md", 14, "error", "broken-anchor"),
    ("pages/broken-links.md", 16, "error", "broken-link"),
    ("pages/hard-to-read.md", 8, "warning", "long-sentence"),
    ("pages/hard-to-read.md", 8, "warning", "reading-age"),
    ("pages/heading-order.md", 12, "error", "heading-order"),
    ("pages/image-alt.md", 10, "error", "image-alt"),
    ("pages/no-translation.md", 1, "error", "missing-translation"),
    ("pages/overdue.cy.md", 6, "warning", "review-overdue"),
    ("pages/overdue.md", 6, "warning", "review-overdue"),
    ("pages/raw-html.md", 10, "error", "raw-html"),
    ("pages/raw-html.md", 12, "error", "raw-html"),
    ("pages/raw-html.md", 14, "error", "script-link"),
    ("pages/stale.cy.md", 7, "error", "stale-translation"),
    ("pages/unclosed-block.md", 10, "error", "unclosed-block"),
    ("pages/unknown-marker.md", 10, "error", "unknown-marker"),
    ("pages/unknown-marker.md", 12, "error", "unknown-marker"),
    ("pages/unmarked.cy.md", 1, "error", "missing-source-hash"),
    ("pages/vague-link.md", 10, "error", "vague-link-text"),
    ("step-by-step/broken-step.md", 13, "error", "broken-link"),
]


@pytest.fixture(scope="module")
def app():
    # Built on the portal's own (good) content: the folder to check is an option. The
    # command reads no database.
    with AppFactory() as make_app:
        yield make_app(migrate=False)


def run(app, *args: str):
    return app.test_cli_runner().invoke(args=["content", *args])


def test_broken_content_fails_with_every_problem_where_it_is(app):
    result = run(app, "check", "--content-dir", str(BROKEN))
    assert result.exit_code == 1
    found = re.findall(
        r"broken-content/(\S+):(\d+): (error|warning) \[([a-z-]+)\] .+\n    Fix: .+",
        result.output,
    )
    assert [(path, int(line), severity, code) for path, line, severity, code in found] == (EXPECTED)
    assert result.output.endswith("29 files checked: 18 errors, 4 warnings\n")


@pytest.mark.parametrize(
    "expected",
    [
        "bad-front-matter.md:6: error [front-matter] field 'reveiw_by': this field is not in "
        "the schema",
        "broken-links.md:14: error [broken-anchor] #who-can-get-one is not a heading on "
        "apply-for-a-parking-permit.md\n    Fix: link to one of its headings: #who-can-apply, "
        "#how-to-apply",
        "stale.cy.md:7: error [stale-translation] stale: the English page changed after this "
        "was translated (stale.md)\n    Fix: update the translation, then run "
        "`.venv/bin/flask --app portal content mark-translated ",
        "no-translation.md:1: error [missing-translation] there is no Welsh translation "
        "(no-translation.cy.md)",
        "unmarked.cy.md:1: error [missing-source-hash] no source_hash: record which English "
        "version this translates",
        "unknown-marker.md:10: error [unknown-marker] $X looks like a marker",
        "hard-to-read.md:8: warning [reading-age] the page has a reading age of ",
        "(Flesch-Kincaid grade level + 5), above the limit of 11",
        "broken-step.md:13: error [broken-link] step 2 links to services/no-such-service",
    ],
)
def test_broken_content_says_what_is_wrong_and_how_to_fix_it(app, expected):
    assert expected in run(app, "check", "--content-dir", str(BROKEN)).output


def test_json_output_has_the_same_findings(app):
    result = run(app, "check", "--content-dir", str(BROKEN), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert (report["files_checked"], report["errors"], report["warnings"]) == (29, 18, 4)
    assert [
        (f["path"].split("broken-content/")[1], f["line"], f["severity"], f["code"])
        for f in report["findings"]
    ] == EXPECTED
    assert all(f["fix"] for f in report["findings"])


def test_the_portals_own_content_passes(app):
    result = run(app, "check")
    assert result.exit_code == 0, result.output
    assert re.search(r"^\d+ files checked: 0 errors, \d+ warnings?\n\Z", result.output, re.M)
    assert "error [" not in result.output


@pytest.fixture
def warnings_only(tmp_path: Path) -> Path:
    """A content folder whose only findings are warnings (a review date has passed)."""
    shutil.copy(BROKEN / "taxonomy.yaml", tmp_path)
    (tmp_path / "pages").mkdir()
    for name in ("overdue.md", "overdue.cy.md"):
        shutil.copy(BROKEN / "pages" / name, tmp_path / "pages")
    return tmp_path


def test_warnings_fail_the_check_only_when_strict(app, warnings_only):
    relaxed = run(app, "check", "--content-dir", str(warnings_only))
    assert relaxed.exit_code == 0
    assert relaxed.output.endswith("2 files checked: 0 errors, 2 warnings\n")
    assert run(app, "check", "--strict", "--content-dir", str(warnings_only)).exit_code == 1


def test_mark_translated_makes_a_stale_translation_current(app, tmp_path):
    shutil.copytree(BROKEN, tmp_path, dirs_exist_ok=True)
    stale = tmp_path / "pages" / "stale.cy.md"

    def stale_findings():
        report = json.loads(
            run(app, "check", "--content-dir", str(tmp_path), "--format", "json").output
        )
        return [f for f in report["findings"] if f["code"] == "stale-translation"]

    assert len(stale_findings()) == 1
    result = run(app, "mark-translated", str(stale))
    assert result.exit_code == 0, result.output
    assert stale_findings() == []


def test_mark_translated_refuses_an_english_file(app):
    result = run(app, "mark-translated", str(BROKEN / "pages" / "stale.md"))
    assert result.exit_code == 1
    assert "not a translation" in result.output


CONTENT = Path(__file__).parents[2] / "content"
BINS = "services/report-a-missed-bin-collection.md"
# A front-matter mistake in the English page (sed-like: the line replaced, or dropped when
# the replacement is None), and the line and words each finding must have.
FRONT_MATTER_MISTAKES = {
    "yaml-that-cannot-be-read": (
        "summary:",
        "summary: [unclosed",
        4,
        "the front matter cannot be read",
    ),
    "a-missing-summary": ("summary:", None, 1, "field 'summary': this field is required"),
    "an-unknown-topic": (
        "topics:",
        "topics: [bins-and-rubbish]",
        5,
        "field 'topics': unknown topic bins-and-rubbish",
    ),
    "review-before-last-reviewed": (
        "review_by:",
        "review_by: 2026-01-07",
        8,
        "review_by must be a date after last_reviewed",
    ),
}


def content_check_of(content: Path) -> tuple[subprocess.CompletedProcess, str]:
    """`flask content check` run as a person runs it, on this copy of content/."""
    ran = subprocess.run(
        [str(Path(sys.executable).parent / "flask"), "--app", "portal", "content", "check"],
        env={**os.environ, "PORTAL_ENV": "test", "PORTAL_CONTENT_DIR": str(content)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return ran, ran.stdout + ran.stderr


@pytest.mark.parametrize("mistake", list(FRONT_MATTER_MISTAKES))
def test_a_front_matter_mistake_is_a_finding_with_its_line_and_fix_never_a_traceback(
    tmp_path, mistake
):
    """The portal cannot load such content, so the command cannot start as usual: what it
    says is still the checks' findings, with no traceback, no dump of the front matter and
    no false follow-on errors about the files beside it."""
    starts, replacement, line, words = FRONT_MATTER_MISTAKES[mistake]
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    page = content / BINS
    lines = [
        (replacement if text.startswith(starts) else text)
        for text in page.read_text(encoding="utf-8").split("\n")
    ]
    page.write_text("\n".join(t for t in lines if t is not None), encoding="utf-8")
    ran, said = content_check_of(content)
    assert ran.returncode == 1, said
    assert "Traceback" not in said
    assert re.search(rf"{re.escape(str(page))}:{line}: error \[front-matter\] .*{words}", said)
    assert "    Fix: " in said
    assert "{'title'" not in said  # no Python dict
    assert "there is no en file beside this translation" not in said
    assert "there is no standard page" not in said
    # Nothing about any other file, but the Welsh page now older than its English one.
    others = {
        found.split(":")[0]
        for found in re.findall(r"^  (\S+:\d+): error", said, flags=re.M)
        if not found.startswith(str(page))
    }
    assert others <= {str(page).replace(".md", ".cy.md")}, others


def test_a_form_that_promises_a_way_of_contact_it_never_asks_for_is_refused(tmp_path):
    """The care form tells people who prefer email "we will email you": without the
    question that asks them for an address, the portal will not start, and says why."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    form = content / "forms" / "ask-for-a-care-needs-assessment.yaml"
    text = form.read_text(encoding="utf-8")
    start = text.index("  - id: email\n")
    end = text.index("\n\n", start)
    form.write_text(text[:start] + text[end + 2 :], encoding="utf-8")
    ran, said = content_check_of(content)
    assert ran.returncode == 1, said
    assert "Traceback" not in said and "{'title'" not in said
    assert f"{form}: " in said
    assert "prefer email, but no email question is asked of them" in said


def test_a_date_rule_that_cannot_be_read_is_refused_with_a_fix(tmp_path):
    """A date question's `accepted_dates` counts in one unit at a time."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    form = content / "forms" / "report-a-missed-bin-collection.yaml"
    text = form.read_text(encoding="utf-8")
    form.write_text(
        text.replace("earliest: {working_days: -2}", "earliest: {working_days: -2, days: -3}"),
        encoding="utf-8",
    )
    ran, said = content_check_of(content)
    assert ran.returncode == 1, said
    assert "Traceback" not in said
    assert f"{form}: " in said
    assert "give one of days, working_days, months or years" in said
