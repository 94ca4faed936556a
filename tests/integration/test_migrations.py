"""The Alembic migrations: up from an empty database, all the way down, up again, and no
drift between the models and what the migrations build. On SQLite always, and on
PostgreSQL when the tier runs against it (`make test` does both)."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from config import TestConfig
from portal.extensions import db


@pytest.fixture
def migrated_app(make_app, tmp_path):
    """Empty, then every migration: on this tier's PostgreSQL, else a SQLite file."""
    if TestConfig.SQLALCHEMY_DATABASE_URI.startswith("postgresql"):
        return make_app()
    return make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'portal.db'}")


def tables(app) -> set[str]:
    with app.app_context():
        return set(sa.inspect(db.engine).get_table_names())


def head(app) -> str | None:
    with app.app_context(), db.engine.connect() as connection:
        return connection.execute(sa.text("select version_num from alembic_version")).scalar()


def test_the_migrations_build_what_the_models_describe(migrated_app):
    with migrated_app.app_context(), db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == [], "models and migrations differ: run `flask db migrate`"


def test_downgrade_to_empty_and_upgrade_again(migrated_app):
    built = tables(migrated_app)
    assert {"submissions", "staff_members", "audit_events", "contact_requests"} <= built
    top = head(migrated_app)
    with migrated_app.app_context():
        downgrade(revision="base")
    assert tables(migrated_app) <= {"alembic_version"}
    with migrated_app.app_context():
        upgrade()
    assert tables(migrated_app) == built and head(migrated_app) == top


def test_the_drift_check_can_fail(migrated_app):
    """A column in the models that no migration makes is reported."""
    changed = sa.MetaData()
    for table in db.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["staff_members"].append_column(sa.Column("nickname", sa.String(20)))
    with migrated_app.app_context(), db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), changed)
    assert any(d[0] == "add_column" and d[3].name == "nickname" for d in differences)


def test_reports_kept_before_redaction_are_redacted_on_upgrade(migrated_app):
    with migrated_app.app_context():
        downgrade(revision="c26f7a8193a4")
        with db.engine.begin() as connection:
            connection.execute(
                sa.text(
                    "insert into page_feedback (path, language, what_wrong, created_at) "
                    "values ('/', 'en', 'Email me at sam@example.com', '2026-11-27 12:00:00')"
                )
            )
        upgrade()
        with db.engine.connect() as connection:
            kept = connection.execute(sa.text("select what_wrong from page_feedback")).scalar()
    assert kept == "Email me at [email address removed]"
