import pytest

from tests.support.pages import soup_of


@pytest.fixture
def soup():
    return soup_of
