"""Headcounts of events: from attendance records where there are any, else as typed in.

Donors ask for participants disaggregated by gender, so every headcount carries women, men and
other/undisclosed, in person and online, and (from attendance) the kinds of organisation.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from members.models import Organisation, Person

from .models import Event, Participation


@dataclass
class Headcount:
    total: int
    women: int | None = None
    men: int | None = None
    other: int | None = None
    online: int | None = None
    from_attendance: bool = False
    # (organisation kind label, participants) for attendance records; empty for typed-in counts.
    by_kind: list[tuple[str, int]] = field(default_factory=list)

    @property
    def in_person(self) -> int | None:
        return None if self.online is None else self.total - self.online

    @property
    def women_share(self) -> int | None:
        """Women as a whole percentage of the total, for summaries."""
        if self.women is None or not self.total:
            return None
        return round(100 * self.women / self.total)


ATTENDED = Q(participations__status=Participation.Status.ATTENDED)


def _typed_in(event: Event) -> Headcount | None:
    if event.headcount_total is None:
        return None
    return Headcount(
        total=event.headcount_total,
        women=event.headcount_women,
        men=event.headcount_men,
        other=event.headcount_other,
        online=event.headcount_online,
    )


def headcounts_for(events: Iterable[Event]) -> dict[int, Headcount]:
    """Headcounts of many events in one query, keyed by event id; events without any are left out."""
    events = list(events)
    if not events:
        return {}
    rows = (
        Event.objects.filter(pk__in=[event.pk for event in events])
        .annotate(
            attended=Count("participations", filter=ATTENDED),
            attended_women=Count(
                "participations", filter=ATTENDED & Q(participations__person__gender=Person.Gender.FEMALE)
            ),
            attended_men=Count(
                "participations", filter=ATTENDED & Q(participations__person__gender=Person.Gender.MALE)
            ),
            attended_online=Count(
                "participations", filter=ATTENDED & Q(participations__mode=Participation.Mode.ONLINE)
            ),
        )
        .values("pk", "attended", "attended_women", "attended_men", "attended_online")
    )
    counted = {row["pk"]: row for row in rows}
    result: dict[int, Headcount] = {}
    for event in events:
        row = counted.get(event.pk)
        if row and row["attended"]:
            result[event.pk] = Headcount(
                total=row["attended"],
                women=row["attended_women"],
                men=row["attended_men"],
                other=row["attended"] - row["attended_women"] - row["attended_men"],
                online=row["attended_online"],
                from_attendance=True,
            )
        else:
            typed = _typed_in(event)
            if typed is not None:
                result[event.pk] = typed
    return result


def event_headcount(event: Event) -> Headcount | None:
    """One event's headcount, with the kinds of organisation the participants came from."""
    headcount = headcounts_for([event]).get(event.pk)
    if headcount is None or not headcount.from_attendance:
        return headcount
    labels = dict(Organisation.Kind.choices)
    kinds = (
        Participation.objects.filter(event=event, status=Participation.Status.ATTENDED)
        .values("organisation__kind")
        .annotate(n=Count("pk"))
        .order_by("-n", "organisation__kind")
    )
    headcount.by_kind = [
        (str(labels.get(row["organisation__kind"]) or _("organisation not in the directory")), row["n"])
        for row in kinds
    ]
    return headcount


def people_attending(*, event_ids: Iterable[int], start: date, end: date) -> Headcount | None:
    """The people recorded as attending any of the events that started within ``start``–``end``,
    each counted once however many of them they attended, split by sex; None if nobody was.
    One query. What a "people trained" indicator counts from its trainings."""
    people = (
        Participation.objects.filter(
            event__in=list(event_ids),
            event__start_date__range=(start, end),
            status=Participation.Status.ATTENDED,
        )
        .values_list("person_id", "person__gender")
        # Without an ordering: its columns would join the DISTINCT and count a person per event.
        .order_by()
        .distinct()
    )
    by_gender = Counter(gender for _person, gender in people)
    total = sum(by_gender.values())
    if not total:
        return None
    women, men = by_gender[Person.Gender.FEMALE], by_gender[Person.Gender.MALE]
    return Headcount(total=total, women=women, men=men, other=total - women - men, from_attendance=True)
