"""Reads of a reporting period, for the reports: the initiatives running in it, the network's
totals against the period before, and every initiative's targets against its actuals."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.db.models.expressions import Expression

from vocabulary.models import Pillar

from .. import rollups
from ..models import IndicatorUpdate, Initiative, NetworkIndicator, Period, PeriodTarget
from .approved import (
    Breakdown,
    approved_updates,
    breakdown,
    dimension_values,
    reduced_reports,
    reports_by_indicator,
)
from .public import initiative_public_queryset


def initiatives_active(*, start: date, end: date, pillar: int | None = None) -> QuerySet[Initiative]:
    """The published initiatives running at some point of ``start``–``end`` (of one pillar, by
    id, if given), leaving out the cancelled ones. A missing start or end leaves that side open."""
    return (
        initiative_public_queryset(pillar=pillar)
        .running(start=start, end=end)
        .exclude(status=Initiative.Status.CANCELLED)
    )


def initiative_counts_by_pillar(*, initiatives: QuerySet[Initiative]) -> dict[int, int]:
    """Pillar id → how many of ``initiatives`` serve it, in one grouped query."""
    return dict(
        Initiative.pillars.through.objects.filter(initiative__in=initiatives)
        .values_list("pillar_id")
        .annotate(n=Count("initiative_id", distinct=True))
        .order_by()
    )


def initiatives_most_reported(
    *, initiatives: QuerySet[Initiative], start: date, end: date, limit: int = 20
) -> list[Initiative]:
    """Those of ``initiatives`` with the most approved updates dated ``start``–``end``, each with
    ``reported``, the number of them; only those with at least one."""
    updates = "results__indicators__periods__updates"
    approved = Q(
        **{
            f"{updates}__status": IndicatorUpdate.Status.APPROVED,
            f"{updates}__reported_on__range": (start, end),
        }
    )
    return list(
        initiatives.annotate(reported=Count(updates, filter=approved))
        .filter(reported__gt=0)
        .order_by("-reported", "title_vi", "pk")[:limit]
    )


@dataclass
class PeriodTotal:
    indicator: NetworkIndicator
    current: rollups.Figure | None
    previous: rollups.Figure | None
    breakdown: list[Breakdown] = field(default_factory=list)


def network_period_totals(
    *, start: date, end: date, previous: tuple[date, date] | None = None, pillar: Pillar | None = None
) -> list[PeriodTotal]:
    """Each network indicator's total for a reporting period (and the period before, to compare),
    over the published initiatives, by the rules of :mod:`initiatives.rollups`: amounts dated in
    the period are summed; cumulative indicators give each initiative's latest running total up to
    the period's end."""
    indicators = list(NetworkIndicator.objects.all())
    updates = approved_updates().filter(
        period__indicator__network_indicator__isnull=False,
        period__indicator__result__initiative__in=initiative_public_queryset(pillar=pillar),
        reported_on__lte=end,
    )
    CURRENT, PREVIOUS = 1, 0

    def summed(on: str) -> Expression:
        windows = [When(**{f"{on}__range": (start, end)}, then=Value(CURRENT))]
        if previous:
            windows.append(When(**{f"{on}__range": previous}, then=Value(PREVIOUS)))
        return Case(*windows, output_field=IntegerField())

    def latest(on: str) -> Expression:
        # Running totals carry forward: a window takes the latest one up to its end.
        windows = [When(**{f"{on}__lte": previous[1]}, then=Value(PREVIOUS))] if previous else []
        windows.append(When(**{f"{on}__lte": end}, then=Value(CURRENT)))
        return Case(*windows, output_field=IntegerField())

    dates = {CURRENT: start, PREVIOUS: previous[0] if previous else start}
    grouped = reduced_reports(updates, sum_bucket=summed, sum_bucket_date=dates, latest_bucket=latest)
    values = dimension_values()
    rows = []
    for indicator in indicators:
        reports = grouped.get(indicator.pk, [])
        current = rollups.combine(reports, cumulative=indicator.cumulative, since=start, until=end)
        before = (
            rollups.combine(reports, cumulative=indicator.cumulative, since=previous[0], until=previous[1])
            if previous
            else None
        )
        rows.append(
            PeriodTotal(
                indicator=indicator, current=current, previous=before, breakdown=breakdown(current, values)
            )
        )
    return rows


def initiative_period_rows(
    *, start: date, end: date, pillar: Pillar | None = None, chunk_size: int = 200
) -> Iterator[Period]:
    """Targets against actuals of every published initiative's indicator periods that overlap
    the reporting period, with the actual's and target's disaggregations; a generator, so a
    large export streams.

    Initiatives are read in keyset pages by title and id (``(title, id) > last`` … ``LIMIT``):
    each page asks the same few queries for ``chunk_size`` initiatives however far the export
    has got, and memory holds one page of periods and their updates.
    """
    overlapping = Period.objects.filter(start__lte=end, end__gte=start)
    initiatives = (
        initiative_public_queryset(pillar=pillar)
        .filter(Exists(overlapping.filter(indicator__result__initiative=OuterRef("pk"))))
        .order_by("title_vi", "pk")
    )
    values = dimension_values()
    published_pillars = Prefetch("pillars", queryset=Pillar.objects.published())
    last: tuple[str, int] | None = None
    while True:
        page = initiatives
        if last is not None:
            page = page.filter(Q(title_vi__gt=last[0]) | Q(title_vi=last[0], pk__gt=last[1]))
        page = list(page.prefetch_related(published_pillars)[:chunk_size])
        if not page:
            return
        last = (page[-1].title_vi, page[-1].pk)
        by_id = {initiative.pk: initiative for initiative in page}
        chunk = list(
            overlapping.filter(indicator__result__initiative__in=by_id)
            .select_related("indicator__result", "indicator__network_indicator")
            .order_by(
                "indicator__result__initiative__title_vi",
                "indicator__result__initiative_id",
                "indicator__result__order",
                "indicator__result_id",
                "indicator__order",
                "indicator_id",
                "start",
                "pk",
            )
        )
        targets: dict[int, dict[int, object]] = defaultdict(dict)
        for period_id, value_id, amount in PeriodTarget.objects.filter(
            period__in=[p.pk for p in chunk]
        ).values_list("period_id", "dimension_value_id", "value"):
            targets[period_id][value_id] = amount
        # A period's actual counts the updates dated within it, so the chunk's window is enough.
        by_indicator = reports_by_indicator(
            approved_updates().filter(
                period__indicator__in={p.indicator_id for p in chunk},
                reported_on__range=(min(p.start for p in chunk), max(p.end for p in chunk)),
            )
        )
        for period in chunk:
            indicator = period.indicator
            actual = (
                None
                if indicator.is_qualitative
                else rollups.period_actual(
                    by_indicator.get(indicator.pk, []),
                    cumulative=indicator.cumulative,
                    start=period.start,
                    end=period.end,
                )
            )
            # One instance per initiative, its published pillars read once for the page.
            indicator.result.initiative = by_id[indicator.result.initiative_id]
            period.actual = actual
            period.breakdown = breakdown(actual, values, targets.get(period.pk, {}))
            yield period
