"""Where an initiative stands in a cycle follows from the updates of its periods due."""

import datetime

import pytest

from cycles.models import DuePeriod, ReportingCycle
from cycles.selectors import Progress, cycle_standings
from initiatives.models import IndicatorUpdate
from initiatives.tests.factories import IndicatorUpdateFactory

Standing = ReportingCycle.Standing
Status = IndicatorUpdate.Status
BEFORE_DUE = datetime.date(2027, 1, 10)
AFTER_DUE = datetime.date(2027, 1, 16)


@pytest.mark.parametrize(
    ("progress", "late", "standing"),
    [
        (Progress(due=2), False, Standing.NOT_STARTED),
        (Progress(due=2, draft=1), False, Standing.DRAFT),
        (Progress(due=2, submitted=1), False, Standing.DRAFT),
        (Progress(due=2, submitted=2), False, Standing.SUBMITTED),
        (Progress(due=2, submitted=1, approved=1), False, Standing.SUBMITTED),
        (Progress(due=2, approved=2), False, Standing.APPROVED),
        (Progress(due=2, returned=1, submitted=1), False, Standing.RETURNED),
        (Progress(due=2), True, Standing.OVERDUE),
        (Progress(due=2, draft=1), True, Standing.OVERDUE),
        (Progress(due=2, returned=1, approved=1), True, Standing.OVERDUE),
        (Progress(due=2, submitted=2), True, Standing.SUBMITTED),
        (Progress(due=2, approved=2), True, Standing.APPROVED),
    ],
)
def test_the_status_rules(progress, late, standing):
    assert progress.standing(late=late) == standing


def _periods(network, initiative):
    return [due.period for due in DuePeriod.objects.filter(cycle=network["cycle"], initiative=initiative)]


def test_the_standings_are_computed_from_the_updates_of_each_period_due(opened):
    asppire_trained, asppire_sorting = _periods(opened, opened["asppire"])
    (collected,) = _periods(opened, opened["model"])
    cycle = opened["cycle"]
    assert set(cycle_standings(cycle=cycle, today=BEFORE_DUE).values()) == {Standing.NOT_STARTED}

    IndicatorUpdateFactory(period=asppire_trained, status=Status.SUBMITTED)
    IndicatorUpdateFactory(period=collected, status=Status.APPROVED)
    standings = cycle_standings(cycle=cycle, today=BEFORE_DUE)
    assert standings[opened["asppire"].pk] == Standing.DRAFT
    assert standings[opened["model"].pk] == Standing.APPROVED
    assert standings[opened["schools"].pk] == Standing.NOT_STARTED

    returned = IndicatorUpdateFactory(period=asppire_sorting, status=Status.RETURNED)
    assert cycle_standings(cycle=cycle, today=BEFORE_DUE)[opened["asppire"].pk] == Standing.RETURNED
    late = cycle_standings(cycle=cycle, today=AFTER_DUE)
    assert late[opened["asppire"].pk] == Standing.OVERDUE
    assert late[opened["schools"].pk] == Standing.OVERDUE
    assert late[opened["model"].pk] == Standing.APPROVED

    returned.status = Status.SUBMITTED
    returned.save()
    assert cycle_standings(cycle=cycle, today=AFTER_DUE)[opened["asppire"].pk] == Standing.SUBMITTED
