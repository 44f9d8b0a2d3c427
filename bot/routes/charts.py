"""Bar-chart geometry for the console, drawn as inline SVG by the template: the numbers are worked
out here, server-side, so the page needs no script and no chart library. Labels in words stay in the
template; this module deals in positions, values and series keys."""
from __future__ import annotations

import math
from dataclasses import dataclass

MAX_Y_TICKS = 4
NICE_STEPS = (1, 2, 5)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    label: str
    value: int


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    series: list[str]


def tick_step(largest: int) -> int:
    """The smallest 1-2-5 step that covers ``largest`` in at most MAX_Y_TICKS steps."""
    for magnitude in (10 ** e for e in range(0, 12)):
        for step in (s * magnitude for s in NICE_STEPS):
            if step * MAX_Y_TICKS >= largest:
                return step
    raise ValueError(f"too large to chart: {largest}")


def grouped_bars(labels: list[str], series: dict[str, list[int]], *, width: int = 760, height: int = 220,
                 label_every: int = 5) -> BarChart:
    """One group of bars per label (a day), one bar per series in each group."""
    left, right, top, bottom = 36.0, width - 8.0, 10.0, height - 26.0
    largest = max((v for values in series.values() for v in values), default=0)
    step = tick_step(largest)
    y_max = step * max(1, math.ceil(largest / step))
    group = (right - left) / max(len(labels), 1)
    bar_width = group * 0.8 / max(len(series), 1)

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * value / y_max

    bars = [Bar(x=left + i * group + group * 0.1 + s * bar_width, y=y_of(value), width=bar_width,
                height=bottom - y_of(value), series=name, label=labels[i], value=value)
            for s, (name, values) in enumerate(series.items()) for i, value in enumerate(values) if value]
    x_ticks = [Tick(left + i * group + group / 2, label) for i, label in enumerate(labels)
               if i % label_every == 0 or i == len(labels) - 1]
    y_ticks = [Tick(y_of(v), str(v)) for v in range(0, y_max + 1, step)]
    return BarChart(width, height, left, right, top, bottom, bars, x_ticks, y_ticks, list(series))
