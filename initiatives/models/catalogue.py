"""The shared catalogue: the ways a figure is broken down (sex, age group…), how indicators measure,
and the network indicators that initiative indicators link to so the network gets totals."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ReferenceModel, order_field, required_link

NON_NEGATIVE = [MinValueValidator(Decimal("0"), message=_("Enter a number that is not negative."))]


def amount_field(verbose_name: str, *, required: bool = False) -> models.DecimalField:
    """A figure, target or sum of money: up to 16 digits with 2 decimals, never negative."""
    return models.DecimalField(
        verbose_name,
        max_digits=16,
        decimal_places=2,
        null=not required,
        blank=not required,
        validators=NON_NEGATIVE,
    )


class Dimension(ReferenceModel):
    """A way of breaking a figure down (sex, age group, …): data coordinators edit."""

    class Meta(ReferenceModel.Meta):
        verbose_name = _("disaggregation dimension")
        verbose_name_plural = _("disaggregation dimensions")


class DimensionValue(models.Model):
    dimension = required_link(Dimension, _("dimension"), related_name="values")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    order = order_field()

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
    order = order_field()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("network indicator")
        verbose_name_plural = _("network indicators")

    def __str__(self) -> str:
        return self.name
