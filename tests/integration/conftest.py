import pytest

from tests.support.staff import create_staff


@pytest.fixture
def app(make_app):
    """Every test starts from an empty database built by the real migrations."""
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def staff(app):
    """The sample staff accounts (tests/support/staff.py); their ids by email."""
    return create_staff(app)


@pytest.fixture
def page_urls(app):
    from portal.sitemap import page_urls

    with app.test_request_context():
        return page_urls()
