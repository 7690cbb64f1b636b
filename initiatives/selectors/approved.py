"""Approved updates read as the rows :mod:`initiatives.rollups` adds up, and the breakdown of a
figure by disaggregation: what the results pages and the reports' figures share."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import F, QuerySet, Sum, Window
from django.db.models.expressions import Expression
from django.db.models.functions import RowNumber

from .. import rollups
from ..models import DimensionValue, IndicatorUpdate, UpdateDisaggregation

# The path from a row to the date its figure describes, turned into the window (a year, the
# current or the previous reporting period) the row counts in; NULL for none.
Bucket = Callable[[str], Expression]


def approved_updates() -> QuerySet[IndicatorUpdate]:
    """The updates that count: only an approved figure ever reaches a total."""
    return IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.APPROVED)


def reports_of(updates: QuerySet[IndicatorUpdate]) -> list[tuple[int, rollups.Report]]:
    """(network indicator id, report) for each update in ``updates``: two queries.

    The parts come from the model ``updates`` are of, so a migration filling the kept figures
    reads its own historical models here."""
    part_model = updates.model._meta.get_field("disaggregations").related_model
    parts: dict[int, dict[int, object]] = defaultdict(dict)
    for update_id, value_id, amount in part_model.objects.filter(update__in=updates).values_list(
        "update_id", "dimension_value_id", "value"
    ):
        parts[update_id][value_id] = amount
    rows = []
    for pk, indicator_id, network_id, on, value, numerator, denominator in updates.values_list(
        "pk",
        "period__indicator_id",
        "period__indicator__network_indicator_id",
        "reported_on",
        "value",
        "numerator",
        "denominator",
    ):
        report = rollups.Report(
            series=indicator_id,
            on=on,
            value=value,
            numerator=numerator,
            denominator=denominator,
            parts=parts.get(pk, {}),
            order=pk,
        )
        rows.append((network_id, report))
    return rows


def reports_by_indicator(updates: QuerySet[IndicatorUpdate]) -> dict[int, list[rollups.Report]]:
    """The reports of ``updates``, by the indicator they belong to."""
    grouped: dict[int, list[rollups.Report]] = defaultdict(list)
    for _network_id, report in reports_of(updates):
        grouped[report.series].append(report)
    return grouped


def reduced_reports(
    updates: QuerySet[IndicatorUpdate],
    *,
    sum_bucket: Bucket,
    sum_bucket_date: dict[int, date] | None,
    latest_bucket: Bucket,
) -> dict[int, list[rollups.Report]]:
    """Reports, by network indicator, that :mod:`rollups` turns into the same figures as every
    update in ``updates`` would, for windows made of whole buckets — reduced in the database, so
    the rows read stay few however many updates there are. Four queries.

    * Non-cumulative updates are **summed** per network indicator and ``sum_bucket`` (e.g. the
      year): one report per sum, dated ``sum_bucket_date[bucket]`` (or 1 January of the bucket
      when it is a year), as a series of its own.
    * Cumulative updates keep only each indicator's **latest** update per ``latest_bucket``:
      the one a window ending in that bucket would pick; earlier ones can never count.
    Updates whose bucket is NULL are outside every window asked for and are left out.
    A bucket is a function of the path to the update's date, so the same buckets apply to
    the updates and to their disaggregations.
    """
    series_of = F("period__indicator__network_indicator_id")
    plain = (
        updates.filter(period__indicator__cumulative=False)
        .annotate(bucket=sum_bucket("reported_on"))
        .exclude(bucket=None)
    )
    grouped: dict[int, list[rollups.Report]] = defaultdict(list)
    sums: dict[tuple[int, int], dict[int, object]] = defaultdict(dict)
    for network_id, bucket, value_id, amount in (
        UpdateDisaggregation.objects.filter(update__in=plain.values("pk"))
        .annotate(
            bucket=sum_bucket("update__reported_on"),
            network_id=F("update__period__indicator__network_indicator_id"),
        )
        .values_list("network_id", "bucket", "dimension_value_id")
        .annotate(amount=Sum("value"))
        .order_by()
    ):
        sums[network_id, bucket][value_id] = amount
    for network_id, bucket, value, numerator, denominator in (
        plain.values_list(series_of, "bucket")
        .annotate(value=Sum("value"), numerator=Sum("numerator"), denominator=Sum("denominator"))
        .order_by()
    ):
        on = sum_bucket_date[bucket] if sum_bucket_date else date(bucket, 1, 1)
        # A negative series number cannot collide with an indicator's primary key.
        grouped[network_id].append(
            rollups.Report(
                series=-network_id,
                on=on,
                value=value,
                numerator=numerator,
                denominator=denominator,
                parts=sums.get((network_id, bucket), {}),
            )
        )

    latest = (
        updates.filter(period__indicator__cumulative=True)
        .alias(bucket=latest_bucket("reported_on"))
        .exclude(bucket=None)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("period__indicator_id"), latest_bucket("reported_on")],
                order_by=[F("reported_on").desc(), F("pk").desc()],
            )
        )
        .filter(rank=1)
    )
    for network_id, report in reports_of(IndicatorUpdate.objects.filter(pk__in=latest.values("pk"))):
        grouped[network_id].append(report)
    return grouped


@dataclass
class Breakdown:
    label: str
    value: object
    target: object = None


def dimension_values() -> dict[int, DimensionValue]:
    return {v.pk: v for v in DimensionValue.objects.select_related("dimension")}


def breakdown(
    figure: rollups.Figure | None, values: dict[int, DimensionValue], targets: dict | None = None
) -> list[Breakdown]:
    """The parts of ``figure`` (and the ``targets`` set for them), in the order of their
    dimensions and values."""
    parts = figure.parts if figure else {}
    targets = targets or {}
    keys = set(parts) | set(targets)
    ordered = sorted(
        (values[key] for key in keys if key in values), key=lambda v: (v.dimension.order, v.order)
    )
    return [Breakdown(v.name, parts.get(v.pk), targets.get(v.pk)) for v in ordered]


@dataclass
class Disaggregation:
    """One part of a figure with the row it is about, for readers that need more than the label
    in the current language (the API gives both languages and the codes)."""

    value: DimensionValue
    actual: object
    target: object = None


def disaggregations(
    figure: rollups.Figure | None, values: dict[int, DimensionValue], targets: dict | None = None
) -> list[Disaggregation]:
    """The parts of ``figure`` (and the ``targets`` set for them) with their dimension values, in
    the order :func:`breakdown` lists them."""
    parts = figure.parts if figure else {}
    targets = targets or {}
    keys = set(parts) | set(targets)
    ordered = sorted(
        (values[key] for key in keys if key in values), key=lambda v: (v.dimension.order, v.order)
    )
    return [Disaggregation(v, parts.get(v.pk), targets.get(v.pk)) for v in ordered]
