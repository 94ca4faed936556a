"""The content API: every response is checked against the OpenAPI document it publishes."""

import json

import pytest
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_spec_validator import validate


@pytest.fixture
def api(client):
    document = client.get("/api/v1/openapi.json").json
    validate(document)  # the document itself is valid OpenAPI 3.1
    # Problems are RFC 9457 problem+json, which is JSON that openapi-core must be told about.
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    openapi = OpenAPI.from_dict(document, config=config)

    def get(url: str):
        response = client.get(url)
        openapi.validate_response(
            WerkzeugOpenAPIRequest(response.request), WerkzeugOpenAPIResponse(response)
        )
        return response

    return get


def test_the_list_is_paginated_and_links_to_the_other_pages(api):
    first = api("/api/v1/services?per_page=5")
    assert first.status_code == 200
    assert first.json["meta"] == {
        "page": 1,
        "per_page": 5,
        "total": 12,
        "total_pages": 3,
        "language": "en",
    }
    assert len(first.json["data"]) == 5
    assert first.json["links"]["prev"] is None
    last = api(first.json["links"]["last"].removeprefix("http://localhost"))
    assert len(last.json["data"]) == 2
    assert last.json["links"]["next"] is None
    slugs = [s["slug"] for s in first.json["data"]] + [s["slug"] for s in last.json["data"]]
    assert len(set(slugs)) == len(slugs)


def test_every_listed_service_can_be_fetched_in_both_languages(api):
    listed = api("/api/v1/services?per_page=100").json["data"]
    assert len(listed) == 12
    for summary in listed:
        for language in ("en", "cy"):
            one = api(f"/api/v1/services/{summary['slug']}?lang={language}").json["data"]
            assert one["slug"] == summary["slug"]
            assert one["language"] == language
            assert one["channels"]
            assert one["body_html"].startswith("<")


def test_welsh_text_and_links_to_welsh_pages(api):
    service = api("/api/v1/services/apply-for-a-blue-badge?lang=cy").json["data"]
    assert service["title"] == "Gwneud cais am Fathodyn Glas"
    assert service["url"] == "http://localhost/cy/services/apply-for-a-blue-badge"
    assert service["department_name"] == "Ffyrdd a Thrafnidiaeth"
    assert service["versions"] == ["easy-read"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/services?lang=fr",
        "/api/v1/services?page=0",
        "/api/v1/services?page=99",
        "/api/v1/services?per_page=101",
        "/api/v1/services?per_page=-1",
        "/api/v1/services?page=%F0%9F%98%80",
        "/api/v1/services/apply-for-a-blue-badge?lang=",
    ],
)
def test_bad_parameters_get_a_problem_saying_what_is_wrong(api, url):
    response = api(url)
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert response.json["detail"]


def test_an_unknown_service_is_a_404_problem(api):
    response = api("/api/v1/services/no-such-service")
    assert response.status_code == 404
    assert "no-such-service" in response.json["detail"]


def test_the_api_can_be_used_from_other_websites_and_cached(client):
    response = client.get("/api/v1/services")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cache-Control"] == "public, max-age=300"
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("per_page", ["²", "٣", "9" * 5000, "1e3", "-1"])
def test_numbers_python_calls_digits_are_a_problem_not_a_500(api, per_page):
    """Python calls "²" a digit, and int() refuses it: that was a 500 (issue 15, item 12)."""
    response = api(f"/api/v1/services?per_page={per_page}")
    assert response.status_code == 400
    assert "per_page" in response.json["detail"]


def test_a_line_break_in_the_language_never_reaches_the_headers(client):
    response = client.get("/api/v1/services?lang=cy%0d%0aSet-Cookie:%20evil=1")
    assert response.status_code == 400
    assert "Set-Cookie" not in response.headers
    assert "Content-Language" not in response.headers


def test_an_error_is_never_shared_by_a_cache(client):
    for url in ["/api/v1/services?per_page=0", "/api/v1/services/no-such-service"]:
        response = client.get(url)
        assert response.headers["Cache-Control"] == "no-store", url
        assert response.headers["X-Content-Type-Options"] == "nosniff", url
