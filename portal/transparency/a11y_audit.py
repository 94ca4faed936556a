"""The automated accessibility audit behind `flask a11y audit` and the accessibility statement.

The app is served on a loopback port, and Chromium (through Playwright) loads every page of
`portal.sitemap.page_urls()` (every route in every language) under each audit profile and
runs axe-core with the WCAG 2.2 AA tags. The results become one JSON report:

| name           | type    | meaning                                                       |
|----------------|---------|---------------------------------------------------------------|
| `generated_at` | string  | when the audit ran: UTC, ISO 8601 (`2026-11-27T10:04:00+00:00`) |
| `standard`     | string  | what the pages were checked against: `WCAG 2.2 AA`            |
| `tool`         | string  | the checker and its version (`axe-core 4.12.1`)               |
| `pages`        | integer | how many URLs were checked (each language is its own URL)     |
| `checks`       | integer | pages x profiles: how many times axe ran                      |
| `languages`    | list    | the languages of the pages checked (`en`, `cy`, `ar`)         |
| `profiles`     | list    | the profiles each page was checked under (below)              |
| `issues`       | list    | one per failing axe rule, worst first (below)                 |
| `passed`       | boolean | true when `issues` is empty                                   |

Each profile: `name`, `width` (CSS pixels), `adjustments` (its declared needs, named as
`portal.needs.personalise.page_adjustments` names them) and `device` (browser settings,
such as `color_scheme`).

Each issue: `rule` (the axe rule id), `impact` (the worst seen: `critical`, `serious`,
`moderate` or `minor`), `description` (axe's, in English), `help_url`, `success_criteria`
(`["1.4.3 Contrast (Minimum)"]`), `pages` (the URLs it was found on), `profiles` (the
profiles it was found under), `count` (failing elements, summed over every check) and
`examples` (up to 5 `"<url> <css selector>"` strings, to find it again).

Building the report (`build_report`) is a pure function of the axe results, tested without
a browser. Playwright and axe-playwright-python are the `audit` extras (`make audit` installs
them; the test extras include them), so they are imported only when an audit runs.
"""

import io
import json
import os
import subprocess
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click
from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from config import LOOPBACK_HOSTS, ROOT
from portal import clock
from portal.needs.model import NO_NEEDS, Needs
from portal.needs.personalise import page_adjustments
from portal.transparency.wcag import success_criteria

if TYPE_CHECKING:
    from playwright.sync_api import Page as BrowserPage

STANDARD = "WCAG 2.2 AA"
# Every tag named: passing options replaces axe-playwright-python's defaults, and
# target-size only runs when wcag22aa is asked for. No rule is switched off. The browser
# tests run axe with these options and launch Chromium with CHROMIUM_ARGS too.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
# Chromium's own network chatter has nowhere to go on a closed network: switch it off.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
IMPACTS = ("minor", "moderate", "serious", "critical")  # least to most severe
EXAMPLES_PER_ISSUE = 5


@dataclass(frozen=True)
class AuditProfile:
    """How the browser meets the pages: a screen width, declared needs, device settings."""

    name: str
    width: int
    needs: Needs = NO_NEEDS
    # Browser context options for what a device asks for (`color_scheme`, `forced_colors`).
    device: dict = field(default_factory=dict)

    def as_report(self) -> dict:
        return {
            "name": self.name,
            "width": self.width,
            "adjustments": list(page_adjustments(self.needs)),
            "device": dict(self.device),
        }


# Profiles an audit can use (`flask a11y audit --profile ...`): the pages as most people
# get them, on a desktop and on the narrowest screen WCAG reflow asks for. The browser test
# matrix (tests/browser) covers every needs profile at both widths; this is the record.
AVAILABLE_PROFILES = {
    profile.name: profile for profile in (AuditProfile("desktop", 1280), AuditProfile("phone", 320))
}
# What CI runs and the statement reports by default. Only the phone: on the 2-core build
# machine (while another test run shared it), 330 pages took 8m03s at both widths, over the
# 4-minute budget for this step, and 3m14s at one. 320 px is the stricter width (reflow,
# target size, wrapped text); the desktop width stays in the browser test matrix.
PROFILES = (AVAILABLE_PROFILES["phone"],)


class Check(NamedTuple):
    """One page under one profile, with axe's answer (`axe.run` results)."""

    url: str
    profile: str
    results: dict


class AuditError(RuntimeError):
    """The audit could not run, or a page did not load: no report can be trusted."""


def language_of(url: str, languages: Sequence[str]) -> str:
    """The language of a page's URL: its prefix (`/cy/...`), else the default (first)."""
    first = url.lstrip("/").split("/", 1)[0].split("?", 1)[0]
    return first if first in languages[1:] else languages[0]


def tool_name(checks: Sequence[Check], fallback: str) -> str:
    """The checker as axe reports itself (`axe-core 4.12.1`), else `fallback`."""
    for check in checks:
        engine = check.results.get("testEngine") or {}
        if engine.get("name") and engine.get("version"):
            return f"{engine['name']} {engine['version']}"
    return fallback


def build_report(
    checks: Sequence[Check],
    *,
    profiles: Sequence[AuditProfile],
    languages: Sequence[str],
    generated_at: datetime,
    tool: str,
) -> dict:
    """The report (schema in the module docstring) from every check's axe results."""
    pages = list(dict.fromkeys(check.url for check in checks))
    found = {language_of(url, languages) for url in pages}
    issues: dict[str, dict] = {}
    for check in checks:
        for violation in check.results.get("violations", []):
            issue = issues.setdefault(violation["id"], _new_issue(violation))
            _add_to(issue, violation, check)
    ordered = sorted(
        issues.values(),
        key=lambda issue: (-_severity(issue["impact"]), -len(issue["pages"]), issue["rule"]),
    )
    return {
        "generated_at": generated_at.astimezone(UTC).isoformat(timespec="seconds"),
        "standard": STANDARD,
        "tool": tool_name(checks, tool),
        "pages": len(pages),
        "checks": len(checks),
        "languages": [language for language in languages if language in found],
        "profiles": [profile.as_report() for profile in profiles],
        "issues": ordered,
        "passed": not ordered,
    }


def _new_issue(violation: dict) -> dict:
    return {
        "rule": violation["id"],
        "impact": violation.get("impact"),
        "description": violation.get("description") or violation.get("help", ""),
        "help_url": violation.get("helpUrl", ""),
        "success_criteria": success_criteria(violation.get("tags", [])),
        "pages": [],
        "profiles": [],
        "count": 0,
        "examples": [],
    }


def _add_to(issue: dict, violation: dict, check: Check) -> None:
    if check.url not in issue["pages"]:
        issue["pages"].append(check.url)
    if check.profile not in issue["profiles"]:
        issue["profiles"].append(check.profile)
    if _severity(violation.get("impact")) > _severity(issue["impact"]):
        issue["impact"] = violation.get("impact")
    nodes = violation.get("nodes") or [{}]
    issue["count"] += len(nodes)
    for node in nodes:
        if len(issue["examples"]) >= EXAMPLES_PER_ISSUE:
            break
        target = " ".join(map(str, node.get("target", [])))
        example = f"{check.url} {target}".strip()
        if example not in issue["examples"]:
            issue["examples"].append(example)


def _severity(impact: str | None) -> int:
    return IMPACTS.index(impact) if impact in IMPACTS else -1


def write_report(report: dict, path: Path) -> None:
    """Write the report whole: the statement reads it and must never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)


def chromium_executable() -> str | None:
    """$CHROMIUM, else what scripts/find-chromium finds, else Debian's Chromium; None means
    Playwright's own browser (find-chromium prints nothing after installing that)."""
    named = os.environ.get("CHROMIUM", "").strip()
    if named:
        return named
    script = ROOT / "scripts" / "find-chromium"
    if script.exists():
        # find-chromium may install a browser; its messages go to our stderr.
        found = subprocess.run(
            [str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False
        ).stdout.strip()
        if found:
            return found
    return str(DEFAULT_CHROMIUM) if DEFAULT_CHROMIUM.exists() else None


def run_audit(
    app: Flask,
    urls: Sequence[str] | None = None,
    profiles: Sequence[AuditProfile] = PROFILES,
    browser=None,
    quiet: bool = False,
) -> dict:
    """Audit `urls` (default: every page in every language) and return the report.

    `browser` is a Playwright Browser to use; without one, Chromium is launched here.
    """
    try:
        from axe_playwright_python.base import AXE_SCRIPT
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise AuditError(
            f"{error.name} is not installed: `make audit` installs what the audit needs "
            "and runs it (or pip install -e '.[audit]')"
        ) from None
    _prepare_database(app)
    _answer_on_loopback(app)
    if urls is None:
        from portal.sitemap import page_urls

        with app.test_request_context():
            urls = page_urls()
    cookies = _needs_cookies(app, profiles)
    with serving(app) as base_url:
        if browser is not None:
            checks = _check_pages(browser, AXE_SCRIPT, base_url, urls, profiles, cookies, quiet)
        else:
            with sync_playwright() as playwright:
                launched = playwright.chromium.launch(
                    executable_path=chromium_executable(), args=CHROMIUM_ARGS
                )
                try:
                    checks = _check_pages(
                        launched, AXE_SCRIPT, base_url, urls, profiles, cookies, quiet
                    )
                finally:
                    launched.close()
    return build_report(
        checks,
        profiles=profiles,
        languages=app.extensions["languages"].codes,
        generated_at=clock.now(),
        tool=f"axe-playwright-python {metadata.version('axe-playwright-python')}",
    )


def _prepare_database(app: Flask) -> None:
    """An in-memory database (the test configuration) starts empty in every process, so
    the form pages need the migrations run; a real database is migrated by its deployment."""
    from flask_migrate import upgrade

    from portal.extensions import db

    with app.app_context():
        url = db.engine.url
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            upgrade()


def _answer_on_loopback(app: Flask) -> None:
    """A deployment answers only to its public name (TRUSTED_HOSTS, from PORTAL_BASE_URL),
    but the audit reaches its own server, in this process, at 127.0.0.1: without this
    every page would be refused (and building the list of pages would fail first)."""
    hosts = app.config.get("TRUSTED_HOSTS")
    if hosts:
        app.config["TRUSTED_HOSTS"] = [*hosts, *(h for h in LOOPBACK_HOSTS if h not in hosts)]


def _needs_cookies(app: Flask, profiles: Iterable[AuditProfile]) -> dict[str, str]:
    """The needs cookie each profile's browser carries (none when nothing is declared)."""
    from portal.needs import store

    cookies = {}
    with app.test_request_context():
        for profile in profiles:
            if profile.needs.declared:
                cookies[profile.name] = store.dump(profile.needs)
    return cookies


class _QuietHandler(WSGIRequestHandler):
    """No line per request: hundreds of them would bury the progress bar. Errors still show."""

    def log_request(self, code="-", size="-") -> None:
        pass


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """The app on a free loopback port, in a background thread, for as long as needed (the
    browser tests' live server too)."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


def _check_pages(browser, axe_script, base_url, urls, profiles, cookies, quiet) -> list[Check]:
    """Every URL under every profile: one browser context per profile, reused for its pages.

    axe-playwright-python's `Axe.run` sends its 550 KB copy of axe-core over the wire to
    every page; an init script sends it once per context, which made each check about 20%
    faster here. The script and the options are the same.
    """
    from portal.needs.store import COOKIE_NAME

    checks = []
    work = [(profile, url) for profile in profiles for url in urls]
    with click.progressbar(
        work,
        label="Checking pages",
        show_pos=True,
        item_show_func=lambda item: f"{item[0].name} {item[1]}" if item else "",
        file=io.StringIO() if quiet else None,
    ) as progress:
        contexts: dict[str, BrowserPage] = {}  # one page (in its context) per profile
        try:
            for profile, url in progress:
                page = contexts.get(profile.name)
                if page is None:
                    context = browser.new_context(
                        viewport={"width": profile.width, "height": 800}, **profile.device
                    )
                    context.add_init_script(axe_script)
                    if profile.name in cookies:
                        context.add_cookies(
                            [{"name": COOKIE_NAME, "value": cookies[profile.name], "url": base_url}]
                        )
                    page = contexts[profile.name] = context.new_page()
                response = page.goto(base_url + url)
                if response is None or response.status != 200:
                    status = response.status if response else "no response"
                    raise AuditError(f"{url} answered {status} under {profile.name}")
                results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
                checks.append(Check(url, profile.name, results))
        finally:
            for page in contexts.values():
                page.context.close()
    return checks
