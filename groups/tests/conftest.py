import datetime

import pytest

from events.tests.factories import EventFactory
from hub.tests.factories import ResourceFactory
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    PeriodFactory,
    ResultFactory,
)

from .factories import TechnicalGroupFactory


@pytest.fixture
def group(db):
    return TechnicalGroupFactory()


@pytest.fixture
def quarter_items(group):
    """What the fourth quarter of 2022 holds for the group's pillar: an event, a resource and an
    approved result, each with a counterpart that must stay out."""
    pillar = group.pillar
    event = EventFactory(
        title_vi="Hội nghị bàn giao mô hình kinh tế tuần hoàn Hoàn Kiếm",
        title_en="Hand-over conference of the Hoàn Kiếm circular-economy model",
        start_date=datetime.date(2022, 10, 28),
        pillars=[pillar],
    )
    EventFactory(title_vi="Sự kiện của quý khác", start_date=datetime.date(2022, 6, 1), pillars=[pillar])
    EventFactory(
        title_vi="Sự kiện chưa công bố",
        start_date=datetime.date(2022, 11, 1),
        pillars=[pillar],
        is_published=False,
    )
    initiative = InitiativeFactory(title_vi="Mô hình kinh tế tuần hoàn Hoàn Kiếm", pillars=[pillar])
    indicator = IndicatorFactory(
        result=ResultFactory(initiative=initiative), title_vi="Rác thải nhựa giá trị thấp được thu gom"
    )
    period = PeriodFactory(
        indicator=indicator, start=datetime.date(2022, 1, 1), end=datetime.date(2022, 12, 31)
    )
    result = IndicatorUpdateFactory(period=period, reported_on=datetime.date(2022, 12, 31), value=16150)
    IndicatorUpdateFactory(
        period=period, reported_on=datetime.date(2022, 11, 30), value=999, status="submitted"
    )
    resource = ResourceFactory(title_vi="Báo cáo thường niên CECR 2022", year=2022, technical_groups=[group])
    return {"event": event, "result": result, "resource": resource}
