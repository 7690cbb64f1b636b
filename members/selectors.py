"""Reads for the member directory. Public reads only ever see published organisations."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from core.facets import count_by, filtered_without
from vocabulary.selectors import count_by_current_province

from .filters import OrganisationFilter
from .models import Affiliation, EditorRequest, Membership, Organisation, PillarParticipation


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

    def others(name: str) -> QuerySet[Organisation]:
        return filtered_without(OrganisationFilter, filters, organisation_public_queryset(), name)

    return {
        "kind": count_by(others("kind"), "kind"),
        "pillar": count_by(
            others("pillar").filter(pillar_participations__pillar__is_published=True),
            "pillar_participations__pillar__code",
            distinct=True,
        ),
        "province": count_by_current_province(others("province")),
        "status": count_by(others("status").with_membership_status(), "membership_status"),
    }


def organisation_counts_by_province(*, pillar: str = "") -> dict[str, int]:
    """How many published organisations each current province (by code) has, taking part in
    the pillar (a code) if given, in one grouped query: an organisation in a former province
    counts in its successor."""
    filterset = OrganisationFilter({"pillar": pillar}, queryset=organisation_public_queryset())
    return count_by_current_province(filterset.qs)


def with_current_membership(
    organisations: QuerySet[Organisation], *, on: date | None = None
) -> QuerySet[Organisation]:
    """The organisations with their standing and their current membership on ``on`` (today by
    default) loaded, in one query for all of them: read each with :func:`current_membership`
    and :func:`membership_status_label`."""
    on = on or timezone.localdate()
    return organisations.with_membership_status(on).prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.current(on).select_related("membership_type"),
            to_attr="memberships_in_force",
        )
    )


def current_membership(organisation: Organisation) -> Membership | None:
    """The membership in force (see ``MembershipQuerySet.current``), as loaded by
    :func:`with_current_membership`."""
    return organisation.memberships_in_force[0] if organisation.memberships_in_force else None


def membership_status_label(organisation: Organisation) -> str:
    """The organisation's standing in words ("active", "lapsed"), as loaded by
    :func:`with_current_membership`; empty for one that never was a member."""
    status = organisation.membership_status
    return str(Membership.Status(status).label) if status else ""


def with_current_focal_point(
    organisations: QuerySet[Organisation], *, on: date | None = None
) -> QuerySet[Organisation]:
    """The organisations with their current focal points (see
    ``AffiliationQuerySet.current_focal_points``) loaded: read each with :func:`current_focal_point`."""
    return organisations.prefetch_related(
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.current_focal_points(on).select_related("person"),
            to_attr="focal_points_in_force",
        )
    )


def current_focal_point(organisation: Organisation) -> Affiliation | None:
    return organisation.focal_points_in_force[0] if organisation.focal_points_in_force else None


def organisation_get_public(*, slug: str) -> Organisation | None:
    return (
        with_current_membership(organisation_public_queryset())
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
        )
        .filter(slug=slug)
        .first()
    )


def organisation_public_people(*, organisation: Organisation):
    """Name and position of the people who agreed to be listed; never contact details."""
    return (
        # Roles in force today: one that has ended, or not yet begun, is not the current team.
        organisation.affiliations.in_force()
        .filter(person__public_consent=True)
        .select_related("person")
        .only("role", "is_primary", "person__full_name", "person__position", "organisation_id")
    )


def organisations_editable_by(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.has_perm("members.change_organisation"):
        return Organisation.objects.all()
    return Organisation.objects.filter(
        editor_requests__user=user, editor_requests__status=EditorRequest.Status.APPROVED
    )


def organisation_get_editable(*, user: AbstractBaseUser, slug: str) -> Organisation | None:
    return organisations_editable_by(user=user).filter(slug=slug).first()


def editor_requests_of(*, user: AbstractBaseUser) -> QuerySet[EditorRequest]:
    return EditorRequest.objects.filter(user=user).select_related("organisation")


# --- figures for the network's reports ------------------------------------------------------------


def organisations_of_pillar(*, pillar: int | None = None) -> QuerySet[Organisation]:
    """The published organisations, or those taking part in one pillar (by id)."""
    organisations = organisation_public_queryset()
    if pillar is not None:
        organisations = organisations.filter(
            pk__in=PillarParticipation.objects.filter(pillar=pillar).values("organisation_id")
        )
    return organisations


def memberships_begun(*, start: date, end: date, pillar: int | None = None) -> list[Membership]:
    """Memberships of published organisations that began in [start, end]: joined then, or,
    where no joining date is known, started then; oldest first."""
    return list(
        Membership.objects.filter(organisation__in=organisations_of_pillar(pillar=pillar))
        .filter(Q(joined_on__range=(start, end)) | Q(joined_on__isnull=True, start__range=(start, end)))
        .select_related("organisation", "membership_type")
        .order_by("joined_on", "start", "organisation__name_vi", "pk")
    )


def active_member_count(*, on: date, pillar: int | None = None) -> int:
    """Published organisations whose membership in force on ``on`` is active: the one in force
    then, not any ever held."""
    organisations = organisations_of_pillar(pillar=pillar).with_membership_status(on=on)
    return organisations.filter(membership_status=Membership.Status.ACTIVE).count()


def organisation_counts_by_kind(*, pillar: int | None = None) -> dict[str, int]:
    return count_by(organisations_of_pillar(pillar=pillar), "kind")


def organisation_kinds() -> list[tuple[str, str]]:
    """The kinds of organisation, as (value, label), in the directory's order."""
    return Organisation.Kind.choices


def editors_of(*, organisation_ids, users: QuerySet | None = None) -> list[tuple[int, AbstractBaseUser]]:
    """(organisation id, account) of the approved editors of the organisations, among ``users``
    if given: one query."""
    requests = EditorRequest.objects.filter(
        organisation__in=list(organisation_ids), status=EditorRequest.Status.APPROVED
    ).select_related("user")
    if users is not None:
        requests = requests.filter(user__in=users)
    return [
        (request.organisation_id, request.user) for request in requests.order_by("organisation_id", "user_id")
    ]
