import gzip

import brotli
import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from flask_migrate import upgrade

from config import TestConfig
from portal import create_app
from portal.extensions import db
from tests.integration.page_checks import problems_with


def decoded(response) -> str:
    """The page's HTML, whether or not it was sent compressed."""
    data = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding == "br":
        data = brotli.decompress(data)
    elif encoding == "gzip":
        data = gzip.decompress(data)
    return data.decode()


class PageCheckingClient(FlaskClient):
    """A test client that checks the page invariants on every HTML response to a GET."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        method = kwargs.get("method") or getattr(args[0] if args else None, "method", "GET")
        if (
            method == "GET"
            and response.mimetype == "text/html"
            and not 300 <= response.status_code < 400
        ):
            problems = problems_with(decoded(response))
            assert not problems, f"{response.request.path}: " + "; ".join(problems)
        return response


def fresh_database(app) -> None:
    """Every test starts from an empty database built by the real migrations: in memory
    for SQLite; on PostgreSQL, this worker's database emptied first."""
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(sa.text("drop schema public cascade; create schema public"))
        upgrade()


@pytest.fixture
def app():
    app = create_app(TestConfig())
    app.test_client_class = PageCheckingClient
    fresh_database(app)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()  # no connection left open to hold a lock on the next reset


@pytest.fixture
def make_app():
    """Build a test app with some settings changed, on a fresh database."""
    made = []

    def make(**settings):
        config = TestConfig()
        for name, value in settings.items():
            setattr(config, name, value)
        app = create_app(config)
        app.test_client_class = PageCheckingClient
        fresh_database(app)
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def page_urls(app):
    from portal.sitemap import page_urls

    with app.test_request_context():
        return page_urls()
