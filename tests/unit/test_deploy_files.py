"""The shipped systemd units run the purge the operations guide documents, on a schedule:
read as systemd reads them, so they cannot rot unnoticed."""

import configparser
import shlex

from config import ROOT

UNITS = ROOT / "deploy" / "systemd"
DOCUMENTED = "flask --app portal data purge"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string((UNITS / name).read_text(encoding="utf-8"))
    return parser


def test_the_service_runs_exactly_the_documented_purge_once():
    service = unit("portal-purge.service")
    assert service["Service"]["Type"] == "oneshot"
    argv = shlex.split(service["Service"]["ExecStart"])
    assert argv[0].endswith("/.venv/bin/flask")
    assert " ".join(["flask", *argv[1:]]) == DOCUMENTED
    assert service["Service"]["User"] != "root"


def test_the_timer_starts_the_service_every_hour():
    timer = unit("portal-purge.timer")
    assert timer["Timer"]["Unit"] == "portal-purge.service"
    assert timer["Timer"]["OnCalendar"] == "hourly"
    assert timer["Install"]["WantedBy"] == "timers.target"


def test_the_operations_guide_documents_the_units_and_the_cron_line():
    guide = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert "deploy/systemd/portal-purge.timer" in guide
    assert f".venv/bin/{DOCUMENTED}" in guide
    cron = [line for line in guide.splitlines() if line.startswith("0 * * * *")]
    assert cron and cron[0].endswith(f".venv/bin/{DOCUMENTED}")
