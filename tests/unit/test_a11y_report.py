"""The audit report, built from axe results without a browser, and read back for the statement."""

import json
import os
from datetime import UTC, date, datetime

import pytest

from portal.needs.model import Needs
from portal.transparency.a11y_audit import (
    AVAILABLE_PROFILES,
    AuditProfile,
    Check,
    build_report,
    chromium_executable,
    language_of,
    write_report,
)
from portal.transparency.statement import latest_report
from portal.transparency.wcag import SUCCESS_CRITERIA, criterion_number, success_criteria

# The audit report is dated.
pytestmark = pytest.mark.clock

LANGUAGES = ("en", "cy", "ar")
PROFILES = tuple(AVAILABLE_PROFILES.values())
WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def violation(rule="color-contrast", impact="serious", tags=("wcag2aa", "wcag143"), nodes=1):
    return {
        "id": rule,
        "impact": impact,
        "description": f"{rule} description",
        "help": f"{rule} help",
        "helpUrl": f"https://dequeuniversity.com/rules/axe/4.12/{rule}",
        "tags": list(tags),
        "nodes": [{"target": [f".thing-{n}"]} for n in range(nodes)],
    }


def axe_results(*violations, version="4.12.1"):
    return {"testEngine": {"name": "axe-core", "version": version}, "violations": list(violations)}


def report(checks, profiles=PROFILES):
    return build_report(
        checks, profiles=profiles, languages=LANGUAGES, generated_at=WHEN, tool="fallback 1.0"
    )


@pytest.mark.parametrize(
    ("tag", "number"),
    [("wcag111", "1.1.1"), ("wcag143", "1.4.3"), ("wcag1410", "1.4.10"), ("wcag2411", "2.4.11")],
)
def test_criterion_tags_become_numbers(tag, number):
    assert criterion_number(tag) == number


@pytest.mark.parametrize("tag", ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "cat.color", "ACT"])
def test_level_and_category_tags_are_not_criteria(tag):
    assert criterion_number(tag) is None


def test_success_criteria_are_named_and_in_wcag_order():
    tags = ["cat.color", "wcag2aa", "wcag1410", "wcag412", "wcag143", "wcag21aa", "EN-9.1.4.3"]
    assert success_criteria(tags) == [
        "1.4.3 Contrast (Minimum)",
        "1.4.10 Reflow",
        "4.1.2 Name, Role, Value",
    ]


def test_a_criterion_missing_from_the_table_keeps_its_number():
    assert success_criteria(["wcag249"]) == ["2.4.9"]


def test_the_table_has_every_wcag_22_criterion_axe_tests_at_aa():
    for number in ("1.4.11", "1.4.12", "2.5.8", "3.1.2", "3.3.8", "4.1.3"):
        assert number in SUCCESS_CRITERIA
    assert all(criterion_number("wcag" + n.replace(".", "")) == n for n in SUCCESS_CRITERIA)


@pytest.mark.parametrize(
    ("url", "language"),
    [("/", "en"), ("/services/x", "en"), ("/cy/", "cy"), ("/ar/contact", "ar"), ("/cymru", "en")],
)
def test_language_of_a_url_is_its_prefix(url, language):
    assert language_of(url, LANGUAGES) == language


def test_a_clean_audit_passes_with_its_figures():
    checks = [
        Check(url, profile.name, axe_results())
        for profile in PROFILES
        for url in ("/", "/cy/", "/ar/")
    ]
    built = report(checks)
    assert built["passed"] is True
    assert built["issues"] == []
    assert built["pages"] == 3
    assert built["checks"] == 3 * len(PROFILES)
    assert built["languages"] == ["en", "cy", "ar"]
    assert built["standard"] == "WCAG 2.2 AA"
    assert built["tool"] == "axe-core 4.12.1"
    assert built["generated_at"] == "2026-11-20T09:30:00+00:00"
    assert [p["width"] for p in built["profiles"]] == [1280, 320]


def test_one_rule_failing_on_several_pages_and_profiles_is_one_issue():
    checks = [
        Check("/", "desktop", axe_results(violation(nodes=2))),
        Check("/cy/", "desktop", axe_results()),
        Check("/", "phone", axe_results(violation(nodes=1))),
        Check("/cy/", "phone", axe_results(violation(nodes=3))),
    ]
    built = report(checks)
    assert built["passed"] is False
    assert len(built["issues"]) == 1
    issue = built["issues"][0]
    assert issue["rule"] == "color-contrast"
    assert issue["success_criteria"] == ["1.4.3 Contrast (Minimum)"]
    assert issue["pages"] == ["/", "/cy/"]
    assert issue["profiles"] == ["desktop", "phone"]
    assert issue["count"] == 6
    assert issue["description"] == "color-contrast description"
    assert issue["help_url"].endswith("/color-contrast")
    assert issue["examples"][0] == "/ .thing-0"


def test_issues_are_worst_first_and_keep_their_worst_impact():
    checks = [
        Check("/", "desktop", axe_results(violation("region", "moderate", ["wcag131"]))),
        Check("/a", "desktop", axe_results(violation("image-alt", "minor", ["wcag111"]))),
        Check("/b", "phone", axe_results(violation("image-alt", "critical", ["wcag111"]))),
    ]
    issues = report(checks)["issues"]
    assert [(i["rule"], i["impact"]) for i in issues] == [
        ("image-alt", "critical"),
        ("region", "moderate"),
    ]


def test_the_tool_falls_back_when_axe_does_not_name_itself():
    built = report([Check("/", "desktop", {"violations": []})])
    assert built["tool"] == "fallback 1.0"


def test_profiles_report_their_declared_needs_and_device_settings():
    profile = AuditProfile("dark", 320, Needs(contrast="dark"), {"color_scheme": "dark"})
    built = report([], profiles=[profile])
    assert built["profiles"] == [
        {
            "name": "dark",
            "width": 320,
            "adjustments": ["contrast_dark"],
            "device": {"color_scheme": "dark"},
        }
    ]


def test_chromium_comes_from_the_environment_first(monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/opt/some/chromium")
    assert chromium_executable() == "/opt/some/chromium"


def test_the_statement_reads_a_written_report(tmp_path):
    path = tmp_path / "audit.json"
    write_report(report([Check("/", "desktop", axe_results(violation()))]), path)
    summary = latest_report(path)
    assert summary.tested_on == date(2026, 11, 20)
    assert (summary.pages, summary.checks) == (1, 1)
    assert summary.passed is False
    assert summary.issues[0].success_criteria == ("1.4.3 Contrast (Minimum)",)
    assert summary.issues[0].pages == 1


def test_the_statement_rereads_the_report_when_the_file_changes(tmp_path):
    path = tmp_path / "audit.json"
    write_report(report([Check("/", "desktop", axe_results(violation()))]), path)
    assert latest_report(path).passed is False
    write_report(report([Check("/", "desktop", axe_results())]), path)
    assert latest_report(path).passed is True


def test_no_report_or_a_broken_one_reads_as_none(tmp_path):
    path = tmp_path / "audit.json"
    assert latest_report(path) is None
    path.write_text("{not json")
    assert latest_report(path) is None
    path.write_text(json.dumps({"generated_at": "2026-11-20"}))
    os.utime(path, ns=(1, 1))
    assert latest_report(path) is None
