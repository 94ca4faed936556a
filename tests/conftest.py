"""When TEST_POSTGRES_URL names a PostgreSQL server (`make test` starts one), the
integration tier runs against PostgreSQL: each pytest-xdist worker gets its own database,
named here before any test module reads TEST_DATABASE_URL."""

import os

import pytest
import time_machine

from tests.support.clock import FROZEN_AT

POSTGRES = os.environ.get("TEST_POSTGRES_URL")


def _worker_database(base: str) -> str:
    import psycopg

    name = f"portal_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    server = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "select 1 from pg_database where datname = %s", (name,)
        ).fetchone()
        if not exists:
            connection.execute(f'create database "{name}"')
    return f"{base}/{name}"


if POSTGRES:
    os.environ["TEST_DATABASE_URL"] = _worker_database(POSTGRES)


@pytest.fixture
def make_app():
    """`make_app(**config_overrides)`: the portal on the test configuration with these
    settings, the page-checking test client and a freshly migrated database, disposed of
    after the test. `make_app(ProductionConfig, ...)` starts from another configuration;
    `migrate=False` and `check_pages=False` leave out the database and the page checks
    (tests/support/apps.py says when)."""
    # Imported here, not above: config reads TEST_DATABASE_URL, named above, on import.
    from tests.support.apps import AppFactory

    with AppFactory() as factory:
        yield factory


@pytest.fixture
def frozen_clock():
    """Stop the portal's clock at FROZEN_AT; the fixture can move it (`.move_to`, `.shift`).

    Tests that show a date or a period use this, so they pass on any day of the year. The
    clock tier of `make test` runs the `clock` tests again with the real clock moved to
    awkward moments, which catches a date test that forgot to freeze.
    """
    with time_machine.travel(FROZEN_AT, tick=False) as traveller:
        yield traveller


def pytest_collection_modifyitems(items):
    # A test that freezes the clock is about time: the clock tier runs it too.
    for item in items:
        if "frozen_clock" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.clock)
