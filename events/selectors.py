"""Reads of events: for the public events pages, and for the apps that read events (reports,
the pillar, organisation and home pages, the directory's matching of people).

Public reads only ever see published events (and, within them, published organisations and
pillars and public documents); every page's query count is fixed whatever the number of events.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

from core.facets import count_by, count_linked
from members.models import Organisation, Person
from members.selectors import organisations_editable_by
from vocabulary.models import Pillar
from vocabulary.selectors import count_by_current_province

from .filters import (
    FIRST_YEAR,
    LAST_YEAR,
    EventFilter,
    in_pillar_q,
    overlapping_q,
    upcoming_published_q,
    upcoming_q,
)

# Other apps read headcounts through the selectors, like everything else about events.
from .headcounts import Headcount as Headcount
from .headcounts import headcounts_for as headcounts_for
from .headcounts import people_attending as people_attending
from .models import (
    AgendaItem,
    AgendaSession,
    Event,
    EventDocument,
    EventOrganiser,
    EventType,
    OrganiserEventCount,
    Participation,
)

# A calendar app re-reads a feed every few hours; the latest events (which include every
# upcoming one) are what it needs, not the whole archive.
FEED_LIMIT = 500


def event_public_queryset() -> QuerySet[Event]:
    return Event.objects.published()


def _public_organisers() -> Prefetch:
    return Prefetch(
        "organisers",
        queryset=EventOrganiser.objects.filter(organisation__is_published=True).select_related(
            "organisation"
        ),
        to_attr="public_organisers",
    )


def _public_pillars() -> Prefetch:
    return Prefetch("pillars", queryset=Pillar.objects.published(), to_attr="public_pillars")


def _with_place(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.select_related("event_type", "province", "province__successor")


# --- the list ----------------------------------------------------------------------------------


def event_list(*, filters: dict | None = None) -> tuple[EventFilter, QuerySet[Event]]:
    """The filtered public list, with what each row shows already loaded."""
    filterset = EventFilter(filters or None, queryset=event_public_queryset())
    queryset = _with_place(filterset.ordered(filterset.qs)).prefetch_related(
        _public_organisers(), _public_pillars()
    )
    return filterset, queryset


def _filtered_without(filterset: EventFilter, name: str) -> QuerySet[Event]:
    """The public events with every valid filter of ``filterset`` applied except ``name``.

    Unlike ``core.facets.filtered_without``, which binds the filters again, this reuses the
    values already validated: binding again would look the chosen type, pillar, province and
    organiser up once more for every facet, a query each.
    """
    queryset = event_public_queryset()
    for key, value in filterset.valid_values().items():
        if key != name:
            queryset = filterset.filters[key].filter(queryset, value)
    return queryset


def _chosen_besides(filterset: EventFilter, name: str) -> bool:
    """Whether any valid filter of ``filterset`` other than ``name`` is chosen."""
    return any(value not in (None, "") for key, value in filterset.valid_values().items() if key != name)


def _years_spanned(first: int | None, last: int | None) -> range:
    """The calendar years an event takes place in; an implausible end date counts as its start."""
    if first is None:
        return range(0)
    if last is None or not first <= last <= first + 50:
        last = first
    return range(first, last + 1)


def _count_by_year(events: QuerySet[Event]) -> dict[int, int]:
    """How many events take place in each year, in one grouped query: an event over New Year
    counts in both years."""
    years: dict[int, int] = {}
    spans = events.values_list("start_date__year", "end_date__year").annotate(n=Count("pk")).order_by()
    for first, last, count in spans:
        for year in _years_spanned(first, last):
            years[year] = years.get(year, 0) + count
    return years


def event_facets(*, filterset: EventFilter) -> dict[str, dict]:
    """For each filter, how many events each option would show given the other filters, each
    filter's counts in one grouped query; the organisers' by organisation id (see
    :func:`organiser_choices`). Unpublished pillars and organisers are not counted."""
    split = _filtered_without(filterset, "when").aggregate(
        total=Count("pk"), upcoming=Count("pk", filter=upcoming_q(timezone.localdate()))
    )
    return {
        "when": {
            "": split["total"],
            EventFilter.UPCOMING: split["upcoming"],
            EventFilter.PAST: split["total"] - split["upcoming"],
        },
        "year": _count_by_year(_filtered_without(filterset, "year")),
        "type": count_by(_filtered_without(filterset, "type"), "event_type__code"),
        "pillar": count_linked(
            Event.pillars.through.objects.filter(pillar__is_published=True),
            row="event",
            rows=_filtered_without(filterset, "pillar"),
            path="pillar__code",
        ),
        "format": count_by(_filtered_without(filterset, "format"), "format"),
        "province": count_by_current_province(_filtered_without(filterset, "province")),
        "organiser": _count_by_organiser(filterset),
    }


def _count_by_organiser(filterset: EventFilter) -> dict[int, int]:
    """How many events each published organiser has under the other filters, by organisation
    id. With no other filter chosen, the kept counts of the busiest organisers (and of the one
    chosen), which are all the list offers: counting every organiser link takes longer than the
    rest of the page."""
    if _chosen_besides(filterset, "organiser"):
        # An organisation can be both host and funder of one event: counted once.
        return count_linked(
            EventOrganiser.objects.filter(organisation__is_published=True),
            row="event",
            rows=_filtered_without(filterset, "organiser"),
            path="organisation",
            distinct=True,
        )
    kept = OrganiserEventCount.objects.filter(organisation__is_published=True).values_list(
        "organisation_id", "events"
    )
    counts = dict(kept.order_by("-events", "organisation_id")[:ORGANISER_OPTIONS])
    chosen = filterset.valid_values().get("organiser")
    if chosen is not None and chosen.pk not in counts:
        counts.update(kept.filter(organisation=chosen))
    return counts


def event_counts_by_province(*, pillar: str = "", year: int | None = None) -> dict[str, int]:
    """How many published events each current province (by code) held, of the pillar (a code)
    and in the year if given, in one grouped query: an event in a former province counts in its
    successor."""
    filterset = EventFilter({"pillar": pillar, "year": year or ""}, queryset=event_public_queryset())
    return count_by_current_province(filterset.qs)


# The organiser filter offers the busiest organisers only: a national network has thousands,
# and a list of them all would weigh more than the page. The search box finds the others.
ORGANISER_OPTIONS = 30


def event_years(
    *, filterset: EventFilter | None = None, year_counts: dict[int, int] | None = None
) -> list[int]:
    """Every year a published event takes place in, the latest first. Given the year facet's
    counts (``year_counts``) under a ``filterset`` with no other filter chosen, its years."""
    if filterset is not None and year_counts is not None and not _chosen_besides(filterset, "year"):
        return sorted(year_counts, reverse=True)
    years: set[int] = set()
    for first, last in (
        event_public_queryset().values_list("start_date__year", "end_date__year").distinct().order_by()
    ):
        years.update(_years_spanned(first, last))
    return sorted(years, reverse=True)


def event_type_choices() -> list[tuple[str, str]]:
    """The event types as a filter's options: (code, name)."""
    return [(event_type.code, event_type.name) for event_type in EventType.objects.all()]


def organiser_choices(
    *, organiser_counts: dict[int, int], selected: str = ""
) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """The organisers with the most events under the other filters (``organiser_counts`` by
    organisation id), and the one chosen, as a filter's options: (slug, acronym or name), by
    name; with their counts by slug. Counted by id, the thousands of organisers are grouped on a
    number, and only the few offered are named."""
    busiest = sorted(organiser_counts, key=lambda pk: (-organiser_counts[pk], pk))[:ORGANISER_OPTIONS]
    organisers = (
        Organisation.objects.published().filter(Q(pk__in=busiest) | Q(slug=selected)).order_by("name")
    )
    choices = [(organisation.slug, organisation.acronym or organisation.name) for organisation in organisers]
    counts = {o.slug: organiser_counts[o.pk] for o in organisers if o.pk in organiser_counts}
    return choices, counts


# --- one event ---------------------------------------------------------------------------------


def event_get_public(*, slug: str) -> Event | None:
    """A published event with its agenda, public documents, photos, pillars and organisers."""
    items = AgendaItem.objects.select_related("presenter", "presenter_organisation", "document").order_by(
        "order", "start_time", "pk"
    )
    return (
        _with_place(event_public_queryset())
        .select_related("series")
        .prefetch_related(
            _public_organisers(),
            _public_pillars(),
            Prefetch(
                "sessions",
                queryset=AgendaSession.objects.prefetch_related(Prefetch("items", queryset=items)),
            ),
            Prefetch("agenda_items", queryset=items.filter(session__isnull=True), to_attr="loose_items"),
            Prefetch(
                "documents", queryset=EventDocument.objects.filter(is_public=True), to_attr="public_documents"
            ),
            "photos",
        )
        .filter(slug=slug)
        .first()
    )


def event_online_link(*, event: Event, user: AbstractBaseUser | AnonymousUser) -> str:
    """The link to join online, if this visitor may see it; else an empty string."""
    if not event.online_link or event.format == Event.Format.OFFLINE:
        return ""
    visibility = event.online_link_visibility
    if visibility == Event.LinkVisibility.PUBLIC:
        return event.online_link
    if visibility == Event.LinkVisibility.SIGNED_IN and user.is_authenticated:
        return event.online_link
    if user.is_authenticated and user.has_perm("events.change_event"):
        return event.online_link
    return ""


# --- the calendar ------------------------------------------------------------------------------


# A national network holds a dozen events on a busy day: the calendar names the first few and
# links to the list of that day, so a month stays a page to read, not hundreds of kilobytes.
CALENDAR_EVENTS_PER_DAY = 4


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list[Event] = field(default_factory=list)

    @property
    def shown(self) -> list[Event]:
        return self.events[:CALENDAR_EVENTS_PER_DAY]

    @property
    def more(self) -> int:
        """How many of the day's events the calendar leaves to the list of that day."""
        return max(len(self.events) - CALENDAR_EVENTS_PER_DAY, 0)


@dataclass
class CalendarMonth:
    first: datetime.date
    weeks: list[list[CalendarDay]]
    weekdays: list[tuple[str, str]]
    previous: datetime.date | None
    next: datetime.date | None
    event_count: int


def month_in_range(year: int, month: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12


def _shift_month(first: datetime.date, months: int) -> datetime.date | None:
    index = first.year * 12 + first.month - 1 + months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, 1) if month_in_range(year, month + 1) else None


def calendar_month(*, year: int, month: int) -> CalendarMonth:
    """A month as weeks of days (Monday first), each day with the published events taking place
    on it; an event over several days is on each of them. One query."""
    if not month_in_range(year, month):
        raise ValueError(f"month out of range: {year}-{month}")
    today = timezone.localdate()
    grid = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    first_shown, last_shown = grid[0][0], grid[-1][-1]
    days = {
        day: CalendarDay(date=day, in_month=day.month == month, is_today=day == today)
        for week in grid
        for day in week
    }
    events = (
        event_public_queryset()
        .filter(overlapping_q(first_shown, last_shown))
        .select_related("event_type")
        .order_by("start_date", "start_time", "pk")
    )
    in_month: set[int] = set()
    for event in events:
        day = max(event.start_date, first_shown)
        last = min(event.last_date, last_shown)
        while day <= last:
            days[day].events.append(event)
            if day.month == month:
                in_month.add(event.pk)
            day += datetime.timedelta(days=1)
    first = datetime.date(year, month, 1)
    return CalendarMonth(
        first=first,
        weeks=[[days[day] for day in week] for week in grid],
        weekdays=[(str(WEEKDAYS[index]), str(WEEKDAYS_ABBR[index])) for index in range(7)],
        previous=_shift_month(first, -1),
        next=_shift_month(first, 1),
        event_count=len(in_month),
    )


# --- events on other pages and in feeds --------------------------------------------------------


def pillar_events(*, pillar: Pillar, limit: int = 10) -> list[Event]:
    """The pillar's published events, the most recent first."""
    return list(
        event_public_queryset()
        .filter(in_pillar_q(pillar))
        .select_related("event_type")
        .order_by("-start_date", "-start_time", "-pk")[:limit]
    )


def organisation_events(*, organisation: Organisation, limit: int = 10) -> list[EventOrganiser]:
    """The published events the organisation organised, with its role, the most recent first."""
    return list(
        EventOrganiser.objects.filter(organisation=organisation, event__is_published=True)
        .select_related("event", "event__event_type")
        .order_by("-event__start_date", "-event__start_time", "-event__pk", "order")[:limit]
    )


def upcoming_events(*, limit: int = 3) -> list[Event]:
    """The next published events that are not over yet, the soonest first."""
    return list(
        _with_place(event_public_queryset().filter(upcoming_published_q(timezone.localdate()))).order_by(
            "start_date", "start_time", "pk"
        )[:limit]
    )


def latest_events(*, limit: int = 3) -> list[Event]:
    """The most recent published events that are over."""
    return list(
        _with_place(event_public_queryset().exclude(upcoming_q(timezone.localdate()))).order_by(
            "-start_date", "-start_time", "-pk"
        )[:limit]
    )


def feed_events(*, pillar: Pillar | None = None, limit: int = FEED_LIMIT) -> list[Event]:
    """Published events for a calendar feed (of one pillar if given), the latest first."""
    queryset = event_public_queryset()
    if pillar is not None:
        queryset = queryset.filter(in_pillar_q(pillar))
    return list(
        queryset.select_related("province", "province__successor").order_by(
            "-start_date", "-start_time", "-pk"
        )[:limit]
    )


def pillar_get_public(*, code: str) -> Pillar | None:
    return Pillar.objects.filter(is_published=True, code=code).first()


def event_get_for_feed(*, slug: str) -> Event | None:
    return event_public_queryset().select_related("province", "province__successor").filter(slug=slug).first()


def home_events(*, limit: int = 3) -> tuple[list[Event], bool]:
    """The next events, or between events the latest ones; and whether they are upcoming."""
    events = upcoming_events(limit=limit)
    if events:
        return events, True
    return latest_events(limit=limit), False


# --- private files -------------------------------------------------------------------------------


def event_document_get_private(*, user: AbstractBaseUser | AnonymousUser, pk: int) -> EventDocument | None:
    """A document that is not public, if ``user`` may download it: holders of the permission to
    view event documents, and the editors of an organisation that organises the event."""
    if not user.is_authenticated:
        return None
    documents = EventDocument.objects.filter(pk=pk, is_public=False).exclude(file="")
    if not user.has_perm("events.view_eventdocument"):
        documents = documents.filter(
            event__in=EventOrganiser.objects.filter(
                organisation__in=organisations_editable_by(user=user)
            ).values("event_id")
        )
    return documents.first()


# --- events in a report's period ---------------------------------------------------------------

# Planned and held events count as taking place; the others did not happen in the period.
NOT_HELD = [Event.Status.CANCELLED, Event.Status.POSTPONED]


def _for_report(events: QuerySet[Event], pillar: int | None) -> QuerySet[Event]:
    if pillar is not None:
        events = events.filter(in_pillar_q(pillar))
    return _with_place(events).order_by("start_date", "pk")


def events_held(
    *,
    start: datetime.date,
    end: datetime.date,
    pillar: int | None = None,
    with_organisers: bool = False,
    with_not_held: bool = False,
) -> QuerySet[Event]:
    """Published events starting between ``start`` and ``end`` (both included) that were not
    cancelled or postponed (unless ``with_not_held``), of the pillar with id ``pillar`` if given,
    in date order; with their type and place, and with ``with_organisers`` their organisers too."""
    events = event_public_queryset().filter(start_date__range=(start, end))
    if not with_not_held:
        events = events.exclude(status__in=NOT_HELD)
    events = _for_report(events, pillar)
    return events.prefetch_related("organisers__organisation") if with_organisers else events


def events_upcoming(
    *, after: datetime.date, until: datetime.date, pillar: int | None = None
) -> QuerySet[Event]:
    """Published planned events starting after ``after`` and by ``until``, of the pillar with id
    ``pillar`` if given, in date order, with their type and place."""
    events = event_public_queryset().filter(
        start_date__gt=after, start_date__lte=until, status=Event.Status.PLANNED
    )
    return _for_report(events, pillar)


def event_pillar_ids(*, events: QuerySet[Event]) -> dict[int, set[int]]:
    """The ids of each event's published pillars, by event id, in one query; an event without
    any is left out."""
    pairs = Event.pillars.through.objects.filter(event__in=events, pillar__is_published=True)
    by_event: dict[int, set[int]] = {}
    for event_id, pillar_id in pairs.values_list("event_id", "pillar_id"):
        by_event.setdefault(event_id, set()).add(pillar_id)
    return by_event


# --- where people were, for the directory's matching --------------------------------------------


def person_participations() -> Prefetch:
    """A person's attendance records with the organisation each was at, as much as matching reads."""
    return Prefetch(
        "participations",
        queryset=Participation.objects.select_related("organisation").only(
            "id",
            "person_id",
            "organisation_name",
            "organisation__id",
            "organisation__name_vi",
            "organisation__name_en",
            "organisation__acronym",
            "organisation__aliases",
        ),
    )


def person_event_organisations(person: Person) -> list[tuple[Organisation | None, str]]:
    """The organisation a person loaded with :func:`person_participations` came from to each
    event: the directory's, or as written on the sign-in sheet."""
    return [
        (participation.organisation, participation.organisation_name)
        for participation in person.participations.all()
    ]
