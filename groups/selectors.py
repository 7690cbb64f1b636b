"""Reads of the technical groups' pages, their newsletters and their subscribers.

Other apps are read through their selectors: the events of the group's pillar
(``events.selectors``), the approved results of the pillar's published initiatives
(``initiatives.selectors``) and the published organisations (``members.selectors``). Every
page reads a fixed number of queries whatever the number of rows.
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from events.selectors import event_public_queryset, events_held, pillar_events
from hub.selectors import resource_public_queryset
from initiatives.selectors import initiative_public_queryset
from initiatives.selectors.approved import approved_updates
from members.selectors import organisation_public_queryset
from vocabulary.models import Pillar, TechnicalGroup

from .models import GroupMembership, Issue, Subscriber

GROUP_EVENTS = 8
GROUP_RESULTS = 10
GROUP_RESOURCES = 8


def group_public_queryset() -> QuerySet[TechnicalGroup]:
    """The groups of published pillars: a group of an unpublished pillar is not public."""
    return TechnicalGroup.objects.filter(pillar__in=Pillar.objects.published())


def _public_lead() -> Q:
    return Q(lead_organisation__in=organisation_public_queryset())


def group_list_public() -> QuerySet[TechnicalGroup]:
    """Every public group with its pillar, its lead and how many published organisations it has."""
    return (
        group_public_queryset()
        .select_related("pillar", "lead_organisation")
        .annotate(
            member_count=Count(
                "memberships",
                filter=Q(memberships__organisation__in=organisation_public_queryset()),
                distinct=True,
            ),
            issue_count=Count(
                "newsletter_issues", filter=Q(newsletter_issues__status=Issue.Status.SENT), distinct=True
            ),
        )
        .order_by("pillar__order", "pillar__code", "order", "pk")
    )


def group_get_public(*, pk: int) -> TechnicalGroup | None:
    return group_public_queryset().select_related("pillar", "lead_organisation").filter(pk=pk).first()


def group_lead_public(group: TechnicalGroup):
    """The group's lead organisation while it is published."""
    lead = group.lead_organisation
    return lead if lead is not None and lead.is_published else None


def group_members_public(*, group: TechnicalGroup) -> list[GroupMembership]:
    """The published organisations in the group, the lead first."""
    return list(
        GroupMembership.objects.filter(group=group, organisation__in=organisation_public_queryset())
        .select_related("organisation")
        .order_by("role", "organisation__name")
    )


def group_events(*, group: TechnicalGroup, limit: int = GROUP_EVENTS) -> list:
    """The published events of the group's pillar, the most recent first: events name the pillars
    they serve, and a group works within its pillar."""
    return pillar_events(pillar=group.pillar, limit=limit)


def results_public_queryset(*, pillar: Pillar | int) -> QuerySet:
    """Approved updates of the pillar's published initiatives, with what a row shows."""
    return (
        approved_updates()
        .filter(period__indicator__result__initiative__in=initiative_public_queryset(pillar=pillar))
        .select_related(
            "period__indicator__result__initiative", "period__indicator__network_indicator", "organisation"
        )
    )


def group_results(*, group: TechnicalGroup, limit: int = GROUP_RESULTS) -> list:
    """The latest approved results of the initiatives of the group's pillar."""
    return list(results_public_queryset(pillar=group.pillar_id).order_by("-reported_on", "-pk")[:limit])


def resources_public_queryset(*, group: TechnicalGroup) -> QuerySet:
    """The knowledge hub's public resources about the group, or about its whole pillar."""
    return (
        resource_public_queryset().filter(Q(technical_groups=group) | Q(pillars=group.pillar_id)).distinct()
    )


def group_resources(*, group: TechnicalGroup, limit: int = GROUP_RESOURCES) -> list:
    """The latest public resources of the group and its pillar."""
    return list(resources_public_queryset(group=group).order_by("-year", "-created_at", "-pk")[:limit])


def group_issues_sent(*, group: TechnicalGroup) -> QuerySet[Issue]:
    return Issue.objects.filter(group=group, status=Issue.Status.SENT).order_by("-year", "-quarter")


def issues_sent(*, group: TechnicalGroup | None = None, limit: int = 50) -> list[Issue]:
    """The sent issues, newest first, for the feeds and the sitemap."""
    issues = Issue.objects.filter(status=Issue.Status.SENT, group__in=group_public_queryset())
    if group is not None:
        issues = issues.filter(group=group)
    return list(issues.select_related("group", "group__pillar").order_by("-sent_at", "-pk")[:limit])


def issues_sent_for_sitemap() -> QuerySet[Issue]:
    return Issue.objects.filter(status=Issue.Status.SENT, group__in=group_public_queryset()).order_by("pk")


def _issue_items(issue_queryset: QuerySet[Issue]) -> QuerySet[Issue]:
    """An issue with the items it shows: published events only, results still approved and of
    published initiatives."""
    return issue_queryset.select_related(
        "group", "group__pillar", "group__lead_organisation"
    ).prefetch_related(
        Prefetch(
            "events",
            queryset=event_public_queryset()
            .select_related("event_type", "province")
            .order_by("start_date", "pk"),
            to_attr="public_events",
        ),
        Prefetch("results", queryset=_public_results(), to_attr="public_results"),
        Prefetch(
            "resources",
            queryset=resource_public_queryset().order_by("-year", "title"),
            to_attr="public_resources",
        ),
    )


def _public_results() -> QuerySet:
    return (
        approved_updates()
        .filter(period__indicator__result__initiative__in=initiative_public_queryset())
        .select_related(
            "period__indicator__result__initiative", "period__indicator__network_indicator", "organisation"
        )
        .order_by("reported_on", "pk")
    )


def issue_get_public(*, group: int, pk: int) -> Issue | None:
    """A sent issue of a public group; a draft or one being sent is nobody's public page."""
    return (
        _issue_items(Issue.objects.filter(status=Issue.Status.SENT, group__in=group_public_queryset()))
        .filter(group_id=group, pk=pk)
        .first()
    )


def issue_with_items(*, pk: int) -> Issue | None:
    """Any issue with its items, for the coordinator's preview and for the mail."""
    return _issue_items(Issue.objects.all()).filter(pk=pk).first()


def issue_contents(issue: Issue) -> dict:
    """What an issue's page, its preview and its mail show: the issue, its group and the items
    :func:`issue_get_public` or :func:`issue_with_items` fetched with it."""
    return {
        "issue": issue,
        "group": issue.group,
        "events": getattr(issue, "public_events", []),
        "results": getattr(issue, "public_results", []),
        "resources": getattr(issue, "public_resources", []),
    }


def issue_candidate_events(*, issue: Issue) -> QuerySet:
    """The events of the issue's quarter in the group's pillar: what the draft starts from."""
    return events_held(start=issue.period_start, end=issue.period_end, pillar=issue.group.pillar_id)


def issue_candidate_results(*, issue: Issue) -> QuerySet:
    """The results of the pillar's initiatives approved for figures dated in the quarter."""
    return results_public_queryset(pillar=issue.group.pillar_id).filter(
        reported_on__range=(issue.period_start, issue.period_end)
    )


def issue_candidate_resources(*, issue: Issue) -> QuerySet:
    """The public resources of the group or its pillar from the issue's year, or added to the
    hub during its quarter."""
    return resources_public_queryset(group=issue.group).filter(
        Q(year=issue.year) | Q(created_at__date__range=(issue.period_start, issue.period_end))
    )


def subscribers_of(*, issue: Issue) -> QuerySet[Subscriber]:
    """The confirmed, still subscribed readers of the issue's group or of its pillar."""
    return (
        Subscriber.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
        .filter(Q(groups=issue.group_id) | Q(pillars=issue.group.pillar_id))
        .distinct()
    )


def subscription_choices() -> tuple[QuerySet[TechnicalGroup], QuerySet[Pillar]]:
    """What a visitor may subscribe to: the public groups and the published pillars."""
    groups = group_public_queryset().select_related("pillar").order_by("pillar__order", "order", "pk")
    return groups, Pillar.objects.published().order_by("order", "code")
