"""The staff's admin for reports: report runs with their files, and the published library."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import SharedChoicesInlineMixin
from core.forms import ImageModelForm, ImageUploadField

from . import services
from .models import PublishedReport, ReportFile, ReportRun


class ReportFileInline(SharedChoicesInlineMixin, admin.TabularInline):
    model = ReportFile
    extra = 0
    fields = ["format", "size", "created_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(ReportRun)
class ReportRunAdmin(admin.ModelAdmin):
    list_display = [
        "kind",
        "period_start",
        "period_end",
        "pillar",
        "language",
        "status",
        "progress",
        "requested_by",
        "created_at",
    ]
    list_filter = ["kind", "status", "language"]
    date_hierarchy = "created_at"
    list_select_related = ["pillar", "requested_by"]
    readonly_fields = [
        "status",
        "progress",
        "progress_note",
        "started_at",
        "heartbeat_at",
        "finished_at",
        "attempts",
        "error",
        "dispatch_note",
        "requested_by",
    ]
    inlines = [ReportFileInline]
    actions = ["retry"]

    @admin.action(description=_("Build the selected failed reports again"))
    def retry(self, request, queryset):
        for run in queryset.filter(status=ReportRun.Status.FAILED):
            services.report_run_retry(run=run)


class PublishedReportAdminForm(ImageModelForm):
    """The cover goes through the image checks and is stored re-encoded, with its thumbnail."""

    image_field = "cover"
    thumbnail_field = "cover_thumbnail"
    cover = ImageUploadField(
        label=_("Cover image"), required=False, help_text=_("JPEG, PNG or WebP, at most 5 MB.")
    )

    class Meta:
        model = PublishedReport
        fields = [
            "title",
            "slug",
            "summary",
            "cover",
            "kind",
            "pillar",
            "year",
            "language",
            "file",
            "is_published",
        ]


@admin.register(PublishedReport)
class PublishedReportAdmin(SimpleHistoryAdmin):
    form = PublishedReportAdminForm
    list_display = ["title", "kind", "year", "pillar", "language", "is_published"]
    list_filter = ["kind", "year", "language", "is_published"]
    list_select_related = ["pillar"]
    list_editable = ["is_published"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["file"]
    readonly_fields = ["published_by"]
