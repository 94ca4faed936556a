"""`flask content ...`: commands for content designers.

Their output is for content designers and is in English, like the content guide.
"""

import json
import sys
from pathlib import Path

import click
from flask import current_app

from portal import clock
from portal.cli import PortalGroup
from portal.languages import languages
from portal.publishing.links import answers
from portal.publishing.lint import Finding, check_content, content_files
from portal.publishing.translation import TranslationError, mark_translated

# app.extensions key: a list of callables taking the content folder, returning Findings.
CONTENT_CHECKS = "portal.content_checks"

content_cli = PortalGroup("content", help="Check the content in content/.")


@content_cli.command("check")
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Lines for people, or JSON for tools.",
)
@click.option(
    "--content-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Check this folder instead of the portal's content folder.",
)
def check(strict: bool, output: str, content_dir: Path | None) -> None:
    """Check every content file; exit with status 1 on an error (or, with --strict, a warning).

    Each finding says the file and line, what is wrong and how to fix it.
    """
    config = current_app.config
    # Relative where it can be, so that every path in the output (fixes too) is short.
    content_dir = Path(_shown(content_dir or Path(config["CONTENT_DIR"])))
    findings = check_content(
        content_dir,
        languages().content_codes,
        today=clock.today(),
        reading_age_limit=config["CONTENT_READING_AGE_LIMIT"],
        url_languages=languages().codes,
        serves=_served,
    )
    # Checks that features register (the messages' templates, say): publishing knows none.
    for extra_check in current_app.extensions.get(CONTENT_CHECKS, []):
        findings += extra_check(content_dir)
    findings.sort(key=lambda f: (str(f.path), f.line, f.code, f.message))
    files = len(content_files(content_dir)) + len(list((content_dir / "messages").glob("*.yaml")))
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if output == "json":
        click.echo(json.dumps(_as_json(findings, files, errors, warnings), indent=2))
    else:
        for finding in findings:
            for line in finding.as_lines(_shown(finding.path)):
                click.echo(line)
        click.echo(
            f"{files} files checked: {_count(errors, 'error')}, {_count(warnings, 'warning')}"
        )
    if errors or (strict and warnings):
        sys.exit(1)


def _served(path: str) -> bool:
    return answers(current_app.url_map, path)


def _shown(path: Path) -> str:
    """The path from the current folder where it is under it (as editors and CI link it)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _as_json(findings: list[Finding], files: int, errors: int, warnings: int) -> dict:
    return {
        "files_checked": files,
        "errors": errors,
        "warnings": warnings,
        "findings": [
            {
                "path": _shown(f.path),
                "line": f.line,
                "severity": f.severity,
                "code": f.code,
                "message": f.message,
                "fix": f.fix,
            }
            for f in findings
        ],
    }


@content_cli.command("mark-translated")
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
def mark_translated_command(paths: tuple[Path, ...]) -> None:
    """Record that each translation PATH matches its English page as it is now.

    Writes the English file's hash as `source_hash` in the translation's front matter,
    changing only that line. Run it after updating a translation.
    """
    content_languages = languages().content_codes
    failed = False
    for path in paths:
        try:
            value = mark_translated(path, content_languages)
        except TranslationError as error:
            click.echo(str(error), err=True)
            failed = True
            continue
        click.echo(f"{path}: source_hash {value}")
    if failed:
        sys.exit(1)
