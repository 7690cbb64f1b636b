"""Import sheets as django-import-export resources: a column with its headings in both languages,
and the resource that reads a row the portal's way (see the package's description)."""

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export.fields import Field
from import_export.resources import ModelResource
from import_export.results import Result, RowResult
from import_export.widgets import ManyToManyWidget, Widget

from ..models import unique_slug
from ..search import fold
from .cells import TextWidget, YesNoWidget, cell_text, heading_key, is_blank, sheet_language

# Columns of a sheet that no field claims keep a name of their own while the rows are read.
IGNORED = "__ignored_"


class Column(Field):
    """A column of an import sheet: a resource field with its heading in each language, whether
    a row must fill it, and what to write in it (shown on the import page).

    Headings are part of the file format, not of the interface: a sheet made from an older
    template must still import, so they are written here in both languages rather than
    translated. A column without ``attribute`` is read by the resource itself (a related row).
    """

    def __init__(
        self,
        attribute: str | None = None,
        *,
        vi: str,
        en: str,
        widget: Widget | None = None,
        required: bool = False,
        help_text: str = "",
        aliases: Sequence[str] = (),
        error_keys: Sequence[str] = (),
        **kwargs: Any,
    ):
        super().__init__(attribute=attribute, widget=widget or TextWidget(), **kwargs)
        self.vi, self.en = vi, en
        self.required = required
        self.help_text = help_text
        self.aliases = tuple(aliases)
        # Model errors shown under this column: a translated field's errors come under its name.
        self.error_keys = tuple(error_keys)

    def heading(self, language: str | None = None) -> str:
        return self.en if sheet_language(language) == "en" else self.vi

    @property
    def is_related(self) -> bool:
        return self.attribute is None

    @property
    def is_m2m(self) -> bool:
        return isinstance(self.widget, ManyToManyWidget)


def bilingual_columns(
    field: str, *, vi: str, en: str, multiline: bool = False, **options: Any
) -> tuple[Column, Column]:
    """The columns of a field written in both languages, ``<field>_vi`` and ``<field>_en``, each
    heading saying its language. The Vietnamese one takes ``options`` (required, aliases, help)
    and shows the model's errors of ``field``."""

    def widget() -> TextWidget:
        return TextWidget(multiline=multiline)

    return (
        Column(
            f"{field}_vi",
            vi=f"{vi} (tiếng Việt)",
            en=f"{en} (Vietnamese)",
            widget=widget(),
            error_keys=(field,),
            **options,
        ),
        Column(f"{field}_en", vi=f"{vi} (tiếng Anh)", en=f"{en} (English)", widget=widget()),
    )


def slug_column(help_text: str) -> Column:
    """The row's address in the portal: how a sheet names a row it updates."""
    return Column("slug", vi="Mã (slug)", en="Slug", help_text=help_text)


def published_column(help_text: str) -> Column:
    return Column("is_published", vi="Công khai", en="Published", widget=YesNoWidget(), help_text=help_text)


# --- resources --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Duplicate:
    """Something already in the portal that a new row looks like, with its admin page."""

    label: str
    url: str

    @classmethod
    def of(cls, obj: Model) -> "Duplicate":
        opts = obj._meta
        return cls(
            label=str(obj), url=reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )

    @classmethod
    def on_line(cls, line: int) -> "Duplicate":
        """An earlier row of the same file, not saved yet: a link to it in the preview."""
        return cls(label=_("row %(line)s of this file") % {"line": line}, url=f"#line-{line}")


class SpreadsheetRowResult(RowResult):
    def __init__(self) -> None:
        super().__init__()
        # The row's number in the sheet, the headings being row 1, as Excel shows it.
        self.line = 0
        self.blank = False
        self.duplicates: list[Duplicate] = []
        self.changed: list[str] = []


class SpreadsheetResource(ModelResource):
    """A model's rows as an import sheet. Subclasses declare :class:`Column` fields (list them in
    ``Meta.fields`` in the order of the template) and say how a row finds the row it updates.

    - An empty cell changes nothing: it keeps what is stored, or the default of a new row. A column
      left out of the file changes nothing either.
    - A row identical to what is stored is skipped: nothing is saved and no history is written.
    - Columns without an attribute (a membership, a role) are read into ``values`` and handed to
      :meth:`prepare_related` (checks, derived fields), :meth:`related_changes` and
      :meth:`save_related`.
    """

    # The rows a resource names; set by subclasses for the import page and the import record.
    title: ClassVar[str] = ""

    class Meta:
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = True
        store_row_values = True
        store_instance = True
        skip_html_diff = True

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.ignored_headings: list[str] = []
        self.present: set[str] = set()
        self.row_errors: dict[str, list] = {}
        self._changed: list[str] = []
        self._model_changed = True

    @classmethod
    def get_row_result_class(cls) -> type[SpreadsheetRowResult]:
        return SpreadsheetRowResult

    # -- columns and headings

    @classmethod
    def spec(cls) -> list[Column]:
        """The columns of the sheet, in the template's order: for headings and descriptions."""
        return _columns(cls.fields, cls._meta.fields)

    def import_columns(self) -> list[Column]:
        """The columns of this import, whose widgets keep what they read for the whole file."""
        return _columns(self.fields, self._meta.fields)

    @classmethod
    def column(cls, name: str) -> Column | None:
        return next((column for column in cls.spec() if column.column_name == name), None)

    @classmethod
    def headings(cls, language: str) -> list[str]:
        return [column.heading(language) for column in cls.spec()]

    @classmethod
    def match_headings(cls, headings: Sequence[object]) -> tuple[list[str | None], list[str]]:
        """The column each heading names (None for a heading no column has), and the headings
        that are not imported. A column named twice is read from its first place."""
        keys: dict[str, str] = {}
        for column in cls.spec():
            for text in (column.vi, column.en, column.column_name, *column.aliases):
                keys.setdefault(heading_key(text), column.column_name)
        names: list[str | None] = []
        ignored: list[str] = []
        for heading in headings:
            name = keys.get(heading_key(heading))
            if name in names:
                name = None
            if name is None and not is_blank(heading):
                ignored.append(cell_text(heading))
            names.append(name)
        return names, ignored

    @classmethod
    def check_headings(cls, headings: Sequence[object]) -> list[str]:
        """What is wrong with a sheet's headings, for the person uploading it."""
        names, _ignored = cls.match_headings(headings)
        if not any(names):
            return [
                _(
                    "No column heading was recognised. Use the headings of the template, in Vietnamese "
                    "or in English, in the first row of the first sheet."
                )
            ]
        missing = [
            column.heading() for column in cls.spec() if column.required and column.column_name not in names
        ]
        if missing:
            return [
                _("The file has no column “%(columns)s”, which every row needs.")
                % {"columns": "”, “".join(missing)}
            ]
        return []

    # -- the import, row by row

    def before_import(self, dataset, **kwargs: Any) -> None:
        names, self.ignored_headings = self.match_headings(dataset.headers or [])
        dataset.headers = [name or f"{IGNORED}{index}" for index, name in enumerate(names)]
        self.present = {name for name in names if name}
        problems = self.check_headings(names)
        if problems:
            raise ValidationError(problems)
        self.prepare(dataset, **kwargs)

    def prepare(self, dataset, **kwargs: Any) -> None:
        """Load what the rows are compared with, once for the whole file (``dataset``, its
        columns named as the resource's fields)."""

    def after_import(self, dataset, result, **kwargs: Any) -> None:
        super().after_import(dataset, result, **kwargs)
        result.columns = [name for name in dataset.headers if not name.startswith(IGNORED)]
        result.ignored_headings = self.ignored_headings

    def import_row(self, row, instance_loader, **kwargs: Any) -> SpreadsheetRowResult:
        line = kwargs["row_number"] + 1
        if all(is_blank(value) for name, value in row.items() if not name.startswith(IGNORED)):
            # An empty line between rows: counted nowhere, but it keeps the numbering of the sheet.
            result = self.get_row_result_class()()
            result.import_type, result.blank, result.line = RowResult.IMPORT_TYPE_SKIP, True, line
            return result
        self.row_errors, self._changed, self._model_changed = {}, [], True
        result = super().import_row(row, instance_loader, **kwargs)
        result.line = line
        return result

    def add_row_error(self, column: str, message: str) -> None:
        """An error found while finding the row's relations; reported with the row's other errors."""
        self.row_errors.setdefault(column, []).append(ValidationError(message))

    def get_instance(self, instance_loader, row) -> Model | None:
        return self.find_existing(row)

    def find_by_slug_or_name(
        self, row: dict, queryset: QuerySet, *, column: str, several: str
    ) -> Model | None:
        """The row of ``queryset`` the ``slug`` cell names, or else the one whose ``column`` (a
        name or a title) is exactly the cell's. Several of that name are an error, ``several``."""
        slug = cell_text(row.get("slug"))
        if slug:
            return queryset.filter(slug=slug).first()
        name = cell_text(row.get(column))
        found = list(queryset.filter(**{column: name})[:2]) if name else []
        if len(found) > 1:
            self.add_row_error(column, several)
            return None
        return found[0] if found else None

    def find_existing(self, row: dict) -> Model | None:
        """The stored row this row updates, or None for a new one. Report an ambiguous or
        missing relation with :meth:`add_row_error` rather than raising."""
        return None

    def filled(self, row: dict, name: str) -> bool:
        return name in row and not is_blank(row[name])

    def import_field(self, field, instance, row, is_m2m=False, **kwargs) -> None:
        if not self.filled(row, field.column_name):
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def import_instance(self, instance, row, **kwargs: Any) -> None:
        errors: dict[str, list] = {name: list(found) for name, found in self.row_errors.items()}

        def add(name: str, message: object) -> None:
            errors.setdefault(name, []).append(ValidationError(str(message)))

        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            for name, found in error.error_dict.items():
                errors.setdefault(name, []).extend(found)
        values: dict[str, Any] = {}
        for column in self.import_columns():
            if not self.filled(row, column.column_name):
                if column.required and column.is_related:
                    add(column.column_name, _("This field cannot be blank."))
                continue
            if column.is_m2m or column.is_related:
                try:
                    value = column.clean(row)
                except ValueError as error:
                    add(column.attribute or column.column_name, error)
                    continue
                if column.is_related:
                    values[column.column_name] = value
        instance._import_values = values
        try:
            self.prepare_related(instance, values, row)
        except ValidationError as error:
            for name, found in error.update_error_dict({}).items():
                errors.setdefault(name, []).extend(found)
        if errors:
            raise ValidationError(errors)

    def prepare_related(self, instance: Model, values: dict[str, Any], row: dict) -> None:
        """Set what the row's other columns derive (a slug, a parent) and check the related
        columns; raise ``ValidationError`` keyed by column."""

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True) -> None:
        errors = dict(import_validation_errors or {})
        # A translated field's errors also come under its original name: one message a column.
        for column in self.import_columns():
            if (column.attribute or column.column_name) in errors:
                for key in column.error_keys:
                    errors.setdefault(key, [])
        try:
            super().validate_instance(instance, errors, validate_unique)
        except ValidationError as error:
            raise ValidationError({key: found for key, found in error.error_dict.items() if found}) from None

    def skip_row(self, instance, original, row, import_validation_errors=None) -> bool:
        if import_validation_errors or original is None or original.pk is None:
            return False
        changed, model_changed = [], False
        for column in self.import_columns():
            if column.is_related or not self.filled(row, column.column_name):
                continue
            if column.is_m2m:
                wanted = {obj.pk for obj in column.clean(row)}
                if wanted != {obj.pk for obj in column.get_value(original).all()}:
                    changed.append(column.column_name)
            elif column.get_value(instance) != column.get_value(original):
                changed.append(column.column_name)
                model_changed = True
        changed += self.related_changes(instance, instance._import_values)
        self._changed, self._model_changed = changed, model_changed
        return not changed

    def related_changes(self, instance: Model, values: dict[str, Any]) -> list[str]:
        """The related columns whose values differ from what is stored for ``instance``."""
        return []

    def do_instance_save(self, instance, is_create) -> None:
        # A row whose own fields are unchanged (only a related row differs) is not saved again:
        # its history shows only real changes.
        if is_create or self._model_changed:
            super().do_instance_save(instance, is_create)

    def after_save_instance(self, instance, row, **kwargs: Any) -> None:
        self.save_related(instance, instance._import_values, row)

    def save_related(self, instance: Model, values: dict[str, Any], row: dict) -> None:
        """Write the related rows the row's columns describe."""

    def after_import_row(self, row, row_result, **kwargs: Any) -> None:
        row_result.changed = self._changed
        if row_result.import_type == RowResult.IMPORT_TYPE_NEW and row_result.instance is not None:
            line = kwargs["row_number"] + 1
            row_result.duplicates = self.possible_duplicates(row_result.instance, row, line=line)

    def possible_duplicates(self, instance: Model, row: dict, *, line: int) -> list[Duplicate]:
        """What is already in the portal, or on an earlier row of the file, that the new row on
        ``line`` looks like."""
        return []

    # -- export: the template filled with the stored rows

    def export_queryset(self, queryset: QuerySet) -> QuerySet:
        """``queryset`` with what the export of each row reads loaded beforehand."""
        return queryset

    def export_rows(self, queryset: QuerySet) -> Iterable[list]:
        columns = self.import_columns()
        for obj in self.iter_queryset(self.export_queryset(queryset)):
            yield [self.export_field(column, obj) for column in columns]


def slug_give(instance: Model, text: str, *, fallback: str, reserved: Collection[str]) -> None:
    """A new row without a slug gets one made of ``text`` (its acronym or its name), or of
    ``fallback`` where that leaves nothing, that no row of its model uses yet."""
    if instance.pk is None and not instance.slug:
        base = slugify(fold(text)) or fallback
        max_length = instance._meta.get_field("slug").max_length
        instance.slug = unique_slug(
            type(instance).objects.all(), base[:60], max_length=max_length, reserved=reserved
        )


def columns_changed(record: Model, values: dict[str, Any], fields: dict[str, str]) -> list[str]:
    """The columns of ``fields`` (a column and the field of ``record`` it describes, such as a
    membership's end) whose value in ``values`` differs from what ``record`` holds."""
    return [
        column
        for column, field in fields.items()
        if column in values and getattr(record, field) != values[column]
    ]


def record_update(record: Model, values: dict[str, Any], fields: dict[str, str]) -> None:
    """Writes the changed columns of ``fields`` onto ``record`` and saves it, checked, when it is
    new or has changed: a related row (a membership, a role) the sheet's row describes."""
    changed = columns_changed(record, values, fields)
    for column in changed:
        setattr(record, fields[column], values[column])
    if record.pk is None or changed:
        record.full_clean()
        record.save()


def _columns(fields: dict, order: Sequence[str] | None) -> list[Column]:
    return [fields[name] for name in (order or fields) if isinstance(fields.get(name), Column)]


@dataclass
class ImportCounts:
    rows: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0
    errors: int = 0
    duplicates: int = 0

    @classmethod
    def of(cls, result: Result) -> "ImportCounts":
        counts = cls()
        for row in result.rows:
            if getattr(row, "blank", False):
                continue
            counts.rows += 1
            if row.import_type == RowResult.IMPORT_TYPE_NEW:
                counts.new += 1
                counts.duplicates += bool(getattr(row, "duplicates", None))
            elif row.import_type == RowResult.IMPORT_TYPE_UPDATE:
                counts.updated += 1
            elif row.import_type == RowResult.IMPORT_TYPE_SKIP:
                counts.skipped += 1
            else:
                counts.errors += 1
        return counts

    @property
    def blocking(self) -> bool:
        return bool(self.errors)
