"""Reads of results for the public pages: an initiative's targets against its actuals, and the
network's totals per year, for the whole network, a pillar or a province."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet, Sum

from core.charts import Chart
from vocabulary.models import Pillar, Province, in_province

from .. import rollups
from ..charts import CARD, indicator_chart, indicator_split_chart, split_chart, yearly_chart
from ..models import Indicator, Initiative, NetworkIndicator, Period, Result, YearFigure
from .approved import (
    Breakdown,
    approved_updates,
    breakdown,
    dimension_values,
    reports_by_indicator,
    reports_of,
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


def _network_indicators(headline_only: bool) -> list[NetworkIndicator]:
    indicators = NetworkIndicator.objects.all()
    if headline_only:
        indicators = indicators.filter(is_headline=True)
    return list(indicators)


def _initiatives_in_scope(*, pillar: Pillar | None, province: Province | None) -> QuerySet[Initiative]:
    """The published initiatives, of one pillar, of one current province with its former ones."""
    initiatives = initiative_public_queryset(pillar=pillar)
    if province is not None:
        initiatives = initiatives.filter(
            pk__in=Initiative.provinces.through.objects.filter(in_province(province)).values("initiative_id")
        )
    return initiatives


def _network_total(
    indicator: NetworkIndicator,
    total: rollups.Figure | None,
    by_year: list[tuple[int, rollups.Figure]],
    values: dict,
) -> NetworkTotal:
    yearly = [(year, figure, breakdown(figure, values)) for year, figure in by_year]
    return NetworkTotal(
        indicator=indicator,
        total=total,
        by_year=by_year,
        breakdown=breakdown(total, values),
        chart=yearly_chart(by_year, percent=bool(total and total.denominator)),
        yearly=yearly,
        split_chart=split_chart([(str(year), parts) for year, _figure, parts in yearly], layout=CARD),
    )


def _plus(total: Decimal | None, amount: Decimal | None) -> Decimal | None:
    if amount is None:
        return total
    return amount if total is None else total + amount


def _added(*figures: rollups.Figure | None) -> rollups.Figure:
    """Kept figures added together: the rules of :mod:`rollups` were applied as they were kept,
    so what is left is a sum."""
    total = rollups.Figure()
    for figure in figures:
        if figure is None:
            continue
        total.value = _plus(total.value, figure.value)
        total.numerator = _plus(total.numerator, figure.numerator)
        total.denominator = _plus(total.denominator, figure.denominator)
        total.reports += figure.reports
        for key, amount in figure.parts.items():
            total.parts[key] = _plus(total.parts.get(key), amount)
    return total


def _kept_sums(figures: QuerySet[YearFigure]) -> list[dict]:
    """The kept rows summed by network indicator, year, rule and part, and summed again over the
    ``final`` rows alone: one grouped query."""
    names = ("value", "numerator", "denominator", "reports")
    sums = {f"all_{name}": Sum(name) for name in names}
    finals = {f"final_{name}": Sum(name, filter=Q(final=True)) for name in names}
    return list(
        figures.values("network_indicator_id", "year", "cumulative", "dimension_value_id")
        .annotate(**sums, **finals)
        .order_by()
    )


def _gather(row: dict, figure: rollups.Figure, prefix: str = "all_") -> None:
    """Add a grouped row's sums (or with ``final_``, those of its final rows) to ``figure``."""
    value = row[f"{prefix}value"]
    if row["dimension_value_id"] is not None:
        if value is not None:
            figure.parts[row["dimension_value_id"]] = _plus(
                figure.parts.get(row["dimension_value_id"]), value
            )
        return
    figure.value = _plus(figure.value, value)
    figure.numerator = _plus(figure.numerator, row[f"{prefix}numerator"])
    figure.denominator = _plus(figure.denominator, row[f"{prefix}denominator"])
    figure.reports += row[f"{prefix}reports"] or 0


def network_totals(
    *, pillar: Pillar | None = None, province: Province | None = None, headline_only: bool = False
) -> list[NetworkTotal]:
    """Totals of every network indicator over the published initiatives (optionally of one
    pillar, or one current province including its former provinces), per calendar year and
    overall, by the rules of :mod:`initiatives.rollups`. Three queries whatever the data size.

    They add up the indicators' kept yearly figures (:mod:`initiatives.figures`): a year's total
    is the sum of the rows of that year, plus, for a cumulative indicator that reported nothing
    since, the running total of its ``final`` year. The overall total is the sum of every year
    of the non-cumulative indicators and of the final running totals of the cumulative ones.
    """
    indicators = _network_indicators(headline_only)
    if not indicators:
        return []
    kept = YearFigure.objects.filter(
        network_indicator__in=[i.pk for i in indicators],
        initiative__in=_initiatives_in_scope(pillar=pillar, province=province),
    )
    # For each network indicator: by year, the rows of that year and the final rows alone.
    own: dict[int, dict[int, rollups.Figure]] = defaultdict(lambda: defaultdict(rollups.Figure))
    final: dict[int, dict[int, rollups.Figure]] = defaultdict(lambda: defaultdict(rollups.Figure))
    totals: dict[int, rollups.Figure] = defaultdict(rollups.Figure)
    for row in _kept_sums(kept):
        network_id, year = row["network_indicator_id"], row["year"]
        _gather(row, own[network_id][year])
        if row["cumulative"]:
            _gather(row, final[network_id][year], "final_")
            _gather(row, totals[network_id], "final_")
        else:
            _gather(row, totals[network_id])
    values = dimension_values()
    rows = []
    for indicator in indicators:
        years = own.get(indicator.pk, {})
        by_year = []
        carried = rollups.Figure()
        for year in range(min(years, default=0), max(years, default=-1) + 1):
            figure = _added(years.get(year), carried)
            if figure.reports:
                by_year.append((year, figure))
            carried = _added(carried, final[indicator.pk].get(year))
        total = totals.get(indicator.pk)
        rows.append(_network_total(indicator, total if total and total.reports else None, by_year, values))
    return rows


def recomputed_network_totals(
    *, pillar: Pillar | None = None, province: Province | None = None, headline_only: bool = False
) -> list[NetworkTotal]:
    """:func:`network_totals` worked out from every approved update, one by one: the reference
    the kept figures are checked against in tests. It reads every approved update in scope, so
    it is no page's read."""
    indicators = _network_indicators(headline_only)
    if not indicators:
        return []
    updates = approved_updates().filter(
        period__indicator__network_indicator__in=[i.pk for i in indicators],
        period__indicator__result__initiative__in=_initiatives_in_scope(pillar=pillar, province=province),
    )
    grouped: dict[int, list[rollups.Report]] = defaultdict(list)
    for network_id, report in reports_of(updates):
        grouped[network_id].append(report)
    values = dimension_values()
    rows = []
    for indicator in indicators:
        reports = grouped.get(indicator.pk, [])
        total = rollups.combine(reports, cumulative=indicator.cumulative, until=date.max)
        by_year = rollups.totals_by_year(reports, cumulative=indicator.cumulative)
        rows.append(_network_total(indicator, total, by_year, values))
    return rows
