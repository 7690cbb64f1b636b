"""Report runs built in the background, their files, and the public reports library."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel, language_field, required_link, status_field, user_link
from core.private_files import private_storage
from vocabulary.models import pillar_link


# Named by the first migration; report files are kept in the portal's one private storage.
def _private_storage():
    return private_storage


class ReportRun(TimeStampedModel):
    class Kind(models.TextChoices):
        SIX_MONTH = "six_month", _("six-month report")
        ANNUAL = "annual", _("annual synthesis report")
        PILLAR = "pillar", _("pillar report")
        NEWSLETTER = "newsletter", _("quarterly technical-group newsletter")
        MEMBER_DIRECTORY = "member_directory", _("member directory export")
        EVENT_ATTENDANCE = "event_attendance", _("event attendance export")
        INDICATOR_RESULTS = "indicator_results", _("indicator results export")
        INDICATOR_VALUES = "indicator_values", _("indicator values export")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        RUNNING = "running", _("building")
        SUCCEEDED = "succeeded", _("ready")
        FAILED = "failed", _("failed")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word"
        XLSX = "xlsx", "Excel"
        CSV = "csv", "CSV"

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    pillar = pillar_link()
    language = language_field()
    formats = models.JSONField(_("formats"), default=list)
    status = status_field(Status, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    progress_note = models.CharField(_("step"), max_length=200, blank=True)
    requested_by = user_link(_("requested by"), related_name="report_runs")
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    dispatch_note = models.CharField(_("queue note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report run")
        verbose_name_plural = _("report runs")
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_end_after_start",
                violation_error_message=_("The end of the period cannot be before its start."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("reports:run_detail", kwargs={"pk": self.pk})

    @property
    def period_label(self) -> str:
        return f"{self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)


class ReportFile(models.Model):
    run = required_link(ReportRun, _("report run"), related_name="files")
    format = models.CharField(_("format"), max_length=5, choices=ReportRun.Format.choices)
    file = models.FileField(_("file"), storage=_private_storage, upload_to="reports/%Y/")
    size = models.PositiveBigIntegerField(_("size"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["run", "format"]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        constraints = [models.UniqueConstraint(fields=["run", "format"], name="one_file_per_format")]

    def __str__(self) -> str:
        return f"{self.run} · {self.get_format_display()}"

    @property
    def download_name(self) -> str:
        run = self.run
        suffix = f"-{run.pillar.code}" if run.pillar_id else ""
        return f"npap-{run.kind.replace('_', '-')}{suffix}-{run.period_start:%Y%m%d}-{run.period_end:%Y%m%d}-{run.language}.{self.format}"


class PublishedReport(TimeStampedModel):
    """A finished report placed in the public library (the network's knowledge hub)."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    cover = models.ImageField(_("cover"), upload_to="report-covers/", blank=True)
    cover_thumbnail = models.ImageField(
        _("cover thumbnail"), upload_to="report-covers/", blank=True, editable=False
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReportRun.Kind.choices, db_index=True)
    pillar = pillar_link()
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    language = language_field()
    file = required_link(ReportFile, _("file"), related_name="publications", on_delete=models.PROTECT)
    is_published = models.BooleanField(_("published"), default=True, db_index=True)
    published_by = user_link(_("published by"), blank=False)
    history = HistoricalRecords(excluded_fields=["cover_thumbnail"])

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("published report")
        verbose_name_plural = _("published reports")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:published_detail", kwargs={"slug": self.slug})
