"""What the IATI files publish, read from the apps that own it: the published initiatives as
activities, in keyset pages, and the reporting organisation's published annual reports.

Only published initiatives are read, with their published partner organisations and pillars.
Figures are those of the portal's own pages: approved updates only, added up by
:mod:`initiatives.rollups` (a cumulative indicator's latest running total, a percentage's
summed numerators over its summed denominators).
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max, Prefetch, Q, QuerySet

from initiatives import rollups
from initiatives.models import Indicator, Initiative, InitiativePartner, Period, PeriodTarget, Result
from initiatives.selectors import initiative_public_queryset
from initiatives.selectors.approved import approved_updates, reports_by_indicator
from members.selectors import organisation_public_queryset
from reports.models import PublishedReport, ReportRun
from reports.selectors import published_reports
from vocabulary.models import Pillar, Province

# Initiatives per page: each page asks the same queries however far the export has got, and
# memory holds one page with its results framework and approved updates.
PAGE_SIZE = 200


@dataclass
class Activity:
    """An initiative as an IATI activity. ``results`` hold their indicators in
    ``indicator_list``, an indicator its periods in ``period_list``, and a period its targets by
    disaggregation in ``targets``, ``actual`` (a :class:`rollups.Figure` of its approved
    updates, or None) and ``narratives`` (the approved updates' texts, oldest first)."""

    initiative: Initiative
    identifier: str
    # Whether the reporting organisation reproduces an activity it is not accountable for.
    secondary: bool
    partners: list[InitiativePartner]
    provinces: list[Province]
    pillars: list[Pillar]
    results: list[Result]
    last_updated: datetime
    parent: str | None = None
    children: list[str] = field(default_factory=list)


def activity_identifier(*, initiative_id: int, override: str, leads: list[str], reporting_ref: str) -> str:
    """The initiative's own IATI identifier if it has one; else the first accountable partner's
    IATI organisation identifier (or the reporting organisation's) and the initiative's number,
    which never changes."""
    if override:
        return override
    return f"{leads[0] if leads else reporting_ref}-{initiative_id}"


def activities_exist() -> bool:
    return initiative_public_queryset().exists()


def _public_partners() -> QuerySet[InitiativePartner]:
    return (
        InitiativePartner.objects.filter(organisation__in=organisation_public_queryset())
        .select_related("organisation")
        .order_by("pk")
    )


def _results_framework() -> Prefetch:
    """Results → indicators → periods → disaggregated targets, each as a plain list
    (``to_attr``): a related manager per row would cost more than the queries do."""
    periods = Period.objects.order_by("start", "pk").prefetch_related(
        Prefetch("disaggregation_targets", queryset=PeriodTarget.objects.order_by("pk"), to_attr="targets")
    )
    indicators = (
        Indicator.objects.select_related("network_indicator")
        .order_by("order", "pk")
        .prefetch_related(Prefetch("periods", queryset=periods, to_attr="period_list"))
    )
    return Prefetch(
        "results",
        queryset=Result.objects.order_by("order", "pk").prefetch_related(
            Prefetch("indicators", queryset=indicators, to_attr="indicator_list")
        ),
        to_attr="result_list",
    )


def _pages(page_size: int) -> Iterator[list[Initiative]]:
    """The published initiatives by id, ``page_size`` at a time (``id > last … LIMIT``): a
    page costs the same wherever it is, unlike an OFFSET."""
    initiatives = (
        initiative_public_queryset()
        .defer("search_text")
        .order_by("pk")
        .prefetch_related(
            Prefetch("partners", queryset=_public_partners(), to_attr="public_partners"),
            Prefetch(
                "provinces", queryset=Province.objects.select_related("successor"), to_attr="province_list"
            ),
            Prefetch("pillars", queryset=Pillar.objects.published(), to_attr="pillar_list"),
            _results_framework(),
        )
    )
    last = 0
    while True:
        page = list(initiatives.filter(pk__gt=last)[:page_size])
        if not page:
            return
        last = page[-1].pk
        yield page


def _leads(partners: list[InitiativePartner]) -> list[str]:
    return [
        p.organisation.iati_identifier
        for p in partners
        if p.role == InitiativePartner.Role.ACCOUNTABLE and p.organisation.iati_identifier
    ]


def _related_identifiers(
    page: list[Initiative], reporting_ref: str
) -> tuple[dict[int, str], dict[int, list]]:
    """(published parent id → its identifier, page initiative id → its published children's
    identifiers): one query, and a second when the page holds a programme or a part of one."""
    ids = [i.pk for i in page]
    parent_ids = {i.parent_id for i in page if i.parent_id}
    related = list(
        initiative_public_queryset()
        .filter(Q(parent_id__in=ids) | Q(pk__in=parent_ids))
        .values_list("pk", "parent_id", "iati_identifier")
    )
    if not related:
        return {}, {}
    leads: dict[int, list[str]] = defaultdict(list)
    for initiative_id, identifier in (
        _public_partners()
        .filter(
            initiative_id__in=[pk for pk, _parent, _own in related],
            role=InitiativePartner.Role.ACCOUNTABLE,
        )
        .exclude(organisation__iati_identifier="")
        .values_list("initiative_id", "organisation__iati_identifier")
    ):
        leads[initiative_id].append(identifier)
    identifiers = {
        pk: activity_identifier(
            initiative_id=pk, override=own, leads=leads.get(pk, []), reporting_ref=reporting_ref
        )
        for pk, _parent, own in related
    }
    parents = {pk: identifiers[pk] for pk in parent_ids if pk in identifiers}
    children: dict[int, list[str]] = defaultdict(list)
    for pk, parent_id, _own in sorted(related):
        if parent_id in ids:
            children[parent_id].append(identifiers[pk])
    return parents, children


def _current_provinces(initiative: Initiative) -> list[Province]:
    """Each province the initiative works in as it is today, once: a former province counts
    in the province it merged into."""
    current = {province.current.pk: province.current for province in initiative.province_list}
    return sorted(current.values(), key=lambda p: (p.order, p.code))


def _activities(page: list[Initiative], reporting_ref: str) -> list[Activity]:
    approved = approved_updates().filter(period__indicator__result__initiative__in=[i.pk for i in page])
    by_indicator = reports_by_indicator(approved)
    narratives: dict[int, list[tuple]] = defaultdict(list)
    for period_id, on, pk, text in approved.exclude(narrative="").values_list(
        "period_id", "reported_on", "pk", "narrative"
    ):
        narratives[period_id].append((on, pk, text))
    # Approving or correcting a figure changes the activity, though not the initiative's row.
    changed = dict(
        approved.values_list("period__indicator__result__initiative_id")
        .annotate(latest=Max("updated_at"))
        .order_by()
    )
    parents, children = _related_identifiers(page, reporting_ref)

    activities = []
    for initiative in page:
        results = initiative.result_list
        for result in results:
            for indicator in result.indicator_list:
                reports = by_indicator.get(indicator.pk, [])
                for period in indicator.period_list:
                    period.actual = (
                        None
                        if indicator.is_qualitative
                        else rollups.period_actual(
                            reports, cumulative=indicator.cumulative, start=period.start, end=period.end
                        )
                    )
                    period.narratives = [text for _on, _pk, text in sorted(narratives.get(period.pk, []))]
        partners = initiative.public_partners
        leads = _leads(partners)
        activities.append(
            Activity(
                initiative=initiative,
                identifier=activity_identifier(
                    initiative_id=initiative.pk,
                    override=initiative.iati_identifier,
                    leads=leads,
                    reporting_ref=reporting_ref,
                ),
                secondary=reporting_ref not in leads,
                partners=partners,
                provinces=_current_provinces(initiative),
                pillars=initiative.pillar_list,
                results=results,
                last_updated=max(filter(None, [initiative.updated_at, changed.get(initiative.pk)])),
                parent=parents.get(initiative.parent_id),
                children=children.get(initiative.pk, []),
            )
        )
    return activities


def activity_pages(*, reporting_ref: str, page_size: int = PAGE_SIZE) -> Iterator[list[Activity]]:
    """Every published initiative as an :class:`Activity`, a page at a time, by id. Each page
    asks a fixed number of queries (fourteen at most) whatever its initiatives hold."""
    for page in _pages(page_size):
        yield _activities(page, reporting_ref)


def annual_reports() -> QuerySet[PublishedReport]:
    """The published annual synthesis reports of the public library, the latest first."""
    return published_reports(filters={"kind": ReportRun.Kind.ANNUAL}).order_by("-year", "-created_at")
