"""Reads of the results approvers' queue: the updates waiting for approval, filtered and oldest
submitted first; the options of its filters; and the updates chosen to be approved together,
each with a token that says which version of it the approver reviewed."""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.db.models import Count, Q, QuerySet

from members.models import Organisation

from ..filters import ApprovalFilter
from ..models import IndicatorUpdate, Initiative
from .reporting import approval_queue

WAITING = IndicatorUpdate.Status.SUBMITTED
# The organisations offered in the queue's filter: those with the most updates waiting.
ORGANISATION_OPTIONS = 40
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def approval_queue_filtered(
    *, filters: dict | None = None
) -> tuple[ApprovalFilter, QuerySet[IndicatorUpdate]]:
    """The updates waiting for approval that the :class:`ApprovalFilter` keeps, oldest
    submitted first, with what a row of the queue shows."""
    filterset = ApprovalFilter(filters or None, queryset=approval_queue())
    return filterset, filterset.qs


def approval_organisation_choices(*, selected: str = "") -> list[tuple[str, str]]:
    """(slug, name) of the organisations with the most updates waiting, and of the one chosen."""
    busiest = list(
        IndicatorUpdate.objects.filter(status=WAITING, organisation__isnull=False)
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "organisation_id")
        .values_list("organisation_id", flat=True)[:ORGANISATION_OPTIONS]
    )
    chosen = Q(pk__in=busiest)
    if selected:
        chosen |= Q(slug=selected)
    organisations = Organisation.objects.filter(chosen).only("slug", "name_vi", "name_en", "acronym")
    return [(o.slug, o.acronym or o.name) for o in organisations.order_by("name")]


def approval_initiative(*, slug: str) -> Initiative | None:
    """The initiative the queue is narrowed to, for its title."""
    if not slug:
        return None
    return Initiative.objects.filter(slug=slug).only("slug", "title_vi", "title_en").first()


def review_token(update: IndicatorUpdate) -> str:
    """``<id>:<microseconds of its last change>``: the version of the update an approver saw."""
    return f"{update.pk}:{(update.updated_at - EPOCH) // timedelta(microseconds=1)}"


def approvals_chosen(*, ids: Iterable[int]) -> list[IndicatorUpdate]:
    """Those of the updates that still wait for approval, oldest submitted first, each with
    its ``token`` (:func:`review_token`) and what the review shows."""
    updates = list(approval_queue().filter(pk__in=list(ids)))
    for update in updates:
        update.token = review_token(update)
    return updates


def approvals_as_reviewed(*, tokens: Iterable[str]) -> list[IndicatorUpdate]:
    """Those of the reviewed updates that still wait for approval unchanged since the approver
    saw them; one sent back and submitted again since then is left out."""
    tokens = set(tokens)
    ids = [int(token.split(":", 1)[0]) for token in tokens]
    return [update for update in approvals_chosen(ids=ids) if update.token in tokens]
