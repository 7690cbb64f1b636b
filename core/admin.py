"""The logs of the admin: the mail (what was sent to whom, what failed and why, and sending it
again) and the spreadsheet imports (who brought which file in, when, and how its rows came out)."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .admin_mixins import LargeTableAdminMixin, month_filter, year_filter
from .mail import mail_resend
from .models import ImportRecord, OutgoingMail
from .private_files import private_file_response


@admin.register(OutgoingMail)
class OutgoingMailAdmin(LargeTableAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "to_email", "subject", "kind", "status", "attempts", "sent_at"]
    # Years and months, not a date hierarchy, which reads the date of every mail to list the years.
    list_filter = ["status", "kind", "language", year_filter("created_at"), month_filter("created_at")]
    search_fields = ["to_email", "subject"]
    actions = ["resend"]
    fields = [
        "recipient",
        "to_email",
        "language",
        "kind",
        "subject",
        "status",
        "attempts",
        "sent_at",
        "error",
        "body_text",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send the failed mails again"), permissions=["view"])
    def resend(self, request, queryset):
        sent = sum(mail_resend(mail=mail) for mail in queryset.filter(status=OutgoingMail.Status.FAILED))
        self.message_user(
            request,
            ngettext("%(count)d mail will be sent again.", "%(count)d mails will be sent again.", sent)
            % {"count": sent},
            messages.SUCCESS,
        )


# What an import found, in the list and on the record alike.
IMPORT_COUNTS = ["status", "rows", "new", "updated", "skipped", "errors", "duplicates"]


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    """Every spreadsheet checked or imported: a record, never edited. The file it kept is
    downloaded from here by those who may read the log."""

    list_display = ["created_at", "user", "content_type", "original_name", *IMPORT_COUNTS]
    list_filter = ["status", "content_type"]
    list_select_related = ["user", "content_type"]
    search_fields = ["original_name", "user__email"]
    date_hierarchy = "created_at"
    fields = ["created_at", "user", "content_type", "resource", "download", *IMPORT_COUNTS, "imported_at"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ImportRecord | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ImportRecord | None = None) -> bool:
        return False

    @admin.display(description=_("file"))
    def download(self, obj: ImportRecord) -> str:
        return format_html('<a href="{}">{}</a>', obj.download_url, obj.original_name)

    def get_urls(self) -> list[URLPattern]:
        return [
            path(
                "<path:object_id>/download/",
                self.admin_site.admin_view(self.download_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_download",
            ),
            *super().get_urls(),
        ]

    def download_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The file as it was sent. Like every private file, it does not exist for whoever may
        not read the log."""
        record = self.get_object(request, unquote(object_id))
        if record is None or not self.has_view_permission(request, record) or not record.file:
            raise Http404
        return private_file_response(record.file, name=record.original_name)
