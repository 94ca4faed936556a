"""`flask a11y audit`'s audit function in a real Chromium, on a few pages (the whole run is
`make test`'s last step)."""

import json

import pytest

from portal.transparency.a11y_audit import AVAILABLE_PROFILES, run_audit
from tests.support.apps import AppFactory

URLS = ["/", "/cy/accessibility-statement", "/ar/contact"]
# Both widths, so one browser context per profile is exercised too.
PROFILES = list(AVAILABLE_PROFILES.values())
# A page that fails on purpose, so the test shows the audit finds and names failures.
BROKEN = "/audit-test/broken"
BROKEN_HTML = (
    '<!doctype html><html lang="en"><head><title>Broken</title></head>'
    '<body><main><h1>Broken</h1><img src="/nowhere.png"></main></body></html>'
)


@pytest.fixture(scope="module")
def report(browser):
    with AppFactory() as make_app:
        # Not migrated here: the audit prepares an in-memory database itself, as the
        # command does.
        app = make_app(migrate=False)
        app.add_url_rule(BROKEN, "audit_test_broken", lambda: BROKEN_HTML)
        yield run_audit(app, urls=[*URLS, BROKEN], profiles=PROFILES, browser=browser, quiet=True)


def test_the_report_has_the_documented_shape(report):
    assert set(report) == {
        "generated_at",
        "standard",
        "tool",
        "pages",
        "checks",
        "languages",
        "profiles",
        "issues",
        "passed",
    }
    assert report["standard"] == "WCAG 2.2 AA"
    assert report["tool"].startswith("axe-core 4.")
    assert report["pages"] == len(URLS) + 1
    assert report["checks"] == (len(URLS) + 1) * len(PROFILES)
    assert report["languages"] == ["en", "cy", "ar"]
    assert [p["width"] for p in report["profiles"]] == [1280, 320]
    assert report["passed"] is (not report["issues"])
    json.dumps(report)  # it is written as JSON: nothing in it may need a custom encoder


def test_the_audit_finds_a_failure_and_names_its_success_criterion(report):
    issues = {issue["rule"]: issue for issue in report["issues"]}
    assert "image-alt" in issues, report["issues"]
    image_alt = issues["image-alt"]
    assert image_alt["success_criteria"] == ["1.1.1 Non-text Content"]
    assert image_alt["pages"] == [BROKEN]
    assert image_alt["profiles"] == [profile.name for profile in PROFILES]
    assert image_alt["impact"] == "critical"
    assert report["passed"] is False


def test_the_portal_pages_themselves_pass(report):
    failing = {url for issue in report["issues"] for url in issue["pages"]} - {BROKEN}
    assert not failing, [i for i in report["issues"] if set(i["pages"]) & failing]
