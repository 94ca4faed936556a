"""The folder the places tests write their place files into."""

from pathlib import Path

import pytest


@pytest.fixture
def places_folder(tmp_path) -> Path:
    return tmp_path / "places"
