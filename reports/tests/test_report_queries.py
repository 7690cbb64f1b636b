"""The sections of a report ask the database a fixed number of queries, whatever the size of the
period: a quiet quarter and a busy one cost the same, and building the same run in a second
format asks nothing more of what the sections share."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.tests.factories import EventFactory, ParticipationFactory
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    PillarFactory,
    UpdateDisaggregationFactory,
    sex_values,
)
from members.tests.factories import MembershipFactory, PillarParticipationFactory
from reports import content
from reports.models import ReportRun

pytestmark = pytest.mark.django_db

START, END = date(2024, 7, 1), date(2024, 9, 30)


def add_activity(count: int, pillar) -> None:
    """``count`` events, initiatives with approved results, new members and planned events."""
    network = NetworkIndicatorFactory()
    female = sex_values()["female"]
    for number in range(count):
        day = date(2024, 7 + number % 3, 1 + number % 28)
        event = EventFactory(start_date=day, pillars=[pillar], headcount_total=30)
        if number % 2:
            ParticipationFactory(event=event)
        EventFactory(start_date=date(2024, 11, 1 + number % 28), status="planned", pillars=[pillar])
        initiative = InitiativeFactory(start=date(2024, 1, 1), end=date(2025, 12, 31), pillars=[pillar])
        indicator = IndicatorFactory(result__initiative=initiative, network_indicator=network)
        period = PeriodFactory(indicator=indicator, start=START, end=END)
        update = IndicatorUpdateFactory(period=period, reported_on=day, value=Decimal(100 + number))
        UpdateDisaggregationFactory(update=update, dimension_value=female, value=Decimal(60))
        membership = MembershipFactory(joined_on=day)
        PillarParticipationFactory(organisation=membership.organisation, pillar=pillar)


def queries(run: ReportRun, data: content.ReportData | None = None) -> int:
    """Queries to build the document and read every row of every table, as the CSV writer does."""
    with CaptureQueriesContext(connection) as captured:
        document = content.build_document(run, data)
        for table in document.tables:
            for _row in table.rows:
                pass
    return len(captured)


@pytest.mark.parametrize("kind", ["six_month", "newsletter", "pillar"])
def test_a_busy_period_asks_the_same_queries_as_a_quiet_one(kind):
    pillar = PillarFactory(code="gender-inclusion")
    run = ReportRun(kind=kind, period_start=START, period_end=END, language="vi", pillar=pillar)
    if kind == "six_month":
        run.pillar = None
    add_activity(3, pillar)
    quiet = queries(run)
    add_activity(content.LIST_PRINT_ROWS + 5, pillar)
    busy = queries(run)
    assert busy == quiet


def test_a_second_format_reads_only_what_each_document_streams():
    pillar = PillarFactory(code="policy")
    add_activity(5, pillar)
    run = ReportRun(
        kind="annual", period_start=date(2024, 1, 1), period_end=date(2024, 12, 31), language="vi"
    )
    data = content.ReportData(run)
    first = queries(run, data)
    second = queries(run, data)
    # Only the complete list of initiatives streams from the database again.
    assert second == 1
    assert first > 10
