"""The preview of an import: each row of the sheet as the coordinator sees it, with what it
would change and why a row cannot be imported."""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export.results import Result, RowResult

from .cells import (
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    YesNoWidget,
    cell_text,
)
from .resources import Column, Duplicate, SpreadsheetResource

logger = logging.getLogger(__name__)

SHORT_WIDGETS = (DateWidget, DecimalWidget, IntegerWidget, YesNoWidget)


@dataclass
class PreviewCell:
    value: str
    changed: bool = False
    errors: list[str] = field(default_factory=list)
    # "text" gets room to be read; "short" (a date, a figure, yes or no) stays on one line.
    kind: str = "text"


@dataclass
class PreviewRow:
    line: int
    status: str
    cells: list[PreviewCell]
    errors: list[tuple[str, str]]
    duplicates: list[Duplicate]

    @property
    def is_error(self) -> bool:
        return self.status == "error"


def _error_messages(row: RowResult) -> dict[str, list[str]]:
    if row.validation_error is not None:
        error = row.validation_error
        if hasattr(error, "error_dict"):
            return {
                key: [str(message) for message in ValidationError(found).messages]
                for key, found in error.error_dict.items()
            }
        return {NON_FIELD_ERRORS: [str(message) for message in error.messages]}
    if row.errors:
        for found in row.errors:
            logger.warning("An import row could not be saved: %r", found.error)
        return {NON_FIELD_ERRORS: [_("This row could not be saved; check its values against the template.")]}
    return {}


def preview_rows(resource_class: type[SpreadsheetResource], result: Result) -> list[PreviewRow]:
    """Each row of the sheet as the preview shows it: its status, its cells in the file's column
    order, which of them an update changes, and its errors by column."""
    columns = [resource_class.column(name) for name in getattr(result, "columns", [])]
    by_key: dict[str, Column] = {}
    for column in resource_class.spec():
        for key in (column.column_name, column.attribute, *column.error_keys):
            if key:
                by_key.setdefault(key, column)
    rows = []
    for row in result.rows:
        if getattr(row, "blank", False):
            continue
        found = _error_messages(row)
        cells = [
            PreviewCell(
                value=cell_text(row.row_values.get(column.column_name), multiline=True),
                changed=row.import_type == RowResult.IMPORT_TYPE_UPDATE and column.column_name in row.changed,
                kind="short" if isinstance(column.widget, SHORT_WIDGETS) else "text",
            )
            for column in columns
        ]
        errors: list[tuple[str, str]] = []
        for key, found_messages in found.items():
            column = by_key.get(key)
            label = column.heading() if column else ""
            for message in found_messages:
                # A translated field reports its error twice: under its own name and its language's.
                if (label, message) in errors:
                    continue
                errors.append((label, message))
                if column in columns:
                    cells[columns.index(column)].errors.append(message)
        status = {
            RowResult.IMPORT_TYPE_NEW: "new",
            RowResult.IMPORT_TYPE_UPDATE: "update",
            RowResult.IMPORT_TYPE_SKIP: "skip",
        }.get(row.import_type, "error")
        if status == "new" and getattr(row, "duplicates", None):
            status = "duplicate"
        rows.append(
            PreviewRow(
                line=row.line,
                status=status,
                cells=cells,
                errors=errors,
                duplicates=list(getattr(row, "duplicates", [])),
            )
        )
    return rows


def base_error_messages(result: Result) -> list[str]:
    found = []
    for error in result.base_errors:
        if isinstance(error.error, ValidationError):
            found.extend(str(message) for message in error.error.messages)
        else:
            logger.warning("An import could not be read: %r", error.error)
            found.append(_("The file could not be imported; check it against the template."))
    return found
