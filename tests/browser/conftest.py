"""A real portal on a loopback port and a real Chromium, shared by every browser test: the
same Chromium, launched the same way and serving the app the same way, as the app's own
audit (`flask a11y audit`, portal/transparency/a11y_audit.py)."""

import pytest

from portal.transparency.a11y_audit import CHROMIUM_ARGS, chromium_executable, serving
from tests.support.apps import AppFactory


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    executable = chromium_executable()
    if executable:  # else Playwright's own browser
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def live_app():
    """The app behind the live server, for tests that set up or check its database."""
    with AppFactory() as make_app:
        yield make_app()


@pytest.fixture(scope="session")
def live_server(live_app):
    with serving(live_app) as url:
        yield url
