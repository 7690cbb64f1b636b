"""Reading an import sheet: its cells as text, the widgets that turn a cell into a value (and a
value back into a cell for the templates), and the two formats, read by their content."""

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.formats import base_formats
from import_export.widgets import ManyToManyWidget, Widget

from .. import uploads
from ..search import fold

LANGUAGES = ("vi", "en")
# A list in one cell: "Hà Nội; Đà Nẵng". Commas are not separators: names contain them.
LIST_SEPARATOR = re.compile(r"[;\n]")


# --- cells ------------------------------------------------------------------------------------


def cell_text(value: object, *, multiline: bool = False) -> str:
    """A cell as text, its letters composed the one way Vietnamese is stored, without stray
    spaces: a number Excel keeps as 12.0 reads 12, a date reads 31/12/2024."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    text = unicodedata.normalize("NFC", str(value))
    if multiline:
        return "\n".join(" ".join(line.split()) for line in text.strip().splitlines()).strip()
    return " ".join(text.split())


def is_blank(value: object) -> bool:
    return cell_text(value) == ""


def heading_key(value: object) -> str:
    """A heading or a listed word as compared: no tone marks, đ as d, no punctuation, any case,
    so "Tên tổ chức (tiếng Việt)" and "ten to chuc - tieng viet" are one heading."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(cell_text(value)) or "").split())


def sheet_language(language: str | None = None) -> str:
    return "en" if (language or translation.get_language() or "vi").startswith("en") else "vi"


# --- columns and their widgets ----------------------------------------------------------------


class TextWidget(Widget):
    def __init__(self, *, multiline: bool = False):
        super().__init__()
        self.multiline = multiline

    def clean(self, value, row=None, **kwargs) -> str:
        return cell_text(value, multiline=self.multiline)

    def render(self, value, obj=None, **kwargs) -> str:
        return value or ""


class ListTextWidget(TextWidget):
    """Several values in one cell, separated by ";" or on lines of their own; stored one a line."""

    def clean(self, value, row=None, **kwargs) -> str:
        return "\n".join(
            item for item in (cell_text(part) for part in LIST_SEPARATOR.split(str(value or ""))) if item
        )

    def render(self, value, obj=None, **kwargs) -> str:
        return "; ".join(line.strip() for line in (value or "").splitlines() if line.strip())


class PhoneWidget(TextWidget):
    def clean(self, value, row=None, **kwargs) -> str:
        # Excel keeps 0912 345 678 typed as a number as 912345678: the leading zero of a
        # Vietnamese mobile or Hà Nội/HCMC landline number is put back.
        if isinstance(value, int | float) and not isinstance(value, bool):
            digits = str(int(value))
            return "0" + digits if len(digits) in (9, 10) and not digits.startswith(("0", "84")) else digits
        return cell_text(value)


class ChoiceWidget(Widget):
    """One of a field's choices, by its code or its label in Vietnamese or English."""

    def __init__(self, choices: Iterable[tuple[str, Any]] | type):
        super().__init__()
        self.choices = list(getattr(choices, "choices", choices))
        self._keys: dict[str, str] | None = None

    def keys(self) -> dict[str, str]:
        if self._keys is None:
            keys = {heading_key(value): value for value, _label in self.choices}
            for language in LANGUAGES:
                with translation.override(language):
                    for value, label in self.choices:
                        keys.setdefault(heading_key(str(label)), value)
            self._keys = keys
        return self._keys

    def labels(self) -> list[str]:
        return [str(label) for _value, label in self.choices]

    def clean(self, value, row=None, **kwargs) -> str:
        text = cell_text(value)
        if not text:
            return ""
        found = self.keys().get(heading_key(text))
        if found is None:
            raise ValueError(
                _("“%(value)s” is not one of the choices: %(choices)s.")
                % {"value": text, "choices": "; ".join(self.labels())}
            )
        return found

    def render(self, value, obj=None, **kwargs) -> str:
        return str(dict(self.choices).get(value, value or ""))


YES = {"co", "x", "yes", "y", "true", "1", "dung"}
NO = {"khong", "no", "n", "false", "0", "sai"}


class YesNoWidget(Widget):
    def clean(self, value, row=None, **kwargs) -> bool | None:
        if isinstance(value, bool):
            return value
        key = heading_key(value)
        if not key:
            return None
        if key in YES:
            return True
        if key in NO:
            return False
        raise ValueError(
            _("“%(value)s” is neither yes nor no: write Có or Không.") % {"value": cell_text(value)}
        )

    def render(self, value, obj=None, **kwargs) -> str:
        # Like the headings, the words of the file: the same whatever the catalogue says.
        yes, no = ("Yes", "No") if sheet_language() == "en" else ("Có", "Không")
        return yes if value else no


DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")


class DateWidget(Widget):
    def clean(self, value, row=None, **kwargs) -> date | None:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = cell_text(value)
        if not text:
            return None
        for pattern in DATE_FORMATS:
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(_("“%(value)s” is not a date: write it as 31/12/2024.") % {"value": text})

    def render(self, value, obj=None, **kwargs) -> str:
        return f"{value:%d/%m/%Y}" if value else ""


def parse_amount(text: str) -> Decimal:
    """A figure as people in Vietnam write it: "35.000" (the dot groups thousands), "12,5" (the
    comma is the decimal mark), or as English writes it, "35,000.50". Figures have at most two
    decimals, so a single mark followed by three digits groups thousands."""
    text = text.replace(" ", "").replace("\u00a0", "")
    if "." in text and "," in text:
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        text = text.replace("," if decimal_mark == "." else ".", "").replace(decimal_mark, ".")
    else:
        for mark in ".,":
            parts = text.split(mark)
            if len(parts) > 2 or (len(parts) == 2 and len(parts[1]) == 3):
                text = "".join(parts)
            elif len(parts) == 2:
                text = ".".join(parts)
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise InvalidOperation(text)
    return Decimal(text)


class DecimalWidget(Widget):
    def clean(self, value, row=None, **kwargs) -> Decimal | None:
        if isinstance(value, bool):
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value})
        if isinstance(value, int | float | Decimal):
            return Decimal(str(value))
        text = cell_text(value)
        if not text:
            return None
        try:
            return parse_amount(text)
        except InvalidOperation:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": text}) from None

    def render(self, value, obj=None, **kwargs) -> Decimal | int | str:
        if value is None:
            return ""
        return int(value) if value == value.to_integral_value() else value.normalize()


class IntegerWidget(Widget):
    def clean(self, value, row=None, **kwargs) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        text = cell_text(value)
        if not text:
            return None
        if not re.fullmatch(r"\d+", text):
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": text})
        return int(text)

    def render(self, value, obj=None, **kwargs) -> int | str:
        return "" if value is None else value


class LookupWidget(Widget):
    """A row of another table named by any of ``keys`` (a code, a name in either language),
    compared folded, after leaving out ``prefixes`` ("Tỉnh", "Thành phố"). The rows are read once
    per import."""

    def __init__(
        self,
        queryset: Callable[[], QuerySet],
        *,
        keys: Sequence[str],
        label: str = "name",
        prefixes: Sequence[str] = (),
    ):
        super().__init__()
        self.queryset = queryset
        self.keys = tuple(keys)
        self.label = label
        self.prefixes = tuple(prefixes)
        self._index: dict[str, Model] | None = None

    def key(self, value: object) -> str:
        key = heading_key(value)
        for prefix in self.prefixes:
            if key.startswith(prefix + " "):
                return key[len(prefix) + 1 :]
        return key

    def index(self) -> dict[str, Model]:
        if self._index is None:
            self._index = {}
            for obj in self.queryset():
                for name in self.keys:
                    key = self.key(getattr(obj, name, "") or "")
                    if key:
                        self._index.setdefault(key, obj)
        return self._index

    def find(self, text: str) -> Model | None:
        return self.index().get(self.key(text))

    def not_found(self, text: str) -> ValueError:
        model = self.queryset().model
        return ValueError(
            _("“%(value)s” is not among the %(things)s of the portal.")
            % {"value": text, "things": model._meta.verbose_name_plural}
        )

    def clean(self, value, row=None, **kwargs) -> Model | None:
        text = cell_text(value)
        if not text:
            return None
        found = self.find(text)
        if found is None:
            raise self.not_found(text)
        return found

    def render(self, value, obj=None, **kwargs) -> str:
        return str(getattr(value, self.label, "") or "") if value is not None else ""


class LookupListWidget(ManyToManyWidget):
    """Several rows of another table in one cell, separated by ";", each named as
    :class:`LookupWidget` reads it. django-import-export saves them as a many-to-many field."""

    def __init__(self, lookup: LookupWidget, model: type[Model]):
        super().__init__(model=model, separator="; ")
        self.lookup = lookup

    def clean(self, value, row=None, **kwargs) -> list[Model]:
        found = []
        for part in LIST_SEPARATOR.split(str(value or "")):
            text = cell_text(part)
            if text:
                obj = self.lookup.clean(text)
                if obj not in found:
                    found.append(obj)
        return found

    def render(self, value, obj=None, **kwargs) -> str:
        if value is None:
            return ""
        return "; ".join(self.lookup.render(item) for item in value.all())


# --- reading the file -------------------------------------------------------------------------


def _dataset(rows: Iterable[Sequence]) -> Any:
    """The table under its first row of headings, every row as wide as the headings reach;
    rows after the last one with anything in it are left out."""
    import tablib

    rows = iter(rows)
    headings = list(next(rows, []))
    while headings and is_blank(headings[-1]):
        headings.pop()
    width = len(headings)
    body = [list(row)[:width] + [None] * (width - len(row)) for row in rows]
    while body and all(is_blank(cell) for cell in body[-1]):
        body.pop()
    return tablib.Dataset(*body, headers=[cell_text(heading) for heading in headings])


class CSVFormat(base_formats.CSV):
    """CSV in UTF-8, separated by commas, or by semicolons as Excel writes it where the comma is
    the decimal mark, as it is in Vietnam."""

    def create_dataset(self, in_stream: bytes | str) -> Any:
        text = in_stream.decode("utf-8-sig") if isinstance(in_stream, bytes) else in_stream.lstrip("\ufeff")
        first_line = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = max([",", ";", "\t"], key=first_line.count)
        return _dataset(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


class XLSXFormat(base_formats.XLSX):
    """The first sheet of an Excel workbook, where the templates put the table."""

    def create_dataset(self, in_stream: bytes) -> Any:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        try:
            return _dataset(workbook.worksheets[0].iter_rows(values_only=True))
        finally:
            workbook.close()


FORMATS = [XLSXFormat, CSVFormat]
NOT_A_SHEET = gettext_lazy("This is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file.")


def sheet_format(data: bytes, name: str) -> type[base_formats.Format]:
    """Which of :data:`FORMATS` the file is, by its content; refused when neither."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            gettext_lazy("Old Excel files (.xls) cannot be read; save the sheet as .xlsx or as CSV UTF-8."),
            code="xls",
        )
    if data.startswith(b"PK\x03\x04"):
        # A workbook by its content, without macros and not a zip bomb, before openpyxl opens it.
        if uploads.document_kind(data, kinds=[uploads.XLSX]) is None:
            raise ValidationError(NOT_A_SHEET, code="not_a_sheet")
        return XLSXFormat
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ("csv", "txt") or b"\x00" in data[:4096]:
        raise ValidationError(NOT_A_SHEET, code="not_a_sheet")
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            gettext_lazy(
                "Save the CSV file as UTF-8 (in Excel: “CSV UTF-8”) so Vietnamese letters are kept."
            ),
            code="encoding",
        ) from None
    return CSVFormat
