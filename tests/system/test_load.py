"""Bounded load: mixed traffic through nginx to both servers on PostgreSQL, on loopback,
limited in count (about 2,000 requests) and in time (every request 30 seconds at most,
the whole run 4 minutes). Pass: zero 5xx, and every submission and contact request
acknowledged (its reference shown) is stored exactly once."""

import random
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import requests

from portal.needs import store
from tests.support.forms import submit_form
from tests.support.profiles import PROFILES
from tests.system.conftest import SECRET, create_assistant, database
from tests.system.figures import report
from tests.system.journeys import fill_bins_form, reference_on, send_bins_form

CLIENTS = 16
JOURNEYS = 24
CONTACT_REQUESTS = 12
PAGE_VIEWS = 1_200
FEEDBACK = 120
QUEUE_VIEWS = 120
DEADLINE_SECONDS = 240
PAGES = [
    "/",
    "/cy/",
    "/services/apply-for-a-blue-badge",
    "/cy/services/apply-for-a-blue-badge",
    "/guides/what-goes-in-each-recycling-bin",
    "/departments",
    "/search?q=bin",
    "/cy/search?q=bathodyn",
    "/forms/report-a-missed-bin-collection/bin-type",
    "/your-needs/text-size",
    "/performance",
    "/help-near-you",
    "/ar/services/apply-for-a-blue-badge",
    "/services/report-a-missed-bin-collection/ask-us-to-contact-you",
]
CONTACT = "/services/report-a-missed-bin-collection/ask-us-to-contact-you"


def needs_cookies(make_app) -> list[str | None]:
    """The needs cookie of every profile the browser tests use, signed with the cluster's
    key, so page views are personalised as people's really are."""
    app = make_app(SECRET_KEY=SECRET, migrate=False)
    with app.test_request_context():
        return [store.dump(needs) if needs.declared else None for needs, _ in PROFILES.values()]


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.requests = 0
        self.journeys: list[str] = []
        self.contact_requests: list[str] = []

    def hook(self, response, *_args, **_kwargs):
        with self.lock:
            self.requests += 1
            self.statuses[response.status_code // 100 * 100] += 1
            if response.status_code >= 400:
                self.statuses[
                    f"{response.status_code} {response.request.method} {response.url}"
                ] += 1


def session(tally: Tally, cookie: str | None = None) -> requests.Session:
    person = requests.Session()
    person.hooks["response"].append(tally.hook)
    if cookie:
        person.cookies.set("needs", cookie)
    return person


def test_mixed_load_loses_nothing_and_never_fails(cluster, make_app):
    tally = Tally()
    cookies = needs_cookies(make_app)
    staff_email = "queue-worker@glanmor.example"
    create_assistant(cluster, staff_email, "Load Test", "steady load all afternoon")
    staff = session(tally)
    submit_form(staff, f"{cluster.url}/staff/sign-in",
         {"email": staff_email, "password": "steady load all afternoon"})  # fmt: skip
    deadline = time.monotonic() + DEADLINE_SECONDS

    def page_view(number: int) -> None:
        person = session(tally, cookies[number % len(cookies)])
        person.get(cluster.url + PAGES[number % len(PAGES)], timeout=30)

    def journey(number: int) -> None:
        person = session(tally, random.choice(cookies))
        fill_bins_form(person, cluster.url, email=f"load-{number}@example.com")
        sent = send_bins_form(person, cluster.url)
        reference = reference_on(person.get(cluster.url + sent.headers["Location"], timeout=30))
        if reference:
            with tally.lock:
                tally.journeys.append(reference)

    def contact_request(number: int) -> None:
        person = session(tally)
        submit_form(person, cluster.url + CONTACT, {
            "kind": "call_back", "name": f"Load {number}", "phone": "01632 960 001",
            "best_time": "any", "language": random.choice(["en", "cy"]),
        })  # fmt: skip
        sent = submit_form(person, f"{cluster.url}{CONTACT}/check")
        reference = reference_on(person.get(cluster.url + sent.headers["Location"], timeout=30))
        if reference:
            with tally.lock:
                tally.contact_requests.append(reference)

    def feedback(number: int) -> None:
        session(tally).post(
            f"{cluster.url}/feedback/useful",
            data={"page": "/services/apply-for-a-blue-badge", "answer": ("yes", "no")[number % 2]},
            allow_redirects=False,
            timeout=30,
        )

    def queue_view(_number: int) -> None:
        staff.get(f"{cluster.url}/staff/requests", timeout=30)

    work = (
        [(page_view, n) for n in range(PAGE_VIEWS)]
        + [(journey, n) for n in range(JOURNEYS)]
        + [(contact_request, n) for n in range(CONTACT_REQUESTS)]
        + [(feedback, n) for n in range(FEEDBACK)]
        + [(queue_view, n) for n in range(QUEUE_VIEWS)]
    )
    random.Random(9).shuffle(work)
    started = time.monotonic()

    def run(task) -> None:
        if time.monotonic() < deadline:
            task[0](task[1])

    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(run, work))
    elapsed = time.monotonic() - started

    with database(cluster) as connection:
        stored = dict(
            connection.execute(
                "select reference, count(*) from submissions where reference = any(%s) "
                "group by reference",
                (tally.journeys,),
            ).fetchall()
        )
        load_rows = connection.execute(
            "select count(*) from submissions where answers->>'email' like 'load-%%'"
        ).fetchone()[0]
        requests_stored = connection.execute(
            "select count(*) from contact_requests where reference = any(%s)",
            (tally.contact_requests,),
        ).fetchone()[0]
    refused = {k: v for k, v in tally.statuses.items() if isinstance(k, str)}
    report(
        "bounded load",
        requests_sent=tally.requests,
        seconds=round(elapsed, 1),
        requests_per_second=round(tally.requests / elapsed),
        responses_by_class=dict(
            sorted((k, v) for k, v in tally.statuses.items() if isinstance(k, int))
        ),
        server_errors=tally.statuses[500],
        submissions_acknowledged=len(tally.journeys),
        submissions_stored=load_rows,
        contact_requests_acknowledged=len(tally.contact_requests),
        contact_requests_stored=requests_stored,
    )
    assert elapsed < DEADLINE_SECONDS, "the run hit its time bound: not every task ran"
    assert tally.statuses[500] == 0, refused
    # Nothing refused either: every request is one a real person would make.
    assert tally.statuses[400] == 0, refused
    assert len(tally.journeys) == JOURNEYS
    assert all(count == 1 for count in stored.values()) and len(stored) == JOURNEYS
    assert load_rows == JOURNEYS  # nothing stored that was not acknowledged, or twice
    assert len(tally.contact_requests) == CONTACT_REQUESTS == requests_stored
