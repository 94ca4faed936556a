"""The Host and X-Forwarded-Host headers are written by whoever sends the request: they
must never reach a link, the render cache, or the API (issue 15, item 4)."""

import re

import pytest
from bs4 import BeautifulSoup

BASE = "https://services.glanmor.example"


@pytest.fixture
def behind_a_proxy(make_app):
    """As production runs: one trusted proxy in front, and the address people use."""
    return make_app(
        BASE_URL=BASE,
        TRUSTED_HOSTS=["services.glanmor.example", "localhost"],
        TRUSTED_PROXIES=1,
    )


def hreflang_links(response) -> list[str]:
    page = BeautifulSoup(response.get_data(as_text=True), "html5lib")
    return [link["href"] for link in page.select("link[hreflang]")]


def test_a_request_for_a_host_we_are_not_is_refused_in_plain_words(client):
    response = client.get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "not one this service answers to" in response.get_data(as_text=True)
    assert b"evil.example" not in response.get_data()
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_absolute_links_name_the_configured_address_whatever_the_headers_say(behind_a_proxy):
    client = behind_a_proxy.test_client()
    headers = {"X-Forwarded-Host": "evil.example", "X-Forwarded-For": "192.0.2.1"}
    page = client.get("/services/report-a-pothole", headers=headers)
    links = hreflang_links(page)
    assert links and all(link.startswith(f"{BASE}/") for link in links), links
    api = client.get("/api/v1/services?per_page=2", headers=headers).json
    assert api["links"]["next"].startswith(f"{BASE}/api/v1/services?")
    assert all(s["api_url"].startswith(f"{BASE}/") for s in api["data"])
    assert b"evil.example" not in page.get_data()


def test_six_hostile_requests_do_not_poison_the_page_kept_for_everyone(behind_a_proxy):
    """The review's reproduction: the render cache kept the first visitor's links."""
    attacker = behind_a_proxy.test_client()
    for _ in range(6):
        attacker.get(
            "/guides/what-goes-in-each-recycling-bin", headers={"X-Forwarded-Host": "evil.example"}
        )
    everyone = behind_a_proxy.test_client().get("/guides/what-goes-in-each-recycling-bin")
    assert everyone.status_code == 200
    assert b"evil.example" not in everyone.get_data()
    assert all(link.startswith(f"{BASE}/") for link in hreflang_links(everyone))


def test_without_a_configured_address_links_use_the_allowed_host_asked_for(client):
    links = hreflang_links(client.get("/"))
    assert links and all(re.match(r"http://localhost/", link) for link in links), links


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("localhost:5000", 200),  # an allowed name on another port (make run's)
        ("evil.example:443", 400),
        ("localhost.evil.example", 400),
        ("evil.example@localhost", 400),
        ("localhost:5000@evil.example", 400),
    ],
)
def test_a_port_or_a_trick_never_turns_another_host_into_ours(client, host, status):
    response = client.get("/", headers={"Host": host})
    assert response.status_code == status, host
    assert b"evil.example" not in response.get_data()
