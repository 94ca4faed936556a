"""How fast the outbox empties, and what messages add to sending a form.

    make bench-messages
    env $(cat instance/test-services.env) make bench-messages     (on PostgreSQL)

(a) Delivery: BENCH_MESSAGES (2,000) confirmations queued, then `flask messages work
--until-idle` processes send them to the GOV.UK Notify stand-in (tests/support/
notify_standin.py, in this process, on loopback): one worker, then two. On PostgreSQL when
TEST_POSTGRES_URL names a server (scripts/test-services starts one); else on a SQLite file,
one worker only (SQLite has one writer: two workers there measure the lock, not the
outbox). The rate is counted from the first message sent to the last (a worker's start-up
is left out; the wall time with it is printed too).

(b) Sending a form: the final "send" POST of the missed-bin-collection form (its check
page), with the Flask test client in-process, BENCH_DRAFTS (300) drafts filled in
beforehand for each setting: messages off, development and notify (the request only
queues the message, in the submission's transaction; no provider is called). The
settings take turns, so a slow moment of the machine falls on all of them.

Prints figures; asserts nothing about time.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from sqlalchemy import func, select

from config import ROOT
from portal.extensions import db
from portal.messages.models import Message
from portal.messages.outbox import Contacts, queue
from tests.support.answers import BIN_ANSWERS, BINS
from tests.support.apps import build_app, dispose
from tests.support.forms import walk
from tests.support.notify_standin import NotifyStandIn

MESSAGES = int(os.environ.get("BENCH_MESSAGES", "2000"))
DRAFTS = int(os.environ.get("BENCH_DRAFTS", "300"))
POSTGRES = os.environ.get("TEST_POSTGRES_URL")
BIN = Path(sys.executable).parent
TEMPLATES = {"email": str(uuid.uuid4()), "sms": str(uuid.uuid4()), "letter": str(uuid.uuid4())}
NOTIFY_TEMPLATES = {
    TEMPLATES["email"]: {"type": "email", "personalisation": {"subject", "body"}},
    TEMPLATES["sms"]: {"type": "sms", "personalisation": {"body"}},
}
# A Notify key's shape (the settings check it); nothing is sent with it in (b).
UNUSED_KEY = f"bench-{uuid.uuid4()}-{uuid.uuid4()}"
TARGET = "under 5 ms at p95"


def database(name: str, work: Path) -> str:
    """A freshly migrated database: on PostgreSQL when TEST_POSTGRES_URL is set, else a
    SQLite file. Migrated by `flask db upgrade`, as a deployment is (and out of sight)."""
    if POSTGRES:
        import psycopg

        server = POSTGRES.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'drop database if exists "{name}" with (force)')
            connection.execute(f'create database "{name}"')
        url = f"{POSTGRES}/{name}"
    else:
        url = f"sqlite:///{work / f'{name}.db'}"
    subprocess.run(
        [str(BIN / "flask"), "--app", "portal", "db", "upgrade"],
        cwd=ROOT,
        env={**os.environ, "PORTAL_ENV": "test", "TEST_DATABASE_URL": url},
        check=True,
        capture_output=True,
    )
    return url


def queue_confirmations(app, count: int) -> None:
    with app.test_request_context():
        for n in range(count):
            queue(
                "form-sent",
                "en",
                ("email",),
                Contacts(email=f"person{n}@example.com"),
                {
                    "reference": f"BNCH-{n:04d}",
                    "form_title": "Report a missed bin collection",
                    "what_happens_next": "We will collect it within 2 working days.",
                    "link": "http://localhost/services/report-a-missed-bin-collection",
                },
                about=f"submission:BNCH-{n:04d}",
                service="report-a-missed-bin-collection",
            )
        db.session.commit()


def deliver(workers: int, work: Path) -> dict:
    """Queue MESSAGES, run `workers` worker processes until the outbox is empty."""
    url = database(f"portal_bench_messages_{workers}", work)
    with NotifyStandIn(NOTIFY_TEMPLATES) as notify:
        settings = {
            "MESSAGES_PROVIDER": "notify",
            "NOTIFY_API_KEY": notify.api_key,
            "NOTIFY_BASE_URL": notify.base_url,
            "NOTIFY_TEMPLATES": TEMPLATES,
        }
        app = build_app(SQLALCHEMY_DATABASE_URI=url, migrate=False, check_pages=False, **settings)
        try:
            queue_confirmations(app, MESSAGES)
            env = {
                **os.environ,
                "PORTAL_ENV": "test",
                "TEST_DATABASE_URL": url,
                "PORTAL_MESSAGES_PROVIDER": "notify",
                "PORTAL_NOTIFY_API_KEY": notify.api_key,
                "PORTAL_NOTIFY_BASE_URL": notify.base_url,
                "PORTAL_NOTIFY_EMAIL_TEMPLATE_ID": TEMPLATES["email"],
                "PORTAL_NOTIFY_SMS_TEMPLATE_ID": TEMPLATES["sms"],
                "PORTAL_NOTIFY_LETTER_TEMPLATE_ID": TEMPLATES["letter"],
            }
            command = [str(BIN / "flask"), "--app", "portal", "messages", "work"]
            command += ["--until-idle", "--poll", "0.05"]
            started = time.perf_counter()
            processes = [
                subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
                for _ in range(workers)
            ]
            said = [process.communicate(timeout=1800)[0].strip() for process in processes]
            wall = time.perf_counter() - started
            with app.app_context():
                sent, first, last = db.session.execute(
                    select(
                        func.count(), func.min(Message.sent_at), func.max(Message.sent_at)
                    ).where(Message.status == "sent")
                ).one()
            received = notify.received
        finally:
            dispose(app)
    seconds = (last - first).total_seconds() if sent > 1 else 0.0
    return {
        "sent": sent,
        "rate": (sent - 1) / seconds if seconds else 0.0,
        "wall": wall,
        "at_notify": len(received),
        "distinct": len({n["reference"] for n in received}),
        "workers_said": said,
    }


def form_apps(work: Path) -> dict:
    """One app per setting, on one database."""
    url = database("portal_bench_messages_form", work)
    common = {
        "SQLALCHEMY_DATABASE_URI": url,
        "migrate": False,
        "check_pages": False,
        # Hundreds of forms from one address in a minute.
        "RATELIMIT_ENABLED": False,
    }
    notify = {
        "NOTIFY_API_KEY": UNUSED_KEY,
        "NOTIFY_BASE_URL": "http://127.0.0.1:9",  # never called: the request only queues
        "NOTIFY_TEMPLATES": TEMPLATES,
    }
    return {
        "off": build_app(MESSAGES_PROVIDER="off", **common),
        "development": build_app(MESSAGES_PROVIDER="development", **common),
        "notify": build_app(MESSAGES_PROVIDER="notify", **common, **notify),
    }


def ready_to_send(app) -> tuple:
    """A client with a finished draft of the bins form, and the check page's form: where
    it posts and the fields it sends (the CSRF token)."""
    client = app.test_client()
    walk(client, BINS, BIN_ANSWERS)
    check = f"{BINS}/check"
    page = BeautifulSoup(client.get(check).data, "html5lib")
    form = next(
        f for f in page.find("main").find_all("form") if f.get("method", "get").lower() == "post"
    )
    fields = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    return client, urljoin(check, form.get("action") or check), fields


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def submissions(work: Path) -> dict[str, dict]:
    apps = form_apps(work)
    try:
        prepared = {name: [ready_to_send(app) for _ in range(DRAFTS)] for name, app in apps.items()}
        timings: dict[str, list[float]] = {name: [] for name in apps}
        queued = {}
        for turn in range(DRAFTS):
            for name in apps:
                client, action, fields = prepared[name][turn]
                started = time.perf_counter()
                response = client.post(action, data=fields)
                timings[name].append((time.perf_counter() - started) * 1000)
                if response.status_code != 302:
                    raise RuntimeError(f"{name}: the send answered {response.status_code}")
        with apps["off"].app_context():
            queued = dict(
                db.session.execute(
                    select(Message.channel, func.count()).group_by(Message.channel)
                ).all()
            )
    finally:
        for app in apps.values():
            dispose(app)
    figures = {
        name: {
            "p50": statistics.median(values),
            "p95": percentile(values, 0.95),
            "mean": statistics.fmean(values),
        }
        for name, values in timings.items()
    }
    figures["queued"] = queued
    return figures


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="portal-bench-messages-"))
    engine = "PostgreSQL" if POSTGRES else "SQLite (a file)"
    print(f"Machine: {os.cpu_count()} cores. Database: {engine}.")
    print("\n(a) Delivery to the Notify stand-in (in this process, loopback)")
    print(f"{MESSAGES:,} queued confirmations; `flask messages work --until-idle` (batch 10).\n")
    print(
        f"{'workers':>8} {'msg/s':>8} {'wall s':>8} {'sent':>6} {'at Notify':>10} {'distinct':>9}"
    )
    for workers in (1, 2) if POSTGRES else (1,):
        result = deliver(workers, work)
        print(
            f"{workers:>8} {result['rate']:>8.0f} {result['wall']:>8.1f} {result['sent']:>6} "
            f"{result['at_notify']:>10} {result['distinct']:>9}"
        )
        for number, said in enumerate(result["workers_said"], 1):
            print(f"{'':>8}   worker {number}: {said}")
    if not POSTGRES:
        print(f"{2:>8} not measured: SQLite has one writer (set TEST_POSTGRES_URL).")

    print("\n(b) The form's final send (POST of the check page), Flask test client")
    print(f"{DRAFTS} drafts per setting, sent in turns.\n")
    figures = submissions(work)
    off = figures["off"]
    header = f"{'messages':12} {'p50 ms':>7} {'p95 ms':>7} {'mean ms':>8}"
    print(header + f" {'extra p50':>10} {'extra p95':>10}")
    for name in ("off", "development", "notify"):
        row = figures[name]
        line = f"{name:12} {row['p50']:>7.2f} {row['p95']:>7.2f} {row['mean']:>8.2f}"
        if name != "off":
            extra_p50, extra_p95 = row["p50"] - off["p50"], row["p95"] - off["p95"]
            line += f" {extra_p50:>+10.2f} {extra_p95:>+10.2f}   target: {TARGET}"
        print(line)
    said = ", ".join(
        f"{count} by {channel}" for channel, count in sorted(figures["queued"].items())
    )
    print(f"\nMessages queued by those sends: {said or 'none'} (off queues none).")


if __name__ == "__main__":
    main()
