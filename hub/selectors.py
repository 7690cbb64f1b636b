"""Reads of the knowledge hub: the public list (resources and the published reports, in one
order, with their facets), a resource's page, the feeds and sitemap, and a member's proposals.

Public reads only ever see published, accepted resources, and within them published pillars,
organisations, initiatives and events; every page's query count is fixed whatever the number of
rows. Other apps (the working groups) read the hub from here.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import FilteredRelation, Prefetch, Q, QuerySet, Value
from django.utils.translation import gettext_lazy as _

from core.facets import count_by
from events.selectors import event_public_queryset
from initiatives.selectors import initiative_public_queryset, initiative_results
from members.models import Organisation
from members.selectors import organisations_editable_by
from reports.selectors import (
    published_report_counts,
    published_report_years,
    published_reports,
    published_reports_matching,
)
from vocabulary.models import Pillar, TechnicalGroup
from vocabulary.selectors import count_by_current_province

from .filters import REPORT, ResourceFilter
from .models import Resource, ResourceOrganisation

FEED_LIMIT = 50


def resource_public_queryset() -> QuerySet[Resource]:
    return Resource.objects.public()


def _public_organisations() -> Prefetch:
    return Prefetch(
        "organisation_roles",
        queryset=ResourceOrganisation.objects.filter(organisation__is_published=True).select_related(
            "organisation"
        ),
        to_attr="public_organisations",
    )


def _public_pillars() -> Prefetch:
    return Prefetch("pillars", queryset=Pillar.objects.published(), to_attr="public_pillars")


# --- the list ----------------------------------------------------------------------------------


@dataclass
class Entry:
    """One row of the hub's list: a resource or a published report, drawn the same way."""

    title: str
    url: str
    kind_label: str
    year: int
    language: str
    summary: str = ""
    thumbnail: str = ""
    is_report: bool = False
    organisations: list = field(default_factory=list)
    pillars: list = field(default_factory=list)


def _report_filters(values: dict) -> dict | None:
    """The filters as the reports understand them, or None when they leave no report: reports
    have no technical group or province, and are a kind of their own."""
    if values.get("group") or values.get("province"):
        return None
    kind = values.get("kind")
    if kind and kind != REPORT:
        return None
    pillar = values.get("pillar")
    year = values.get("year")
    return {
        "query": values.get("q") or "",
        "pillar": pillar.code if pillar else "",
        "year": int(year) if year is not None else None,
        "language": values.get("language") or "",
    }


def _reports(values: dict) -> QuerySet | None:
    report_filters = _report_filters(values)
    return None if report_filters is None else published_reports_matching(**report_filters)


def hub_list(*, filters: dict | None = None) -> tuple[ResourceFilter, QuerySet]:
    """The filtered list as (source, pk, year, created_at) rows, resources and published reports
    in one order, the latest year first: a page of it is one query, its count another.
    :func:`hub_entries` turns a page's rows into what the list shows."""
    filterset = ResourceFilter(filters or None, queryset=resource_public_queryset())
    # modeltranslation's queryset rewrites (and reorders) the columns it is asked for, which
    # would shift the union's columns: the resources' side is read without rewriting.
    rows = _rows(filterset.qs.rewrite(False), "resource")
    reports = _reports(filterset.valid_values())
    if reports is not None:
        rows = rows.union(_rows(reports, REPORT), all=True)
    return filterset, rows.order_by("-year", "-created_at", "-pk")


def _rows(queryset: QuerySet, source: str) -> QuerySet:
    return (
        queryset.annotate(source=Value(source)).values_list("source", "pk", "year", "created_at").order_by()
    )


def hub_entries(rows) -> list[Entry]:
    """The entries of one page of :func:`hub_list`'s rows, in its order: two queries for the
    resources (with their pillars and organisations) and one for the reports."""
    wanted = [(source, pk) for source, pk, *_rest in rows]
    resource_ids = [pk for source, pk in wanted if source == "resource"]
    report_ids = [pk for source, pk in wanted if source == REPORT]
    found: dict[tuple[str, int], Entry] = {}
    if resource_ids:
        for resource in (
            resource_public_queryset()
            .filter(pk__in=resource_ids)
            .prefetch_related(_public_organisations(), _public_pillars())
        ):
            found["resource", resource.pk] = Entry(
                title=resource.title,
                url=resource.get_absolute_url(),
                kind_label=resource.get_kind_display(),
                year=resource.year,
                language=resource.get_language_display(),
                summary=resource.summary,
                thumbnail=resource.cover_thumbnail.url if resource.cover_thumbnail else "",
                organisations=[role.organisation for role in resource.public_organisations],
                pillars=resource.public_pillars,
            )
    if report_ids:
        for report in published_reports(filters={}).filter(pk__in=report_ids):
            found[REPORT, report.pk] = Entry(
                title=report.title,
                url=report.get_absolute_url(),
                kind_label=str(_("report of the network")),
                year=report.year,
                language=report.get_language_display(),
                summary=report.summary,
                thumbnail=report.cover_thumbnail.url if report.cover_thumbnail else "",
                is_report=True,
                pillars=[report.pillar] if report.pillar_id and report.pillar.is_published else [],
            )
    return [found[key] for key in wanted if key in found]


def _resources_without(filterset: ResourceFilter, name: str) -> QuerySet[Resource]:
    """The public resources with every valid filter applied except ``name``: the values already
    validated are reused, so no facet looks the chosen pillar or province up again."""
    queryset = resource_public_queryset()
    for key, value in filterset.valid_values().items():
        if key != name:
            queryset = filterset.filters[key].filter(queryset, value)
    return queryset


def _reports_without(filterset: ResourceFilter, name: str) -> QuerySet | None:
    return _reports({key: value for key, value in filterset.valid_values().items() if key != name})


def _added(*counts: dict) -> dict:
    total: dict = {}
    for part in counts:
        for key, value in part.items():
            total[key] = total.get(key, 0) + value
    return total


def hub_facets(*, filterset: ResourceFilter) -> dict[str, dict]:
    """For each filter, how many entries each option would show given the other filters: one
    grouped query per facet and source. Unpublished pillars and groups are not counted."""
    public_pillar = FilteredRelation("pillars", condition=Q(pillars__is_published=True))
    reports = {name: _reports_without(filterset, name) for name in ("kind", "pillar", "year", "language")}
    kind = count_by(_resources_without(filterset, "kind"), "kind")
    if reports["kind"] is not None:
        kind[REPORT] = reports["kind"].count()
    return {
        "kind": kind,
        "pillar": _added(
            count_by(
                _resources_without(filterset, "pillar").alias(public_pillar=public_pillar),
                "public_pillar__code",
                distinct=True,
            ),
            published_report_counts(reports["pillar"], by="pillar") if reports["pillar"] is not None else {},
        ),
        # Each (resource, group) pair is one row of the through table: counting rows counts resources.
        "group": count_by(
            Resource.technical_groups.through.objects.filter(
                resource__in=_resources_without(filterset, "group"), technicalgroup__pillar__is_published=True
            ),
            "technicalgroup_id",
        ),
        "year": _added(
            count_by(_resources_without(filterset, "year"), "year"),
            published_report_counts(reports["year"], by="year") if reports["year"] is not None else {},
        ),
        "language": _added(
            count_by(_resources_without(filterset, "language"), "language"),
            published_report_counts(reports["language"], by="language")
            if reports["language"] is not None
            else {},
        ),
        "province": count_by_current_province(_resources_without(filterset, "province"), "provinces"),
    }


def hub_years() -> list[int]:
    """Every year a public resource or published report is from, the latest first."""
    years = set(resource_public_queryset().values_list("year", flat=True).distinct().order_by())
    return sorted(years | set(published_report_years()), reverse=True)


def group_choices() -> list[tuple[int, str]]:
    """The technical groups of published pillars as a filter's options: (pk, name)."""
    groups = TechnicalGroup.objects.filter(pillar__is_published=True).select_related("pillar")
    return [(group.pk, group.name) for group in groups]


# --- one resource ------------------------------------------------------------------------------


def resource_get_public(*, slug: str) -> Resource | None:
    """A public resource with everything its page shows."""
    return (
        resource_public_queryset()
        .filter(slug=slug)
        .prefetch_related(
            _public_organisations(),
            _public_pillars(),
            Prefetch(
                "technical_groups",
                queryset=TechnicalGroup.objects.filter(pillar__is_published=True),
                to_attr="public_groups",
            ),
            "provinces",
            Prefetch("initiatives", queryset=initiative_public_queryset(), to_attr="public_initiatives"),
            Prefetch("events", queryset=event_public_queryset(), to_attr="public_events"),
        )
        .first()
    )


def resource_get_downloadable(*, slug: str) -> Resource | None:
    return resource_public_queryset().filter(slug=slug).only("pk", "slug", "title", "file", "url").first()


def model_results(*, resource: Resource) -> list[tuple[object, list]]:
    """For a good-practice model: each related published initiative that has results behind
    the model, with those results, their indicators and approved figures (initiatives' own
    reads: a few queries per initiative named, none per other row)."""
    linked = set(resource.results.values_list("pk", flat=True))
    if not linked:
        return []
    shown = []
    for initiative in resource.public_initiatives:
        results = [result for result in initiative_results(initiative=initiative) if result.pk in linked]
        if results:
            shown.append((initiative, results))
    return shown


# --- feeds and sitemap -------------------------------------------------------------------------


def feed_resources(*, limit: int = FEED_LIMIT) -> list[Resource]:
    return list(resource_public_queryset().order_by("-created_at", "-pk")[:limit])


def sitemap_resources() -> QuerySet[Resource]:
    return resource_public_queryset().only("slug", "updated_at").order_by("pk")


# --- member proposals --------------------------------------------------------------------------


def proposals_visible_to(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Resource]:
    """The proposals of the organisations ``user`` edits; another organisation's are not there."""
    return Resource.objects.filter(
        proposing_organisation__in=organisations_editable_by(user=user)
    ).select_related("proposing_organisation")


def proposal_get(*, user: AbstractBaseUser | AnonymousUser, pk: int) -> Resource | None:
    return proposals_visible_to(user=user).filter(pk=pk).first()


def organisation_get_proposable(*, user: AbstractBaseUser, slug: str) -> Organisation | None:
    return organisations_editable_by(user=user).filter(slug=slug).first()


def proposals_of_user(*, user: AbstractBaseUser) -> dict | None:
    """For a member's own page: the organisations they may propose resources for, and what
    those organisations proposed. Coordinators review proposals in the admin instead."""
    if user.has_perm("hub.review_resource"):
        return None
    organisations = list(organisations_editable_by(user=user).order_by("name"))
    if not organisations:
        return None
    proposals = list(
        proposals_visible_to(user=user).filter(proposed_by__isnull=False).order_by("-created_at")[:50]
    )
    return {"organisations": organisations, "proposals": proposals}
