"""Bulk imports from spreadsheets in the admin, built on django-import-export.

A coordinator downloads a template (XLSX or CSV, headings in Vietnamese or in English), fills it,
uploads it, and sees every row checked before anything is saved: new, an update of a row the
portal has, unchanged, a possible duplicate of something already there, or an error with the row
number, the column and the reason. Only a file without errors can be imported, and it is imported
whole or not at all; importing the same file again changes nothing. Every file is kept in private
storage with a record of who sent it, when, and how its rows came out (:class:`ImportRecord`).

django-import-export does the reading, the dry run in a transaction that is rolled back, the
import in one transaction and the skipping of unchanged rows. This module adds what the portal
asks of it on top:

- :class:`Column`, a resource field that knows its heading in both languages, so a sheet with
  Vietnamese headings imports as well as one with English headings (or a mix);
- cell widgets that read what people type in Vietnam ("35.000", 31/12/2024, "Có"), accept a
  choice by its code or its label in either language, and explain a bad cell in the coordinator's
  language;
- :class:`SpreadsheetResource`: empty cells change nothing, rows are matched by the rules each
  resource gives (:meth:`~SpreadsheetResource.find_existing`), related rows (a membership, a
  role) are compared and saved with the row, and new rows are checked for possible duplicates
  (:meth:`~SpreadsheetResource.possible_duplicates`);
- :class:`ImportAdminMixin`: the admin's import page with its templates, the preview, the record,
  and the refusal of a file with errors or of unconfirmed duplicates.
"""

from .admin import ImportAdminMixin
from .cells import (
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    ListTextWidget,
    LookupListWidget,
    LookupWidget,
    PhoneWidget,
    TextWidget,
    YesNoWidget,
    cell_text,
    heading_key,
)
from .resources import Column, Duplicate, SpreadsheetResource

__all__ = [
    "ChoiceWidget",
    "Column",
    "DateWidget",
    "DecimalWidget",
    "Duplicate",
    "ImportAdminMixin",
    "IntegerWidget",
    "ListTextWidget",
    "LookupListWidget",
    "LookupWidget",
    "PhoneWidget",
    "SpreadsheetResource",
    "TextWidget",
    "YesNoWidget",
    "cell_text",
    "heading_key",
]
