"""Beat sends the nightly check of the kept figures that the migration created, and a real worker
writes again the figures a change made past the services left wrong."""

import datetime
import re
from decimal import Decimal as D
from importlib import import_module

import pytest
from django.apps import apps

from core.tests.beat import celery_logs, fire_every_second, wait_until
from initiatives.models import IndicatorUpdate, YearFigure
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]

CHECK = "Kiểm tra số liệu tổng hợp của mạng lưới"
TASK = "initiatives.tasks.check_results_figures"


def test_beat_sends_the_nightly_check_and_a_worker_writes_the_differing_figures_again(start_celery, tmp_path):
    import_module("initiatives.migrations.0013_fill_year_figures_and_nightly_check").create_schedule(
        apps, None
    )
    period = PeriodFactory(
        indicator=IndicatorFactory(network_indicator=NetworkIndicatorFactory()),
        start=datetime.date(2023, 1, 1),
        end=datetime.date(2023, 12, 31),
    )
    IndicatorUpdateFactory(period=period, value=D(500), reported_on=datetime.date(2023, 6, 30))
    assert YearFigure.objects.get(indicator=period.indicator, dimension_value=None).value == D(500)
    # A bulk write past the services, as a database repair by hand would be.
    IndicatorUpdate.objects.filter(period=period).update(value=D(900))

    assert fire_every_second(CHECK, TASK).planned == ("2", "30")
    start_celery("worker")
    start_celery("beat")

    def figure() -> D:
        return YearFigure.objects.get(indicator=period.indicator, dimension_value=None).value

    wait_until(lambda: figure() == D(900))
    logs = celery_logs(tmp_path)
    assert figure() == D(900), logs
    assert f"Sending due task {CHECK} ({TASK})" in logs["beat"]
    # The run that repaired it names the indicator; the runs after it find nothing to repair.
    runs = re.findall(rf"{re.escape(TASK)}\[[^\]]+\] succeeded in [\d.]+s: (.*)", logs["worker"])
    assert f"[{period.indicator.pk}]" in runs
