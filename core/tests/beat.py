"""For the tests that run a migration's schedule through beat with a real worker."""

import time
from collections.abc import Callable
from pathlib import Path

from django_celery_beat.models import IntervalSchedule, PeriodicTask

# Worker start-up on the filesystem broker or Redis, on a busy two-core machine.
WAIT_SECONDS = 60


def fire_every_second(name: str, task: str) -> PeriodicTask:
    """The migration's schedule ``name``, checked to send ``task`` and be enabled, due every
    second instead of at its time of day; the time of day it had is kept as ``planned``
    (hour, minute)."""
    schedule = PeriodicTask.objects.get(name=name)
    assert (schedule.task, schedule.enabled) == (task, True)
    planned = (schedule.crontab.hour, schedule.crontab.minute) if schedule.crontab else None
    schedule.crontab = None
    schedule.interval = IntervalSchedule.objects.create(every=1, period=IntervalSchedule.SECONDS)
    schedule.save()
    schedule.planned = planned
    return schedule


def wait_until(check: Callable[[], bool], seconds: float = WAIT_SECONDS) -> None:
    """Until ``check()`` holds or ``seconds`` have passed; the test asserts what it needs after."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not check():
        time.sleep(0.5)


def celery_logs(folder: Path) -> dict[str, str]:
    """What beat and the worker started by ``start_celery`` printed."""
    return {name: (folder / f"celery-{name}.log").read_text(errors="replace") for name in ("beat", "worker")}
