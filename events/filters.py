"""Filters of the public events list."""

import datetime

import django_filters
from django import forms
from django.db.models import Min, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.filters import PublishedOrganisationFilter, search_with_organisations
from vocabulary.filters import CurrentProvinceFilter, PublishedPillarFilter
from vocabulary.models import Pillar

from .models import Event, EventOrganiser, EventType

FIRST_YEAR, LAST_YEAR = 1990, 2100


def last_day() -> Coalesce:
    """An event's last day: its end date, or its start date for a one-day event. Indexed (see
    ``Event.Meta``), so "upcoming" and "in this month" are range scans, not table scans."""
    return Coalesce("end_date", "start_date")


def upcoming_q(today: datetime.date) -> Q:
    """Events not over yet: their last day is today or later."""
    return Q(GreaterThanOrEqual(last_day(), today))


def upcoming_published_q(today: datetime.date) -> Q:
    """Published events not over yet, said so that the database walks them soonest first from
    the right place: none starts before the earliest of them, and with that bound the walk along
    the start dates begins there, not at the first event ever held, past every event since."""
    # One MIN over the whole set: grouped by a constant, which the database leaves out.
    earliest = (
        Event.objects.filter(upcoming_q(today), is_published=True)
        .order_by()
        .annotate(whole=Value(1))
        .values("whole")
        .annotate(first=Min("start_date"))
        .values("first")
    )
    return Q(is_published=True) & upcoming_q(today) & Q(start_date__gte=Subquery(earliest))


def overlapping_q(first: datetime.date, last: datetime.date) -> Q:
    """Events taking place on at least one day between ``first`` and ``last``."""
    return Q(start_date__lte=last) & Q(GreaterThanOrEqual(last_day(), first))


def in_pillar_q(pillar: Pillar | int) -> Q:
    """Events of the pillar (or pillar id), through a subquery: no join to multiply the rows."""
    return Q(pk__in=Event.pillars.through.objects.filter(pillar=pillar).values("event_id"))


class EventFilter(django_filters.FilterSet):
    UPCOMING = "upcoming"
    PAST = "past"
    WHEN_CHOICES = [(UPCOMING, _("Upcoming")), (PAST, _("Past"))]

    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    when = django_filters.ChoiceFilter(
        label=_("When"), choices=WHEN_CHOICES, method="in_time", empty_label=_("Upcoming and past")
    )
    year = django_filters.NumberFilter(
        label=_("Year"),
        method="in_year",
        widget=forms.NumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR}),
    )
    type = django_filters.ModelChoiceFilter(
        label=_("Event type"),
        field_name="event_type",
        to_field_name="code",
        queryset=EventType.objects.all(),
        empty_label=_("All types"),
    )
    pillar = PublishedPillarFilter(method="in_pillar")
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=Event.Format.choices, empty_label=_("Any format")
    )
    province = CurrentProvinceFilter()
    organiser = PublishedOrganisationFilter(
        label=_("Organiser"), method="with_organiser", empty_label=_("All organisers")
    )
    # The calendar's "more" link on a busy day: the events taking place that day.
    day = django_filters.DateFilter(label=_("Day"), method="on_day")

    class Meta:
        model = Event
        fields = ["q", "when", "year", "type", "pillar", "format", "province", "organiser", "day"]

    def search(self, queryset, name, value):
        """Every word in the event's title or venue, or in the name of one of its organisers."""
        return search_with_organisations(queryset, value, EventOrganiser.objects.all(), row="event_id")

    def in_time(self, queryset, name, value):
        today = timezone.localdate()
        if value == self.UPCOMING:
            return queryset.filter(upcoming_published_q(today))
        return queryset.exclude(upcoming_q(today))

    def in_year(self, queryset, name, value):
        # Out-of-range years are treated as "nothing that year" rather than an error page.
        if value is None or not FIRST_YEAR <= value <= LAST_YEAR:
            return queryset.none()
        year = int(value)
        return queryset.filter(overlapping_q(datetime.date(year, 1, 1), datetime.date(year, 12, 31)))

    def on_day(self, queryset, name, value):
        return queryset.filter(overlapping_q(value, value))

    def in_pillar(self, queryset, name, value):
        return queryset.filter(in_pillar_q(value))

    def with_organiser(self, queryset, name, value):
        return queryset.filter(pk__in=EventOrganiser.objects.filter(organisation=value).values("event_id"))

    def valid_values(self) -> dict:
        """The filters' valid values: invalid parameters are ignored like absent ones."""
        if not self.is_bound:
            return {}
        self.form.errors  # noqa: B018 - validates the form, filling cleaned_data
        return self.form.cleaned_data

    def cleaned_value(self, name: str):
        return self.valid_values().get(name)

    def ordered(self, queryset: QuerySet[Event]) -> QuerySet[Event]:
        """Upcoming events soonest first; otherwise the most recent first."""
        if self.cleaned_value("when") == self.UPCOMING:
            return queryset.order_by("start_date", "start_time", "pk")
        return queryset.order_by("-start_date", "-start_time", "-pk")
