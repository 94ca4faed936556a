"""Every published figure is counted from real rows, and small numbers are never shown."""

from datetime import timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from portal.performance.figures import Figure, count, rate, service_figures
from tests.support.clock import FROZEN_AT
from tests.support.rows import SERVICE, add_ratings, add_starts, add_submissions

COSTS = {"online": Decimal("0.40"), "phone": Decimal("3.10")}
NOW = FROZEN_AT
# Every figure here is for the 12 whole months before today: today is fixed.
pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_counts_below_the_threshold_are_suppressed_but_zero_is_shown():
    assert count(0, 5) == Figure(0)
    assert count(4, 5) == Figure(None, "suppressed")
    assert count(5, 5) == Figure(5)


def test_a_rate_that_would_give_away_a_small_remainder_is_withheld():
    assert rate(0, 0, 5) == Figure(None, "no_data")
    assert rate(3, 4, 5).withheld == "suppressed"
    assert rate(45, 50, 5) == Figure(Decimal("90.0"))
    assert rate(17, 20, 5).withheld == "suppressed"  # it gives away that 3 people did not


def test_each_figure_from_known_rows(app):
    with app.app_context():
        add_submissions(30, channel="online")
        add_submissions(10, channel="phone", language="cy")
        add_submissions(6, channel="online", needs={"access_needs": True})
        add_submissions(5, channel="online", when=NOW - timedelta(days=400))  # too old
        add_submissions(5, channel="online", when=NOW)  # this month: not whole yet
        add_starts(60)
        add_ratings(5, 5, 4, 4, 4, 4, 3, 2, 1, 1, 1, 1, 5, 5, 4)
        figures = service_figures(SERVICE, COSTS, minimum=5)
    assert figures.transactions == Figure(46)
    assert figures.digital_take_up == Figure(Decimal("78.3"))  # 36 of 46
    assert figures.completion_rate == Figure(Decimal("76.7"))  # 46 of 60
    assert figures.satisfaction == Figure(Decimal("60.0"))  # 9 of 15 rated 4 or 5
    assert figures.satisfaction_responses == Figure(15)
    # (36 x 0.40 + 10 x 3.10) / 46 = 45.40 / 46
    assert figures.cost_per_transaction == Figure(Decimal("0.99"))
    assert figures.in_welsh == Figure(10)
    assert figures.with_access_needs == Figure(6)
    assert figures.assisted == Figure(0)
    assert figures.monthly[-1].count == Figure(46)
    assert [m.count for m in figures.monthly[:-1]] == [Figure(0)] * 11


def test_small_numbers_are_never_published(app, client):
    with app.app_context():
        add_submissions(3, channel="online", language="cy")
        add_starts(4)
    page = client.get(f"/performance/{SERVICE}").get_data(as_text=True)
    assert "Fewer than 5" in page
    data = client.get(f"/performance/{SERVICE}/data.json").json
    assert data["figures"]["transactions"] == {"value": None, "withheld": "suppressed"}
    assert data["figures"]["in_welsh"] == {"value": None, "withheld": "suppressed"}
    assert data["monthly_transactions"][-1]["count"] is None
    csv = client.get(f"/performance/{SERVICE}/data.csv").get_data(as_text=True)
    # The 12 whole months before the frozen today, 27 November 2026.
    assert f"{SERVICE},2025-11-01,2026-10-31,transactions,,suppressed" in csv
    assert f"{SERVICE},2026-10,2026-10,transactions_in_month,,suppressed" in csv


def test_a_channel_without_a_published_cost_withholds_the_cost(app):
    with app.app_context():
        add_submissions(10, channel="post")
        figures = service_figures(SERVICE, COSTS, minimum=5)
    assert figures.cost_per_transaction.withheld == "no_data"


@pytest.mark.parametrize("language", ["", "/cy", "/ar"])
def test_the_chart_has_a_text_alternative_and_a_table(app, client, language):
    with app.app_context():
        add_submissions(12)
    html = client.get(f"{language}/performance/{SERVICE}").get_data(as_text=True)
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in html
    assert '<desc id="chart-desc">' in html
    assert html.count('class="app-chart__bar"') == 1
    assert "<caption" in html


def test_the_overview_lists_every_service_with_a_form(client):
    html = client.get("/performance").get_data(as_text=True)
    for slug in (SERVICE, "apply-for-a-resident-parking-permit", "ask-for-a-care-needs-assessment"):
        assert f'href="/performance/{slug}"' in html
    assert client.get("/performance/report-a-pothole").status_code == 404


def test_forms_sent_with_staff_help_are_counted_and_costed_as_assisted(app):
    with app.app_context():
        add_submissions(10, channel="online")
        add_submissions(5, channel="assisted")
        figures = service_figures(SERVICE, {**COSTS, "assisted": Decimal("2.10")}, 5)
    assert figures.assisted == Figure(5)
    # (10 x 0.40 + 5 x 2.10) / 15 = 14.50 / 15
    assert figures.cost_per_transaction == Figure(Decimal("0.97"))


@pytest.mark.parametrize("path", ["/performance", f"/performance/{SERVICE}"])
def test_the_page_says_why_small_numbers_are_hidden_and_what_is_shown_instead(client, path):
    soup = BeautifulSoup(client.get(path).data, "html5lib")
    heading = soup.find("h2", string="Why some figures are not shown")
    text = heading.find_parent(class_="app-suppression").get_text(" ", strip=True)
    assert "so that no figure we publish is about just a few people" in text.lower()
    assert "below 5" in text
    assert "“Fewer than 5”" in text
    assert "“Not shown: too few to publish”" in text
    assert "“No data yet”" in text
