"""The geometry of every bar chart the portal draws: horizontal bars in groups, one bar per
series, each bar followed by its value; and columns for a trend over the years, each value
written above its column.

The layout is computed here once; the drawers only paint it — the web pages' SVG
(``templates/initiatives/fragment_bar_chart.html``), the reports' SVG for the PDF and their PNG
for Word (``reports.charts``), which is the same chart scaled up. Text is measured with the
vendored DejaVu Sans: it is the font of the PDFs and the Word pictures, and wider than the fonts
the web pages use, so a label cut to fit here fits everywhere.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from PIL import ImageFont

from .pdf import FONT_DIR

ELLIPSIS = "…"
# Shares of the font size in DejaVu Sans: the height of a capital letter, which centres a value's
# text on its bar, and the room Vietnamese needs above a capital (Ể) and below the baseline (ỵ).
CAP_HEIGHT = 0.73
OVERHANG = 0.3


@dataclass(frozen=True)
class Layout:
    """The sizes of a chart, in pixels (SVG user units)."""

    width: int = 640
    # 0 puts each group's label on a line of its own above its bars; otherwise the labels fill a
    # column of this width on the left and the bars start after it.
    label_width: int = 0
    bar_height: int = 18
    bar_gap: int = 4
    group_gap: int = 12
    label_size: int = 14
    label_bold: bool = True
    value_size: int = 13
    text_gap: int = 6  # between a bar's end and its value, and between a label and the bars
    min_bar: int = 2  # a positive value never vanishes, however small next to the largest
    legend: bool = False  # a swatch and a name for each series, under the bars


@dataclass(frozen=True)
class Datum:
    """One bar as a caller describes it: its series, its value and the text written after it."""

    series: str
    value: Decimal | float | int | None
    text: str


@dataclass(frozen=True)
class Text:
    text: str
    x: int
    y: int  # the baseline
    size: int
    bold: bool = False


@dataclass(frozen=True)
class Bar:
    series: str
    index: int  # the series' place in :attr:`Chart.series`: the colour a palette gives it
    value: Decimal | float | int | None
    x: int
    y: int
    width: int  # 0 for a value that is zero or missing: no bar is drawn, only its value
    height: int
    label: Text


@dataclass(frozen=True)
class Group:
    label: Text
    bars: list[Bar]


@dataclass(frozen=True)
class Swatch:
    """A legend entry: a square in the series' colour and its name."""

    index: int
    x: int
    y: int
    size: int
    label: Text


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    series: list[str]
    groups: list[Group]
    legend: list[Swatch]
    # Where the columns of a trend stand: the y of a line drawn under them, across the chart.
    baseline: int | None = None

    def scaled(self, factor: int) -> "Chart":
        """The same chart ``factor`` times larger: a picture sharp enough to print."""

        def text(t: Text) -> Text:
            return Text(t.text, t.x * factor, t.y * factor, t.size * factor, t.bold)

        return Chart(
            width=self.width * factor,
            height=self.height * factor,
            series=self.series,
            groups=[
                Group(
                    label=text(group.label),
                    bars=[
                        Bar(
                            series=bar.series,
                            index=bar.index,
                            value=bar.value,
                            x=bar.x * factor,
                            y=bar.y * factor,
                            width=bar.width * factor,
                            height=bar.height * factor,
                            label=text(bar.label),
                        )
                        for bar in group.bars
                    ],
                )
                for group in self.groups
            ],
            legend=[
                Swatch(s.index, s.x * factor, s.y * factor, s.size * factor, text(s.label))
                for s in self.legend
            ],
            baseline=None if self.baseline is None else self.baseline * factor,
        )


@lru_cache(maxsize=16)
def font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The vendored DejaVu Sans at ``size`` pixels: every Vietnamese letter, on any machine."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def text_width(text: str, size: int, *, bold: bool = False) -> int:
    return int(font(size, bold=bold).getlength(text) + 0.999)


def fit(text: str, size: int, room: int, *, bold: bool = False) -> str:
    """``text`` as it is if it fits in ``room`` pixels, else cut at a word's end where it can be,
    with an ellipsis."""
    if text_width(text, size, bold=bold) <= room:
        return text
    kept = text
    while kept:
        kept = kept[:-1].rstrip()
        if text_width(kept + ELLIPSIS, size, bold=bold) <= room:
            break
    mid_word = text[len(kept) : len(kept) + 1] not in ("", " ")
    words = kept.rsplit(" ", 1)
    # A cut in the middle of a word reads worse than one a word earlier, unless that loses most
    # of the label.
    if mid_word and len(words) == 2 and len(words[0]) >= len(kept) * 2 // 3:
        kept = words[0]
    return kept.rstrip(" ,;:–-") + ELLIPSIS


def bar_chart(groups: Sequence[tuple[str, Sequence[Datum]]], *, layout: Layout) -> Chart:
    """Where each label, bar and value of ``groups`` goes: one group per label (a period, a year,
    a province), one bar per datum. Every bar scales to the largest value, whose bar ends where
    the widest value text still fits; a zero or missing value draws no bar."""
    data = [datum for _label, row in groups for datum in row]
    series: list[str] = list(dict.fromkeys(datum.series for datum in data))
    left = layout.label_width
    room = layout.width - left
    # Room for the widest value after the bars, but never more than half of it: a very long
    # value is cut rather than squeezing every bar to nothing.
    widest = max((text_width(d.text, layout.value_size) for d in data), default=0)
    value_room = min(widest + layout.text_gap + 2, room // 2)
    span = room - value_room
    largest = max((float(d.value) for d in data if d.value is not None and d.value > 0), default=0.0)

    def length(value: Decimal | float | int | None) -> int:
        if value is None or value <= 0 or not largest:
            return 0
        return max(layout.min_bar, round(span * float(value) / largest))

    label_room = (left - layout.text_gap) if left else layout.width
    text_offset = round((layout.bar_height + CAP_HEIGHT * layout.value_size) / 2)
    drawn: list[Group] = []
    y = round(OVERHANG * layout.label_size)
    for label, row in groups:
        if not left:
            # The label on a line of its own, the bars below it.
            label_y = y + layout.label_size
            y += layout.label_size + layout.text_gap
        else:
            # The label level with the first bar's value.
            label_y = y + round((layout.bar_height + CAP_HEIGHT * layout.label_size) / 2)
        bars = []
        for datum in row:
            width = length(datum.value)
            text_x = left + width + layout.text_gap
            value_text = fit(datum.text, layout.value_size, layout.width - text_x)
            bars.append(
                Bar(
                    series=datum.series,
                    index=series.index(datum.series),
                    value=datum.value,
                    x=left,
                    y=y,
                    width=width,
                    height=layout.bar_height,
                    label=Text(value_text, text_x, y + text_offset, layout.value_size),
                )
            )
            y += layout.bar_height + layout.bar_gap
        text = fit(label, layout.label_size, label_room, bold=layout.label_bold)
        drawn.append(Group(label=Text(text, 0, label_y, layout.label_size, layout.label_bold), bars=bars))
        y += layout.group_gap
    height = max(y - layout.bar_gap - layout.group_gap, 1)
    legend = _legend(series, layout, top=height + 2 * layout.group_gap) if layout.legend else []
    if legend:
        height = max(swatch.label.y for swatch in legend) + round(OVERHANG * layout.value_size)
    return Chart(width=layout.width, height=height, series=series, groups=drawn, legend=legend)


@dataclass(frozen=True)
class ColumnLayout:
    """The sizes of a column chart, in pixels (SVG user units): a trend, one column per year."""

    width: int = 300
    plot_height: int = 120  # the tallest column
    column_width: int = 40  # at most; narrower when many columns share the width
    label_size: int = 12
    value_size: int = 12
    text_gap: int = 4  # between a column and its value above, and its label below
    min_bar: int = 2


def column_chart(columns: Sequence[tuple[str, Datum]], *, layout: ColumnLayout) -> Chart:
    """Where each column of a trend goes, left to right in the order given: its label (a year)
    under it, its value written above it. Columns scale to the largest value; a zero or missing
    value draws no column but still says so. Texts are centred on their column and cut to the
    room each column has, so neighbours never overlap."""
    count = max(len(columns), 1)
    slot = layout.width // count
    bar_width = min(layout.column_width, max(slot * 2 // 3, layout.min_bar))
    largest = max(
        (float(d.value) for _label, d in columns if d.value is not None and d.value > 0), default=0.0
    )
    value_top = round(OVERHANG * layout.value_size) + layout.value_size
    base = value_top + layout.text_gap + layout.plot_height
    series: list[str] = list(dict.fromkeys(d.series for _label, d in columns))
    room = slot - layout.text_gap

    def centred(text: str, size: int, middle: int, y: int, *, bold: bool = False) -> Text:
        text = fit(text, size, room, bold=bold)
        return Text(text, middle - text_width(text, size, bold=bold) // 2, y, size, bold)

    groups = []
    for place, (label, datum) in enumerate(columns):
        middle = place * slot + slot // 2
        height = 0
        if datum.value is not None and datum.value > 0 and largest:
            height = max(layout.min_bar, round(layout.plot_height * float(datum.value) / largest))
        top = base - height
        bar = Bar(
            series=datum.series,
            index=series.index(datum.series),
            value=datum.value,
            x=middle - bar_width // 2,
            y=top,
            width=bar_width if height else 0,
            height=height,
            label=centred(datum.text, layout.value_size, middle, top - layout.text_gap),
        )
        label_y = base + layout.text_gap + layout.label_size
        groups.append(Group(label=centred(label, layout.label_size, middle, label_y, bold=True), bars=[bar]))
    height = base + layout.text_gap + layout.label_size + round(OVERHANG * layout.label_size)
    return Chart(width=layout.width, height=height, series=series, groups=groups, legend=[], baseline=base)


def paint(
    chart: Chart, *, rect: Callable[[int, int, int, int, int], None], text: Callable[[Text], None]
) -> None:
    """Hands every shape of ``chart`` to a drawer: ``rect(x, y, width, height, series index)``
    for each bar and legend swatch, ``text(Text)`` for each label and value."""
    for group in chart.groups:
        text(group.label)
        for bar in group.bars:
            if bar.width:
                rect(bar.x, bar.y, bar.width, bar.height, bar.index)
            text(bar.label)
    for swatch in chart.legend:
        rect(swatch.x, swatch.y, swatch.size, swatch.size, swatch.index)
        text(swatch.label)


def _legend(series: list[str], layout: Layout, *, top: int) -> list[Swatch]:
    """A swatch and a name for each series, from the left of the bars, each after the one before,
    on a new line when the next would not fit."""
    size = layout.value_size
    left = layout.label_width
    x, y = left, top
    swatches = []
    for index, name in enumerate(series):
        text = fit(name, size, layout.width - left - size - layout.text_gap)
        needed = size + layout.text_gap + text_width(text, size)
        if x > left and x + needed > layout.width:
            x, y = left, y + size + layout.bar_gap * 2
        swatches.append(
            Swatch(index, x, y, size, Text(text, x + size + layout.text_gap, y + round(size * 0.9), size))
        )
        x += needed + size * 2
    return swatches
