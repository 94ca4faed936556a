"""Transfer: compression, long-lived static files, ETags, and pages kept private."""

import re

import pytest
from bs4 import BeautifulSoup

from portal.caching import render_key
from portal.needs import store
from portal.needs.model import Needs
from tests.support.answers import CARE, CARE_ANSWERS
from tests.support.forms import submit_form, walk


def asset_urls(client) -> list[str]:
    page = BeautifulSoup(client.get("/").data, "html5lib")
    urls = [link["href"] for link in page.select("link[href^='/static/']")]
    return urls + [script["src"] for script in page.select("script[src]")]


def test_static_files_have_hashed_names_and_are_cached_for_a_year(client):
    urls = asset_urls(client)
    assert len(urls) == 3
    for url in urls:
        assert re.search(r"-[A-Z0-9]{8}\.\w+$", url), url
        with client.get(url) as response:
            assert response.status_code == 200
            assert "immutable" in response.headers["Cache-Control"]
            assert "max-age=31536000" in response.headers["Cache-Control"]


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_static_files_and_pages_are_sent_compressed(client, encoding):
    headers = {"Accept-Encoding": encoding}
    for url in [*asset_urls(client), "/", "/cy/services/apply-for-a-blue-badge"]:
        with client.get(url, headers=headers) as response:
            assert response.headers.get("Content-Encoding") == encoding, url
            assert "Accept-Encoding" in response.headers["Vary"], url


def test_pages_are_private_and_vary_with_the_needs_cookie(client):
    response = client.get("/services/report-a-pothole")
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "Cookie" in response.headers["Vary"]


@pytest.mark.parametrize("encoding", ["br", "identity"])
def test_an_unchanged_page_is_answered_with_304(client, encoding):
    url = "/guides/what-goes-in-each-recycling-bin"
    first = client.get(url, headers={"Accept-Encoding": encoding})
    etag = first.headers["ETag"]
    again = client.get(url, headers={"Accept-Encoding": encoding, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""


def test_different_needs_give_a_different_etag(client, app):
    first = client.get("/").headers["ETag"]
    with app.test_request_context():
        client.set_cookie(store.COOKIE_NAME, store.dump(Needs(contrast="dark")))
    assert client.get("/").headers["ETag"] != first


NEEDS_TO_TELL_APART = [
    Needs(),
    Needs(language="cy"),
    Needs(language="ar"),
    Needs(text_size="large"),
    Needs(text_size="largest"),
    Needs(contrast="high"),
    Needs(contrast="dark"),
    Needs(more_spacing=True),
    Needs(less_motion=True),
    Needs(easy_read=True),
    Needs(bsl=True),
    Needs(lite=True),
    Needs(channels=("phone",)),
    Needs(channels=("phone", "email")),
    Needs(channels=("email", "phone")),
    Needs(someone_helps=True),
]


def test_two_different_needs_never_share_a_render_cache_entry(app):
    keys = set()
    for needs in NEEDS_TO_TELL_APART:
        with app.test_request_context("/services/apply-for-a-blue-badge"):
            cookie = store.dump(needs) if needs.declared else ""
        with app.test_request_context(
            "/services/apply-for-a-blue-badge", headers={"Cookie": f"needs={cookie}"}
        ):
            keys.add(render_key())
    assert len(keys) == len(NEEDS_TO_TELL_APART)


def test_the_cache_serves_each_person_their_own_page(app):
    """Fill the cache with one person's page, then ask as someone else."""
    dark, phone_first = app.test_client(), app.test_client()
    with app.test_request_context():
        dark.set_cookie(store.COOKIE_NAME, store.dump(Needs(contrast="dark")))
        phone_first.set_cookie(store.COOKIE_NAME, store.dump(Needs(channels=("phone",))))
    url = "/services/apply-for-a-blue-badge"
    for _ in range(2):  # the second round is served from the cache
        dark_page = BeautifulSoup(dark.get(url).data, "html5lib")
        phone_page = BeautifulSoup(phone_first.get(url).data, "html5lib")
        assert "app-theme-dark" in dark_page.html["class"]
        assert "app-theme-dark" not in phone_page.html.get("class", [])
        assert phone_page.select_one(".app-channel")["id"] == "channel-phone"
        assert dark_page.select_one(".app-channel")["id"] == "channel-online"


def test_the_query_string_is_part_of_the_key(app):
    with app.test_request_context("/services/x?version=easy-read"):
        easy = render_key()
    with app.test_request_context("/services/x"):
        standard = render_key()
    assert easy != standard


def test_pages_that_show_what_a_person_told_us_are_never_stored(client):
    """Shared computers (libraries): answers, return codes, references and needs must not
    stay on the disk, where `private, no-cache` would leave them."""
    walk(client, CARE, CARE_ANSWERS)
    for url in [
        f"{CARE}/full-name",
        f"{CARE}/check",
        "/forms/resume",
        "/services/report-a-pothole/ask-us-to-contact-you",
        "/your-needs/check",
        "/your-needs/code",
    ]:
        assert client.get(url).headers["Cache-Control"] == "no-store", url
    sent = submit_form(client, f"{CARE}/check")
    assert client.get(sent.headers["Location"]).headers["Cache-Control"] == "no-store"
    # A page about the service, with nothing of theirs in it, is still revalidated.
    assert client.get(CARE).headers["Cache-Control"] == "private, no-cache"
