"""Error pages: GOV.UK style, in the reader's language, never a stack trace."""

from bs4 import BeautifulSoup


def test_unknown_page_is_a_404_in_english(client):
    response = client.get("/services/no-such-service")
    assert response.status_code == 404
    assert BeautifulSoup(response.data, "html5lib").h1.get_text(strip=True) == "Page not found"


def test_unknown_welsh_page_is_a_404_in_welsh(client):
    response = client.get("/cy/services/dim-gwasanaeth")
    soup = BeautifulSoup(response.data, "html5lib")
    assert response.status_code == 404
    assert soup.html["lang"] == "cy"
    assert soup.h1.get_text(strip=True) == "Heb ddod o hyd i'r dudalen"


def test_unknown_topic_is_a_404(client):
    assert client.get("/topics/no-such-topic").status_code == 404


def test_a_crash_shows_the_500_page_without_details(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.route("/crash")
    def crash():
        raise RuntimeError("secret detail")

    response = app.test_client().get("/crash")
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.data
    assert b"secret detail" not in response.data
    assert b"Traceback" not in response.data


def test_wrong_method_gets_a_page_not_a_bare_error(client):
    response = client.post("/")
    assert response.status_code in (400, 405)
    assert b"govuk-heading-xl" in response.data
