"""A bar chart drawn on the server as SVG: no JavaScript, no chart library, nothing to
download. The numbers also go in a table beside it, and a sentence says what it shows.

Counts here are often tiny (0, 1, 2 forms in a month), so the scale counts in whole forms:
its steps are 1, 2 or 5 times a power of ten, never a fraction, and no value is written
twice. Each tick sits where a bar of that count reaches.
"""

import math
from dataclasses import dataclass

from portal.performance.figures import MonthCount

WIDTH, HEIGHT = 640, 260
# The left margin holds the scale's numbers and, turned on its side, what they count; the
# bottom one the months and, below them, the axis's name.
LEFT, RIGHT, TOP, BOTTOM = 72, 8, 12, 48
# More lines than this would crowd 200 pixels of scale.
MOST_STEPS = 5


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label_x: float
    month: MonthCount


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    plot_left: float
    plot_right: float
    baseline: float
    top: float
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, int], ...]  # (y, value) for the scale on the left
    highest: MonthCount | None

    @property
    def tick_label_x(self) -> float:
        return self.plot_left - 6

    @property
    def month_label_y(self) -> float:
        return self.baseline + 16

    @property
    def x_axis_title(self) -> tuple[float, float]:
        """Where the horizontal axis's name is centred: under the months."""
        return ((self.plot_left + self.plot_right) / 2, self.baseline + 38)

    @property
    def y_axis_title(self) -> tuple[float, float]:
        """Where the vertical axis's name is centred, before it is turned on its side."""
        return (14.0, (self.top + self.baseline) / 2)


def scale_step(highest: int) -> int:
    """The smallest whole step (1, 2, 5, 10, 20, 50...) that reaches `highest` within
    MOST_STEPS steps."""
    power = 1
    while True:
        for multiple in (1, 2, 5):
            if power * multiple * MOST_STEPS >= highest:
                return power * multiple
        power *= 10


def scale(highest: int) -> tuple[int, ...]:
    """The values marked on the scale: 0, then whole steps up to at least `highest`. A chart
    of nothing but noughts still has a 1 at the top, so the scale is a scale."""
    highest = max(highest, 1)
    step = scale_step(highest)
    return tuple(step * n for n in range(math.ceil(highest / step) + 1))


def _drawn(month: MonthCount) -> int:
    """The count a month's bar is drawn to: none for a count that is withheld."""
    value = month.count.value
    return value if month.count.shown and value is not None else 0


def bar_chart(months: tuple[MonthCount, ...]) -> BarChart:
    values = scale(max((_drawn(m) for m in months), default=0))
    top_value = values[-1]
    plot_height = HEIGHT - TOP - BOTTOM
    baseline = TOP + plot_height
    slot = (WIDTH - LEFT - RIGHT) / len(months)
    bars = []
    for index, month in enumerate(months):
        height = plot_height * _drawn(month) / top_value
        x = LEFT + index * slot + slot * 0.15
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(baseline - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label_x=round(LEFT + index * slot + slot / 2, 1),
                month=month,
            )
        )
    ticks = tuple((round(baseline - plot_height * value / top_value, 1), value) for value in values)
    candidates = [m for m in months if _drawn(m)]
    highest = max(candidates, key=_drawn) if candidates else None
    return BarChart(
        width=WIDTH,
        height=HEIGHT,
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        baseline=baseline,
        top=TOP,
        bars=tuple(bars),
        ticks=ticks,
        highest=highest,
    )
