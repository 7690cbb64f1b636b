"""The network's figures kept as the results change: each linked indicator's figure for each
calendar year, worked out by the rules of ``initiatives.rollups`` when an update is approved,
corrected or removed, so the network's totals are a grouped sum of a few rows per indicator
instead of every approved update. Only ``initiatives.figures`` writes them."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .catalogue import DimensionValue, NetworkIndicator
from .initiatives import Initiative
from .results import Indicator


def kept_amount() -> models.DecimalField:
    # A year's sum of many updates: room for more digits than one figure has.
    return models.DecimalField(max_digits=20, decimal_places=2, null=True)


class YearFigure(models.Model):
    """One indicator's figure for one calendar year, or one part of it (the women counted, say):
    the sum of the year's approved updates, or for a cumulative indicator its latest running
    total up to 31 December, carried through the years it reported nothing.

    Whether the initiative is published, its pillars and its provinces are read when the totals
    are asked for, by joining: publishing an initiative or changing its pillars or provinces
    rewrites nothing here.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    # The indicator's own initiative and network indicator, copied so the totals join one table.
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    network_indicator = models.ForeignKey(NetworkIndicator, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    # None for the whole figure; else the part of it this row holds, in ``value``.
    dimension_value = models.ForeignKey(DimensionValue, on_delete=models.CASCADE, null=True, related_name="+")
    cumulative = models.BooleanField()
    # The last year of a cumulative indicator: its running total still counts in every later year.
    final = models.BooleanField(default=False)
    value = kept_amount()
    numerator = kept_amount()
    denominator = kept_amount()
    reports = models.PositiveIntegerField(default=0)  # approved updates the figure is made of

    class Meta:
        verbose_name = _("kept yearly figure")
        verbose_name_plural = _("kept yearly figures")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=Q(dimension_value=None),
                name="one_year_figure_per_indicator",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year", "dimension_value"],
                condition=Q(dimension_value__isnull=False),
                name="one_year_figure_per_part",
            ),
        ]
        indexes = [models.Index(fields=["network_indicator", "year"], name="year_figure_network_year")]

    def __str__(self) -> str:
        return f"{self.indicator_id} · {self.year}"
