"""When the disk under the database cannot be written to (read-only, full), nobody gets a
stack trace or loses what they typed, content still works, and nothing is corrupted.

A real file system of its own (tmpfs) holds the SQLite database, so the tests can fill it
or make it read-only: mounting needs root, which CI has, and a container that allows it.
These tests need no other service."""

import os
import shutil
import sqlite3
import subprocess

import pytest

from tests.support.answers import BINS
from tests.support.apps import dispose
from tests.support.forms import submit_form

QUESTION = f"{BINS}/more-details"
TYPED = "The lorry came at 6am and missed our street again."


@pytest.fixture
def sqlite_file(make_app, tmp_path):
    """A migrated SQLite file holding one person's draft."""
    path = tmp_path / "portal.db"
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}")
    submit_form(app.test_client(), f"{BINS}/bin-type", {"answer": "recycling"})
    dispose(app)  # nothing left open on the file before it is copied
    return path


@pytest.fixture
def small_disk(tmp_path, sqlite_file):
    """A small tmpfs holding a copy of the database, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    size = sqlite_file.stat().st_size + 64 * 1024
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode != 0:  # a container that forbids mounting, even to root
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.decode().strip()}")
    shutil.copy(sqlite_file, mount_point / "portal.db")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=True)


def app_on(make_app, disk):
    """The app on the disk's database, started as a server starts: it migrates nothing."""
    return make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{disk / 'portal.db'}", migrate=False)


def assert_kept_and_explained(response):
    page = response.data.decode()
    assert response.status_code == 503
    assert 'id="service-unavailable"' in page
    assert TYPED in page  # the answer, still in its box


def test_a_read_only_disk_says_so_and_keeps_the_answer(make_app, small_disk):
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    app = app_on(make_app, small_disk)
    client = app.test_client()
    assert client.get("/").status_code == 200  # content does not need the database
    assert_kept_and_explained(submit_form(client, QUESTION, {"answer": TYPED}))
    assert client.get("/readyz").status_code == 200  # reading still works
    dispose(app)
    assert _intact(small_disk / "portal.db")


def test_a_full_disk_says_so_keeps_the_answer_corrupts_nothing_and_recovers(make_app, small_disk):
    filler = small_disk / "filler"
    with filler.open("wb", buffering=0) as file:  # take every free byte
        for chunk in (65536, 4096, 512, 1):
            try:
                while True:
                    file.write(b"\0" * chunk)
            except OSError:
                pass
    app = app_on(make_app, small_disk)
    client = app.test_client()
    assert client.get("/").status_code == 200
    assert_kept_and_explained(submit_form(client, QUESTION, {"answer": TYPED}))
    dispose(app)
    assert _intact(small_disk / "portal.db")
    filler.unlink()  # room again: the same answer is saved, with nothing restarted
    assert submit_form(client, QUESTION, {"answer": TYPED}).status_code == 302


def _intact(path) -> bool:
    with sqlite3.connect(path) as connection:
        ok = connection.execute("pragma integrity_check").fetchone()[0] == "ok"
        drafts_kept = connection.execute("select count(*) from drafts").fetchone()[0] >= 1
    return ok and drafts_kept
