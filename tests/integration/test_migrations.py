"""The Alembic migrations run on an empty database, up and back down."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from config import TestConfig
from portal import create_app


def test_migrations_upgrade_an_empty_database_and_downgrade_again(tmp_path):
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'portal.db'}"
    app = create_app(config)
    with app.app_context():
        upgrade()
        engine = sa.create_engine(config.SQLALCHEMY_DATABASE_URI)
        with engine.connect() as connection:
            head = connection.execute(sa.text("select version_num from alembic_version")).scalar()
        assert head is not None
        downgrade(revision="base")
        with engine.connect() as connection:
            assert connection.execute(sa.text("select count(*) from alembic_version")).scalar() == 0
        engine.dispose()
