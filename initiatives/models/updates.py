"""What members report against a period: updates with their disaggregations and evidence, and
the recorded corrections of approved figures."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import (
    TimeStampedModel,
    generated_upload_name,
    optional_link,
    required_link,
    status_field,
    user_link,
)
from core.private_files import PrivateDownload, ProtectedFileField, get_private_storage

from .catalogue import DimensionValue, Measure, amount_field
from .results import Period


def evidence_upload_to(instance: "UpdateEvidence", filename: str) -> str:
    return generated_upload_name("initiatives/evidence", filename)


class IndicatorUpdate(TimeStampedModel):
    """A reported value for a period; it counts in the actuals once a coordinator approves it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for approval")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned for revision")

    class Source(models.TextChoices):
        TYPED = "typed", _("typed in by the member")
        ATTENDANCE = "attendance", _("proposed from recorded attendance")

    period = required_link(Period, _("period"), related_name="updates")
    organisation = optional_link("members.Organisation", _("reported for"), related_name="indicator_updates")
    reported_on = models.DateField(_("figure as of"), help_text=_("The date the figure describes."))
    value = amount_field(_("value"))
    numerator = amount_field(_("numerator"))
    denominator = amount_field(_("denominator"))
    narrative = models.TextField(_("narrative"), blank=True)
    status = status_field(Status, default=Status.DRAFT)
    submitted_by = user_link(_("submitted by"), related_name="indicator_updates")
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewer = user_link(_("reviewer"))
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    source = models.CharField(_("source"), max_length=12, choices=Source.choices, default=Source.TYPED)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("indicator update")
        verbose_name_plural = _("indicator updates")
        indexes = [
            # The admin's list, latest first.
            models.Index(fields=["-reported_on", "-id"], name="update_admin_order"),
            # The approval queue: the oldest submitted first.
            models.Index(fields=["status", "submitted_at"], name="update_approval_queue"),
            # The queue's organisation filter and its busiest organisations.
            models.Index(fields=["status", "organisation"], name="update_status_organisation"),
            # How far each period of a reporting cycle has got, for its dashboard.
            models.Index(fields=["period", "status"], name="update_period_status"),
            models.Index(fields=["source"], name="update_source"),
        ]
        permissions = [
            ("approve_indicatorupdate", _("Can approve or return indicator updates")),
            ("correct_indicatorupdate", _("Can correct an approved figure, giving a reason")),
        ]

    def __str__(self) -> str:
        return f"{self.period.indicator} · {self.reported_on:%d/%m/%Y} · {self.get_status_display()}"

    def clean(self) -> None:
        errors: dict[str, list] = {}
        period = self.period if self.period_id else None
        if period is not None and self.reported_on and not (period.start <= self.reported_on <= period.end):
            errors.setdefault("reported_on", []).append(
                _("The date must fall within the period, %(start)s to %(end)s.")
                % {"start": f"{period.start:%d/%m/%Y}", "end": f"{period.end:%d/%m/%Y}"}
            )
        measure = period.indicator.measure if period is not None else None
        if measure == Measure.QUANTITATIVE and self.value is None:
            errors.setdefault("value", []).append(_("Enter the value."))
        if measure == Measure.PERCENTAGE:
            if self.numerator is None:
                errors.setdefault("numerator", []).append(_("Enter the numerator."))
            if not self.denominator:
                errors.setdefault("denominator", []).append(_("Enter a denominator greater than zero."))
            if self.numerator is not None and self.denominator and self.numerator > self.denominator:
                errors.setdefault("numerator", []).append(
                    _("The numerator cannot be larger than the denominator.")
                )
        if measure == Measure.QUALITATIVE and not self.narrative.strip():
            errors.setdefault("narrative", []).append(_("Describe the progress."))
        if errors:
            raise ValidationError(errors)

    @property
    def amount(self) -> Decimal | None:
        """What disaggregations break down: the value, or a percentage's numerator."""
        return self.numerator if self.period.indicator.is_percentage else self.value

    @property
    def percentage(self) -> Decimal | None:
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator * 100 / self.denominator


class UpdateDisaggregation(models.Model):
    update = required_link(IndicatorUpdate, _("update"), related_name="disaggregations")
    dimension_value = required_link(
        DimensionValue, _("disaggregation"), related_name="+", on_delete=models.PROTECT
    )
    value = amount_field(_("value"), required=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disaggregated value")
        verbose_name_plural = _("disaggregated values")
        constraints = [
            models.UniqueConstraint(
                fields=["update", "dimension_value"], name="one_value_per_update_dimension"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension_value}: {self.value}"


class UpdateEvidence(PrivateDownload, models.Model):
    """A file backing an update: a PDF, Word or Excel document, or a re-encoded photo."""

    DOWNLOAD_VIEW = "initiatives:evidence_download"

    update = required_link(IndicatorUpdate, _("update"), related_name="evidence")
    # Often a list of named beneficiaries: always in private storage.
    file = ProtectedFileField(_("file"), storage=get_private_storage, upload_to=evidence_upload_to)
    original_name = models.CharField(_("original name"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.original_name or self.file.name


class UpdateCorrection(TimeStampedModel):
    """A recorded change to an approved update: who changed what, from what, and why.

    An approved figure counts in the network's totals, so it never changes silently: either it is
    returned to the member and approved again, or a results approver records a correction here.
    """

    update = required_link(IndicatorUpdate, _("update"), related_name="corrections")
    reason = models.TextField(_("reason"))
    corrected_by = user_link(_("corrected by"))
    before = models.JSONField(_("before"), default=dict)
    after = models.JSONField(_("after"), default=dict)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.update} · {self.created_at:%d/%m/%Y}"
