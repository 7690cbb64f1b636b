"""Reads for the member directory. Public reads only ever see published organisations."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet

from initiatives.models import Pillar

from .filters import OrganisationFilter
from .models import EditorRequest, Membership, Organisation, PillarParticipation, Province


def organisation_public_queryset() -> QuerySet[Organisation]:
    return Organisation.objects.published()


def organisation_list(*, filters: dict | None = None) -> tuple[OrganisationFilter, QuerySet[Organisation]]:
    """The filtered public directory, with what each row shows already loaded."""
    filterset = OrganisationFilter(filters or None, queryset=organisation_public_queryset())
    queryset = filterset.qs.select_related("province", "province__successor").prefetch_related(
        Prefetch(
            "pillar_participations",
            queryset=PillarParticipation.objects.filter(pillar__is_published=True).select_related("pillar"),
        )
    )
    return filterset, queryset


def organisation_facets(*, filters: dict | None = None) -> dict[str, dict[str, int]]:
    """For each filter, how many organisations each option would show, given the other filters."""
    filters = dict(filters or {})
    facets: dict[str, dict[str, int]] = {}

    def others(name: str) -> QuerySet[Organisation]:
        data = {key: value for key, value in filters.items() if key not in (name, "page")}
        return OrganisationFilter(data or None, queryset=organisation_public_queryset()).qs

    facets["kind"] = {
        row["kind"]: row["n"] for row in others("kind").values("kind").annotate(n=Count("pk")).order_by()
    }
    facets["pillar"] = {
        row["pillar_participations__pillar__code"]: row["n"]
        for row in others("pillar")
        .filter(pillar_participations__pillar__is_published=True)
        .values("pillar_participations__pillar__code")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    }
    province_counts: dict[str, int] = {}
    for row in (
        others("province")
        .filter(province__isnull=False)
        .values("province__code", "province__successor__code")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        code = row["province__successor__code"] or row["province__code"]
        province_counts[code] = province_counts.get(code, 0) + row["n"]
    facets["province"] = province_counts
    facets["status"] = {
        row["memberships__status"]: row["n"]
        for row in others("status")
        .filter(memberships__isnull=False)
        .values("memberships__status")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    }
    return facets


def organisation_get_public(*, slug: str) -> Organisation | None:
    return (
        organisation_public_queryset()
        .select_related("province", "province__successor", "parent")
        .prefetch_related(
            Prefetch(
                "pillar_participations",
                queryset=PillarParticipation.objects.filter(pillar__is_published=True).select_related(
                    "pillar"
                ),
            ),
            Prefetch(
                "children",
                queryset=Organisation.objects.published().order_by("name"),
                to_attr="published_children",
            ),
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("membership_type").order_by("-start", "-pk"),
            ),
        )
        .filter(slug=slug)
        .first()
    )


def organisation_public_people(*, organisation: Organisation):
    """Name and position of the people who agreed to be listed; never contact details."""
    return (
        organisation.affiliations.filter(person__public_consent=True)
        .filter(Q(end__isnull=True))
        .select_related("person")
        .only("role", "is_primary", "person__full_name", "person__position", "organisation_id")
    )


def current_provinces() -> QuerySet[Province]:
    return Province.objects.filter(successor__isnull=True)


def published_pillars() -> QuerySet[Pillar]:
    return Pillar.objects.filter(is_published=True)


def organisations_editable_by(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_staff:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        editor_requests__user=user, editor_requests__status=EditorRequest.Status.APPROVED
    )


def organisation_get_editable(*, user: AbstractBaseUser, slug: str) -> Organisation | None:
    return organisations_editable_by(user=user).filter(slug=slug).first()


def editor_requests_of(*, user: AbstractBaseUser) -> QuerySet[EditorRequest]:
    return EditorRequest.objects.filter(user=user).select_related("organisation")
