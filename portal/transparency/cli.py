"""`flask a11y ...`: the automated accessibility audit, for CI and the statement.

Its output is for developers and is in English.
"""

import sys
import time
from pathlib import Path

import click
from flask import current_app

from portal.cli import PortalGroup
from portal.transparency.a11y_audit import (
    AVAILABLE_PROFILES,
    PROFILES,
    AuditError,
    run_audit,
    write_report,
)

a11y_cli = PortalGroup("a11y", help="Check the portal's accessibility.")


@a11y_cli.command("audit")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the JSON report here instead of the A11Y_AUDIT_REPORT setting's path.",
)
@click.option(
    "--fail-on-issues/--no-fail-on-issues",
    default=False,
    show_default=True,
    help="Exit with status 1 when axe finds a failure (the report is written either way).",
)
@click.option(
    "--profile",
    "profiles",
    multiple=True,
    type=click.Choice(list(AVAILABLE_PROFILES)),
    help="Check under this profile (repeat for more). Default: "
    + ", ".join(profile.name for profile in PROFILES)
    + ".",
)
def audit(output: Path | None, fail_on_issues: bool, profiles: tuple[str, ...]) -> None:
    """Check every page in every language with axe at WCAG 2.2 AA, and write a report.

    The accessibility statement shows the latest report: when it ran, what it checked and
    any failures, each with its WCAG success criteria.
    """
    # The app itself, not the proxy, for the server thread. Flask types current_app as the
    # app it stands for, so the proxy's own method is unknown to a type checker.
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    output = output or Path(app.config["A11Y_AUDIT_REPORT"])
    started = time.monotonic()
    try:
        report = run_audit(
            app, profiles=[AVAILABLE_PROFILES[name] for name in profiles] or PROFILES
        )
    except AuditError as error:
        raise click.ClickException(str(error)) from None
    write_report(report, output)
    minutes, seconds = divmod(round(time.monotonic() - started), 60)
    click.echo(
        f"{report['pages']} pages, {report['checks']} checks ({report['tool']}, "
        f"{report['standard']}) in {minutes}m{seconds:02d}s: "
        f"{len(report['issues'])} issue{'' if len(report['issues']) == 1 else 's'}."
    )
    for issue in report["issues"]:
        criteria = "; ".join(issue["success_criteria"]) or "no WCAG success criterion"
        click.echo(f"- {issue['rule']} ({issue['impact']}): {issue['description']}")
        click.echo(f"    {criteria}. On {len(issue['pages'])} pages, {issue['count']} elements.")
        for example in issue["examples"]:
            click.echo(f"    e.g. {example}")
        click.echo(f"    How to fix: {issue['help_url']}")
    click.echo(f"Report written to {output}")
    if fail_on_issues and not report["passed"]:
        sys.exit(1)
