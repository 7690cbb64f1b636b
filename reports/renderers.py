"""Turn a :class:`~reports.documents.Document` into a file on disk, one function per format.

Each writes to the path it is given; the caller moves the finished file into place, so a crash
halfway never leaves a half-written report behind.
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import islice
from pathlib import Path

import xlsxwriter
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt

from core.pdf import render_pdf

from .charts import bar_chart_png, bar_chart_svg, chart_bars
from .documents import Cell, Document, Section, Table

ProgressCallback = Callable[[str], None]


def _display(value: Cell) -> str:
    """A cell as a reader sees it, in the active language's formats."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int | float | Decimal):
        decimals = 0 if float(value) == int(value) else 1
        return number_format(value, decimal_pos=decimals, force_grouping=True)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


@dataclass
class Printed:
    """A table as PDF and Word print it: the rows they show, its chart and the note under it."""

    table: Table
    rows: list[list[Cell]]
    bars: list
    series: list[str]
    note: str


def _printed(document: Document) -> list[tuple[Section, list[Printed]]]:
    """Narrative formats need each table twice (rows and chart): read the rows they print once.
    A complete list kept for the spreadsheets (``print_rows`` 0) is not read at all."""
    sections = []
    for section in document.sections:
        tables = []
        for table in section.tables:
            rows = [list(row) for row in islice(table.rows, table.print_rows + 1)] if table.print_rows else []
            shortened = len(rows) > table.print_rows
            rows = rows[: table.print_rows]
            note = table.note
            if shortened and not note:
                note = _(
                    "Only the first %(count)s rows are printed here; the Excel and CSV versions of this "
                    "report have every row."
                ) % {"count": number_format(table.print_rows)}
            series = [table.columns[i] for i in table.chart_value_columns]
            tables.append(Printed(table, rows, chart_bars(table, rows), series, note))
        sections.append((section, tables))
    return sections


def write_pdf(document: Document, path: Path) -> None:
    sections = []
    for section, tables in _printed(document):
        rendered = []
        for printed in tables:
            table, rows = printed.table, printed.rows
            numeric = [
                any(isinstance(row[i], int | float | Decimal) for row in rows)
                for i in range(len(table.columns))
            ]
            rendered.append(
                {
                    "table": table,
                    "header": list(zip(table.columns, numeric, strict=True)),
                    "rows": [[(_display(cell), numeric[i]) for i, cell in enumerate(row)] for row in rows],
                    "chart": bar_chart_svg(printed.bars, printed.series) if printed.bars else "",
                    "note": printed.note,
                }
            )
        sections.append({"section": section, "tables": rendered})
    # Wide tables (the indicator exports) read better across the page than wrapped in narrow cells.
    landscape = any(len(table.columns) > 10 for table in document.tables)
    pdf = render_pdf(
        "reports/document_pdf.html", {"document": document, "sections": sections, "landscape": landscape}
    )
    path.write_bytes(pdf)


def write_docx(document: Document, path: Path) -> None:
    word = WordDocument()
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    for section_properties in word.sections:
        section_properties.left_margin = section_properties.right_margin = Cm(2)
    word.core_properties.title = document.title
    word.core_properties.language = document.language
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.subtitle, style="Subtitle")
    for section, tables in _printed(document):
        word.add_heading(section.title, level=1)
        for paragraph in section.paragraphs:
            word.add_paragraph(paragraph)
        for printed in tables:
            table, rows = printed.table, printed.rows
            if len(section.tables) > 1 or table.name != section.title:
                word.add_heading(table.name, level=2)
            if rows:
                grid = word.add_table(rows=1, cols=len(table.columns), style="Light Grid Accent 1")
                grid.alignment = WD_TABLE_ALIGNMENT.CENTER
                for cell, heading in zip(grid.rows[0].cells, table.columns, strict=True):
                    cell.text = heading
                for row in rows:
                    cells = grid.add_row().cells
                    for cell, value in zip(cells, row, strict=True):
                        cell.text = _display(value)
                if printed.bars:
                    word.add_picture(io.BytesIO(bar_chart_png(printed.bars, printed.series)), width=Cm(16))
            if printed.note:
                word.add_paragraph(printed.note, style="Quote")
    word.save(str(path))


def write_xlsx(document: Document, path: Path, progress: ProgressCallback | None = None) -> None:
    # constant_memory flushes each row to disk as it is written: memory stays flat for big exports.
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_urls": False})
    bold = workbook.add_format({"bold": True, "bg_color": "#E8F4EF", "text_wrap": True, "valign": "top"})
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    number = workbook.add_format({"num_format": "#,##0.##"})
    used_names: set[str] = set()
    summary = workbook.add_worksheet(_sheet_name(document.title, used_names))
    summary.write(0, 0, document.title, workbook.add_format({"bold": True, "font_size": 14}))
    summary.write(1, 0, document.subtitle)
    line = 3
    for section in document.sections:
        summary.write(line, 0, section.title, workbook.add_format({"bold": True}))
        line += 1
        for paragraph in section.paragraphs:
            summary.write(line, 0, paragraph)
            line += 1
        line += 1
    summary.set_column(0, 0, 100)
    for table in document.tables:
        sheet = workbook.add_worksheet(_sheet_name(table.name, used_names))
        sheet.write_row(0, 0, table.columns, bold)
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, max(1, len(table.columns) - 1), 16)
        count = 0
        for count, row in enumerate(table.rows, start=1):
            for column, value in enumerate(row):
                if isinstance(value, date):
                    sheet.write_datetime(count, column, value, date_format)
                elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                    sheet.write_number(count, column, float(value), number)
                elif value is None:
                    continue
                else:
                    sheet.write_string(count, column, str(value))
            if progress and count % 50_000 == 0:
                progress(table.name)
        if table.chart_value_columns and table.chart_label_column is not None and 0 < count <= 50:
            chart = workbook.add_chart({"type": "bar"})
            for value_column in table.chart_value_columns:
                chart.add_series(
                    {
                        "name": [sheet.name, 0, value_column],
                        "categories": [
                            sheet.name,
                            1,
                            table.chart_label_column,
                            count,
                            table.chart_label_column,
                        ],
                        "values": [sheet.name, 1, value_column, count, value_column],
                    }
                )
            chart.set_title({"name": table.name})
            sheet.insert_chart(1, len(table.columns) + 1, chart)
    workbook.close()


def _sheet_name(name: str, used: set[str]) -> str:
    clean = "".join("-" if char in "[]:*?/\\" else char for char in name)[:31] or "Sheet"
    candidate, suffix = clean, 2
    while candidate.lower() in used:
        candidate = f"{clean[:28]} {suffix}"
        suffix += 1
    used.add(candidate.lower())
    return candidate


def write_csv(document: Document, path: Path, progress: ProgressCallback | None = None) -> None:
    """UTF-8 with a BOM so Excel opens Vietnamese correctly. A report with several tables
    writes them one after another, each under its name."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        tables = document.tables
        for index, table in enumerate(tables):
            if len(tables) > 1:
                if index:
                    writer.writerow([])
                writer.writerow([table.name])
            writer.writerow(table.columns)
            for count, row in enumerate(table.rows, start=1):
                writer.writerow(["" if cell is None else _csv_cell(cell) for cell in row])
                if progress and count % 50_000 == 0:
                    progress(table.name)


def _csv_cell(value: Cell) -> str:
    # Machine-readable: plain numbers and ISO dates, whatever the report's language.
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


WRITERS = {"pdf": write_pdf, "docx": write_docx, "xlsx": write_xlsx, "csv": write_csv}


def write(document: Document, fmt: str, path: Path, progress: ProgressCallback | None = None) -> None:
    with translation.override(document.language):
        if fmt in ("xlsx", "csv"):
            WRITERS[fmt](document, path, progress)
        else:
            WRITERS[fmt](document, path)
