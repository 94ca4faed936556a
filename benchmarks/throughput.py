"""Requests per second and latency under load, against a plain static-file baseline.

    make bench-throughput

Starts the portal under gunicorn (gunicorn.conf.py, production config, SQLite) and
Python's own static file server on loopback ports, then drives each with Locust: 20
concurrent clients, no think time, for a fixed time. The baseline serves the very bytes
the portal sends for the same page, so the ratio is the price of rendering it. Loopback
only; every run is bounded by time; both servers are stopped at the end.
"""

import csv
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from config import ROOT
from portal.clock import today
from portal.needs.model import Needs

USERS = int(os.environ.get("BENCH_USERS", "20"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
BIN = Path(sys.executable).parent
SERVICE = "/services/apply-for-a-blue-badge"
WITH_NEEDS = Needs(language="cy", text_size="large", contrast="dark", channels=("phone", "email"))
FORM = "/forms/report-a-missed-bin-collection"
SCENARIOS = [
    ("service page, no needs", SERVICE, None),
    ("service page, with needs", SERVICE, WITH_NEEDS),
    ("needs question page", "/your-needs/text-size", None),
    ("form question page", f"{FORM}/bin-type", None),
    ("check your answers", f"{FORM}/check", "draft"),
]
# A finished draft of the bins form, as a browser would have made it page by page.
DRAFT_ANSWERS = [
    ("bin-type", {"answer": "recycling"}),
    ("put-out", {"answer": "yes"}),
    (
        "address",
        {"answer-line_1": "1 Heol y Bryn", "answer-town": "Glanmor", "answer-postcode": "CF99 1AB"},
    ),
    # Today: the form accepts a collection from the last 2 working days only.
    ("collection-date", {"answer": [str(today().day), str(today().month), str(today().year)]}),
    ("more-details", {"answer": ""}),
    ("email", {"answer": ""}),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextmanager
def running(command: list[str], env: dict, url: str):
    process = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(url)
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def draft_cookie(app_url: str) -> str:
    """Fill in the bins form over HTTP, as a browser would, and return its session cookie."""
    import http.cookiejar
    import re
    import urllib.parse

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    for question, answer in DRAFT_ANSWERS:
        url = f"{app_url}{FORM}/{question}"
        page = opener.open(url).read().decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrf_token": token, **answer}, doseq=True).encode()
        opener.open(url, data=body)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def needs_cookie(needs, secret: str) -> str:
    if needs is None:
        return ""
    from config import DevelopmentConfig
    from portal import create_app
    from portal.needs import store

    # Only the secret signs the cookie; its name over plain HTTP is the plain one.
    config = DevelopmentConfig()
    config.SECRET_KEY = secret
    config.SQLALCHEMY_DATABASE_URI = "sqlite://"
    with create_app(config).test_request_context():
        return f"{store.COOKIE_NAME}={store.dump(needs)}"


def load(host: str, path: str, cookie: str, csv_prefix: str) -> dict[str, float]:
    """Run Locust headless against one path; return rps, p50, p99 (ms) and failures."""
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "benchmarks" / "load.py"),
            "--headless",
            "--users",
            str(USERS),
            "--spawn-rate",
            str(USERS),
            "--run-time",
            f"{SECONDS}s",
            "--host",
            host,
            "--csv",
            csv_prefix,
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env={**os.environ, "BENCH_PATH": path, "BENCH_COOKIE": cookie},
        # Locust exits 1 when any request failed: the failure count is reported instead.
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=SECONDS + 60,
    )
    with open(f"{csv_prefix}_stats.csv", newline="") as file:
        row = next(r for r in csv.DictReader(file) if r["Name"] == "Aggregated")
    return {
        "rps": float(row["Requests/s"]),
        "p50": float(row["50%"]),
        "p99": float(row["99%"]),
        "failures": int(row["Failure Count"]),
    }


def shared_rate_limits() -> str:
    """The test Redis (scripts/test-services installs and starts it)."""
    started = subprocess.run(
        [str(ROOT / "scripts" / "test-services"), "start"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = dict(line.split("=", 1) for line in started.splitlines() if "=" in line)
    return lines["TEST_REDIS_URL"]


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    secret = "benchmark-only-not-secret"
    app_port, static_port = free_port(), free_port()
    app_url, static_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{static_port}"
    app_env = {
        "PORTAL_ENV": "production",
        "SECRET_KEY": secret,
        "DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
        "PORTAL_SECURE_COOKIES": "false",
        "PORTAL_BASE_URL": app_url,
        "PORT": str(app_port),
        # One worker per core, as in production, so the rate limits they share need Redis
        # (gunicorn.conf.py refuses memory:// for more than one worker).
        "RATELIMIT_STORAGE_URI": shared_rate_limits(),
    }
    gunicorn = [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "portal:create_app()"]
    flask = [str(BIN / "flask"), "--app", "portal", "db", "upgrade"]
    subprocess.run(flask, env={**os.environ, **app_env}, check=True, capture_output=True)
    results = []
    with running(gunicorn, app_env, app_url + "/"):
        for name, path, needs in SCENARIOS:
            cookie = draft_cookie(app_url) if needs == "draft" else needs_cookie(needs, secret)
            request = urllib.request.Request(app_url + path, headers={"Cookie": cookie})
            with urllib.request.urlopen(request) as response:
                page = response.read()
            static_name = f"page-{len(results)}.html"
            (work / static_name).write_bytes(page)
            measured = load(app_url, path, cookie, str(work / f"app-{len(results)}"))
            results.append((name, path, measured, static_name))
    static_server = [sys.executable, "-m", "http.server", str(static_port), "--bind", "127.0.0.1"]
    static_server += ["--directory", str(work)]
    print(f"{USERS} concurrent clients, {SECONDS} s per run, Locust on the same machine.")
    print(f"Machine: {os.cpu_count()} cores; gunicorn.conf.py (gthread, a worker per core).\n")
    header = f"{'scenario':28} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'fail':>5}"
    print(header + f" {'static req/s':>13} {'ratio':>6}")
    with running(static_server, {}, static_url + "/" + results[0][3]):
        for index, (name, _path, measured, static_name) in enumerate(results):
            baseline = load(static_url, "/" + static_name, "", str(work / f"static-{index}"))
            ratio = measured["rps"] / baseline["rps"] if baseline["rps"] else 0
            print(
                f"{name:28} {measured['rps']:>8.0f} {measured['p50']:>7.0f} "
                f"{measured['p99']:>7.0f} {measured['failures']:>5} "
                f"{baseline['rps']:>13.0f} {ratio:>6.0%}"
            )
    print(f"{'search':28} not measured: site search is not built yet (issue 4).")


if __name__ == "__main__":
    main()
