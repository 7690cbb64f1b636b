"""Opening a cycle records the periods due, creating those missing; closing it locks them; beat
opens the six-month cycle and the planned cycles whose day has come."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cycles import services
from cycles.models import DuePeriod, ReportingCycle
from initiatives.models import Initiative, Period
from initiatives.tests.factories import IndicatorFactory, InitiativeFactory, PeriodFactory, ResultFactory

from .factories import ReportingCycleFactory


def test_opening_creates_the_missing_periods_and_keeps_those_within_the_cycle(
    network, django_capture_on_commit_callbacks
):
    trained = network["asppire"].results.get().indicators.get(title_vi="Người thu gom được tập huấn")
    quarter = PeriodFactory(
        indicator=trained, start=datetime.date(2026, 10, 1), end=datetime.date(2026, 12, 31)
    )
    PeriodFactory(indicator=trained, start=datetime.date(2022, 1, 1), end=datetime.date(2022, 12, 31))
    with django_capture_on_commit_callbacks():
        cycle = services.cycle_open(cycle=network["cycle"], user=network["coordinator"])
    assert cycle.status == ReportingCycle.Status.OPEN and cycle.opened_by == network["coordinator"]
    due = DuePeriod.objects.filter(cycle=cycle)
    # Four indicators: the one with a quarter inside the cycle keeps it; the three others get one.
    assert due.count() == 4
    assert due.filter(period=quarter).exists()
    created = Period.objects.filter(start=datetime.date(2026, 7, 1), end=datetime.date(2026, 12, 31))
    assert created.count() == 3 and all(period.history.exists() for period in created)
    assert not due.filter(period__start=datetime.date(2022, 1, 1)).exists()


def test_a_cycle_opens_once(opened):
    with pytest.raises(ValidationError):
        services.cycle_open(cycle=opened["cycle"])


def test_closing_locks_the_periods_due_and_records_who_closed_it(opened):
    cycle = services.cycle_close(cycle=opened["cycle"], user=opened["coordinator"])
    assert cycle.status == ReportingCycle.Status.CLOSED and cycle.closed_by == opened["coordinator"]
    periods = Period.objects.filter(due_in__cycle=cycle)
    assert periods.count() == 4 and all(period.locked for period in periods)
    assert all(period.history.first().locked for period in periods)


def test_the_scope_takes_active_initiatives_of_a_pillar_or_programme_and_those_chosen(
    db, django_capture_on_commit_callbacks
):
    from initiatives.tests.factories import PillarFactory

    pillar = PillarFactory(code="innovation")
    programme = InitiativeFactory(title_vi="Chương trình NPAP", start=datetime.date(2024, 1, 1), end=None)
    running = dict(start=datetime.date(2025, 1, 1), end=datetime.date(2027, 12, 31))
    of_pillar = InitiativeFactory(pillars=[pillar], **running)
    ended = InitiativeFactory(
        pillars=[pillar], start=datetime.date(2020, 1, 1), end=datetime.date(2021, 12, 31)
    )
    child = InitiativeFactory(parent=programme, **running)
    cancelled = InitiativeFactory(pillars=[pillar], status=Initiative.Status.CANCELLED, **running)
    chosen = InitiativeFactory(start=datetime.date(2019, 1, 1), end=datetime.date(2020, 12, 31))
    other = InitiativeFactory(**running)
    for initiative in [programme, of_pillar, ended, child, cancelled, chosen, other]:
        IndicatorFactory(result=ResultFactory(initiative=initiative))
    cycle = ReportingCycleFactory(initiatives=[chosen])
    cycle.pillars.set([pillar])
    cycle.programmes.set([programme])
    with django_capture_on_commit_callbacks():
        services.cycle_open(cycle=cycle)
    covered = set(DuePeriod.objects.filter(cycle=cycle).values_list("initiative", flat=True))
    assert covered == {programme.pk, of_pillar.pk, child.pk, chosen.pk}

    cycle.delete()
    every = ReportingCycleFactory(name_vi="Tất cả", all_active=True)
    with django_capture_on_commit_callbacks():
        services.cycle_open(cycle=every)
    covered = set(DuePeriod.objects.filter(cycle=every).values_list("initiative", flat=True))
    assert covered == {programme.pk, of_pillar.pk, child.pk, other.pk}


def test_beat_opens_the_six_month_cycle_of_the_half_year_just_ended_once(
    network, django_capture_on_commit_callbacks
):
    network["cycle"].delete()
    with django_capture_on_commit_callbacks():
        cycle = services.cycle_schedule(kind="six_month", today=datetime.date(2027, 1, 1))
        again = services.cycle_schedule(kind="six_month", today=datetime.date(2027, 1, 1))
    assert again is None
    assert (cycle.period_start, cycle.period_end) == (datetime.date(2026, 7, 1), datetime.date(2026, 12, 31))
    assert (cycle.opens_on, cycle.due_on, cycle.status) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 1, 15),
        ReportingCycle.Status.OPEN,
    )
    assert cycle.name_vi == "Kỳ báo cáo 6 tháng cuối năm 2026"
    assert cycle.name_en == "Six-month reporting, second half of 2026"
    assert DuePeriod.objects.filter(cycle=cycle).values("initiative").distinct().count() == 3

    with django_capture_on_commit_callbacks():
        first_half = services.cycle_schedule(kind="six_month", today=datetime.date(2027, 7, 1))
    assert (first_half.period_start, first_half.due_on) == (
        datetime.date(2027, 1, 1),
        datetime.date(2027, 7, 15),
    )
    assert first_half.name_vi == "Kỳ báo cáo 6 tháng đầu năm 2027"


def test_beat_opens_nothing_over_a_cycle_the_coordinators_planned(
    network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():
        assert services.cycle_schedule(kind="six_month", today=datetime.date(2027, 1, 1)) is None
    assert ReportingCycle.objects.get().status == ReportingCycle.Status.PLANNED


def test_planned_cycles_open_on_their_day(network, django_capture_on_commit_callbacks):
    later = ReportingCycleFactory(
        name_vi="Sau",
        period_start=datetime.date(2027, 1, 1),
        period_end=datetime.date(2027, 6, 30),
        opens_on=datetime.date(2026, 12, 20),
    )
    with django_capture_on_commit_callbacks():
        opened = services.cycles_open_planned(today=datetime.date(2026, 12, 1))
    assert [cycle.pk for cycle in opened] == [network["cycle"].pk]
    later.refresh_from_db()
    assert later.status == ReportingCycle.Status.PLANNED


def test_a_second_cycle_for_the_same_period_is_refused(network):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ReportingCycleFactory(name_vi="Trùng kỳ")
    duplicate = ReportingCycle(
        name_vi="Trùng kỳ",
        period_start=network["cycle"].period_start,
        period_end=network["cycle"].period_end,
        opens_on=network["cycle"].opens_on,
        due_on=network["cycle"].due_on,
    )
    with pytest.raises(ValidationError) as refused:
        duplicate.full_clean()
    assert "Đã có một kỳ báo cáo cho giai đoạn này." in str(refused.value)
