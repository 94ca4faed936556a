"""Every command the README and the guides show works as typed there: `flask ...` and
`.venv/bin/flask ...` in their code blocks and inline code, and `gunicorn ...`.

Each runs in a subprocess from the checkout with a clean environment (no PORTAL_ENV, no
SECRET_KEY), as someone types it in a fresh clone: before the set-up has written
.flaskenv (or on a server whose environment was forgotten), and after `make run` or
`make test` has. A command may fail, for a reason the person can put right, but then in one
sentence on standard error that says what to do: never with a traceback.

Commands that only read run for real; the rest (they would change data, or need input) run
with --help, which still has to start the portal. A newly documented command is run too.
The database is a temporary one, so the developer's own is never touched.
"""

import os
import re
import shlex
import socket
import subprocess

import pytest

from config import ROOT

# The commands run on temporary SQLite databases whatever the tier: the PostgreSQL run of
# the integration tests (`make test-postgres`) would only repeat them.
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("TEST_POSTGRES_URL")), reason="already run in the SQLite tier"
)

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCED = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
INLINE = re.compile(r"`([^`\n]+)`")
FLASK = ("flask ", ".venv/bin/flask ")
# (group, command) that only read: run exactly as documented.
READ_ONLY = {
    ("content", "check"),
    ("staff", "list"),
    ("feedback", "report"),
    ("messages", "status"),
}
EXPECTED = {
    ("content", "check"),
    ("content", "mark-translated"),
    ("staff", "create"),
    ("staff", "list"),
    ("a11y", "audit"),
    ("data", "purge"),
    ("submissions", "export"),
    ("feedback", "report"),
    ("messages", "work"),
    ("messages", "status"),
}


def documented(prefixes: tuple[str, ...]) -> list[str]:
    """Every command starting with one of `prefixes` in the README and docs/*.md."""
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        lines = [line for block in FENCED.findall(text) for line in block.splitlines()]
        lines += INLINE.findall(FENCED.sub("", text))
        for line in lines:
            command = line.strip().removeprefix("$ ")
            if command.startswith(prefixes) and command not in found:
                found.append(command)
    return found


def command_name(argv: list[str]) -> tuple[str, ...]:
    """("staff", "create") from `flask --app portal staff create --role admin`."""
    words, rest = [], argv[1:]
    while rest:
        word = rest.pop(0)
        if word in ("--app", "-A", "-e", "--env-file"):
            rest.pop(0)
        elif word.startswith("-"):
            continue
        else:
            words.append(word)
    return tuple(words[:2])


def as_run(command: str) -> list[str]:
    argv = shlex.split(command)
    return argv if command_name(argv) in READ_ONLY else [*argv, "--help"]


def clean_environment(tmp_path, **extra) -> dict[str, str]:
    return {
        # .venv/bin first, as in a shell where it is activated (for a bare `flask`).
        "PATH": f"{ROOT / '.venv' / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        **extra,
    }


def run(argv: list[str], env: dict[str, str], timeout: int = 120):
    return subprocess.run(
        argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def assert_plain(result, command: str) -> None:
    """No traceback; and a failure is one sentence on standard error."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, f"{command}:\n{output}"
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, f"{command} failed with more than one line:\n{output}"
        assert re.fullmatch(r"Error: [A-Z].+\.", lines[0]), f"{command}: {lines[0]!r}"


COMMANDS = documented(FLASK)


def test_the_documents_show_every_command_people_need():
    assert {command_name(shlex.split(c)) for c in COMMANDS} >= EXPECTED


@pytest.fixture(scope="module")
def development_checkout():
    """.flaskenv, as `make run`, `make preview` and `make test` write it."""
    subprocess.run(["make", "--silent", "--no-print-directory", ".flaskenv"], cwd=ROOT, check=True)
    assert (ROOT / ".flaskenv").is_file()


@pytest.fixture
def empty_database(tmp_path):
    """A database not made yet: a clone after `make test`, before `make run`."""
    return f"sqlite:///{tmp_path / 'portal.db'}"


@pytest.fixture(scope="module")
def made_database(tmp_path_factory, development_checkout):
    """A database `make run` has made (migrated)."""
    home = tmp_path_factory.mktemp("home")
    url = f"sqlite:///{home / 'portal.db'}"
    made = run(
        [str(ROOT / ".venv" / "bin" / "flask"), "--app", "portal", "db", "upgrade"],
        clean_environment(home, DATABASE_URL=url),
    )
    assert made.returncode == 0, made.stderr
    return url


@pytest.mark.parametrize("command", COMMANDS)
def test_before_the_set_up_a_command_says_in_one_sentence_what_is_missing(command, tmp_path):
    env = clean_environment(tmp_path, FLASK_SKIP_DOTENV="1")  # as if there were no .flaskenv
    result = run(as_run(command), env)
    assert_plain(result, command)
    assert result.returncode != 0, command  # production's settings: no SECRET_KEY
    assert result.stderr.startswith("Error: Set the SECRET_KEY environment variable, or set ")


@pytest.mark.parametrize("command", COMMANDS)
def test_after_the_set_up_every_command_runs_or_says_what_to_do(
    command, tmp_path, development_checkout, empty_database
):
    result = run(as_run(command), clean_environment(tmp_path, DATABASE_URL=empty_database))
    assert_plain(result, command)
    name = command_name(shlex.split(command))
    if name in READ_ONLY and name != ("content", "check"):
        # These read the database, which is not made yet: they say how to make it.
        assert result.returncode == 1, result.stdout
        assert "run `.venv/bin/flask --app portal db upgrade` first." in result.stderr
    else:
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "command", [c for c in COMMANDS if command_name(shlex.split(c)) in READ_ONLY]
)
def test_with_the_database_made_the_read_only_commands_run(command, tmp_path, made_database):
    result = run(as_run(command), clean_environment(tmp_path, DATABASE_URL=made_database))
    assert_plain(result, command)
    assert result.returncode == 0, result.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("command", documented(("gunicorn ",)))
@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ({}, "SECRET_KEY"),
        ({"SECRET_KEY": "not-really-secret"}, "DATABASE_URL"),
        ({"SECRET_KEY": "not-really-secret", "DATABASE_URL": "sqlite://"}, "PORTAL_BASE_URL"),
    ],
    ids=["no-secret-key", "no-database-url", "no-base-url"],
)
def test_gunicorn_refuses_to_start_without_production_settings_in_one_sentence(
    command, given, missing, tmp_path, development_checkout
):
    """Even beside the development .flaskenv: gunicorn never reads it."""
    env = clean_environment(tmp_path, PORT=str(free_port()), **given)
    try:
        result = run(shlex.split(command), env, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} started without {missing}")
    assert_plain(result, command)
    assert result.returncode != 0
    assert result.stderr.strip().startswith(f"Error: Set the {missing} environment variable")


MAKE_TARGET = re.compile(r"(?:^|[`\s])make ([a-z][a-z-]*)(?=[`\s]|$)", re.MULTILINE)


def documented_make_targets() -> list[str]:
    """Every `make <target>` in the README and docs/*.md, in code."""
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        code = "\n".join(FENCED.findall(text) + INLINE.findall(FENCED.sub("", text)))
        found += [t for t in MAKE_TARGET.findall(code) if t not in found]
    return found


def test_every_documented_make_target_exists():
    """`make audit` is how a deployment refreshes its accessibility statement: a target the
    guides name and the Makefile lacks would leave them with an error instead."""
    targets = documented_make_targets()
    assert {"run", "test", "audit"} <= set(targets)
    for target in targets:
        ran = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
        assert ran.returncode == 0, f"make {target}: {ran.stderr}"
    audit = subprocess.run(["make", "-n", "audit"], cwd=ROOT, capture_output=True, text=True)
    assert "a11y audit" in audit.stdout
