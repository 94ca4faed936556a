"""Test apps, built one way for every tier: `create_app` on the test configuration with a
test's own settings, the page-checking test client, and a fresh database made by the real
migrations, disposed of when the test is done.

Tests get them from the `make_app` fixture (tests/conftest.py); a fixture of a wider scope
uses `AppFactory` itself, as a context manager.
"""

from functools import cache

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from config import Config, TestConfig
from portal import create_app
from portal.extensions import db
from tests.support.pages import PageCheckingClient


def config_with(config_class: type[Config] = TestConfig, **overrides) -> Config:
    """A config object with some settings changed. A name that is neither the portal's
    setting nor Flask's is a mistake (a typo would otherwise change nothing, silently)."""
    config = config_class()
    for name, value in overrides.items():
        if not hasattr(config, name) and name not in Flask.default_config:
            raise TypeError(f"{config_class.__name__} has no setting {name}")
        setattr(config, name, value)
    return config


def fresh_database(app: Flask) -> None:
    """An empty database built by the real migrations: in memory for SQLite (a file is
    migrated as it is); on PostgreSQL, this worker's database emptied first."""
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(sa.text("drop schema public cascade; create schema public"))
        upgrade()


def build_app(
    config_class: type[Config] = TestConfig,
    *,
    migrate: bool = True,
    check_pages: bool = True,
    **overrides,
) -> Flask:
    """The portal on `config_class` (the test configuration) with `overrides` set.

    migrate: give it a fresh database (False for a test about an app whose database is
    missing or broken, or that never reads one). check_pages: its test client checks the
    page invariants on every page fetched (False for the plain client, as for an app without
    CSRF, whose forms have no token).
    """
    app = create_app(config_with(config_class, **overrides))
    if check_pages:
        app.test_client_class = PageCheckingClient
    if migrate:
        fresh_database(app)
    return app


def dispose(app: Flask) -> None:
    """Close the app's database connections: none is left to hold a lock on the next reset."""
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


class AppFactory:
    """`factory(**overrides)` builds an app as `build_app` does; `close()` (or leaving the
    `with` block) disposes of every app it built."""

    def __init__(self) -> None:
        self.apps: list[Flask] = []

    def __call__(self, config_class: type[Config] = TestConfig, **options) -> Flask:
        app = build_app(config_class, **options)
        self.apps.append(app)
        return app

    def close(self) -> None:
        while self.apps:
            dispose(self.apps.pop())

    def __enter__(self) -> "AppFactory":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


@cache
def shared_app() -> Flask:
    """One app per process, no database, for what tests read while they are collected (the
    routes, the forms, the sitemap) or to sign a cookie. No test sends it requests or
    changes it: a test that needs an app of its own has `make_app`."""
    return build_app(migrate=False)


def page_urls() -> list[str]:
    """Every page in every language, from the sitemap the portal publishes."""
    from portal.sitemap import page_urls as urls

    with shared_app().test_request_context():
        return urls()
