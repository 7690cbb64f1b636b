"""``bench/cycles.py`` at a tiny scale, its steps in this process: the cycle it makes covers the
busiest half-year, every page it measures answers, the reminder run's queries follow the people
mailed and not the initiatives owed, and removing what it made leaves the dataset as it was.
Calls ``bench.dataset`` directly: ``bench`` need not be installed."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection

from bench import cycle_removal, dataset
from bench import cycle_steps as bench_cycles
from core.models import AccountSettings, OutgoingMail
from cycles.models import DuePeriod, ReportingCycle
from initiatives.models import Indicator, IndicatorUpdate, Initiative, Period, UpdateDisaggregation
from members.models import EditorRequest

SCALE = 0.01  # 100 organisations, 80 initiatives, 5,000 updates


@pytest.fixture
def generated(db, settings, tmp_path, migrated_rows):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    dataset.generate(scale=SCALE, seed=7, analyze=False)


def _rows() -> dict[str, int]:
    models = (
        ReportingCycle,
        ReportingCycle.history.model,
        DuePeriod,
        Period,
        Period.history.model,
        IndicatorUpdate,
        IndicatorUpdate.history.model,
        UpdateDisaggregation,
        Indicator.attendance_events.through,
        OutgoingMail,
        get_user_model(),
        EditorRequest,
        AccountSettings,
        Session,
    )
    return {model._meta.label: model.objects.count() for model in models}


def test_the_benchmark_measures_a_cycle_and_leaves_the_dataset_as_it_was(generated):
    before = _rows()
    start, end, count = bench_cycles.busiest_half()
    prepared = bench_cycles.prepare(seed=3, editor_share=0.25)
    cycle = ReportingCycle.objects.get(pk=prepared["cycle"])
    assert (cycle.period_start, cycle.period_end) == (start, end)
    # A period has one cycle at most: the next run would take another half-year.
    assert bench_cycles.busiest_half()[:2] != (start, end)
    assert cycle.status == ReportingCycle.Status.PLANNED and prepared["initiatives"] == count > 0
    assert prepared["editors"] >= prepared["organisations_given_editors"] >= prepared["leads"] > 0

    opened = bench_cycles.open_cycle(cycle_id=cycle.pk)
    assert opened["due_periods"] == DuePeriod.objects.filter(cycle=cycle).count() > 0
    assert opened["initiatives_due"] <= prepared["initiatives"]
    assert 0 < opened["queries"] < 100  # a few queries however many initiatives, plus the proposals

    counted = bench_cycles.count_pages(cycle_id=cycle.pk)
    assert [page["status"] for page in counted["pages"]] == [200] * len(counted["pages"])
    assert set(counted["cookies"]) == {"coordinator", "editor"}

    every = bench_cycles.remind(cycle_id=cycle.pk)
    few = bench_cycles.remind(cycle_id=cycle.pk, only_organisations=2)
    assert every["initiatives_owed"] == few["initiatives_owed"] > 0
    assert every["editor_digests"] > few["editor_digests"] > 0
    # Queries grow with the mails written, not with the initiatives owed.
    mails = [run["editor_digests"] + run["approver_digests"] for run in (every, few)]
    per_mail = (every["queries"] - few["queries"]) / (mails[0] - mails[1])
    assert per_mail < 10
    assert few["queries"] - per_mail * mails[1] < 30

    removed = cycle_removal.remove()
    assert removed["cycles"] == 1
    assert removed["accounts"] == prepared["editors"] + 1 + bench_cycles.APPROVERS  # and the coordinator
    assert _rows() == before
    # Nothing left pointing at what was removed.
    connection.check_constraints()


def test_the_dataset_can_be_removed_after_a_cycle_was_kept(db, settings, tmp_path, migrated_rows):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    dataset.generate(scale=0.002, seed=7, analyze=False)
    prepared = bench_cycles.prepare(seed=3, editor_share=0.25, every_initiative=True)
    assert prepared["initiatives"] == Initiative.objects.exclude(status=Initiative.Status.CANCELLED).count()
    bench_cycles.open_cycle(cycle_id=ReportingCycle.objects.get(name_vi__startswith=bench_cycles.MARK).pk)
    dataset.reset()
    connection.check_constraints()
    assert not DuePeriod.objects.filter(initiative__slug__startswith=dataset.PREFIX).exists()
