"""The portal as production runs it: gunicorn servers on PostgreSQL, Redis for the rate
limits they share, and nginx in front, all on loopback and all started here.

`make test` starts PostgreSQL and Redis (scripts/test-services) and passes their
addresses in TEST_POSTGRES_URL and TEST_REDIS_URL.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
import requests

from config import ROOT

BIN = Path(sys.executable).parent
SECRET = "system-tests-only-not-secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {seconds} seconds")


def services() -> dict[str, str]:
    missing = [n for n in ("TEST_POSTGRES_URL", "TEST_REDIS_URL") if not os.environ.get(n)]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} not set: run `make test-postgres` (it starts PostgreSQL "
            "and Redis for these tests)"
        )
    return os.environ


def fresh_database(name: str) -> str:
    """An empty database of this name on the test PostgreSQL server; its SQLAlchemy URL."""
    base = services()["TEST_POSTGRES_URL"]
    server = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'drop database if exists "{name}" with (force)')
        connection.execute(f'create database "{name}"')
    return f"{base}/{name}"


@dataclass
class Cluster:
    """Two app servers behind nginx. `url` is the load balancer."""

    url: str
    database_url: str
    servers: list = field(default_factory=list)
    ports: list = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    env: dict = field(default_factory=dict)

    def start_server(self, index: int) -> None:
        port = self.ports[index]
        with open(self.env["LOG_DIR"] + f"/server-{index}.log", "ab") as log:
            self.servers[index] = gunicorn(
                self.env, "--bind", f"127.0.0.1:{port}", stdout=log, stderr=subprocess.STDOUT
            )
        wait_until_up(f"http://127.0.0.1:{port}/healthz")

    def worker_pids(self, index: int) -> list[int]:
        """The gunicorn worker processes of one server (children of its master), read
        from /proc so no `ps` is needed on a bare machine."""
        master = self.servers[index].pid
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:  # the process ended while we looked
                continue
            if int(fields[1]) == master:
                children.append(int(stat.parent.name))
        return sorted(children)

    def stop(self) -> None:
        for process in [*self.servers, self.nginx]:
            if process and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)


NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log;
daemon off;
{user}
events {{ worker_connections 512; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  upstream portal {{
    # Round robin: consecutive requests go to different servers. Never mark one down, so
    # the tests see exactly what each server answers.
    server 127.0.0.1:{one} max_fails=0;
    server 127.0.0.1:{two} max_fails=0;
  }}
  server {{
    listen 127.0.0.1:{port};
    client_max_body_size 1m;
    location / {{
      proxy_pass http://portal;
      # As the production guide says: the client's Host (the portal refuses any it does
      # not know), nothing it says about another host, and nginx's own word on the rest.
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host "";
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Which server answered: the tests check that requests really alternate.
      add_header X-Upstream $upstream_addr always;
      proxy_next_upstream off;
    }}
  }}
}}
"""


def production_env(**settings: str) -> dict[str, str]:
    """The environment a production server runs with here, plus `settings`: plain HTTP on
    loopback, so no Secure cookies (there is no TLS to carry them), and two workers."""
    return {
        **os.environ,
        "PORTAL_ENV": "production",
        "SECRET_KEY": SECRET,
        "PORTAL_SECURE_COOKIES": "false",
        "WEB_CONCURRENCY": "2",
        **settings,
    }


def migrate(env: dict[str, str]) -> None:
    """`flask db upgrade` on the database `env` names, as a deployment runs it."""
    subprocess.run(
        [str(BIN / "flask"), "--app", "portal", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def gunicorn(env: dict[str, str], *arguments: str, **popen) -> subprocess.Popen:
    """Real gunicorn with the production gunicorn.conf.py, in its own process group (so
    it is stopped as one)."""
    command = [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), *arguments]
    return subprocess.Popen(
        [*command, "portal:create_app()"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        **popen,
    )


def create_assistant(cluster: "Cluster", email: str, name: str, password: str) -> None:
    """A waste-and-recycling assistant, made with the command an administrator would use."""
    subprocess.run(
        [str(BIN / "flask"), "--app", "portal", "staff", "create", "--email", email,
         "--name", name, "--role", "assistant", "--department", "waste-and-recycling",
         "--password", password],
        env=cluster.env, check=True, capture_output=True,
    )  # fmt: skip


def clear_rate_limits(cluster: "Cluster") -> None:
    """Forget every count in the shared rate-limit store, so the tests after a test that
    came near a limit count only their own."""
    subprocess.run(["redis-cli", "-u", cluster.env["RATELIMIT_STORAGE_URI"], "flushall"],
                   check=True, capture_output=True)  # fmt: skip


def nginx_binary() -> str:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        pytest.fail("nginx is not installed: run `make test-postgres` (it installs it)")
    return found


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    """Two gunicorn servers (production config, two workers each) sharing one PostgreSQL
    database and one Redis, behind nginx. Built once for the session."""
    env_in = services()
    run_dir = tmp_path_factory.mktemp("cluster")
    database_url = fresh_database("portal_system")
    redis_url = env_in["TEST_REDIS_URL"]
    subprocess.run(["redis-cli", "-u", redis_url, "flushall"], check=True, capture_output=True)
    ports = [free_port(), free_port()]
    front = free_port()
    env = production_env(
        # Absolute URLs name the load balancer (the servers answer 127.0.0.1 as well, for
        # their health checks).
        PORTAL_BASE_URL=f"http://127.0.0.1:{front}",
        DATABASE_URL=database_url,
        RATELIMIT_STORAGE_URI=redis_url,
        PORTAL_TRUSTED_PROXIES="1",
        # The load test is one address sending for many people: lift the per-address POST
        # limit, but keep sign-in's, which the shared-limit test counts across servers.
        PORTAL_POST_RATE_LIMIT="100000 per minute",
        PORTAL_FEEDBACK_RATE_LIMIT="100000 per minute",
        PORTAL_STAFF_SIGN_IN_RATE_LIMIT="8 per minute",
        PORTAL_THREADS="4",
        PORTAL_LOG_JSON="true",
        LOG_DIR=str(run_dir),
    )
    migrate(env)
    instance = Cluster(
        url=f"http://127.0.0.1:{front}",
        database_url=database_url,
        servers=[None, None],
        ports=ports,
        env=env,
    )
    try:
        for index in (0, 1):
            instance.start_server(index)
        conf = run_dir / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                dir=run_dir,
                one=ports[0],
                two=ports[1],
                port=front,
                user="user root;" if os.geteuid() == 0 else "",
            )
        )
        instance.nginx = subprocess.Popen(
            [nginx_binary(), "-c", str(conf), "-p", str(run_dir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_until_up(instance.url + "/healthz")
        yield instance
    finally:
        instance.stop()


def database(cluster: Cluster):
    """A direct connection to the cluster's database, for checking what was stored."""
    url = cluster.database_url.replace("postgresql+psycopg://", "postgresql://")
    return psycopg.connect(url, autocommit=True)


def pytest_terminal_summary(terminalreporter):
    from tests.system.figures import lines

    if lines():
        terminalreporter.section("figures")
        for line in lines():
            terminalreporter.write_line(line)
