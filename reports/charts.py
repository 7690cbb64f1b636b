"""Bar charts for reports, drawn without any browser or plotting library from the geometry of
:mod:`core.charts`.

SVG goes into the PDF (WeasyPrint draws it as vectors); PNG, drawn with Pillow and the vendored
font, goes into Word, which does not take SVG: the same chart, twice as large.
"""

import io
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.utils.formats import number_format
from PIL import Image, ImageDraw

from core.charts import Chart, Datum, Layout, Text, bar_chart, font, paint

from .documents import Table

PALETTE = ["#1f6f5c", "#c07a00", "#2b5f9e", "#b5473a"]
INK = "#1d2327"
MAX_BARS = 12
# Labels in a column on the left, the series named in a legend under the bars.
LAYOUT = Layout(
    width=640,
    label_width=220,
    bar_height=16,
    bar_gap=6,
    group_gap=10,
    label_size=12,
    label_bold=False,
    value_size=11,
    legend=True,
)
# Word shrinks the picture to the page's width: twice the pixels keep it sharp in print.
PNG_SCALE = 2


@dataclass
class ChartRow:
    """A row of a table as its chart draws it: the label and one value per series."""

    label: str
    values: list[float]


def chart_bars(table: Table, rows: list[list]) -> list[ChartRow]:
    """The bars a table asks for, from rows already read into memory."""
    if table.chart_label_column is None or not table.chart_value_columns:
        return []
    bars = []
    for row in rows[:MAX_BARS]:
        values = []
        for index in table.chart_value_columns:
            value = row[index]
            values.append(float(value) if isinstance(value, int | float | Decimal) else 0.0)
        bars.append(ChartRow(label=str(row[table.chart_label_column]), values=values))
    return bars if any(v > 0 for bar in bars for v in bar.values) else []


def _fmt(value: float) -> str:
    return number_format(round(value, 2), decimal_pos=0 if value == int(value) else 1, force_grouping=True)


def _chart(bars: list[ChartRow], series: list[str]) -> Chart:
    groups = [
        (bar.label, [Datum(name, value, _fmt(value)) for name, value in zip(series, bar.values, strict=True)])
        for bar in bars
    ]
    return bar_chart(groups, layout=LAYOUT)


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def bar_chart_svg(bars: list[ChartRow], series: list[str]) -> str:
    chart = _chart(bars, series)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{chart.width}" height="{chart.height}" '
        f'viewBox="0 0 {chart.width} {chart.height}" role="img" aria-label={quoteattr(", ".join(series))}>'
    ]

    def text(item: Text) -> None:
        weight = ' font-weight="bold"' if item.bold else ""
        parts.append(
            f'<text x="{item.x}" y="{item.y}" font-size="{item.size}"{weight} fill="{INK}">{escape(item.text)}</text>'
        )

    def rect(x: int, y: int, width: int, height: int, index: int) -> None:
        parts.append(f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{_colour(index)}"/>')

    paint(chart, rect=rect, text=text)
    parts.append("</svg>")
    return "".join(parts)


def bar_chart_png(bars: list[ChartRow], series: list[str]) -> bytes:
    chart = _chart(bars, series).scaled(PNG_SCALE)
    image = Image.new("RGB", (chart.width, chart.height), "white")
    draw = ImageDraw.Draw(image)

    def text(item: Text) -> None:
        # Anchored at the left end of the baseline, where SVG places text.
        draw.text((item.x, item.y), item.text, fill=INK, font=font(item.size, bold=item.bold), anchor="ls")

    def rect(x: int, y: int, width: int, height: int, index: int) -> None:
        draw.rectangle([x, y, x + width - 1, y + height - 1], fill=_colour(index))

    paint(chart, rect=rect, text=text)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
