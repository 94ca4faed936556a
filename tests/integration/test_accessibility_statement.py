"""The accessibility statement shows the latest automated audit, and `flask a11y audit`."""

import json

import pytest
from bs4 import BeautifulSoup

from portal.transparency import cli
from portal.transparency.a11y_audit import PROFILES
from tests.support.pages import decoded

# The statement says when the pages were last tested.
pytestmark = pytest.mark.clock

STATEMENT = "/accessibility-statement"


def audit_report(generated_at="2026-11-20T09:30:00+00:00", issues=()):
    return {
        "generated_at": generated_at,
        "standard": "WCAG 2.2 AA",
        "tool": "axe-core 4.12.1",
        "pages": 276,
        "checks": 552,
        "languages": ["en", "cy", "ar"],
        "profiles": [
            {"name": "desktop", "width": 1280, "adjustments": [], "device": {}},
            {"name": "phone", "width": 320, "adjustments": [], "device": {}},
        ],
        "issues": list(issues),
        "passed": not issues,
    }


CONTRAST = {
    "rule": "color-contrast",
    "impact": "serious",
    "description": "Ensure the contrast between foreground and background colors is enough",
    "help_url": "https://dequeuniversity.com/rules/axe/4.12/color-contrast",
    "success_criteria": ["1.4.3 Contrast (Minimum)"],
    "pages": ["/", "/cy/", "/ar/"],
    "profiles": ["phone"],
    "count": 4,
    "examples": [],
}


@pytest.fixture
def report_path(tmp_path):
    return tmp_path / "accessibility-audit.json"


@pytest.fixture
def app(make_app, report_path):
    return make_app(A11Y_AUDIT_REPORT=report_path)


def write(path, report):
    path.write_text(json.dumps(report))


def results_section(client, url=STATEMENT) -> str:
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(decoded(response), "html5lib")
    heading = page.find(id="automated-test-results")
    assert heading is not None, f"{url} has no automated test results section"
    text = []
    for element in heading.find_all_next():
        if "app-page-meta" in (element.get("class") or []):
            break
        if element.name in ("h2", "h3", "p", "li") and not element.find(["p", "li"]):
            text.append(element.get_text(" ", strip=True))
    return "\n".join(text)


def test_the_statement_shows_when_and_what_was_tested_and_each_issue(client, report_path):
    write(report_path, audit_report(issues=[CONTRAST]))
    shown = results_section(client)
    assert "We last ran the automated test on 20 November 2026." in shown
    assert "We tested 276 pages, in:" in shown
    assert "a screen 1280 pixels wide, with no settings chosen" in shown
    assert "a screen 320 pixels wide, with no settings chosen" in shown
    assert "axe-core 4.12.1 checked each page against WCAG 2.2 AA" in shown
    assert "The automated test found 1 kind of failure:" in shown
    assert "WCAG success criteria: 1.4.3 Contrast (Minimum)" in shown
    assert "Found on 3 pages." in shown


def test_the_welsh_statement_dates_the_test_in_welsh(client, report_path):
    write(report_path, audit_report(issues=[CONTRAST]))
    assert "20 Tachwedd 2026" in results_section(client, "/cy" + STATEMENT)


def test_issue_text_from_axe_is_marked_as_english_on_other_languages_pages(client, report_path):
    write(report_path, audit_report(issues=[CONTRAST]))
    page = BeautifulSoup(decoded(client.get("/cy" + STATEMENT)), "html5lib")
    description = page.find(string=CONTRAST["description"]).parent
    assert (description.get("lang"), description.get("dir")) == ("en", "ltr")


def test_a_clean_report_says_the_test_found_no_failures(client, report_path):
    write(report_path, audit_report())
    shown = results_section(client)
    assert "The automated test found no failures." in shown
    assert "WCAG success criteria" not in shown


def test_without_a_report_the_statement_says_the_audit_has_not_been_run(client):
    shown = results_section(client)
    assert "We have not yet run the automated test on this version" in shown
    assert "When we last tested" not in shown


def test_the_statement_changes_as_soon_as_the_report_does(client, report_path):
    write(report_path, audit_report(issues=[CONTRAST]))
    assert "20 November 2026" in results_section(client)
    write(report_path, audit_report(generated_at="2026-11-26T23:59:00+00:00"))
    shown = results_section(client)
    assert "26 November 2026" in shown
    assert "20 November 2026" not in shown
    assert "found no failures" in shown
    report_path.unlink()
    assert "We have not yet run the automated test" in results_section(client)


def test_other_information_pages_have_no_audit_section(client, report_path):
    write(report_path, audit_report())
    page = BeautifulSoup(decoded(client.get("/cookies")), "html5lib")
    assert page.find(id="automated-test-results") is None


def test_the_audit_command_writes_the_report_and_fails_on_issues_when_asked(
    app, monkeypatch, tmp_path
):
    monkeypatch.setattr(cli, "run_audit", lambda app, **_: audit_report(issues=[CONTRAST]))
    output = tmp_path / "out" / "report.json"
    runner = app.test_cli_runner()

    failed = runner.invoke(args=["a11y", "audit", "--output", str(output), "--fail-on-issues"])
    assert failed.exit_code == 1
    assert json.loads(output.read_text())["issues"][0]["rule"] == "color-contrast"
    assert "color-contrast (serious)" in failed.output
    assert "1.4.3 Contrast (Minimum)" in failed.output

    reported = runner.invoke(args=["a11y", "audit", "--output", str(output)])
    assert reported.exit_code == 0


def test_the_audit_command_passes_a_clean_audit_and_defaults_to_the_configured_path(
    app, monkeypatch, report_path
):
    asked = []
    monkeypatch.setattr(
        cli, "run_audit", lambda app, profiles: asked.append(profiles) or audit_report()
    )
    result = app.test_cli_runner().invoke(args=["a11y", "audit", "--fail-on-issues"])
    assert result.exit_code == 0, result.output
    assert json.loads(report_path.read_text())["passed"] is True
    assert asked == [PROFILES]


def test_the_audit_command_can_check_under_more_profiles(app, monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(
        cli, "run_audit", lambda app, profiles: asked.append(profiles) or audit_report()
    )
    args = ["a11y", "audit", "--output", str(tmp_path / "r.json")]
    result = app.test_cli_runner().invoke(
        args=[*args, "--profile", "desktop", "--profile", "phone"]
    )
    assert result.exit_code == 0, result.output
    assert [profile.width for profile in asked[0]] == [1280, 320]


def test_a_deployment_that_answers_only_to_its_public_name_can_still_be_audited(make_app):
    """`make audit PORTAL_ENV=production` stopped with a traceback: the deployment's
    TRUSTED_HOSTS has only its public name, so the audit could neither list its pages nor
    reach its own loopback server."""
    from portal.sitemap import page_urls
    from portal.transparency.a11y_audit import _answer_on_loopback

    app = make_app(TRUSTED_HOSTS=["services.glanmor.example"], check_pages=False)
    _answer_on_loopback(app)
    with app.test_request_context(base_url="http://127.0.0.1:5000"):
        assert "/accessibility-statement" in page_urls()
    assert app.test_client().get("/", base_url="http://127.0.0.1:5000").status_code == 200
    assert app.test_client().get("/", base_url="http://elsewhere.example").status_code == 400
