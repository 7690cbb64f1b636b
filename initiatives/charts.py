"""Server-side SVG bar charts: geometry computed here, drawn by
``templates/initiatives/fragment_bar_chart.html``. No script, no CDN, readable in print; each
chart sits beside a table with the same figures for screen readers and copying."""

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 640
LABEL_HEIGHT = 20
BAR_HEIGHT = 18
BAR_GAP = 4
GROUP_GAP = 12
BAR_SPACE = 470  # room is left on the right for the value printed after the bar


@dataclass(frozen=True)
class Bar:
    series: str  # "target" or "actual": a CSS class and the legend
    value: Decimal | None
    x: int
    y: int
    width: int
    height: int
    text_x: int
    text_y: int


@dataclass(frozen=True)
class Group:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    groups: list[Group]
    series: list[str]


def bar_chart(
    groups: list[tuple[str, list[tuple[str, Decimal | None]]]],
    *,
    width: int = WIDTH,
    bar_space: int = BAR_SPACE,
) -> Chart:
    """Horizontal bars, one group per label (a period or a year), one bar per series. A narrow
    ``width`` suits small cards: the SVG scales down less, so its text stays readable."""
    values = [value for _label, bars in groups for _series, value in bars if value is not None]
    top = max(values, default=Decimal(0)) or Decimal(1)
    y = 0
    drawn: list[Group] = []
    series: list[str] = []
    for label, bars in groups:
        label_y = y + 14
        y += LABEL_HEIGHT
        group_bars = []
        for name, value in bars:
            if name not in series:
                series.append(name)
            width = int(round(bar_space * float(value) / float(top))) if value else 0
            if value and width < 2:
                width = 2
            group_bars.append(
                Bar(
                    series=name,
                    value=value,
                    x=0,
                    y=y,
                    width=width,
                    height=BAR_HEIGHT,
                    text_x=width + 6,
                    text_y=y + BAR_HEIGHT - 4,
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        drawn.append(Group(label=label, label_y=label_y, bars=group_bars))
        y += GROUP_GAP
    return Chart(width=width, height=max(y, 1), groups=drawn, series=series)
