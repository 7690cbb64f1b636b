"""The admin's import from a spreadsheet: the upload, the templates, the preview, the import
and its record."""

import logging
from collections.abc import Iterable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from import_export.admin import ImportMixin
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.results import Result

from .. import uploads
from ..models import ImportRecord, generated_upload_name
from ..private_files import private_storage
from ..tabular import table_response
from .cells import (
    FORMATS,
    is_blank,
    sheet_format,
    sheet_language,
)
from .preview import base_error_messages, preview_rows
from .resources import ImportCounts, SpreadsheetResource

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A preview checks every row twice over (the dry run, then the import): a few thousand rows keep
# the request well within its time; a larger table is split into several files.
MAX_ROWS = 2000
IMPORT_FOLDER = "imports"


# --- the admin --------------------------------------------------------------------------------


class StoredImport:
    """The uploaded file, kept in private storage from the moment it is checked: the preview and
    the import read the same bytes, and the import record keeps them."""

    def __init__(self, name: str):
        self.name = name

    @property
    def storage_name(self) -> str:
        return f"{IMPORT_FOLDER}/{self.name}"

    def read(self) -> bytes:
        with private_storage.open(self.storage_name, "rb") as stored:
            return stored.read()

    def remove(self) -> None:
        # The import record keeps the file.
        pass


class SpreadsheetImportForm(ImportForm):
    """The upload: the format is read from the file, and the file is checked (size, kind, the
    headings, the number of rows) before any row is."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.import_formats, self.resource_classes = list(formats), list(resources)
        self.fields["format"].required = False
        self.fields["format"].widget = forms.HiddenInput()
        upload = self.fields["import_file"]
        upload.label = gettext_lazy("Spreadsheet")
        upload.help_text = gettext_lazy(
            "An Excel workbook (.xlsx) or a CSV file (UTF-8), at most %(size)s MB."
        ) % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
        upload.widget.attrs = {"accept": ".xlsx,.csv", "aria-describedby": "id_import_file_help"}

    @property
    def media(self) -> forms.Media:
        # The format is read from the file; the script that guesses it from the name is not needed.
        return forms.Media()

    def clean(self) -> dict:
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        if upload is None:
            return cleaned
        data = uploads.read_within(
            upload,
            MAX_UPLOAD_BYTES,
            declared_too_large=gettext_lazy(
                "The file is %(size)s; imported spreadsheets may be at most %(limit)s."
            ),
            too_large=gettext_lazy("Imported spreadsheets may be at most %(limit)s."),
        )
        if not data.strip():
            raise ValidationError({"import_file": _("The file is empty.")})
        try:
            input_format = sheet_format(data, upload.name or "")
            dataset = input_format().create_dataset(data)
        except ValidationError as error:
            raise ValidationError({"import_file": error.messages}) from None
        except Exception:
            raise ValidationError(
                {"import_file": _("The file could not be read; open it in Excel and save it again as .xlsx.")}
            ) from None
        resource_class = self.resource_classes[int(cleaned.get("resource") or 0)]
        problems = resource_class.check_headings(dataset.headers or [])
        if problems:
            raise ValidationError({"import_file": problems})
        filled = sum(1 for row in dataset if not all(is_blank(cell) for cell in row))
        if not filled:
            raise ValidationError({"import_file": _("The sheet has headings but no rows under them.")})
        if filled > MAX_ROWS:
            raise ValidationError(
                {
                    "import_file": _("The sheet has more than %(limit)s rows; split it into several files.")
                    % {"limit": MAX_ROWS}
                }
            )
        cleaned["format"] = str(self.import_formats.index(input_format))
        upload.seek(0)
        return cleaned


class SpreadsheetConfirmForm(ConfirmImportForm):
    accept_duplicates = forms.BooleanField(
        label=gettext_lazy("The rows marked “possible duplicate” are new: add them all the same."),
        required=False,
    )


class ImportAdminMixin(ImportMixin):
    """The admin's import from a spreadsheet, for a ``ModelAdmin`` with ``resource_classes``
    holding one :class:`SpreadsheetResource`.

    Importing needs the model's add and change permissions. The import page offers the templates
    (XLSX or CSV, Vietnamese or English headings, empty or filled with the stored rows), lists the
    columns, and shows the preview; the import runs in one transaction that is rolled back when
    any row fails, or when possible duplicates were not confirmed.
    """

    import_form_class = SpreadsheetImportForm
    confirm_form_class = SpreadsheetConfirmForm
    import_template_name = "admin/import_export/spreadsheet_import.html"
    skip_admin_log = False

    @property
    def import_formats(self) -> list:
        return FORMATS

    def has_import_permission(self, request: HttpRequest) -> bool:
        opts = self.opts
        return request.user.has_perms(
            [f"{opts.app_label}.add_{opts.model_name}", f"{opts.app_label}.change_{opts.model_name}"]
        )

    def spreadsheet_resource(self, request: HttpRequest) -> type[SpreadsheetResource]:
        return self.get_import_resource_classes(request)[0]

    def get_urls(self) -> list[URLPattern]:
        info = self.get_model_info()
        return [
            path(
                "import/template/<str:fmt>/",
                self.admin_site.admin_view(self.import_template_view),
                name="{}_{}_import_template".format(*info),
            ),
            *super().get_urls(),
        ]

    def get_import_data_kwargs(self, **kwargs: Any) -> dict:
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        # A file with any invalid row is rolled back whole, not only one with an exception.
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def write_to_tmp_storage(self, import_file, input_format) -> StoredImport:
        extension = input_format.get_extension()
        name = private_storage.save(
            generated_upload_name(IMPORT_FOLDER, f"sheet.{extension}"), ContentFile(import_file.read())
        )
        return StoredImport(name.rsplit("/", 1)[-1])

    def add_data_read_fail_error_to_form(self, form, e) -> None:
        form.add_error(
            "import_file", _("The file could not be read; open it in Excel and save it again as .xlsx.")
        )

    # -- the pages

    def import_template_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        """The import template: the headings in the language asked for (``?lang=en``), empty, or
        with every stored row (``?filled=1``) for updating them in a spreadsheet."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if fmt not in ("csv", "xlsx"):
            raise Http404
        language = "en" if request.GET.get("lang") == "en" else "vi"
        resource = self.spreadsheet_resource(request)()
        with translation.override(language):
            headers = resource.headings(language)
            rows: Iterable[list] = []
            if request.GET.get("filled"):
                rows = list(resource.export_rows(self.get_queryset(request)))
            sheet = str(self.opts.verbose_name_plural)
        return table_response(
            fmt=fmt,
            headers=headers,
            rows=rows,
            filename=f"npap-{self.opts.model_name}-{'data' if request.GET.get('filled') else 'template'}-{language}",
            sheet=sheet,
            wide_columns=2,
        )

    def _page_context(self, request: HttpRequest) -> dict:
        resource_class = self.spreadsheet_resource(request)
        info = self.get_model_info()

        def template_url(fmt: str) -> str:
            return reverse("admin:{}_{}_import_template".format(*info), args=[fmt])

        things = resource_class.title or self.opts.verbose_name_plural
        return {
            "title": _("Import %(things)s from a spreadsheet") % {"things": things},
            "resource_title": things,
            "import_columns": resource_class.spec(),
            "templates": [
                (
                    language,
                    label,
                    [(fmt.upper(), f"{template_url(fmt)}?lang={language}") for fmt in ("xlsx", "csv")],
                )
                for language, label in (("vi", "Tiếng Việt"), ("en", "English"))
            ],
            "filled_url": f"{template_url('xlsx')}?lang={sheet_language()}&filled=1",
            "changelist_url": reverse("admin:{}_{}_changelist".format(*info)),
            "max_rows": MAX_ROWS,
        }

    def _preview_context(self, request: HttpRequest, result: Result, record: ImportRecord) -> dict:
        resource_class = self.spreadsheet_resource(request)
        counts = ImportCounts.of(result)
        rows = preview_rows(resource_class, result)
        columns = [resource_class.column(name) for name in getattr(result, "columns", [])]
        # A template's column that no row fills says nothing: the preview leaves it out.
        shown = [
            index
            for index in range(len(columns))
            if any(row.cells[index].value or row.cells[index].errors for row in rows)
        ]
        for row in rows:
            row.cells = [row.cells[index] for index in shown]
        return {
            "record": record,
            "counts": counts,
            "base_errors": base_error_messages(result),
            "preview_columns": [columns[index] for index in shown],
            "preview_rows": rows,
            "error_rows": [row for row in rows if row.is_error],
            "ignored_headings": getattr(result, "ignored_headings", []),
        }

    def import_action(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if not self.has_import_permission(request):
            raise PermissionDenied
        response = super().import_action(request, **kwargs)
        if not isinstance(response, TemplateResponse):
            return response
        context = response.context_data
        result, form = context.get("result"), context.get("form")
        if result is not None and form is not None and form.is_valid():
            upload = form.cleaned_data["import_file"]
            resource_class = self.spreadsheet_resource(request)
            record = ImportRecord.objects.create(
                user=request.user,
                content_type=ContentType.objects.get_for_model(self.model),
                resource=f"{resource_class.__module__}.{resource_class.__name__}",
                file=f"{IMPORT_FOLDER}/{upload.tmp_storage_name}",
                original_name=(upload.name or "")[:255],
            )
            _record_counts(record, result, imported=False)
            context.update(self._preview_context(request, result, record))
        context.update(self._page_context(request))
        return response

    def process_import(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """Import a file checked by the preview: the same bytes, all rows or none."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        import_url = reverse("admin:{}_{}_import".format(*self.get_model_info()))
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            self.message_user(request, _("Upload the file again to check it."), messages.ERROR)
            return HttpResponseRedirect(import_url)
        stored = StoredImport(confirm_form.cleaned_data["import_file_name"])
        with transaction.atomic():
            # The preview's own record, once: a second click or another tab finds it taken.
            record = (
                ImportRecord.objects.select_for_update()
                .filter(
                    file=stored.storage_name,
                    user=request.user,
                    content_type=ContentType.objects.get_for_model(self.model),
                    status=ImportRecord.Status.PREVIEWED,
                )
                .first()
            )
            if record is None:
                self.message_user(
                    request,
                    _("This file has already been imported, or was not checked here; upload it again."),
                    messages.ERROR,
                )
                return HttpResponseRedirect(import_url)
            input_format = self.get_import_formats()[int(confirm_form.cleaned_data["format"])]()
            dataset = input_format.create_dataset(stored.read())
            with transaction.atomic():
                result = self.process_dataset(dataset, confirm_form, request, **kwargs)
                counts = ImportCounts.of(result)
                unconfirmed = counts.duplicates and not confirm_form.cleaned_data.get("accept_duplicates")
                refused = result.has_errors() or result.has_validation_errors() or bool(unconfirmed)
                if refused:
                    transaction.set_rollback(True)
            _record_counts(record, result, imported=not refused)
        if not refused:
            return self.process_result(result, request)
        if unconfirmed and not counts.blocking:
            self.message_user(
                request,
                _(
                    "Nothing was imported: confirm that the possible duplicates are new, or take them out of the file."
                ),
                messages.ERROR,
            )
        else:
            self.message_user(
                request,
                _(
                    "Nothing was imported: the rows below need correcting (the data changed since the preview)."
                ),
                messages.ERROR,
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": self.get_import_form_class(request)(
                self.get_import_formats(), self.get_import_resource_classes(request)
            ),
            "confirm_form": self.create_confirm_form(request)
            if not counts.blocking and not result.has_errors()
            else None,
            **self._page_context(request),
            **self._preview_context(request, result, record),
        }
        return TemplateResponse(request, [self.import_template_name], context)

    def add_success_message(self, result: Result, request: HttpRequest) -> None:
        counts = ImportCounts.of(result)
        self.message_user(
            request,
            ngettext(
                "Imported %(rows)d row: %(new)d new, %(updated)d updated, %(skipped)d unchanged.",
                "Imported %(rows)d rows: %(new)d new, %(updated)d updated, %(skipped)d unchanged.",
                counts.rows,
            )
            % {"rows": counts.rows, "new": counts.new, "updated": counts.updated, "skipped": counts.skipped},
            messages.SUCCESS,
        )


def _record_counts(record: ImportRecord, result: Result, *, imported: bool) -> None:
    counts = ImportCounts.of(result)
    record.rows, record.new, record.updated = counts.rows, counts.new, counts.updated
    record.skipped, record.errors, record.duplicates = counts.skipped, counts.errors, counts.duplicates
    if result.base_errors:
        record.errors = max(record.errors, 1)
    if imported:
        record.status, record.imported_at = ImportRecord.Status.IMPORTED, timezone.now()
    elif record.errors:
        record.status = ImportRecord.Status.REFUSED
    record.save()
