"""The latest audit report, as the accessibility statement shows it.

Read at request time, so a new report shows without a restart, but parsed only when the
file changes: the cache key is the file's modification time and size.
"""

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from portal.languages import languages
from portal.needs.personalise import ADJUSTMENT_NAMES

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Issue:
    rule: str
    description: str
    help_url: str
    success_criteria: tuple[str, ...]
    pages: int


@dataclass(frozen=True)
class TestedProfile:
    width: int
    adjustments: tuple[str, ...]

    def settings(self) -> list[str]:
        """The declared needs it was tested with, named in the reader's language."""
        return [str(ADJUSTMENT_NAMES.get(key, key)) for key in self.adjustments]


@dataclass(frozen=True)
class AuditSummary:
    """What the statement says about the latest automated audit."""

    tested_on: date
    standard: str
    tool: str
    pages: int
    checks: int
    languages: tuple[str, ...]
    profiles: tuple[TestedProfile, ...]
    issues: tuple[Issue, ...]

    @property
    def passed(self) -> bool:
        return not self.issues

    def language_names(self) -> list[str]:
        """Each language tested, named for a sentence in the reader's language."""
        registry = languages()
        return [registry[code].label if code in registry else code for code in self.languages]


def latest_report(path: Path) -> AuditSummary | None:
    """The report at `path`, or None when there is none (or it cannot be read)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return _read(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _read(path: str, _mtime_ns: int, _size: int) -> AuditSummary | None:
    try:
        return summarise(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        # A broken report must not cost anyone the statement: say the audit has not run.
        log.warning("Cannot read the accessibility audit report %s: %r", path, error)
        return None


def summarise(report: dict) -> AuditSummary:
    """The parts of a report (see portal.transparency.a11y_audit) that the statement shows."""
    return AuditSummary(
        tested_on=datetime.fromisoformat(report["generated_at"]).date(),
        standard=report["standard"],
        tool=report["tool"],
        pages=int(report["pages"]),
        checks=int(report["checks"]),
        languages=tuple(report["languages"]),
        profiles=tuple(
            TestedProfile(int(profile["width"]), tuple(profile.get("adjustments", ())))
            for profile in report["profiles"]
        ),
        issues=tuple(
            Issue(
                rule=issue["rule"],
                description=issue["description"],
                help_url=issue["help_url"],
                success_criteria=tuple(issue["success_criteria"]),
                pages=len(issue["pages"]),
            )
            for issue in report["issues"]
        ),
    )
