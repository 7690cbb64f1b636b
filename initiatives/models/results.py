"""The results framework an initiative sets out: results (output, outcome, impact), their
indicators, the indicators' reporting periods and the periods' targets by disaggregation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import optional_link, order_field, required_link

from .catalogue import DimensionValue, Measure, NetworkIndicator, amount_field
from .initiatives import Initiative


class Result(models.Model):
    class Type(models.TextChoices):
        OUTPUT = "output", _("output")
        OUTCOME = "outcome", _("outcome")
        IMPACT = "impact", _("impact")

    initiative = required_link(Initiative, _("initiative"), related_name="results")
    type = models.CharField(_("type"), max_length=8, choices=Type.choices, default=Type.OUTPUT)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = order_field()
    history = HistoricalRecords()

    class Meta:
        ordering = ["initiative", "order", "pk"]
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    result = required_link(Result, _("result"), related_name="indicators")
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
    baseline_value = amount_field(_("baseline value"))
    target_value = amount_field(_("overall target"))
    network_indicator = optional_link(
        NetworkIndicator,
        _("network indicator"),
        on_delete=models.PROTECT,
        related_name="indicators",
        help_text=_("Link to the shared catalogue so this indicator counts in the network's totals."),
    )
    attendance_events = models.ManyToManyField(
        "events.Event",
        verbose_name=_("counts the people attending"),
        blank=True,
        related_name="counted_by_indicators",
        help_text=_(
            'E.g. the initiative\'s trainings for "people trained". When a reporting cycle opens, a figure '
            "split by sex is proposed from the people recorded as attending these events in the period, "
            "each counted once; the member checks it and submits it."
        ),
    )
    order = order_field()
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
    indicator = required_link(Indicator, _("indicator"), related_name="periods")
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    target_value = amount_field(_("target"))
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("A locked period accepts no new updates.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "start"]
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        # The admin's filter of locked periods.
        indexes = [models.Index(fields=["locked"], name="period_locked")]
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

    period = required_link(Period, _("period"), related_name="disaggregation_targets")
    dimension_value = required_link(
        DimensionValue, _("disaggregation"), related_name="+", on_delete=models.PROTECT
    )
    value = amount_field(_("target"), required=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disaggregated target")
        verbose_name_plural = _("disaggregated targets")
        constraints = [
            models.UniqueConstraint(fields=["period", "dimension_value"], name="one_target_per_period_value")
        ]

    def __str__(self) -> str:
        return f"{self.dimension_value}: {self.value}"
