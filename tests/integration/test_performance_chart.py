"""The monthly chart's scale counts in whole numbers, each once, where the bars reach, and
its axes say what they measure, however small the counts are."""

from datetime import date
from itertools import pairwise

import pytest
from bs4 import BeautifulSoup

from portal.performance.chart import bar_chart
from portal.performance.figures import Figure, MonthCount
from tests.support.rows import IN_PERIOD, SERVICE, add_submissions


def months_of(counts: list[int]) -> tuple[MonthCount, ...]:
    return tuple(MonthCount(date(2026, n + 1, 1), Figure(c)) for n, c in enumerate(counts))


SMALL_AND_LARGE = [
    [0] * 12,
    [0] * 11 + [1],
    [0] * 10 + [1, 2],
    [0] * 9 + [1, 2, 3],
    [5] + [0] * 11,
    [7] * 12,
    [46] + [0] * 11,
    [1234] + [0] * 11,
]


@pytest.mark.parametrize("counts", SMALL_AND_LARGE, ids=str)
def test_the_scale_counts_in_whole_numbers_each_once_where_the_bars_reach(counts):
    chart = bar_chart(months_of(counts))
    values = [value for _y, value in chart.ticks]
    assert all(isinstance(value, int) for value in values)
    assert values == sorted(set(values)), "a value is repeated or out of order"
    assert values[0] == 0
    assert values[-1] >= max(counts)
    steps = {b - a for a, b in pairwise(values)}
    assert len(steps) == 1, "the steps are not even"
    assert 2 <= len(values) <= 6
    plot = chart.baseline - chart.top
    for y, value in chart.ticks:
        assert y == pytest.approx(chart.baseline - plot * value / values[-1], abs=0.1), value
    for bar, count in zip(chart.bars, counts, strict=True):
        assert bar.height == pytest.approx(plot * count / values[-1], abs=0.1)


def test_the_axes_say_what_they_measure(make_app, frozen_clock):
    app = make_app(PERFORMANCE_MINIMUM_COUNT=1)  # so that 1 and 2 are shown
    with app.app_context():
        add_submissions(1, when=IN_PERIOD.replace(month=9))
        add_submissions(2, when=IN_PERIOD)
    soup = BeautifulSoup(app.test_client().get(f"/performance/{SERVICE}").data, "html5lib")
    svg = soup.select_one("svg.app-chart__svg")
    ticks = [text.get_text() for text in svg.select("text.app-chart__tick")]
    assert ticks == ["0", "1", "2"]
    titles = [text.get_text(" ", strip=True) for text in svg.select("text.app-chart__axis")]
    assert titles == ["Number of forms sent", "Month, November 2025 to October 2026"]
    # The text alternatives are still there: a description and a table of every month.
    assert svg["role"] == "img"
    assert svg.select_one("desc").get_text(strip=True)
    table = soup.find("caption", string="Forms sent each month").find_parent("table")
    assert len(table.select("tbody tr")) == 12
