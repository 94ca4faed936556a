"""The same sign-in code sent by six browsers at once, through both servers: exactly one
is let in (review item 2: reading, comparing and writing the last used step separately let
five of six in); and wrong codes sent at once are each counted towards the lockout. Which
server answers each is nginx's choice (after the killed-worker test it may rest one for a
few seconds); each has two workers, so the codes race either way."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pyotp
import requests

from tests.support.forms import csrf_token, submit_form
from tests.system.conftest import clear_rate_limits, create_assistant, database

EMAIL = "racing-codes@glanmor.example"
PASSWORD = "one code one sign in"
BROWSERS = 6


def test_a_code_sent_six_times_at_once_lets_exactly_one_in(cluster):
    clear_rate_limits(cluster)
    try:
        answers = race(cluster, EMAIL, BROWSERS, wrong=False)
    finally:
        clear_rate_limits(cluster)
    let_in = [a for a in answers if a.status_code == 302 and a.headers["Location"] == "/staff/"]
    refused = [a for a in answers if a.status_code == 400]
    assert (len(let_in), len(refused)) == (1, BROWSERS - 1), [a.status_code for a in answers]
    # (The refusals' count is not checked here: the one sign-in that succeeds clears it,
    # and may land between them. The next test counts refusals with no success among them.)


def test_wrong_codes_sent_at_once_are_each_counted(cluster):
    """Read, add one and write back counted racing failures once, and two first failures
    collided on the key (a 500). Four at once. The third failure starts a 30-second wait,
    so a fourth that arrives after it is refused as too soon and rightly not counted (it
    never checked a code); every one told "not right" must be counted."""
    clear_rate_limits(cluster)
    try:
        answers = race(cluster, "racing-wrong-codes@glanmor.example", 4, wrong=True)
    finally:
        clear_rate_limits(cluster)
    assert [a.status_code for a in answers] == [400] * 4
    checked = [a for a in answers if "The code is not right" in a.text]
    too_soon = [a for a in answers if "Too many wrong attempts" in a.text]
    assert len(checked) + len(too_soon) == 4
    with database(cluster) as connection:
        (failures,) = connection.execute(
            "select failures from sign_in_throttles where email = %s",
            ("racing-wrong-codes@glanmor.example",),
        ).fetchone()
    # No wait can start before three are counted, so at least three were checked.
    assert (failures, len(checked)) in {(3, 3), (4, 4)}, (failures, len(checked))


def race(cluster, email: str, browsers_at_once: int, wrong: bool) -> list:
    """Each browser signs in with the password, then all send one code at the same moment:
    the current code, or (`wrong`) a number next to it."""
    create_assistant(cluster, email, "Racing Codes", PASSWORD)
    secret = pyotp.random_base32()
    with database(cluster) as connection:
        connection.execute(
            "update staff_members set totp_secret = %s where email = %s", (secret, email)
        )
    browsers = []
    for _ in range(browsers_at_once):  # each at the code page, holding its own form token
        browser = requests.Session()
        password = submit_form(
            browser, f"{cluster.url}/staff/sign-in", {"email": email, "password": PASSWORD}
        )
        assert password.headers["Location"] == "/staff/sign-in/code"
        browsers.append((browser, csrf_token(browser, f"{cluster.url}/staff/sign-in/code")))
    code = pyotp.TOTP(secret).now()
    if wrong:  # never one the window accepts: those are whole steps apart, not one apart
        code = f"{(int(code) + 1) % 1_000_000:06d}"
    start = Barrier(browsers_at_once)

    def send(browser_and_token):
        browser, token = browser_and_token
        start.wait()
        return browser.post(
            f"{cluster.url}/staff/sign-in/code",
            data={"csrf_token": token, "code": code},
            allow_redirects=False,
            timeout=30,
        )

    with ThreadPoolExecutor(browsers_at_once) as pool:
        return list(pool.map(send, browsers))
