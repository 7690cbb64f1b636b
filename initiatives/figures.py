"""The network's figures kept as the results change (:class:`~initiatives.models.YearFigure`), so
the totals of the home page, the pillar and province pages, the results page and the API are a
grouped sum of a few rows per indicator instead of every approved update.

An indicator's rows are worked out again from its approved updates, by the rules of
:mod:`initiatives.rollups`, in the same transaction as each change to what they count. Every
write path that makes such a change calls :func:`year_figures_refresh` with the indicators it
touched: approving an update, correcting an approved figure, deleting updates or periods,
importing approved figures of the past, changing an indicator's network indicator, its
cumulative setting or its result, or a result's initiative. Whether an initiative is published,
its pillars and its provinces are read when the totals are asked for, so changing them rewrites
nothing.

``rebuild_results_figures`` writes every row again (after a bulk load, or when migrating); a
nightly task (:func:`year_figures_check`) compares the rows with a recomputation and repairs
the indicators that differ.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from core.page_cache import content_changed

from . import rollups
from .models import Indicator, IndicatorUpdate, YearFigure
from .selectors.approved import reports_of

logger = logging.getLogger(__name__)

# Indicators worked out at a time by a rebuild or a check: memory stays flat however many.
CHUNK = 500
WRITE_BATCH = 2000
# What a kept row is compared on, besides its place (indicator, year, part).
COMPARED = (
    "initiative_id",
    "network_indicator_id",
    "cumulative",
    "final",
    "value",
    "numerator",
    "denominator",
    "reports",
)


@dataclass(frozen=True)
class Tables:
    """The models the figures are read from and written to: the current ones, or a migration's
    own (``Tables.of(apps)``) when the migration fills the table."""

    indicator: type[models.Model]
    update: type[models.Model]
    figure: type[models.Model]

    @classmethod
    def of(cls, apps: Any) -> "Tables":
        return cls(
            apps.get_model("initiatives", "Indicator"),
            apps.get_model("initiatives", "IndicatorUpdate"),
            apps.get_model("initiatives", "YearFigure"),
        )


CURRENT = Tables(Indicator, IndicatorUpdate, YearFigure)


@dataclass(frozen=True)
class Series:
    """An indicator as its kept figures need it."""

    pk: int
    initiative_id: int
    network_indicator_id: int | None
    cumulative: bool


def series_figures(series: Series, reports: Sequence[rollups.Report]) -> list[dict[str, Any]]:
    """The rows one indicator keeps, from its approved ``reports``: its figure for each year from
    the first it reported in to the last (:func:`rollups.totals_by_year`: the year's sum, or the
    latest running total up to the year's end), then a row for each part of that figure. The
    last year of a cumulative indicator is ``final``: its running total counts in every later
    year too. An indicator outside the network's catalogue keeps nothing."""
    if series.network_indicator_id is None:
        return []
    years = rollups.totals_by_year(list(reports), cumulative=series.cumulative)
    common = {
        "indicator_id": series.pk,
        "initiative_id": series.initiative_id,
        "network_indicator_id": series.network_indicator_id,
        "cumulative": series.cumulative,
    }
    rows = []
    for index, (year, figure) in enumerate(years):
        place = {**common, "year": year, "final": series.cumulative and index == len(years) - 1}
        rows.append(
            {
                **place,
                "dimension_value_id": None,
                "value": figure.value,
                "numerator": figure.numerator,
                "denominator": figure.denominator,
                "reports": figure.reports,
            }
        )
        rows.extend(
            {
                **place,
                "dimension_value_id": value_id,
                "value": amount,
                "numerator": None,
                "denominator": None,
                "reports": 0,
            }
            for value_id, amount in sorted(figure.parts.items())
        )
    return rows


def _series(indicators: models.QuerySet) -> list[Series]:
    return [
        Series(*row)
        for row in indicators.order_by("pk").values_list(
            "pk", "result__initiative_id", "network_indicator_id", "cumulative"
        )
    ]


def _computed(series: Sequence[Series], tables: Tables) -> list[dict[str, Any]]:
    """The rows ``series`` should keep, from their approved updates: two queries."""
    linked = [s for s in series if s.network_indicator_id is not None]
    if not linked:
        return []
    updates = tables.update.objects.filter(
        status=IndicatorUpdate.Status.APPROVED, period__indicator_id__in=[s.pk for s in linked]
    )
    reports: dict[int, list[rollups.Report]] = defaultdict(list)
    for _network_id, report in reports_of(updates):
        reports[report.series].append(report)
    return [row for s in linked for row in series_figures(s, reports.get(s.pk, []))]


def _delete(queryset: models.QuerySet) -> None:
    # One DELETE statement. The ORM's delete would load every row to send each its signal (the
    # page cache's), for rows that only follow a change which moved the cache on already.
    queryset._raw_delete(queryset.db)


def _write(rows: list[dict[str, Any]], tables: Tables) -> int:
    tables.figure.objects.bulk_create([tables.figure(**row) for row in rows], batch_size=WRITE_BATCH)
    return len(rows)


def _chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def year_figures_refresh(*, indicator_ids: Iterable[int | None]) -> int:
    """Work out again the kept figures of these indicators from their approved updates. Call it
    inside the transaction of the change, so the totals never disagree with the updates.
    Returns how many rows are kept for them now. Five queries."""
    ids = sorted({pk for pk in indicator_ids if pk is not None})
    if not ids:
        return 0
    # Locked, so that of two approvals of one indicator at once the later counts the earlier's
    # update; an indicator deleted meanwhile has taken its rows with it.
    series = _series(Indicator.objects.select_for_update(of=("self",)).filter(pk__in=ids))
    _delete(YearFigure.objects.filter(indicator_id__in=ids))
    return _write(_computed(series, CURRENT), CURRENT)


@transaction.atomic
def year_figures_rebuild(*, tables: Tables = CURRENT) -> dict[str, int]:
    """Every kept figure written again from the approved updates: after a bulk load that
    bypassed the services, and by the migration that fills the table. Safe to run again.
    Returns how many indicators count in the network's totals and how many rows they keep."""
    # Every indicator locked, so no approval writes its rows between the delete and the insert.
    series = _series(tables.indicator.objects.select_for_update(of=("self",)))
    _delete(tables.figure.objects.all())
    written = sum(_write(_computed(chunk, tables), tables) for chunk in _chunks(series))
    transaction.on_commit(lambda: content_changed(results=True))
    linked = sum(1 for s in series if s.network_indicator_id is not None)
    return {"indicators": linked, "figures": written}


def _keyed(rows: Iterable[dict[str, Any]]) -> dict[int, dict[tuple, tuple]]:
    by_indicator: dict[int, dict[tuple, tuple]] = defaultdict(dict)
    for row in rows:
        place = (row["year"], row["dimension_value_id"])
        by_indicator[row["indicator_id"]][place] = tuple(row[name] for name in COMPARED)
    return by_indicator


def _differing(ids: Sequence[int]) -> list[int]:
    """Those of the indicators ``ids`` whose kept rows differ from a recomputation."""
    expected = _keyed(_computed(_series(Indicator.objects.filter(pk__in=ids)), CURRENT))
    kept = _keyed(
        YearFigure.objects.filter(indicator_id__in=ids).values(
            "indicator_id", "year", "dimension_value_id", *COMPARED
        )
    )
    return [pk for pk in ids if expected.get(pk, {}) != kept.get(pk, {})]


def year_figures_check(*, repair: bool = True) -> list[int]:
    """Compare every indicator's kept figures with a recomputation from its approved updates.
    Returns the indicators whose figures differed, logged, and with ``repair`` written again.

    Nothing is locked while comparing; a difference is confirmed under the indicators' locks
    before it is repaired, so an update approved meanwhile is not taken for one."""
    linked = Indicator.objects.filter(network_indicator__isnull=False).values_list("pk", flat=True)
    kept = YearFigure.objects.values_list("indicator_id", flat=True).distinct()
    ids = sorted(set(linked) | set(kept))
    differing = [pk for chunk in _chunks(ids) for pk in _differing(chunk)]
    if differing and repair:
        with transaction.atomic():
            list(
                Indicator.objects.select_for_update()
                .filter(pk__in=differing)
                .order_by("pk")
                .values_list("pk")
            )
            differing = _differing(differing)
            year_figures_refresh(indicator_ids=differing)
            transaction.on_commit(lambda: content_changed(results=True))
    if differing:
        logger.warning(
            "The kept results figures of %d indicators differed from their approved updates%s: %s",
            len(differing),
            " and were written again" if repair else "",
            ", ".join(map(str, differing)),
        )
    return differing
