"""The reads other apps (the reports) take initiatives through: those running in a period, how
many serve each pillar, and those that reported the most."""

import datetime

import pytest

from initiatives.models import IndicatorUpdate, Initiative
from initiatives.selectors import initiative_counts_by_pillar, initiatives_active, initiatives_most_reported
from initiatives.tests.factories import (
    IndicatorUpdateFactory,
    InitiativeFactory,
    PeriodFactory,
    PillarFactory,
)

pytestmark = pytest.mark.django_db

START, END = datetime.date(2024, 1, 1), datetime.date(2024, 6, 30)


def day(month: int, date: int, year: int = 2024) -> datetime.date:
    return datetime.date(year, month, date)


def running(start: datetime.date | None, end: datetime.date | None, **kwargs) -> Initiative:
    return InitiativeFactory(start=start, end=end, **kwargs)


@pytest.fixture
def pillars():
    return PillarFactory(code="gender"), PillarFactory(code="finance")


def test_initiatives_active_are_the_published_ones_running_in_the_period_not_cancelled(pillars):
    gender, finance = pillars
    inside = running(day(2, 1), day(3, 1), pillars=[gender])
    across_start = running(day(6, 1, 2023), START, pillars=[gender, finance])
    across_end = running(END, day(12, 31), pillars=[finance])
    open_start = running(None, day(2, 1))
    open_end = running(day(5, 1), None)
    open_both = running(None, None)
    completed = running(day(1, 1, 2023), day(1, 31), status=Initiative.Status.COMPLETED)
    running(day(1, 1, 2023), day(12, 31, 2023))
    running(day(7, 1), day(12, 31))
    running(None, day(12, 31, 2023))
    running(day(7, 1), None)
    running(day(2, 1), day(3, 1), status=Initiative.Status.CANCELLED)
    running(day(2, 1), day(3, 1), is_published=False)

    active = initiatives_active(start=START, end=END)
    assert set(active) == {inside, across_start, across_end, open_start, open_end, open_both, completed}
    assert set(initiatives_active(start=START, end=END, pillar=gender.pk)) == {inside, across_start}
    assert set(initiatives_active(start=START, end=END, pillar=finance.pk)) == {across_start, across_end}


def test_initiative_counts_by_pillar_count_each_initiative_once_per_pillar(
    pillars, django_assert_num_queries
):
    gender, finance = pillars
    running(day(2, 1), day(3, 1), pillars=[gender])
    running(day(2, 1), day(3, 1), pillars=[gender, finance])
    running(day(2, 1), day(3, 1))
    running(day(2, 1, 2020), day(3, 1, 2020), pillars=[finance])

    with django_assert_num_queries(1):
        counts = initiative_counts_by_pillar(initiatives=initiatives_active(start=START, end=END))
    assert counts == {gender.pk: 2, finance.pk: 1}


def reported(
    initiative: Initiative, *dates: datetime.date, status: str = IndicatorUpdate.Status.APPROVED
) -> None:
    period = PeriodFactory(indicator__result__initiative=initiative, start=day(1, 1, 2023), end=day(12, 31))
    for on in dates:
        IndicatorUpdateFactory(period=period, reported_on=on, status=status)


def test_the_most_reported_initiatives_count_approved_updates_of_the_period(django_assert_num_queries):
    busy = running(day(1, 1), None, title_vi="Bận rộn")
    tied_b = running(day(1, 1), None, title_vi="Bình")
    tied_a = running(day(1, 1), None, title_vi="An")
    quiet = running(day(1, 1), None, title_vi="Yên lặng")
    reported(busy, day(1, 31), day(2, 28), day(3, 31))
    reported(tied_b, day(4, 30), day(5, 31))
    reported(tied_a, day(4, 30), day(6, 30))
    # Outside the period, not approved, or of an initiative not asked about: none counts.
    reported(quiet, day(12, 31, 2023), day(7, 1))
    reported(quiet, day(3, 1), status=IndicatorUpdate.Status.SUBMITTED)
    reported(running(day(1, 1), None, is_published=False), day(3, 1))

    initiatives = initiatives_active(start=START, end=END)
    with django_assert_num_queries(1):
        top = initiatives_most_reported(initiatives=initiatives, start=START, end=END)
    assert [(initiative, initiative.reported) for initiative in top] == [(busy, 3), (tied_a, 2), (tied_b, 2)]
    assert initiatives_most_reported(initiatives=initiatives, start=START, end=END, limit=2) == [busy, tied_a]
