"""The same sign-in code sent by six browsers at once, through both servers: exactly one
is let in (review item 2: reading, comparing and writing the last used step separately let
five of six in), and the five refusals are each counted towards the lockout. Which server
answers each is nginx's choice (after the killed-worker test it may rest one for a few
seconds); each has two workers, so the codes race either way."""

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
        race(cluster)
    finally:
        clear_rate_limits(cluster)


def race(cluster) -> None:
    create_assistant(cluster, EMAIL, "Racing Codes", PASSWORD)
    secret = pyotp.random_base32()
    with database(cluster) as connection:
        connection.execute(
            "update staff_members set totp_secret = %s where email = %s", (secret, EMAIL)
        )
    browsers = []
    for _ in range(BROWSERS):  # each at the code page, holding its own form token
        browser = requests.Session()
        password = submit_form(
            browser, f"{cluster.url}/staff/sign-in", {"email": EMAIL, "password": PASSWORD}
        )
        assert password.headers["Location"] == "/staff/sign-in/code"
        browsers.append((browser, csrf_token(browser, f"{cluster.url}/staff/sign-in/code")))
    code = pyotp.TOTP(secret).now()
    start = Barrier(BROWSERS)

    def send(browser_and_token):
        browser, token = browser_and_token
        start.wait()
        return browser.post(
            f"{cluster.url}/staff/sign-in/code",
            data={"csrf_token": token, "code": code},
            allow_redirects=False,
            timeout=30,
        )

    with ThreadPoolExecutor(BROWSERS) as pool:
        answers = list(pool.map(send, browsers))
    let_in = [a for a in answers if a.status_code == 302 and a.headers["Location"] == "/staff/"]
    refused = [a for a in answers if a.status_code == 400]
    assert (len(let_in), len(refused)) == (1, BROWSERS - 1), [a.status_code for a in answers]
    # Each refusal counted, though they came at the same moment (read, add one and write
    # back counted racing failures once, and two first failures collided on the key).
    with database(cluster) as connection:
        failures = connection.execute(
            "select failures from sign_in_throttles where email = %s", (EMAIL,)
        ).fetchone()
    assert failures == (BROWSERS - 1,)
