"""What gunicorn.conf.py decides, tested on real gunicorn with two workers (issue 15,
items 3 and 13): rate limits no worker keeps alone, and no scheme believed from a proxy
the portal was not told to trust."""

import os
import signal
import subprocess

import requests

from tests.system.conftest import free_port, gunicorn, migrate, production_env, wait_until_up


def settings_on(tmp_path, port: int, **settings: str) -> dict[str, str]:
    """One server on its own SQLite file and port."""
    return production_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'portal.db'}",
        PORTAL_BASE_URL=f"http://127.0.0.1:{port}",
        PORT=str(port),
        **settings,
    )


def started(env: dict[str, str]) -> subprocess.Popen:
    return gunicorn(env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_two_workers_will_not_start_with_rate_limits_in_memory(tmp_path):
    """Each worker would count alone: 10 sign-ins a minute let 20 through with two."""
    server = started(settings_on(tmp_path, free_port(), RATELIMIT_STORAGE_URI="memory://"))
    try:
        output, _ = server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    assert server.returncode != 0
    assert "Error: 2 workers would each keep their own rate limits in memory" in output
    assert "Traceback" not in output


def test_a_forwarded_scheme_is_ignored_when_no_proxy_is_trusted(tmp_path):
    """Gunicorn used to believe X-Forwarded-Proto from loopback whatever
    PORTAL_TRUSTED_PROXIES said: a plain-HTTP request then claimed to be HTTPS."""
    port = free_port()
    env = settings_on(
        tmp_path,
        port,
        RATELIMIT_STORAGE_URI=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:63799"),
        PORTAL_TRUSTED_PROXIES="0",
    )
    migrate(env)
    server = started(env)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        response = requests.get(
            f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": "https"}, timeout=30
        )
        assert response.status_code == 200
        assert "Strict-Transport-Security" not in response.headers
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.communicate(timeout=30)
