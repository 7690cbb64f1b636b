"""Reads of results for the public pages: an initiative's targets against its actuals, and the
network's totals per year, for the whole network, a pillar or a province."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.db.models.expressions import Expression
from django.db.models.functions import ExtractYear

from core.charts import Chart
from vocabulary.models import Pillar, Province, in_province

from .. import rollups
from ..charts import CARD, indicator_chart, indicator_split_chart, split_chart, yearly_chart
from ..models import Indicator, Initiative, NetworkIndicator, Period, Result
from .approved import (
    Breakdown,
    approved_updates,
    breakdown,
    dimension_values,
    reduced_reports,
    reports_by_indicator,
)
from .public import initiative_public_queryset


def initiative_results(*, initiative: Initiative) -> list[Result]:
    """The initiative's results → indicators → periods, each period with ``actual`` (a
    :class:`rollups.Figure` from its approved updates, or None), ``breakdown`` (by disaggregation,
    with targets) and ``narratives`` (of approved updates), each indicator with its ``chart`` and
    its ``split_chart`` (by sex)."""
    periods = Period.objects.prefetch_related("disaggregation_targets").order_by("start")
    results = list(
        initiative.results.prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.select_related("network_indicator").prefetch_related(
                    Prefetch("periods", queryset=periods)
                ),
            )
        )
    )
    approved = approved_updates().filter(period__indicator__result__initiative=initiative)
    by_indicator = reports_by_indicator(approved)
    narratives: dict[int, list] = defaultdict(list)
    for period_id, on, text in approved.exclude(narrative="").values_list(
        "period_id", "reported_on", "narrative"
    ):
        narratives[period_id].append((on, text))
    values = dimension_values()
    for result in results:
        for indicator in result.indicators.all():
            reports = by_indicator.get(indicator.pk, [])
            for period in indicator.periods.all():
                period.actual = rollups.period_actual(
                    reports, cumulative=indicator.cumulative, start=period.start, end=period.end
                )
                targets = {t.dimension_value_id: t.value for t in period.disaggregation_targets.all()}
                period.breakdown = breakdown(period.actual, values, targets)
                period.narratives = sorted(narratives.get(period.pk, []))
            indicator.chart = indicator_chart(indicator)
            indicator.split_chart = indicator_split_chart(indicator)
    return results


def _by_year(on: str) -> Expression:
    return ExtractYear(on)


@dataclass
class NetworkTotal:
    indicator: NetworkIndicator
    total: rollups.Figure | None
    by_year: list[tuple[int, rollups.Figure]] = field(default_factory=list)
    breakdown: list[Breakdown] = field(default_factory=list)
    chart: Chart | None = None
    # Each year's total with its split by sex, for the table beside the split chart.
    yearly: list[tuple[int, rollups.Figure, list[Breakdown]]] = field(default_factory=list)
    split_chart: Chart | None = None


def network_totals(
    *, pillar: Pillar | None = None, province: Province | None = None, headline_only: bool = False
) -> list[NetworkTotal]:
    """Totals of every network indicator over the published initiatives (optionally of one
    pillar, or one current province including its former provinces), per calendar year and
    overall, by the rules of :mod:`initiatives.rollups`. Six queries whatever the data size."""
    indicators = NetworkIndicator.objects.all()
    if headline_only:
        indicators = indicators.filter(is_headline=True)
    indicators = list(indicators)
    if not indicators:
        return []
    initiatives = initiative_public_queryset(pillar=pillar)
    if province is not None:
        initiatives = initiatives.filter(
            pk__in=Initiative.provinces.through.objects.filter(in_province(province)).values("initiative_id")
        )
    updates = approved_updates().filter(
        period__indicator__network_indicator__in=[i.pk for i in indicators],
        period__indicator__result__initiative__in=initiatives,
    )
    grouped = reduced_reports(updates, sum_bucket=_by_year, sum_bucket_date=None, latest_bucket=_by_year)
    values = dimension_values()
    rows = []
    for indicator in indicators:
        reports = grouped.get(indicator.pk, [])
        total = rollups.combine(reports, cumulative=indicator.cumulative, until=date.max)
        by_year = rollups.totals_by_year(reports, cumulative=indicator.cumulative)
        yearly = [(year, figure, breakdown(figure, values)) for year, figure in by_year]
        rows.append(
            NetworkTotal(
                indicator=indicator,
                total=total,
                by_year=by_year,
                breakdown=breakdown(total, values),
                chart=yearly_chart(by_year, percent=bool(total and total.denominator)),
                yearly=yearly,
                split_chart=split_chart([(str(year), parts) for year, _figure, parts in yearly], layout=CARD),
            )
        )
    return rows
