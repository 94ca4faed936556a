"""A real portal on a loopback port and a real Chromium, shared by every browser test."""

import os
import threading

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from config import TestConfig
from portal import create_app

# Chromium's own network chatter has nowhere to go on a closed network: switch it off.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def page_urls() -> list[str]:
    """Every page in every language, from the same sitemap the integration tests use."""
    from portal.sitemap import page_urls as urls

    app = create_app(TestConfig())
    with app.test_request_context():
        return urls()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def live_app():
    """The app behind the live server, for tests that set up or check its database."""
    app = create_app(TestConfig())
    with app.app_context():
        upgrade()
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
