"""What the platform and the people running it rely on: health checks, request ids and
structured logs, and a rate limit on every POST."""

import json
import logging

import pytest
from werkzeug.routing import IntegerConverter, Rule

from portal.request_log import JsonFormatter


def test_healthz_and_readyz_answer_plainly_and_are_never_cached(client):
    for url in ("/healthz", "/readyz"):
        response = client.get(url)
        assert (response.status_code, response.get_data(as_text=True)) == (200, "ok\n")
        assert response.headers["Cache-Control"] == "no-store"


def test_readyz_fails_when_the_database_cannot_be_reached(make_app, tmp_path):
    missing = f"sqlite:///{tmp_path / 'missing' / 'folder' / 'x.db'}"
    client = make_app(SQLALCHEMY_DATABASE_URI=missing, migrate=False).test_client()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "database unavailable\n"
    # Content pages do not need the database.
    assert client.get("/services/report-a-pothole").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_every_response_carries_a_request_id_and_keeps_a_sensible_one_it_is_given(client):
    made = client.get("/").headers["X-Request-Id"]
    assert len(made) == 32
    assert client.get("/").headers["X-Request-Id"] != made
    given = client.get("/", headers={"X-Request-Id": "lb-1234abcd"}).headers["X-Request-Id"]
    assert given == "lb-1234abcd"
    odd = client.get("/", headers={"X-Request-Id": "<script>alert(1)</script>"})
    assert odd.headers["X-Request-Id"] != "<script>alert(1)</script>"


def test_each_request_is_logged_as_one_json_line_without_personal_data(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        response = client.get("/search?q=my+name+is+Sam", headers={"X-Request-Id": "abcd1234"})
    [record] = [r for r in caplog.records if r.name == "portal.requests"]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abcd1234" == response.headers["X-Request-Id"]
    assert (line["method"], line["path"], line["status"]) == ("GET", "/search", 200)
    assert "Sam" not in json.dumps(line)
    assert line["duration_ms"] >= 0


def post_urls(app) -> list[str]:
    """A URL for every route that takes a POST: a real form (an unknown one is refused
    before any limit is counted), else any value the route accepts."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "POST" in (rule.methods or ()):
            values = {
                name: 1
                if isinstance(rule._converters[name], IntegerConverter)
                else next(iter(getattr(rule._converters[name], "items", ["x"])))
                for name in rule.arguments
                if name != "lang"
            }
            if "slug" in values and rule.rule.startswith(("/forms/", "/<language:lang>/forms/")):
                values["slug"] = sorted(app.extensions["content"].forms)[0]
            if "lang" in rule.arguments:
                values["lang"] = "cy"
            urls.append(_build(rule, values))
    return sorted(set(urls))


def _build(rule: Rule, values: dict) -> str:
    return rule.build(values, append_unknown=False)[1]


@pytest.fixture
def limited_app(make_app):
    return make_app(
        RATELIMIT_DEFAULT="2 per minute",
        STAFF_SIGN_IN_RATE_LIMIT="2 per minute",
        # CSRF refuses token-less posts before the limiter counts them; here only the limit
        # is under test (CSRF is tested on every form elsewhere). The plain client: without
        # CSRF the forms have no token, which the page checks would report.
        WTF_CSRF_ENABLED=False,
        check_pages=False,
    )


def test_every_post_route_is_rate_limited(limited_app):
    urls = post_urls(limited_app)
    assert len(urls) >= 10  # needs, forms, feedback...
    for url in urls:
        client = limited_app.test_client()
        # More than twice the tightest limit (10 a minute): a fixed window that turns over
        # part-way through cannot hide it.
        codes = [client.post(url, data={}).status_code for _ in range(25)]
        assert 429 in codes, f"{url} is not rate limited: {codes}"


def test_reading_pages_is_never_rate_limited(limited_app):
    client = limited_app.test_client()
    assert {client.get("/").status_code for _ in range(5)} == {200}
