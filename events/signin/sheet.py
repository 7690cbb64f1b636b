"""Reading an uploaded sign-in sheet (an Excel workbook or a CSV file) into rows of text, one
per person, under the row of headings wherever the sheet puts it."""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from core import uploads

from ..models import Participation
from .columns import FIELDS, cell_text, coded, heading_field, unremarkable

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# An XLSX is a zip file: a small upload may unpack to gigabytes, so the unpacked size is bounded too.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 1000
# Sheets often start with a title, the event's name and date before the table's headings.
HEADER_SEARCH_ROWS = 20

NOT_A_SHEET = _("This is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file.")


@dataclass
class ParsedSheet:
    rows: list[dict]
    ignored_columns: list[str]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return cell_text(str(value))


def _phone_text(value: object) -> str:
    # Excel stores 0912 345 678 typed as a number as 912345678: the leading zero of a Vietnamese
    # mobile or Hà Nội/HCMC landline number is put back.
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value))
        if len(digits) in (9, 10) and not digits.startswith(("0", "84")):
            return "0" + digits
        return digits
    return _text(value)


def _xlsx_rows(data: bytes) -> Iterator[tuple]:
    from openpyxl import load_workbook

    # A workbook by its content, without macros and not a zip bomb, before openpyxl opens it.
    if uploads.document_kind(data, kinds=[uploads.XLSX]) is None:
        raise ValidationError(NOT_A_SHEET, code="not_a_sheet")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(_("The workbook is too large to read; keep only the list of people in it."))
    # openpyxl raises many kinds of error on a damaged workbook; all of them mean the same to the user.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(values_only=True)
        workbook.close()
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(
            _("The workbook could not be read; open it in Excel and save it again as .xlsx."),
            code="unreadable",
        ) from None


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    if b"\x00" in data[:4096]:
        raise ValidationError(NOT_A_SHEET, code="not_a_sheet")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Save the CSV file as UTF-8 (in Excel: “CSV UTF-8”) so Vietnamese letters are kept."),
            code="encoding",
        ) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Excel writes semicolons where the comma is the decimal separator, as it is in Vietnamese.
    delimiter = max([";", ",", "\t"], key=first_line.count)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _table(data: bytes, name: str) -> Iterator[Iterable]:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            _("Old Excel files (.xls) cannot be read; save the sheet as .xlsx or as CSV UTF-8."), code="xls"
        )
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(data)
    if extension not in ("csv", "txt") or data.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise ValidationError(NOT_A_SHEET, code="not_a_sheet")
    return _csv_rows(data)


def _columns(cells: Iterable) -> tuple[dict[int, str], list[str]] | None:
    """The fields of a row of headings by column, and the headings not imported; None when the
    row is not the headings (it names no full-name column)."""
    cells = list(cells)
    found = {i: name for i, cell in enumerate(cells) if (name := heading_field(cell)) is not None}
    if "full_name" not in found.values():
        return None
    columns: dict[int, str] = {}
    for i, name in found.items():
        # A second "Tên" or "Email" column is ignored rather than overwriting the first.
        if name not in columns.values():
            columns[i] = name
    ignored = [
        _text(cell)
        for i, cell in enumerate(cells)
        if i not in columns and _text(cell) and not unremarkable(cell)
    ]
    return columns, ignored


def parse_sheet(upload: UploadedFile, *, default_mode: str = Participation.Mode.IN_PERSON) -> ParsedSheet:
    """Read an uploaded sign-in sheet into rows of text, one dict per person.

    Gender, role and attendance are turned into their codes where the text is recognised and left
    as written otherwise, for the preview to point out. Raises ``ValidationError`` with a message
    for the coordinator when the file cannot be used at all.
    """
    data = uploads.read_within(
        upload,
        MAX_UPLOAD_BYTES,
        declared_too_large=_("The file is %(size)s; sign-in sheets may be at most %(limit)s."),
        too_large=_("Sign-in sheets may be at most %(limit)s."),
    )
    if not data.strip():
        raise ValidationError(_("The file is empty."), code="empty")

    table = iter(_table(data, getattr(upload, "name", "") or ""))
    headings = None
    header_line = 0
    for position, cells in zip(range(HEADER_SEARCH_ROWS), table, strict=False):
        headings = _columns(cells)
        if headings is not None:
            header_line = position + 1
            break
    if headings is None:
        raise ValidationError(
            _(
                "No column with the full name was found. The table needs a row of headings such as "
                "“Họ và tên”, “Giới tính”, “Tổ chức”, “Chức vụ”, “Email”, “Điện thoại” "
                "(or “Full name”, “Gender”, “Organisation”, “Position”, “Email”, “Phone”)."
            ),
            code="no_header",
        )
    columns, ignored = headings

    rows: list[dict] = []
    for line, cells in enumerate(table, start=header_line + 1):
        cells = list(cells)
        values = {name: "" for name in FIELDS}
        for i, name in columns.items():
            if i < len(cells):
                values[name] = _phone_text(cells[i]) if name == "phone" else _text(cells[i])
        if not any(values.values()):
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                _("The sheet has more than %(limit)s people; split it into several files.")
                % {"limit": MAX_ROWS},
                code="too_many_rows",
            )
        rows.append({"line": line, **coded(values, default_mode=default_mode), "action": ""})
    if not rows:
        raise ValidationError(_("The sheet has headings but no people under them."), code="no_rows")
    return ParsedSheet(rows=rows, ignored_columns=ignored)
