"""Faults on a bad day, with both servers behind nginx on PostgreSQL:

- the database stops: content is still served, form pages say plainly that the service
  is unavailable for a moment and keep what was typed, /readyz fails, and everything
  recovers by itself when the database is back;
- a worker is killed (SIGKILL) while people are sending forms: every submission whose
  reference was shown is in the database, and none is stored twice;
- Redis (the shared rate limits) stops: pages and forms carry on.
"""

import os
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from config import ROOT
from tests.support.answers import BINS
from tests.support.forms import csrf_token, submit_form
from tests.system.conftest import database
from tests.system.figures import report
from tests.system.journeys import fill_bins_form, reference_on

TYPED = "The bin lorry missed the whole of Heol y Bryn again."


def postgres(action: str) -> None:
    """Stop the test PostgreSQL server, or start the services again as `make test` did."""
    subprocess.run(
        [str(ROOT / "scripts" / "test-services"), action], check=True, capture_output=True
    )


def ready(cluster, index: int) -> int:
    url = f"http://127.0.0.1:{cluster.ports[index]}/readyz"
    return requests.get(url, timeout=10).status_code


def test_the_database_stops_and_comes_back(cluster):
    person = requests.Session()
    question = f"{cluster.url}{BINS}/more-details"
    submit_form(person, f"{cluster.url}{BINS}/bin-type", {"answer": "recycling"})
    csrf = csrf_token(person, question)  # read while the database is up, sent while it is not
    outcomes = {}
    postgres("stop-postgres")
    try:
        for attempt in range(4):  # both servers, twice each
            outcomes[f"home {attempt}"] = person.get(cluster.url + "/", timeout=30).status_code
            outcomes[f"service {attempt}"] = person.get(
                cluster.url + "/cy/services/apply-for-a-blue-badge", timeout=30
            ).status_code
        assert set(outcomes.values()) == {200}, outcomes
        assert [ready(cluster, 0), ready(cluster, 1)] == [503, 503]
        for _ in range(2):  # on each server: a plain 503 that gives back what was typed
            sent = person.post(
                question, data={"csrf_token": csrf, "answer": TYPED}, allow_redirects=False,
                timeout=30,
            )  # fmt: skip
            assert sent.status_code == 503, sent.status_code
            assert 'id="service-unavailable"' in sent.text and TYPED in sent.text
            assert "Traceback" not in sent.text
        page = person.get(question, timeout=30)
        assert page.status_code == 503
        assert "unavailable for a moment" in page.text
    finally:
        postgres("start")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and [ready(cluster, 0), ready(cluster, 1)] != [200, 200]:
        time.sleep(0.5)
    recovered_after = round(30 - (deadline - time.monotonic()), 1)
    assert [ready(cluster, 0), ready(cluster, 1)] == [200, 200]
    for _ in range(2):  # each server saves again, with nothing restarted
        again = person.post(
            question, data={"csrf_token": csrf, "answer": TYPED}, allow_redirects=False, timeout=30
        )
        assert again.status_code == 302
    report(
        "database stopped",
        content_pages_served_while_down=f"{len(outcomes)} of {len(outcomes)}",
        form_posts_answered_503_with_the_answer_kept=2,
        readyz_while_down="503 on both servers",
        seconds_until_both_servers_ready_again=recovered_after,
    )


def _as_a_person_would(action, failures: dict, lock: threading.Lock):
    """One request as a person makes it, again if it fails (as people press again)."""
    for _try in range(8):
        try:
            response = action()
            if response.status_code < 500:
                return response
        except requests.ConnectionError:
            pass
        with lock:
            failures["retries"] += 1
        time.sleep(0.3)
    return None


def test_a_worker_killed_while_people_send_forms_loses_and_duplicates_nothing(cluster):
    people = 30
    sessions = []
    for number in range(people):  # everyone reaches check your answers first
        person = requests.Session()
        fill_bins_form(person, cluster.url, email=f"kill-{number}@example.com")
        person.csrf = csrf_token(person, f"{cluster.url}{BINS}/check")
        sessions.append(person)
    acknowledged: dict[int, str] = {}
    failures = {"retries": 0}
    lock = threading.Lock()
    start = threading.Event()

    def attempt(action):
        return _as_a_person_would(action, failures, lock)

    def send(number: int) -> None:
        person = sessions[number]
        start.wait()
        check = f"{cluster.url}{BINS}/check"
        sent = attempt(
            lambda: person.post(
                check, data={"csrf_token": person.csrf}, allow_redirects=False, timeout=30
            )
        )
        if sent is None or not sent.headers.get("Location", "").endswith("/sent"):
            return
        # The confirmation: refreshed until it shows, as a person would.
        shown = attempt(lambda: person.get(cluster.url + sent.headers["Location"], timeout=30))
        reference = shown is not None and reference_on(shown)
        if reference:
            with lock:
                acknowledged[number] = reference

    victims = cluster.worker_pids(0)
    with ThreadPoolExecutor(10) as pool:
        futures = [pool.submit(send, number) for number in range(people)]
        start.set()
        time.sleep(0.05)
        os.kill(victims[0], signal.SIGKILL)  # mid-flight
        for future in futures:
            future.result()
    # gunicorn starts a new worker in its place
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(cluster.worker_pids(0)) < len(victims):
        time.sleep(0.2)

    with database(cluster) as connection:
        rows = connection.execute(
            "select answers->>'email', reference from submissions "
            "where answers->>'email' like 'kill-%%'"
        ).fetchall()
    stored = {}
    for email, reference in rows:
        stored.setdefault(email, []).append(reference)
    report(
        "worker killed during submissions",
        people_sending=people,
        worker_killed=f"pid {victims[0]} of server 1 (SIGKILL)",
        failed_attempts_retried=failures["retries"],
        submissions_acknowledged=len(acknowledged),
        submissions_stored=len(rows),
        duplicates=sum(len(refs) - 1 for refs in stored.values()),
    )
    assert len(acknowledged) == people  # everyone got a reference in the end
    for number, reference in acknowledged.items():
        assert stored.get(f"kill-{number}@example.com") == [reference]
    assert len(rows) == people
    assert len(cluster.worker_pids(0)) == len(victims)


def test_redis_stopping_does_not_stop_the_service(cluster):
    """Rate limits live in Redis. Without it the limits are skipped (and logged), but
    people can still read pages and send forms."""
    person = requests.Session()
    subprocess.run(
        ["redis-cli", "-u", cluster.env["RATELIMIT_STORAGE_URI"], "shutdown", "nosave"],
        capture_output=True,
    )
    try:
        pages = [person.get(cluster.url + "/", timeout=30).status_code for _ in range(4)]
        answered = submit_form(person, f"{cluster.url}{BINS}/bin-type", {"answer": "recycling"})
    finally:
        postgres("start")  # starts whatever of PostgreSQL and Redis is not running
    assert pages == [200, 200, 200, 200]
    assert answered.status_code == 302
    report("redis stopped", pages_served="4 of 4", form_answer_saved="yes")
