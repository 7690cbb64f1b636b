"""Reads for pillars, initiatives and their results. Public reads only ever see published
initiatives (and published organisations and pillars); every page's query count is fixed."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.expressions import Expression
from django.db.models.functions import ExtractYear, RowNumber

from members.models import Organisation, PillarParticipation
from members.selectors import organisations_editable_by
from vocabulary.models import Pillar, Province, TechnicalGroup

from . import rollups
from .charts import bar_chart
from .filters import InitiativeFilter
from .models import (
    DimensionValue,
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativeDocument,
    InitiativePartner,
    NetworkIndicator,
    Period,
    PeriodTarget,
    Result,
    UpdateDisaggregation,
    UpdateEvidence,
)

# --- pillars -------------------------------------------------------------------------------


def pillar_list_public() -> QuerySet[Pillar]:
    return Pillar.objects.published()


def pillar_get_public(*, code: str) -> Pillar | None:
    return (
        pillar_list_public()
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=PillarParticipation.objects.filter(organisation__is_published=True)
                .select_related("organisation")
                .order_by("role", "organisation__name"),
                to_attr="public_participations",
            ),
            Prefetch(
                "technical_groups",
                queryset=TechnicalGroup.objects.select_related("lead_organisation"),
            ),
        )
        .filter(code=code)
        .first()
    )


def pillar_initiatives(*, pillar: Pillar, limit: int = 12) -> QuerySet[Initiative]:
    return _list_prefetches(initiative_public_queryset().filter(pillars=pillar)).order_by("-start", "title")[
        :limit
    ]


def _list_prefetches(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """What a row of an initiatives list shows: pillars, provinces and lead organisations."""
    return queryset.prefetch_related(
        Prefetch("pillars", queryset=Pillar.objects.published()),
        Prefetch("provinces", queryset=Province.objects.select_related("successor")),
        Prefetch(
            "partners",
            queryset=InitiativePartner.objects.filter(
                role=InitiativePartner.Role.ACCOUNTABLE, organisation__is_published=True
            ).select_related("organisation"),
            to_attr="leads",
        ),
    )


# --- initiatives -----------------------------------------------------------------------------


def initiative_public_queryset() -> QuerySet[Initiative]:
    return Initiative.objects.published()


def initiative_list(*, filters: dict | None = None) -> tuple[InitiativeFilter, QuerySet[Initiative]]:
    """The filtered public list, with what each row shows already loaded."""
    filterset = InitiativeFilter(filters or None, queryset=initiative_public_queryset())
    return filterset, _list_prefetches(filterset.qs.order_by("-start", "title"))


def initiative_facets(*, filters: dict | None = None) -> dict[str, dict]:
    """For each filter, how many initiatives each option would show, given the other filters."""
    filters = dict(filters or {})

    def others(name: str) -> QuerySet[Initiative]:
        data = {key: value for key, value in filters.items() if key not in (name, "page")}
        return InitiativeFilter(data or None, queryset=initiative_public_queryset()).qs

    facets: dict[str, dict] = {}
    facets["status"] = {
        row["status"]: row["n"]
        for row in others("status").values("status").annotate(n=Count("pk")).order_by()
    }
    facets["pillar"] = {
        row["pillars__code"]: row["n"]
        for row in others("pillar")
        .filter(pillars__is_published=True)
        .values("pillars__code")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    }
    province_ids: dict[str, set[int]] = defaultdict(set)
    for row in (
        others("province")
        .filter(provinces__isnull=False)
        .values("pk", "provinces__code", "provinces__successor__code")
        .order_by()
    ):
        province_ids[row["provinces__successor__code"] or row["provinces__code"]].add(row["pk"])
    facets["province"] = {code: len(ids) for code, ids in province_ids.items()}
    return facets


# The organisation filter offers the organisations with the most initiatives only: a national
# network has thousands, too many for one list. The others are a link away on their own page.
ORGANISATION_OPTIONS = 30


def initiative_filter_choices(*, selected_organisation: str = "") -> dict:
    """Options of the list's filters: pillars, current provinces, the partner organisations with
    the most published initiatives (and the one chosen), years."""
    public = initiative_public_queryset()
    busiest = (
        InitiativePartner.objects.filter(initiative__is_published=True, organisation__is_published=True)
        .values("organisation_id")
        .annotate(n=Count("initiative_id", distinct=True))
        .order_by("-n", "organisation_id")
        .values_list("organisation_id", flat=True)[:ORGANISATION_OPTIONS]
    )
    # The slice is read first: not every database takes LIMIT inside IN (...).
    organisations = (
        Organisation.objects.published()
        .filter(Q(pk__in=list(busiest)) | Q(slug=selected_organisation))
        .order_by("name")
    )
    span = public.values_list("start__year", "end__year")
    years: set[int] = set()
    for start, end in span:
        first, last = start or end, end or start
        if first and last and last - first < 50:
            years.update(range(first, last + 1))
    return {
        "pillars": list(pillar_list_public()),
        "provinces": list(Province.objects.current()),
        "organisations": list(organisations),
        "years": sorted(years, reverse=True),
    }


def initiative_get_public(*, slug: str) -> Initiative | None:
    return (
        initiative_public_queryset()
        .select_related("parent")
        .prefetch_related(
            Prefetch("pillars", queryset=Pillar.objects.published()),
            Prefetch("provinces", queryset=Province.objects.select_related("successor")),
            Prefetch(
                "partners",
                queryset=InitiativePartner.objects.filter(organisation__is_published=True).select_related(
                    "organisation"
                ),
            ),
            Prefetch("children", queryset=Initiative.objects.published(), to_attr="published_children"),
            Prefetch(
                "documents",
                queryset=InitiativeDocument.objects.filter(is_public=True),
                to_attr="public_documents",
            ),
            "photos",
        )
        .filter(slug=slug)
        .first()
    )


def organisation_initiatives(*, organisation: Organisation) -> list[InitiativePartner]:
    """The organisation's published initiatives with its role in each (one query)."""
    return list(
        InitiativePartner.objects.filter(organisation=organisation, initiative__is_published=True)
        .select_related("initiative")
        .order_by("-initiative__start", "initiative__title", "role")
    )


# --- results framework ---------------------------------------------------------------------


def _reports(updates: QuerySet[IndicatorUpdate]) -> list[tuple[int, rollups.Report]]:
    """(network indicator id, report) for each approved update in ``updates``: two queries."""
    parts: dict[int, dict[int, object]] = defaultdict(dict)
    for update_id, value_id, amount in UpdateDisaggregation.objects.filter(update__in=updates).values_list(
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


@dataclass
class Breakdown:
    label: str
    value: object
    target: object = None


def _breakdown(
    parts: dict, values: dict[int, DimensionValue], targets: dict | None = None
) -> list[Breakdown]:
    keys = set(parts) | set(targets or {})
    ordered = sorted(
        (values[key] for key in keys if key in values), key=lambda v: (v.dimension.order, v.order)
    )
    return [Breakdown(v.name, parts.get(v.pk), (targets or {}).get(v.pk)) for v in ordered]


def _dimension_values() -> dict[int, DimensionValue]:
    return {v.pk: v for v in DimensionValue.objects.select_related("dimension")}


def initiative_results(*, initiative: Initiative) -> list[Result]:
    """The initiative's results → indicators → periods, each period with ``actual`` (a
    :class:`rollups.Figure` from its approved updates, or None), ``breakdown`` (by disaggregation,
    with targets) and each indicator with ``narratives`` of approved qualitative updates."""
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
    approved = IndicatorUpdate.objects.filter(
        status=IndicatorUpdate.Status.APPROVED, period__indicator__result__initiative=initiative
    )
    by_indicator: dict[int, list[rollups.Report]] = defaultdict(list)
    for _network_id, report in _reports(approved):
        by_indicator[report.series].append(report)
    narratives: dict[int, list] = defaultdict(list)
    for period_id, on, text in approved.exclude(narrative="").values_list(
        "period_id", "reported_on", "narrative"
    ):
        narratives[period_id].append((on, text))
    values = _dimension_values()
    for result in results:
        for indicator in result.indicators.all():
            reports = by_indicator.get(indicator.pk, [])
            for period in indicator.periods.all():
                period.actual = rollups.period_actual(
                    reports, cumulative=indicator.cumulative, start=period.start, end=period.end
                )
                targets = {t.dimension_value_id: t.value for t in period.disaggregation_targets.all()}
                period.breakdown = _breakdown(period.actual.parts if period.actual else {}, values, targets)
                period.narratives = sorted(narratives.get(period.pk, []))
            indicator.chart = _indicator_chart(indicator)
    return results


def _indicator_chart(indicator: Indicator):
    if indicator.is_qualitative:
        return None
    periods = list(indicator.periods.all())
    # Without any target the chart shows actuals alone rather than a row of empty target bars.
    with_targets = any(period.target_value is not None for period in periods)
    groups = []
    for period in periods:
        actual = period.actual.display if period.actual else None
        if actual is None and period.target_value is None:
            continue
        bars = [("target", period.target_value)] if with_targets else []
        groups.append((f"{period.start:%m/%Y}–{period.end:%m/%Y}", [*bars, ("actual", actual)]))
    return bar_chart(groups) if groups else None


Bucket = Callable[[str], Expression]


def _by_year(on: str) -> Expression:
    return ExtractYear(on)


def _reduced_reports(
    updates: QuerySet[IndicatorUpdate],
    *,
    sum_bucket: Bucket,
    sum_bucket_date: dict[int, date] | None,
    latest_bucket: Bucket,
) -> list[tuple[int, rollups.Report]]:
    """(network indicator id, report) rows that :mod:`rollups` turns into the same figures as
    every approved update in ``updates`` would, for windows made of whole buckets — reduced in
    the database, so the rows read stay few however many updates there are. Four queries.

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
    reports: list[tuple[int, rollups.Report]] = []
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
        report = rollups.Report(
            series=-network_id,
            on=on,
            value=value,
            numerator=numerator,
            denominator=denominator,
            parts=sums.get((network_id, bucket), {}),
        )
        reports.append((network_id, report))

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
    reports += _reports(IndicatorUpdate.objects.filter(pk__in=latest.values("pk")))
    return reports


@dataclass
class NetworkTotal:
    indicator: NetworkIndicator
    total: rollups.Figure | None
    by_year: list[tuple[int, rollups.Figure]] = field(default_factory=list)
    breakdown: list[Breakdown] = field(default_factory=list)
    chart: object = None


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
    initiatives = initiative_public_queryset()
    if pillar is not None:
        initiatives = initiatives.filter(pillars=pillar)
    if province is not None:
        initiatives = initiatives.filter(
            pk__in=Initiative.provinces.through.objects.filter(
                Q(province=province) | Q(province__successor=province)
            ).values("initiative_id")
        )
    updates = IndicatorUpdate.objects.filter(
        status=IndicatorUpdate.Status.APPROVED,
        period__indicator__network_indicator__in=[i.pk for i in indicators],
        period__indicator__result__initiative__in=initiatives,
    )
    grouped: dict[int, list[rollups.Report]] = defaultdict(list)
    reduced = (
        _reduced_reports(updates, sum_bucket=_by_year, sum_bucket_date=None, latest_bucket=_by_year)
        if indicators
        else []
    )
    for network_id, report in reduced:
        grouped[network_id].append(report)
    values = _dimension_values() if indicators else {}
    rows = []
    for indicator in indicators:
        reports = grouped.get(indicator.pk, [])
        total = rollups.combine(reports, cumulative=indicator.cumulative, until=date.max)
        by_year = rollups.totals_by_year(reports, cumulative=indicator.cumulative)
        chart = (
            bar_chart([(str(year), [("actual", f.display)]) for year, f in by_year], width=300, bar_space=170)
            if by_year
            else None
        )
        rows.append(
            NetworkTotal(
                indicator=indicator,
                total=total,
                by_year=by_year,
                breakdown=_breakdown(total.parts if total else {}, values),
                chart=chart,
            )
        )
    return rows


# --- member reporting ------------------------------------------------------------------------


def initiatives_reportable_by(*, user: AbstractBaseUser) -> QuerySet[Initiative]:
    """Initiatives a member editor may report on: those where one of the organisations they
    edit is a partner. Coordinators may report on every initiative."""
    if not user.is_authenticated:
        return Initiative.objects.none()
    if user.has_perm("initiatives.add_indicatorupdate"):
        return Initiative.objects.all()
    organisations = organisations_editable_by(user=user)
    return Initiative.objects.filter(
        pk__in=InitiativePartner.objects.filter(organisation__in=organisations).values("initiative_id")
    )


def initiative_get_reportable(*, user: AbstractBaseUser, slug: str) -> Initiative | None:
    return initiatives_reportable_by(user=user).filter(slug=slug).first()


def reporting_organisation(*, user: AbstractBaseUser, initiative: Initiative) -> Organisation | None:
    """The organisation an update is reported for: the user's partner organisation."""
    return (
        organisations_editable_by(user=user)
        .filter(initiative_partnerships__initiative=initiative)
        .order_by("name")
        .first()
    )


def initiative_reporting_view(*, initiative: Initiative) -> list[Result]:
    """Results → indicators → periods with every update (any status) for the reporting page."""
    updates = IndicatorUpdate.objects.select_related("submitted_by", "organisation").order_by(
        "-reported_on", "-pk"
    )
    periods = Period.objects.prefetch_related(Prefetch("updates", queryset=updates)).order_by("start")
    return list(
        initiative.results.prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(Prefetch("periods", queryset=periods)),
            )
        )
    )


def period_get_reportable(*, initiative: Initiative, period_id: int) -> Period | None:
    return (
        Period.objects.select_related("indicator", "indicator__result")
        .filter(indicator__result__initiative=initiative, pk=period_id)
        .first()
    )


def update_get_editable(*, initiative: Initiative, update_id: int) -> IndicatorUpdate | None:
    return (
        IndicatorUpdate.objects.select_related("period", "period__indicator", "period__indicator__result")
        .prefetch_related("disaggregations", "evidence")
        .filter(period__indicator__result__initiative=initiative, pk=update_id)
        .first()
    )


def sex_values() -> list[DimensionValue]:
    return list(DimensionValue.objects.filter(dimension__code="sex").select_related("dimension"))


def approval_queue() -> QuerySet[IndicatorUpdate]:
    return (
        IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.SUBMITTED)
        .select_related(
            "period",
            "period__indicator",
            "period__indicator__result__initiative",
            "submitted_by",
            "organisation",
        )
        .prefetch_related("disaggregations__dimension_value", "evidence")
        .order_by("submitted_at", "pk")
    )


# --- reporting periods (for the reports app) ---------------------------------------------------


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
    initiatives = initiative_public_queryset()
    if pillar is not None:
        initiatives = initiatives.filter(pillars=pillar)
    updates = IndicatorUpdate.objects.filter(
        status=IndicatorUpdate.Status.APPROVED,
        period__indicator__network_indicator__isnull=False,
        period__indicator__result__initiative__in=initiatives,
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

    grouped: dict[int, list[rollups.Report]] = defaultdict(list)
    dates = {CURRENT: start, PREVIOUS: previous[0] if previous else start}
    for network_id, report in _reduced_reports(
        updates, sum_bucket=summed, sum_bucket_date=dates, latest_bucket=latest
    ):
        grouped[network_id].append(report)
    values = _dimension_values()
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
                indicator=indicator,
                current=current,
                previous=before,
                breakdown=_breakdown(current.parts if current else {}, values),
            )
        )
    return rows


def initiative_period_rows(*, start: date, end: date, pillar: Pillar | None = None, chunk_size: int = 200):
    """Targets against actuals of every published initiative's indicator periods that overlap
    the reporting period, with the actual's and target's disaggregations; a generator, so a
    large export streams.

    Initiatives are read in keyset pages by title and id (``(title, id) > last`` … ``LIMIT``):
    each page asks the same few queries for ``chunk_size`` initiatives however far the export
    has got, and memory holds one page of periods and their updates.
    """
    overlapping = Period.objects.filter(start__lte=end, end__gte=start)
    initiatives = (
        initiative_public_queryset()
        .filter(Exists(overlapping.filter(indicator__result__initiative=OuterRef("pk"))))
        .order_by("title_vi", "pk")
    )
    if pillar is not None:
        initiatives = initiatives.filter(pillars=pillar)
    values = _dimension_values()
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
        approved = IndicatorUpdate.objects.filter(
            status=IndicatorUpdate.Status.APPROVED,
            period__indicator__in={p.indicator_id for p in chunk},
            reported_on__range=(min(p.start for p in chunk), max(p.end for p in chunk)),
        )
        by_indicator: dict[int, list[rollups.Report]] = defaultdict(list)
        for _network_id, report in _reports(approved):
            by_indicator[report.series].append(report)
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
            period.breakdown = _breakdown(actual.parts if actual else {}, values, targets.get(period.pk, {}))
            yield period


# --- private files -------------------------------------------------------------------------------


def evidence_get_downloadable(*, user: AbstractBaseUser, pk: int) -> UpdateEvidence | None:
    """An evidence file, if ``user`` may download it: holders of the permission to view evidence
    (coordinators, results approvers), and the editors of the organisation the update is for."""
    if not user.is_authenticated:
        return None
    evidence = UpdateEvidence.objects.filter(pk=pk)
    if not user.has_perm("initiatives.view_updateevidence"):
        evidence = evidence.filter(update__organisation__in=organisations_editable_by(user=user))
    return evidence.first()


def initiative_document_get_private(*, user: AbstractBaseUser, pk: int) -> InitiativeDocument | None:
    """A document that is not public, if ``user`` may download it: holders of the permission to
    view initiative documents, and the editors of a partner organisation of the initiative."""
    if not user.is_authenticated:
        return None
    documents = InitiativeDocument.objects.filter(pk=pk, is_public=False)
    if not user.has_perm("initiatives.view_initiativedocument"):
        documents = documents.filter(
            initiative__in=InitiativePartner.objects.filter(
                organisation__in=organisations_editable_by(user=user)
            ).values("initiative_id")
        )
    return documents.first()
