"""Two servers behind a load balancer: a citizen's form journey and a staff session carry
on whichever server each request lands on, and rate limits are counted once, in Redis."""

import itertools

import requests

from tests.support.forms import submit_form
from tests.system.conftest import clear_rate_limits, create_assistant, database
from tests.system.journeys import fill_bins_form, reference_on, send_bins_form

STAFF_EMAIL = "two-servers@glanmor.example"
STAFF_PASSWORD = "two servers one session"


def test_a_form_journey_moves_between_servers_and_is_stored_once(cluster):
    person = requests.Session()
    upstreams = fill_bins_form(person, cluster.url)
    # Each answer was saved by one server and its next page read by the other.
    assert set(upstreams) == {f"127.0.0.1:{port}" for port in cluster.ports}, upstreams
    assert all(a != b for a, b in itertools.pairwise(upstreams)), upstreams
    sent = send_bins_form(person, cluster.url)
    assert sent.status_code == 302
    confirmation = person.get(cluster.url + sent.headers["Location"], timeout=30)
    reference = reference_on(confirmation)
    assert reference
    with database(cluster) as connection:
        rows = connection.execute(
            "select count(*) from submissions where reference = %s", (reference,)
        ).fetchone()[0]
    assert rows == 1


def test_a_staff_session_holds_on_every_server_and_ends_on_every_server(cluster):
    create_assistant(cluster, STAFF_EMAIL, "Two Servers", STAFF_PASSWORD)
    staff = requests.Session()
    signed_in = submit_form(
        staff, f"{cluster.url}/staff/sign-in", {"email": STAFF_EMAIL, "password": STAFF_PASSWORD}
    )
    assert signed_in.headers["Location"] == "/staff/"
    seen = set()
    for _ in range(6):
        page = staff.get(f"{cluster.url}/staff/requests", allow_redirects=False, timeout=30)
        assert page.status_code == 200
        seen.add(page.headers["X-Upstream"])
    assert len(seen) == 2
    stolen = dict(staff.cookies)
    signed_out = submit_form(staff, f"{cluster.url}/staff/", to="/staff/sign-out")
    assert signed_out.status_code == 302
    replay = requests.Session()
    replay.cookies.update(stolen)
    for _ in range(4):  # both servers refuse the old session
        page = replay.get(f"{cluster.url}/staff/", allow_redirects=False, timeout=30)
        assert page.status_code == 302 and page.headers["Location"].startswith("/staff/sign-in")


def test_rate_limits_are_shared_between_servers(cluster):
    """Sign-in allows 8 attempts a minute per address here. Kept per process, two servers
    with two workers each would allow 32; in Redis, the 9th is refused wherever it lands."""
    attempts = requests.Session()
    codes = []
    try:
        for number in range(10):
            response = submit_form(
                attempts,
                f"{cluster.url}/staff/sign-in",
                {"email": f"nobody{number}@glanmor.example", "password": "wrong wrong wrong"},
            )
            codes.append(response.status_code)
    finally:  # leave the limit clear for the tests that follow
        clear_rate_limits(cluster)
    assert 429 in codes, codes
    assert codes.index(429) <= 8, codes
