"""When TEST_POSTGRES_URL names a PostgreSQL server (`make test` starts one), the
integration tier runs against PostgreSQL: each pytest-xdist worker gets its own database,
named here before any test module reads TEST_DATABASE_URL."""

import os

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
