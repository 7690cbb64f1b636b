"""The reads other apps (the reports) take events through: the events held in a period, those
planned after it, their pillars and their headcounts."""

import datetime

import pytest

from events.models import Event
from events.selectors import Headcount, event_pillar_ids, events_held, events_upcoming, headcounts_for
from events.tests.factories import EventFactory, EventOrganiserFactory, ParticipationFactory
from initiatives.tests.factories import PillarFactory
from members.tests.factories import ProvinceFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2024, 1, 1), datetime.date(2024, 6, 30)


def day(month: int, date: int, year: int = 2024) -> datetime.date:
    return datetime.date(year, month, date)


@pytest.fixture
def pillars():
    return PillarFactory(code="gender"), PillarFactory(code="finance")


def test_events_held_are_the_published_events_of_the_period_that_took_place(
    pillars, django_assert_num_queries
):
    gender, finance = pillars
    quang_nam = ProvinceFactory(code="quang-nam", successor=ProvinceFactory(code="da-nang"))
    last = EventFactory(start_date=END, pillars=[gender], province=quang_nam)
    first = EventFactory(start_date=START, pillars=[gender, finance], status=Event.Status.PLANNED)
    second = EventFactory(start_date=START, pillars=[finance])
    EventFactory(start_date=day(3, 1), status=Event.Status.CANCELLED)
    EventFactory(start_date=day(3, 2), status=Event.Status.POSTPONED)
    EventFactory(start_date=day(3, 3), is_published=False)
    EventFactory(start_date=day(12, 31, 2023))
    EventFactory(start_date=day(7, 1))

    with django_assert_num_queries(1):
        held = list(events_held(start=START, end=END))
        places = [(event.event_type.code, event.province.current.code) for event in held]
    assert held == [first, second, last]
    assert places[-1] == ("consultation-workshop", "da-nang")
    assert list(events_held(start=START, end=END, pillar=gender.pk)) == [first, last]


def test_events_held_bring_their_organisers_when_asked(django_assert_num_queries):
    for date in (1, 2):
        EventOrganiserFactory.create_batch(2, event=EventFactory(start_date=day(2, date)))
    # The events, their organisers, the organisations: the same three however many events.
    with django_assert_num_queries(3):
        held = events_held(start=START, end=END, with_organisers=True)
        names = [[organiser.organisation.name for organiser in event.organisers.all()] for event in held]
    assert [len(organisers) for organisers in names] == [2, 2]


def test_events_upcoming_are_the_planned_events_after_the_period(pillars):
    gender, _finance = pillars
    later = EventFactory(start_date=day(9, 1), status=Event.Status.PLANNED)
    soon = EventFactory(start_date=day(7, 1), status=Event.Status.PLANNED, pillars=[gender])
    EventFactory(start_date=END, status=Event.Status.PLANNED)  # in the period, not after it
    EventFactory(start_date=day(7, 2), status=Event.Status.HELD)
    EventFactory(start_date=day(7, 3), status=Event.Status.PLANNED, is_published=False)
    EventFactory(start_date=day(12, 31), status=Event.Status.PLANNED)

    until = day(9, 1)
    assert list(events_upcoming(after=END, until=until)) == [soon, later]
    assert list(events_upcoming(after=END, until=until, pillar=gender.pk)) == [soon]


def test_event_pillar_ids_are_the_published_pillars_of_each_event(pillars, django_assert_num_queries):
    gender, finance = pillars
    draft = PillarFactory(code="draft", is_published=False)
    both = EventFactory(start_date=day(2, 1), pillars=[gender, finance, draft])
    one = EventFactory(start_date=day(2, 2), pillars=[finance])
    none = EventFactory(start_date=day(2, 3), pillars=[draft])
    EventFactory(start_date=day(8, 1), pillars=[gender])  # outside the events asked about

    with django_assert_num_queries(1):
        ids = event_pillar_ids(events=events_held(start=START, end=END))
    assert ids == {both.pk: {gender.pk, finance.pk}, one.pk: {finance.pk}}
    assert none.pk not in ids


def test_headcounts_are_read_through_the_selectors_too():
    counted = EventFactory(start_date=day(2, 1), headcount_total=40)
    recorded = EventFactory(start_date=day(2, 2))
    ParticipationFactory.create_batch(3, event=recorded)

    headcounts = headcounts_for(events_held(start=START, end=END))
    assert isinstance(headcounts[counted.pk], Headcount)
    assert (headcounts[counted.pk].total, headcounts[recorded.pk].total) == (40, 3)
    assert headcounts[recorded.pk].from_attendance
