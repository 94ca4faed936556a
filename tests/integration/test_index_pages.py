"""Addresses people type: a trailing slash, and the index of each way into the services."""

import pytest
from bs4 import BeautifulSoup


@pytest.mark.parametrize(
    ("asked", "moved_to"),
    [
        ("/your-needs/", "/your-needs"),
        ("/cy/your-needs/?from=poster", "/cy/your-needs?from=poster"),
        ("/services/apply-for-a-blue-badge/", "/services/apply-for-a-blue-badge"),
    ],
)
def test_a_trailing_slash_goes_to_the_page_without_it(client, asked, moved_to):
    response = client.get(asked)
    assert response.status_code == 308
    assert response.headers["Location"] == moved_to


@pytest.mark.parametrize("asked", ["/no-such-page/", "//evil.example/", "/\\evil.example/"])
def test_a_trailing_slash_never_leads_anywhere_else(client, asked):
    response = client.get(asked)
    assert response.status_code in (400, 404)
    assert "Location" not in response.headers


def test_a_trailing_slash_redirect_keeps_the_address_encoded(client):
    """Found by the hostile-input property: a decoded %0D%0A put a line break in Location."""
    response = client.get("/forms/%0D%0ASet-Cookie%3A%20evil%3D1/")
    assert response.status_code in (308, 404)
    assert "\n" not in response.headers.get("Location", "")
    assert "evil" not in response.headers.get("Set-Cookie", "")


@pytest.mark.parametrize(
    ("index", "facet", "first"),
    [
        ("/topics", "/topics/", "Parking, roads and travel"),
        ("/life-events", "/life-events/", None),
        ("/cy/topics", "/cy/topics/", None),
    ],
)
def test_each_way_into_the_services_has_an_index(app, client, index, facet, first):
    page = BeautifulSoup(client.get(index).data, "html5lib")
    links = [a for a in page.select("main a") if a["href"].startswith(facet)]
    with app.app_context():
        from portal.publishing.index import current_content

        taxonomy = current_content().taxonomy
    expected = taxonomy.topics if "topics" in index else taxonomy.life_events
    assert len(links) == len(expected) > 0
    for link in links:
        assert client.get(link["href"]).status_code == 200, link["href"]
    if first:
        assert links[0].get_text(strip=True) == first
