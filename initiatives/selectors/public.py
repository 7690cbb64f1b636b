"""Reads of the public initiatives list, its facets and filter options, and an initiative's
page. Only published initiatives (with their published organisations and pillars) are seen;
every page's query count is fixed."""

from django.db.models import Count, Prefetch, Q, QuerySet

from core.facets import count_by, filtered_without
from members.models import Organisation
from members.selectors import organisation_public_queryset
from vocabulary.models import Pillar, Province
from vocabulary.selectors import count_by_current_province, pillar_choices, province_choices

from ..filters import InitiativeFilter
from ..models import Initiative, InitiativeDocument, InitiativePartner

# The organisation filter offers the organisations with the most initiatives only: a national
# network has thousands, too many for one list. The others are a link away on their own page.
ORGANISATION_OPTIONS = 30
# Initiatives with a start or end further apart than this are typing mistakes, not decades of
# work: they add no years to the year filter.
LONGEST_SPAN = 50


def initiative_public_queryset(*, pillar: Pillar | int | None = None) -> QuerySet[Initiative]:
    """The published initiatives, or those of one pillar (a row or its id)."""
    initiatives = Initiative.objects.published()
    return initiatives if pillar is None else initiatives.filter(pillars=pillar)


def _places_and_pillars() -> list[Prefetch]:
    """The published pillars and the provinces (with their successors) an initiative shows."""
    return [
        Prefetch("pillars", queryset=Pillar.objects.published()),
        Prefetch("provinces", queryset=Province.objects.select_related("successor")),
    ]


def with_list_rows(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """What a row of an initiatives list shows: pillars, provinces and lead organisations."""
    return queryset.prefetch_related(
        *_places_and_pillars(),
        Prefetch(
            "partners",
            queryset=InitiativePartner.objects.filter(
                role=InitiativePartner.Role.ACCOUNTABLE, organisation__is_published=True
            ).select_related("organisation"),
            to_attr="leads",
        ),
    )


def initiative_list(*, filters: dict | None = None) -> tuple[InitiativeFilter, QuerySet[Initiative]]:
    """The filtered public list, with what each row shows already loaded."""
    filterset = InitiativeFilter(filters or None, queryset=initiative_public_queryset())
    return filterset, with_list_rows(filterset.qs.order_by("-start", "title"))


def initiative_facets(*, filters: dict | None = None) -> dict[str, dict]:
    """For each filter, how many initiatives each option would show, given the other filters:
    one grouped query per filter."""
    filters = dict(filters or {})

    def others(name: str) -> QuerySet[Initiative]:
        return filtered_without(InitiativeFilter, filters, initiative_public_queryset(), name)

    return {
        "status": count_by(others("status"), "status"),
        # Every pillar is counted in one join; only the published ones are offered and shown.
        "pillar": count_by(others("pillar"), "pillars__code", distinct=True),
        "province": count_by_current_province(others("province"), "provinces"),
    }


def initiative_filter_choices(*, selected_organisation: str = "") -> dict[str, list[tuple[str, str]]]:
    """Options of the list's filters, as (value, label): pillars, current provinces, the partner
    organisations with the most published initiatives (and the one chosen), years."""
    busiest = (
        InitiativePartner.objects.filter(initiative__is_published=True, organisation__is_published=True)
        .values("organisation_id")
        .annotate(n=Count("initiative_id", distinct=True))
        .order_by("-n", "organisation_id")
        .values_list("organisation_id", flat=True)[:ORGANISATION_OPTIONS]
    )
    # The slice is read first: not every database takes LIMIT inside IN (...).
    organisations = organisation_public_queryset().filter(
        Q(pk__in=list(busiest)) | Q(slug=selected_organisation)
    )
    return {
        "pillar": pillar_choices(),
        "province": province_choices(),
        "organisation": [(o.slug, o.acronym or o.name) for o in organisations.order_by("name")],
        "year": [(str(year), str(year)) for year in initiative_years()],
    }


def initiative_years() -> list[int]:
    """Every year a published initiative runs in, the latest first."""
    years: set[int] = set()
    # Each pair of years once: thousands of initiatives share a few hundred.
    pairs = initiative_public_queryset().values_list("start__year", "end__year").distinct().order_by()
    for start, end in pairs:
        first, last = start or end, end or start
        if first and last and last - first < LONGEST_SPAN:
            years.update(range(first, last + 1))
    return sorted(years, reverse=True)


def initiative_counts_by_province(*, pillar: str = "", year: int | None = None) -> dict[str, int]:
    """How many published initiatives work in each current province (by code), of the pillar
    (a code) and running in the year if given, in one grouped query: an initiative in a former
    province counts in its successor."""
    filterset = InitiativeFilter(
        {"pillar": pillar, "year": year or ""}, queryset=initiative_public_queryset()
    )
    return count_by_current_province(filterset.qs, "provinces")


def initiative_get_public(*, slug: str) -> Initiative | None:
    return (
        initiative_public_queryset()
        .select_related("parent")
        .prefetch_related(
            *_places_and_pillars(),
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
