"""Read built report files back the way a person's software would."""

import csv
import io
from pathlib import Path

from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader


def pdf_text(path: Path | str) -> str:
    """The PDF's text with line breaks and runs of spaces folded, as a reader would quote it."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def docx_headings_and_text(path: Path) -> tuple[list[str], str]:
    word = WordDocument(str(path))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return headings, "\n".join([p.text for p in word.paragraphs] + cells)


def xlsx_sheets(path: Path) -> dict[str, list[tuple]]:
    workbook = load_workbook(str(path), read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def csv_rows(path: Path | str) -> list[list[str]]:
    raw = Path(path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
