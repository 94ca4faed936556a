"""The messages outbox on a bad day, with real worker processes (`flask messages work`) on
PostgreSQL and the GOV.UK Notify stand-in (tests/support/notify_standin.py) in this process:

- Notify answers 500 and 429 for a while, and is slow: each message it takes is answered
  a moment later, longer than a worker's batch of ten may hold its lease;
- one worker is killed (SIGKILL) while Notify holds a message it has taken from it, so
  that worker never hears it was sent; a replacement is started;
- Notify is slower than a worker waits: each try ends in a timeout after Notify took it.

Every message is delivered exactly once in the end: counted at the stand-in, the receiving
server, and matched reference by reference with the outbox.
"""

import os
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest

from config import ROOT
from tests.support.notify_standin import NotifyStandIn
from tests.system.conftest import BIN, fresh_database, migrate
from tests.system.figures import report

MESSAGES = 50
# A dead worker's messages come back after 3 seconds. The worker waits a third of that
# for Notify.
LEASE_SECONDS = 3
PROVIDER_TIMEOUT = LEASE_SECONDS / 3
TEMPLATES = {"email": str(uuid.uuid4()), "sms": str(uuid.uuid4()), "letter": str(uuid.uuid4())}
# How long Notify takes to answer once it has taken a message: the window a SIGKILL lands
# in. Ten of them (a worker's batch) take longer than the lease.
SLOW_NOTIFY = 0.4
# Before the kill, and again after it (while the replacement starts).
FAILURES_FIRST = [(8, 500), (8, 429)]
FAILURES_AFTER_KILL = [(5, 500), (5, 429)]
# The kill comes once this many are at Notify, so some are sent and some are not.
KILL_AFTER = 20
DEADLINE_SECONDS = 120


@dataclass
class Outbox:
    """An outbox on its own PostgreSQL database, the Notify stand-in, and the workers."""

    database_url: str
    notify: NotifyStandIn
    logs: Path
    connection: psycopg.Connection = field(init=False)
    workers: list[subprocess.Popen] = field(default_factory=list)

    def __post_init__(self) -> None:
        url = self.database_url.replace("postgresql+psycopg://", "postgresql://")
        self.connection = psycopg.connect(url, autocommit=True)

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PORTAL_ENV": "test",
            "TEST_DATABASE_URL": self.database_url,
            "PORTAL_MESSAGES_PROVIDER": "notify",
            "PORTAL_NOTIFY_API_KEY": self.notify.api_key,
            "PORTAL_NOTIFY_BASE_URL": self.notify.base_url,
            "PORTAL_NOTIFY_EMAIL_TEMPLATE_ID": TEMPLATES["email"],
            "PORTAL_NOTIFY_SMS_TEMPLATE_ID": TEMPLATES["sms"],
            "PORTAL_NOTIFY_LETTER_TEMPLATE_ID": TEMPLATES["letter"],
            "PORTAL_MESSAGES_LEASE_SECONDS": str(LEASE_SECONDS),
            "PORTAL_MESSAGES_RETRY_SECONDS": "0.3",
            "PORTAL_MESSAGES_LONGEST_WAIT_SECONDS": "2",
        }

    def start_worker(self, name: str) -> subprocess.Popen:
        with open(self.logs / f"worker-{name}.log", "ab") as out:
            worker = subprocess.Popen(
                [str(BIN / "flask"), "--app", "portal", "messages", "work", "--poll", "0.1"],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.workers.append(worker)
        return worker

    def statuses(self) -> dict[str, int]:
        rows = self.connection.execute("select status, count(*) from messages group by status")
        return dict(rows.fetchall())

    def rows(self) -> dict[str, dict]:
        found = self.connection.execute(
            "select reference, status, provider_id, attempts, values from messages"
        ).fetchall()
        return {
            reference: {"status": status, "provider_id": provider, "attempts": attempts,
                        "values": values}
            for reference, status, provider, attempts, values in found
        }  # fmt: skip

    def wait_until_sent(self, count: int, deadline: float) -> None:
        while (now := self.statuses()).get("sent", 0) < count:
            assert time.monotonic() < deadline, f"not every message was sent: {now}"
            assert "failed" not in now, self.connection.execute(
                "select reference, last_error from messages where status = 'failed'"
            ).fetchall()
            assert all(w.poll() is None for w in self.workers), self.worker_logs()
            time.sleep(0.1)

    def stop_workers(self) -> None:
        """SIGTERM, as a deployment stops them: each finishes what it holds (it should
        hold nothing now; anything it did hold would reach Notify, and be counted)."""
        for worker in self.workers:
            if worker.poll() is None:
                worker.terminate()
        for worker in self.workers:
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(10)
        assert all(w.returncode == 0 for w in self.workers), self.worker_logs()

    def worker_logs(self) -> str:
        return "\n".join(f"{p.name}:\n{p.read_text()}" for p in sorted(self.logs.glob("*.log")))

    def close(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait(10)
        self.notify.stop()
        self.connection.close()


def queue_messages(outbox: Outbox, count: int) -> None:
    """Confirmations in the outbox, queued as a sent form's are (portal.messages.outbox)."""
    from portal.extensions import db
    from portal.messages.outbox import Contacts, queue
    from tests.support.apps import build_app, dispose

    app = build_app(
        SQLALCHEMY_DATABASE_URI=outbox.database_url,
        migrate=False,
        MESSAGES_PROVIDER="notify",
        NOTIFY_API_KEY=outbox.notify.api_key,
        NOTIFY_BASE_URL=outbox.notify.base_url,
        NOTIFY_TEMPLATES=TEMPLATES,
    )
    try:
        with app.test_request_context():
            for n in range(count):
                queued = queue(
                    "form-sent",
                    "en",
                    ("email",),
                    Contacts(email=f"person{n}@example.com"),
                    {
                        "reference": f"TEST-{n:04d}",
                        "form_title": "Report a missed bin collection",
                        "what_happens_next": "We will collect it within 2 working days.",
                        "link": "http://localhost/services/report-a-missed-bin-collection",
                    },
                    about=f"submission:TEST-{n:04d}",
                    service="report-a-missed-bin-collection",
                )
                assert queued is not None
            db.session.commit()
    finally:
        dispose(app)


@pytest.fixture
def outbox(tmp_path):
    """`outbox(count, delay_seconds)`: `count` messages queued on a fresh database, and a
    Notify stand-in that answers `delay_seconds` after taking each."""
    made = []

    def make(count: int, delay_seconds: float) -> Outbox:
        notify = NotifyStandIn(
            {
                TEMPLATES["email"]: {"type": "email", "personalisation": {"subject", "body"}},
                TEMPLATES["sms"]: {"type": "sms", "personalisation": {"body"}},
            },
            delay_seconds=delay_seconds,
        ).start()
        made.append(Outbox(fresh_database("portal_message_delivery"), notify, tmp_path))
        try:
            migrate(made[-1].env)
        except subprocess.CalledProcessError as error:
            pytest.fail(f"flask db upgrade failed:\n{error.stderr.decode()}")
        queue_messages(made[-1], count)
        assert made[-1].statuses() == {"queued": count}
        return made[-1]

    yield make
    for each in made:
        each.close()


def process_with_port(port: int, processes: list[subprocess.Popen]) -> subprocess.Popen | None:
    """Which of `processes` has the TCP socket on this local port, read from /proc (no
    `ss` or psutil needed on a bare machine)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].rsplit(":", 1)[1], 16) == port:
            inodes.add(f"socket:[{fields[9]}]")
    for process in processes:
        try:
            links = {os.readlink(fd) for fd in Path(f"/proc/{process.pid}/fd").iterdir()}
        except OSError:  # it ended while we looked
            continue
        if links & inodes:
            return process
    return None


def kill_mid_send(outbox: Outbox, deadline: float) -> dict:
    """Once KILL_AFTER are at Notify: SIGKILL a worker at a moment Notify holds a message
    it has taken from it (in `received`, its answer not yet sent). Returns that message."""
    while True:
        assert time.monotonic() < deadline, "no worker was caught mid-send"
        assert all(w.poll() is None for w in outbox.workers), outbox.worker_logs()
        if len(outbox.notify.received) >= KILL_AFTER:
            for held in outbox.notify.holding:
                victim = process_with_port(held["client_port"], outbox.workers)
                if victim is not None:
                    victim.send_signal(signal.SIGKILL)
                    victim.wait(10)
                    outbox.workers.remove(victim)
                    return held
        time.sleep(0.005)


def assert_each_sent_once(outbox: Outbox, count: int) -> dict[str, dict]:
    """Exactly `count` at Notify, one for each message in the outbox, and each recorded
    as sent with the id Notify gave it, to the address it was queued for."""
    received = outbox.notify.received
    references = [n["reference"] for n in received]
    assert len(received) == count, sorted(references)
    assert len(set(references)) == count
    rows = outbox.rows()
    assert set(rows) == set(references)
    for notification in received:
        row = rows[notification["reference"]]
        assert row["status"] == "sent", (notification["reference"], row)
        assert row["provider_id"] == notification["id"], (notification["reference"], row)
        n = int(row["values"]["reference"].removeprefix("TEST-"))
        assert notification["to"] == f"person{n}@example.com"
    return rows


def test_a_killed_worker_and_a_failing_notify_deliver_every_message_exactly_once(outbox):
    box = outbox(MESSAGES, SLOW_NOTIFY)
    for count, status in FAILURES_FIRST:
        box.notify.fail_next(count, status)
    started = time.monotonic()
    deadline = started + DEADLINE_SECONDS
    box.start_worker("one")
    box.start_worker("two")

    held = kill_mid_send(box, deadline)
    killed_after = round(time.monotonic() - started, 1)
    received_at_kill = len(box.notify.received)
    at_kill = box.statuses()
    held_at_kill = box.rows()[held["reference"]]
    for count, status in FAILURES_AFTER_KILL:
        box.notify.fail_next(count, status)
    box.start_worker("replacement")

    box.wait_until_sent(MESSAGES, deadline)
    all_sent_after = round(time.monotonic() - started, 1)
    box.stop_workers()

    # The kill came mid-way, between Notify taking a message and the worker recording it.
    assert 0 < received_at_kill < MESSAGES
    assert at_kill.get("sending", 0) >= 1, at_kill
    assert held_at_kill["status"] == "sending", held_at_kill
    rows = assert_each_sent_once(box, MESSAGES)
    # The message the dead worker never heard about was claimed again, found at Notify by
    # its reference, and not sent again.
    assert rows[held["reference"]]["attempts"] > held_at_kill["attempts"]
    # Notify really refused: every 500 and 429 was the answer to some try.
    refused = sum(count for count, _status in FAILURES_FIRST + FAILURES_AFTER_KILL)
    assert box.notify.requests_seen == MESSAGES + refused
    attempts = [row["attempts"] for row in rows.values()]
    report(
        "messages: a worker killed mid-send, Notify failing and slow",
        messages=MESSAGES,
        notify_refused=f"{refused} (500 and 429)",
        notify_answered_after=f"{SLOW_NOTIFY} s",
        killed_after=f"{killed_after} s, with {received_at_kill} at Notify",
        sending_when_killed=at_kill.get("sending", 0),
        tried_more_than_once=sum(1 for a in attempts if a > 1),
        most_tries=max(attempts),
        all_sent_after=f"{all_sent_after} s",
        at_notify=f"{len(box.notify.received)} ({len(set(rows))} distinct references)",
    )


def test_notify_slower_than_the_worker_waits_still_gets_each_message_once(outbox):
    """Each try times out after Notify took the message: the next try asks Notify by
    reference instead of sending it again."""
    count = 10
    box = outbox(count, PROVIDER_TIMEOUT + 0.5)
    box.start_worker("one")
    box.wait_until_sent(count, time.monotonic() + DEADLINE_SECONDS)
    box.stop_workers()
    rows = assert_each_sent_once(box, count)
    assert all(row["attempts"] >= 2 for row in rows.values())
