"""A report as data: sections of paragraphs, tables and charts, before it becomes a file.

Content code (``reports.content``) builds a :class:`Document`; renderers turn the same document
into PDF, Word, Excel or CSV, so every format says the same thing.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

Cell = str | int | float | Decimal | date | None

# PDF and Word print at most this many rows of a table unless the table says otherwise: a
# document people read, and WeasyPrint's time and memory grow with every row. Excel and CSV
# always carry every row.
PRINT_ROWS = 300


@dataclass
class Table:
    """Rows may be a generator: large exports stream through the Excel and CSV writers.

    PDF and Word print the first ``print_rows`` rows (none when 0: a complete list kept for the
    spreadsheets) and then ``note``, which says where the rest is; without a note, a table they
    shorten gets a standard one.
    """

    name: str
    columns: list[str]
    rows: Iterable[list[Cell]]
    # Column indexes holding numbers that a chart may draw, with the column that labels them.
    chart_label_column: int | None = None
    chart_value_columns: list[int] = field(default_factory=list)
    print_rows: int = PRINT_ROWS
    note: str = ""


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class Document:
    title: str
    subtitle: str
    language: str
    sections: list[Section] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]
