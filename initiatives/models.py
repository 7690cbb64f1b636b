"""Pillars, initiatives and their results framework.

The results framework follows the IATI results standard as Akvo RSR implements it:
an initiative has results (output, outcome, impact), each result has indicators, each indicator
has reporting periods, and each period receives updates that coordinators approve. A period's
actual is never typed in: it is computed from its approved updates (see ``initiatives.rollups``).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import PublishedQuerySet, SearchTextModel, TimeStampedModel, generated_upload_name
from core.private_files import (
    ProtectedFileField,
    document_upload_name,
    get_document_storage,
    get_private_storage,
)

NON_NEGATIVE = [MinValueValidator(Decimal("0"), message=_("Enter a number that is not negative."))]


def document_upload_to(instance, filename: str) -> str:
    return document_upload_name("initiatives/documents", filename, private=not instance.is_public)


def evidence_upload_to(instance, filename: str) -> str:
    return generated_upload_name("initiatives/evidence", filename)


class Dimension(models.Model):
    """A way of breaking a figure down (sex, age group, …): data coordinators edit."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("disaggregation dimension")
        verbose_name_plural = _("disaggregation dimensions")

    def __str__(self) -> str:
        return self.name


class DimensionValue(models.Model):
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.CASCADE, related_name="values"
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["dimension__order", "order", "code"]
        verbose_name = _("dimension value")
        verbose_name_plural = _("dimension values")
        constraints = [models.UniqueConstraint(fields=["dimension", "code"], name="unique_dimension_value")]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.name}"


class Measure(models.TextChoices):
    QUANTITATIVE = "quantitative", _("quantitative (a number with a unit)")
    PERCENTAGE = "percentage", _("percentage (numerator and denominator)")
    QUALITATIVE = "qualitative", _("qualitative (a narrative)")


class NetworkIndicator(models.Model):
    """The shared catalogue initiative indicators link to, so the network, each pillar and
    each province get totals."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    measure = models.CharField(
        _("measure"),
        max_length=12,
        choices=[c for c in Measure.choices if c[0] != Measure.QUALITATIVE],
        default=Measure.QUANTITATIVE,
    )
    cumulative = models.BooleanField(
        _("cumulative"),
        default=False,
        help_text=_(
            "Reports give the running total (e.g. households sorting at source), not the amount since the last report."
        ),
    )
    is_headline = models.BooleanField(_("shown on the home page"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("network indicator")
        verbose_name_plural = _("network indicators")

    def __str__(self) -> str:
        return self.name


RESERVED_SLUGS = {"report", "results"}


class Initiative(SearchTextModel, TimeStampedModel):
    """A project, programme or pilot model of the members."""

    SEARCH_TEXT_FIELDS = ("title_vi", "title_en", "acronym", "summary_vi", "summary_en", "location_detail")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ONGOING = "ongoing", _("ongoing")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")

    title = models.CharField(_("title"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("The programme this initiative belongs to, if any."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ONGOING, db_index=True
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    provinces = models.ManyToManyField(
        "vocabulary.Province", verbose_name=_("provinces"), blank=True, related_name="initiatives"
    )
    location_detail = models.CharField(
        _("districts, wards"), max_length=300, blank=True, help_text=_("E.g. Hoàn Kiếm district, six wards.")
    )
    pillars = models.ManyToManyField(
        "vocabulary.Pillar", verbose_name=_("pillars"), blank=True, related_name="initiatives"
    )
    is_published = models.BooleanField(_("published"), default=False, db_index=True)

    objects = PublishedQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["-start", "title"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        # The public list shows published initiatives, the latest first, in the visitor's language.
        indexes = [
            models.Index(
                fields=["-start", "title_vi"], name="initiative_public_vi", condition=Q(is_published=True)
            ),
            models.Index(
                fields=["-start", "title_en"], name="initiative_public_en", condition=Q(is_published=True)
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=F("start")),
                name="initiative_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.acronym})" if self.acronym else self.title

    def clean(self) -> None:
        # These words are pages of their own under /initiatives/.
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by another page; choose another slug.")})

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", kwargs={"slug": self.slug})


class InitiativePartner(models.Model):
    class Role(models.TextChoices):
        FUNDER = "funder", _("funder")
        ACCOUNTABLE = "accountable", _("accountable (lead)")
        IMPLEMENTING = "implementing", _("implementing")
        PARTNER = "partner", pgettext_lazy("initiative role", "partner")

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="initiative_partnerships",
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTNER)
    funding_amount = models.DecimalField(
        _("funding amount"), max_digits=16, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True, default="VND")

    class Meta:
        ordering = ["role", "organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organisation", "role"], name="one_role_per_partner_and_initiative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_role_display()}"


class InitiativeDocument(models.Model):
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=255)
    # Not public: the file is in private storage. Saved by core.private_files.document_save,
    # which moves the file when that changes.
    file = ProtectedFileField(_("file"), storage=get_document_storage, upload_to=document_upload_to)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick for documents only coordinators and the partners may download."),
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    @property
    def download_url(self) -> str:
        """The permission-checked download of a file that is not public."""
        return reverse("initiatives:document_download", kwargs={"pk": self.pk})


class InitiativePhoto(models.Model):
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("photo"), upload_to="initiatives/photos/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="initiatives/photos/", blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.image.name


class Result(models.Model):
    class Type(models.TextChoices):
        OUTPUT = "output", _("output")
        OUTCOME = "outcome", _("outcome")
        IMPACT = "impact", _("impact")

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="results"
    )
    type = models.CharField(_("type"), max_length=8, choices=Type.choices, default=Type.OUTPUT)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["initiative", "order", "pk"]
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    result = models.ForeignKey(
        Result, verbose_name=_("result"), on_delete=models.CASCADE, related_name="indicators"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    measure = models.CharField(
        _("measure"), max_length=12, choices=Measure.choices, default=Measure.QUANTITATIVE
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    ascending = models.BooleanField(
        _("higher is better"), default=True, help_text=_("Untick when the aim is to bring the figure down.")
    )
    cumulative = models.BooleanField(
        _("cumulative"),
        default=False,
        help_text=_("Each update gives the running total so far, not the amount since the last update."),
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=16, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    target_value = models.DecimalField(
        _("overall target"), max_digits=16, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    network_indicator = models.ForeignKey(
        NetworkIndicator,
        verbose_name=_("network indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
        help_text=_("Link to the shared catalogue so this indicator counts in the network's totals."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["result", "order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        network = self.network_indicator
        if network is not None and (network.measure != self.measure or network.cumulative != self.cumulative):
            raise ValidationError(
                {
                    "network_indicator": _(
                        "A network indicator can only be linked to an indicator with the same measure "
                        "and the same cumulative setting."
                    )
                }
            )

    @property
    def is_percentage(self) -> bool:
        return self.measure == Measure.PERCENTAGE

    @property
    def is_qualitative(self) -> bool:
        return self.measure == Measure.QUALITATIVE


class Period(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="periods"
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    target_value = models.DecimalField(
        _("target"), max_digits=16, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("A locked period accepts no new updates.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "start"]
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="period_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"


class PeriodTarget(models.Model):
    """A period's target for one disaggregation value (e.g. women trained)."""

    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.CASCADE, related_name="disaggregation_targets"
    )
    dimension_value = models.ForeignKey(
        DimensionValue, verbose_name=_("disaggregation"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField(_("target"), max_digits=16, decimal_places=2, validators=NON_NEGATIVE)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disaggregated target")
        verbose_name_plural = _("disaggregated targets")
        constraints = [
            models.UniqueConstraint(fields=["period", "dimension_value"], name="one_target_per_period_value")
        ]

    def __str__(self) -> str:
        return f"{self.dimension_value}: {self.value}"


class IndicatorUpdate(TimeStampedModel):
    """A reported value for a period; it counts in the actuals once a coordinator approves it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for approval")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned for revision")

    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.CASCADE, related_name="updates"
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("reported for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicator_updates",
    )
    reported_on = models.DateField(_("figure as of"), help_text=_("The date the figure describes."))
    value = models.DecimalField(
        _("value"), max_digits=16, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    numerator = models.DecimalField(
        _("numerator"), max_digits=16, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    denominator = models.DecimalField(
        _("denominator"), max_digits=16, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    narrative = models.TextField(_("narrative"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicator_updates",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("indicator update")
        verbose_name_plural = _("indicator updates")
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
    update = models.ForeignKey(
        IndicatorUpdate, verbose_name=_("update"), on_delete=models.CASCADE, related_name="disaggregations"
    )
    dimension_value = models.ForeignKey(
        DimensionValue, verbose_name=_("disaggregation"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, validators=NON_NEGATIVE)
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


class UpdateEvidence(models.Model):
    """A file backing an update: a PDF, Word or Excel document, or a re-encoded photo."""

    update = models.ForeignKey(
        IndicatorUpdate, verbose_name=_("update"), on_delete=models.CASCADE, related_name="evidence"
    )
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

    @property
    def download_url(self) -> str:
        """The permission-checked download."""
        return reverse("initiatives:evidence_download", kwargs={"pk": self.pk})


class UpdateCorrection(TimeStampedModel):
    """A recorded change to an approved update: who changed what, from what, and why.

    An approved figure counts in the network's totals, so it never changes silently: either it is
    returned to the member and approved again, or a results approver records a correction here.
    """

    update = models.ForeignKey(
        IndicatorUpdate, verbose_name=_("update"), on_delete=models.CASCADE, related_name="corrections"
    )
    reason = models.TextField(_("reason"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    before = models.JSONField(_("before"), default=dict)
    after = models.JSONField(_("after"), default=dict)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.update} · {self.created_at:%d/%m/%Y}"
