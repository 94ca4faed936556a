"""The open data: one file with every service's figures, built as each service's is, and
the page beside the downloads says what an empty value and the withheld column mean."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from portal.performance.views import measured_services
from tests.support.rows import SERVICE, add_submissions

pytestmark = pytest.mark.usefixtures("frozen_clock")  # the period ends with the frozen month


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_one_file_holds_every_services_figures_as_each_services_file_does(app, client):
    with app.app_context():
        add_submissions(3)  # too few to publish
        add_submissions(12, service="apply-for-a-resident-parking-permit")
        services = measured_services()
    response = client.get("/performance/data.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    everything = rows_of(response)
    header, rows = everything[0], everything[1:]
    assert header == ["service", "period_start", "period_end", "measure", "value", "withheld"]
    assert sorted({row[0] for row in rows}) == services
    for slug in services:
        alone = rows_of(client.get(f"/performance/{slug}/data.csv"))
        assert alone[0] == header
        assert [row for row in rows if row[0] == slug] == alone[1:], slug
    transactions = {row[0]: row[4:] for row in rows if row[3] == "transactions"}
    assert transactions[SERVICE] == ["", "suppressed"]
    assert transactions["apply-for-a-resident-parking-permit"] == ["12", ""]


@pytest.mark.parametrize("language", ["", "/cy", "/ar"])
def test_the_overview_links_to_the_file(client, language):
    soup = BeautifulSoup(client.get(f"{language}/performance").data, "html5lib")
    assert soup.select_one('a[href="/performance/data.csv"]')


@pytest.mark.parametrize("path", ["/performance", f"/performance/{SERVICE}"])
def test_the_withheld_column_is_explained_beside_the_downloads(client, path):
    soup = BeautifulSoup(client.get(path).data, "html5lib")
    download = soup.select_one('a[href$="data.csv"]')
    section = download.find_parent(class_="app-open-data")
    text = section.get_text(" ", strip=True)
    assert "withheld" in text
    assert "suppressed" in text
    assert "no_data" in text
    assert "below 5" in text
