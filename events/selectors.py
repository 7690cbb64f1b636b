"""Reads for the public events pages. Public reads only ever see published events (and, within
them, published organisations and pillars and public documents); every page's query count is
fixed whatever the number of events."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

from members.models import Organisation
from members.selectors import organisations_editable_by
from vocabulary.models import Pillar, Province

from .filters import FIRST_YEAR, LAST_YEAR, EventFilter, overlapping_q, upcoming_q
from .models import AgendaItem, AgendaSession, Event, EventDocument, EventOrganiser, EventType

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
    Reusing the validated values spares a lookup query per filter and facet."""
    queryset = event_public_queryset()
    for key, value in filterset.valid_values().items():
        if key != name:
            queryset = filterset.filters[key].filter(queryset, value)
    return queryset


def event_facets(*, filterset: EventFilter) -> dict[str, dict]:
    """For each filter, how many events each option would show, given the other filters."""
    facets: dict[str, dict] = {}
    today = timezone.localdate()
    split = _filtered_without(filterset, "when").aggregate(
        total=Count("pk"), upcoming=Count("pk", filter=upcoming_q(today))
    )
    facets["when"] = {
        "": split["total"],
        EventFilter.UPCOMING: split["upcoming"],
        EventFilter.PAST: split["total"] - split["upcoming"],
    }
    years: dict[int, int] = {}
    for row in (
        _filtered_without(filterset, "year")
        .values("start_date__year", "end_date__year")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        for year in _years_spanned(row["start_date__year"], row["end_date__year"]):
            years[year] = years.get(year, 0) + row["n"]
    facets["year"] = years
    facets["type"] = {
        row["event_type__code"]: row["n"]
        for row in _filtered_without(filterset, "type")
        .values("event_type__code")
        .annotate(n=Count("pk"))
        .order_by()
    }
    facets["pillar"] = {
        row["pillars__code"]: row["n"]
        for row in _filtered_without(filterset, "pillar")
        .filter(pillars__is_published=True)
        .values("pillars__code")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    }
    facets["format"] = {
        row["format"]: row["n"]
        for row in _filtered_without(filterset, "format").values("format").annotate(n=Count("pk")).order_by()
    }
    provinces: dict[str, int] = {}
    for row in (
        _filtered_without(filterset, "province")
        .filter(province__isnull=False)
        .values("province__code", "province__successor__code")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        code = row["province__successor__code"] or row["province__code"]
        provinces[code] = provinces.get(code, 0) + row["n"]
    facets["province"] = provinces
    facets["organiser"] = {
        row["organisers__organisation__slug"]: row["n"]
        for row in _filtered_without(filterset, "organiser")
        .filter(organisers__organisation__is_published=True)
        .values("organisers__organisation__slug")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    }
    return facets


def _years_spanned(first: int | None, last: int | None) -> range:
    """The calendar years an event takes place in; an implausible end date counts as its start."""
    if first is None:
        return range(0)
    if last is None or not first <= last <= first + 50:
        last = first
    return range(first, last + 1)


# The organiser filter offers the busiest organisers only: a national network has thousands,
# and a list of them all would weigh more than the page. The search box finds the others.
ORGANISER_OPTIONS = 30


def event_filter_choices(*, organiser_counts: dict[str, int], selected_organiser: str = "") -> dict:
    """Options of the list's filters: types, pillars, current provinces, the organisers with the
    most events under the other filters (and the one chosen), years."""
    public = event_public_queryset()
    years: set[int] = set()
    for first, last in public.values_list("start_date__year", "end_date__year").distinct().order_by():
        years.update(_years_spanned(first, last))
    busiest = sorted(organiser_counts, key=lambda slug: (-organiser_counts[slug], slug))[:ORGANISER_OPTIONS]
    organisers = Organisation.objects.published().filter(slug__in=[*busiest, selected_organiser])
    return {
        "types": list(EventType.objects.all()),
        "pillars": list(Pillar.objects.published()),
        "provinces": list(Province.objects.current()),
        "organisers": list(organisers.order_by("name")),
        "years": sorted(years, reverse=True),
        "formats": Event.Format.choices,
    }


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


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list[Event] = field(default_factory=list)


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
        .filter(pk__in=Event.pillars.through.objects.filter(pillar=pillar).values("event_id"))
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
        _with_place(event_public_queryset().filter(upcoming_q(timezone.localdate()))).order_by(
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
        queryset = queryset.filter(
            pk__in=Event.pillars.through.objects.filter(pillar=pillar).values("event_id")
        )
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
