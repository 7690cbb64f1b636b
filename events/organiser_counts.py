"""How many published events each organisation organises, kept as events and their organisers
change (:class:`~events.models.OrganiserEventCount`), so the events list offers the busiest
organisers from a few rows instead of counting every organiser link on each visit.

An organisation's count is worked out again from its links, in the same transaction as each
change to them: the receivers below catch every save and deletion of an organiser link and
every save of an event, whether from the admin's inlines, the services or the imports. The
admin's publish and unpublish actions change events without saving them, and call
:func:`organiser_counts_refresh_for_events` themselves.

``rebuild_organiser_counts`` writes every row again (after a bulk load); beat's nightly check
(:func:`organiser_counts_check`) compares the rows with a recount and repairs those that differ.
"""

import logging
from collections.abc import Collection, Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import Count

from members.models import Organisation

from .models import Event, EventOrganiser, OrganiserEventCount

logger = logging.getLogger(__name__)


def _recounted(links: models.QuerySet) -> dict[int, int]:
    """Each organisation's published events among ``links``: an organisation that is both host
    and funder of an event counts it once."""
    return dict(
        links.filter(event__is_published=True)
        .values_list("organisation")
        .annotate(n=Count("event", distinct=True))
        .order_by()
    )


def _write(counted: dict[int, int], *, counts: type[models.Model] = OrganiserEventCount) -> None:
    counts.objects.bulk_create(
        [counts(organisation_id=pk, events=n) for pk, n in counted.items()],
        update_conflicts=True,
        unique_fields=["organisation"],
        update_fields=["events"],
        batch_size=2000,
    )


def organiser_counts_refresh(*, organisation_ids: Iterable[int | None]) -> None:
    """Counts these organisations' published events again."""
    ids = sorted({pk for pk in organisation_ids if pk is not None})
    if not ids:
        return
    with transaction.atomic():
        # Two changes to one organisation's events in parallel each count after the other has
        # committed, so neither writes a count that misses the other's link.
        list(Organisation.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
        counted = _recounted(EventOrganiser.objects.filter(organisation_id__in=ids))
        OrganiserEventCount.objects.filter(organisation_id__in=ids).exclude(
            organisation_id__in=counted
        ).delete()
        _write(counted)


def organiser_counts_refresh_for_events(*, event_ids: Collection[int] | models.QuerySet) -> None:
    """Counts again the events of the organisations of these events (published or not); a query
    of ids is read as a subquery."""
    organisations = EventOrganiser.objects.filter(event_id__in=event_ids).values_list(
        "organisation_id", flat=True
    )
    organiser_counts_refresh(organisation_ids=set(organisations))


def organiser_counts_rebuild(*, links: Any = EventOrganiser, counts: Any = OrganiserEventCount) -> int:
    """Every organisation's count written again; how many organisations have one. A migration
    passes its own models."""
    with transaction.atomic():
        counted = _recounted(links.objects.all())
        counts.objects.all().delete()
        _write(counted, counts=counts)
    return len(counted)


def organiser_counts_check(*, repair: bool) -> list[int]:
    """The organisations whose kept count differs from a recount, by id; with ``repair``,
    written again."""
    counted = _recounted(EventOrganiser.objects.all())
    kept = dict(OrganiserEventCount.objects.values_list("organisation_id", "events"))
    differing = sorted(pk for pk in counted.keys() | kept.keys() if counted.get(pk) != kept.get(pk))
    if differing:
        logger.warning("Organisers' kept event counts differed for organisations %s", differing)
        if repair:
            organiser_counts_refresh(organisation_ids=differing)
    return differing


# --- receivers, connected in EventsConfig.ready --------------------------------------------------


def link_moving(sender, instance: EventOrganiser, raw: bool = False, **kwargs) -> None:
    """A link moved to another organisation takes its event out of the first one's count."""
    if raw or instance.pk is None:
        return
    instance._previous_organisation_id = (
        EventOrganiser.objects.filter(pk=instance.pk).values_list("organisation_id", flat=True).first()
    )


def link_changed(sender, instance: EventOrganiser, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    previous = getattr(instance, "_previous_organisation_id", None)
    organiser_counts_refresh(organisation_ids=[instance.organisation_id, previous])


def event_changed(sender, instance: Event, created: bool = False, raw: bool = False, **kwargs) -> None:
    # A new event has no organisers yet: they are saved after it.
    if raw or created:
        return
    organiser_counts_refresh_for_events(event_ids=[instance.pk])
