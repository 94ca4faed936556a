"""A bar chart drawn on the server as SVG: no JavaScript, no chart library, nothing to
download. The numbers also go in a table beside it, and a sentence says what it shows."""

from dataclasses import dataclass

from portal.performance.figures import MonthCount

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 40


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
    baseline: float
    top: float
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, int], ...]  # (y, value) for the scale on the left
    highest: MonthCount | None


def _nice_ceiling(value: int) -> int:
    """A round number at or above `value` for the top of the scale: 10, 20, 50, 100..."""
    step = 1
    while True:
        for multiple in (1, 2, 5):
            if step * multiple >= value:
                return step * multiple
        step *= 10


def _drawn(month: MonthCount) -> int:
    """The count a month's bar is drawn to: none for a count that is withheld."""
    value = month.count.value
    return value if month.count.shown and value is not None else 0


def bar_chart(months: tuple[MonthCount, ...]) -> BarChart:
    shown = [_drawn(m) for m in months if m.count.shown]
    top_value = _nice_ceiling(max([*shown, 1]))
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / len(months)
    bars = []
    for index, month in enumerate(months):
        height = plot_height * _drawn(month) / top_value
        x = LEFT + index * slot + slot * 0.15
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(TOP + plot_height - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label_x=round(LEFT + index * slot + slot / 2, 1),
                month=month,
            )
        )
    ticks = tuple(
        (round(TOP + plot_height - plot_height * fraction, 1), int(top_value * fraction))
        for fraction in (0, 0.5, 1)
    )
    candidates = [m for m in months if _drawn(m)]
    highest = max(candidates, key=_drawn) if candidates else None
    return BarChart(WIDTH, HEIGHT, TOP + plot_height, TOP, tuple(bars), ticks, highest)
