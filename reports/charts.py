"""Bar charts for reports, drawn without any browser or plotting library.

SVG goes into the PDF (WeasyPrint draws it as vectors); PNG, drawn with Pillow and the vendored
font, goes into Word, which does not take SVG.
"""

import io
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.formats import number_format
from PIL import Image, ImageDraw, ImageFont

from core.pdf import FONT_DIR

from .documents import Table

PALETTE = ["#1f6f5c", "#c07a00", "#2b5f9e", "#b5473a"]
MAX_BARS = 12


@dataclass
class Bar:
    label: str
    values: list[float]


def chart_bars(table: Table, rows: list[list]) -> list[Bar]:
    """The bars a table asks for, from rows already read into memory."""
    if table.chart_label_column is None or not table.chart_value_columns:
        return []
    bars = []
    for row in rows[:MAX_BARS]:
        values = []
        for index in table.chart_value_columns:
            value = row[index]
            values.append(float(value) if isinstance(value, int | float | Decimal) else 0.0)
        bars.append(Bar(label=str(row[table.chart_label_column]), values=values))
    return bars if any(v > 0 for bar in bars for v in bar.values) else []


def _fmt(value: float) -> str:
    return number_format(round(value, 2), decimal_pos=0 if value == int(value) else 1, force_grouping=True)


def bar_chart_svg(bars: list[Bar], series: list[str], *, width: int = 640) -> str:
    label_width, row_height, gap = 220, 22, 10
    plot_width = width - label_width - 80
    peak = max(max(bar.values) for bar in bars) or 1
    group_height = row_height * len(series) + gap
    height = group_height * len(bars) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">'
    ]
    for i, bar in enumerate(bars):
        top = i * group_height
        label = escape(bar.label if len(bar.label) <= 28 else bar.label[:27] + "…")  # fits the label column
        parts.append(f'<text x="0" y="{top + row_height - 6}" font-size="12" fill="#1d2327">{label}</text>')
        for j, value in enumerate(bar.values):
            y = top + j * row_height
            length = max(1, int(plot_width * value / peak)) if value else 0
            colour = PALETTE[j % len(PALETTE)]
            parts.append(
                f'<rect x="{label_width}" y="{y + 3}" width="{length}" height="{row_height - 6}" fill="{colour}"/>'
            )
            parts.append(
                f'<text x="{label_width + length + 6}" y="{y + row_height - 7}" font-size="11" fill="#1d2327">{escape(_fmt(value))}</text>'
            )
    legend_y = height - 8
    for j, name in enumerate(series):
        x = label_width + j * 160
        parts.append(
            f'<rect x="{x}" y="{legend_y - 10}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>'
        )
        parts.append(f'<text x="{x + 14}" y="{legend_y}" font-size="11" fill="#1d2327">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart_png(bars: list[Bar], series: list[str], *, width: int = 1280) -> bytes:
    scale = 2
    label_width, row_height, gap = 440, 44, 20
    plot_width = width - label_width - 160
    peak = max(max(bar.values) for bar in bars) or 1
    group_height = row_height * len(series) + gap
    height = group_height * len(bars) + 60
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 12 * scale)
    small = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 11 * scale)
    for i, bar in enumerate(bars):
        top = i * group_height
        label = bar.label if len(bar.label) <= 34 else bar.label[:33] + "…"
        draw.text((0, top + 8), label, fill="#1d2327", font=font)
        for j, value in enumerate(bar.values):
            y = top + j * row_height
            length = max(2, int(plot_width * value / peak)) if value else 0
            if length:
                draw.rectangle(
                    [label_width, y + 6, label_width + length, y + row_height - 6],
                    fill=PALETTE[j % len(PALETTE)],
                )
            draw.text((label_width + length + 12, y + 10), _fmt(value), fill="#1d2327", font=small)
    for j, name in enumerate(series):
        x = label_width + j * 320
        draw.rectangle([x, height - 36, x + 20, height - 16], fill=PALETTE[j % len(PALETTE)])
        draw.text((x + 28, height - 40), name, fill="#1d2327", font=small)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
