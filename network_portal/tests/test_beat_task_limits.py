"""A task whose time limits cannot work is refused when it is defined, before beat or anyone else
tries to send it; every task of the portal runs under limits that work."""

import pytest
from celery import Celery, Task
from django.core import checks

from network_portal.celery import PortalTask, TimeLimitsError
from network_portal.celery import app as portal_app
from network_portal.checks import task_time_limit_errors

# The broker's visibility timeout on Redis (settings.py).
VISIBILITY_TIMEOUT = 3600


@pytest.fixture
def probe_app():
    """A Celery app configured like the portal's, with Redis's visibility timeout: tasks defined
    on it stay off the portal's app."""
    probe = Celery("limits-probe", task_cls=PortalTask, set_as_current=False)
    probe.config_from_object("django.conf:settings", namespace="CELERY")
    probe.conf.broker_transport_options = {"visibility_timeout": VISIBILITY_TIMEOUT}
    probe.finalize()
    return probe


def test_a_task_with_only_a_hard_limit_below_the_default_soft_limit_is_refused(probe_app):
    with pytest.raises(
        TimeLimitsError, match=r"soft time limit \(1500 s\) must be below its hard time limit \(120 s\)"
    ):

        @probe_app.task(name="probe.sweep", shared=False, time_limit=120)
        def sweep() -> None: ...


@pytest.mark.parametrize(
    ("soft", "hard"),
    [(200, 120), (120, 120)],
    ids=["soft-above-hard", "soft-equal-to-hard"],
)
def test_a_task_whose_soft_limit_does_not_come_first_is_refused(probe_app, soft, hard):
    with pytest.raises(TimeLimitsError, match="must be below its hard time limit"):

        @probe_app.task(name=f"probe.build_{soft}", shared=False, soft_time_limit=soft, time_limit=hard)
        def build() -> None: ...


def test_a_task_that_outlasts_the_visibility_timeout_is_refused(probe_app):
    with pytest.raises(TimeLimitsError, match=r"below the broker's visibility timeout \(3600 s\)"):

        @probe_app.task(name="probe.long", shared=False, soft_time_limit=3000, time_limit=VISIBILITY_TIMEOUT)
        def long() -> None: ...


def test_a_task_with_limits_that_work_is_accepted(probe_app):
    @probe_app.task(name="probe.quick", shared=False, soft_time_limit=100, time_limit=120)
    def quick() -> None: ...

    assert (quick.soft_time_limit, quick.time_limit) == (100, 120)


def test_the_system_check_reports_a_badly_limited_task_on_another_base_class(probe_app):
    @probe_app.task(name="probe.plain", shared=False, base=Task, time_limit=120)
    def plain() -> None: ...

    errors = task_time_limit_errors(probe_app)
    assert [(error.id, error.obj) for error in errors] == [("network_portal.E001", "probe.plain")]
    assert "1500 s" in errors[0].msg


def test_every_task_of_the_portal_runs_under_limits_that_work():
    assert checks.run_checks(tags=["celery"]) == []
    tasks = {name: task for name, task in portal_app.tasks.items() if not name.startswith("celery.")}
    assert {
        "reports.tasks.build_report",
        "reports.tasks.sweep_report_runs",
        "reports.tasks.schedule_report",
    } <= set(tasks)
    for name, task in tasks.items():
        assert 0 < task.soft_time_limit < task.time_limit < VISIBILITY_TIMEOUT, name
