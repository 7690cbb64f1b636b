"""The Celery application shared by the web process, the workers and beat.

Every task is built on :class:`PortalTask`, which refuses limits that cannot work. Celery itself
compares a task's soft and hard time limits only when the task is sent, so a task whose limits
are wrong is accepted everywhere and then fails where nobody watches: in beat, at every
scheduled run.
"""

import os

from celery import Celery, Task
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings")


class TimeLimitsError(ImproperlyConfigured):
    """A task's time limits would make every send of it fail, or let the broker deliver it twice."""


def time_limits_problem(task: type[Task] | Task, app: Celery) -> str | None:
    """What is wrong with the limits a bound task runs under, or None.

    Binding gives a task the global limits (CELERY_TASK_SOFT_TIME_LIMIT, CELERY_TASK_TIME_LIMIT)
    where it sets none of its own, so these are the limits the worker enforces. The soft limit
    must come first, so the task can stop cleanly before it is killed; the hard limit must come
    before the broker's visibility timeout, or a late-acknowledged task that is still running is
    handed to a second worker.
    """
    name = task.name or "the default task"
    soft, hard = task.soft_time_limit, task.time_limit
    visibility = (app.conf.broker_transport_options or {}).get("visibility_timeout")
    if not soft or not hard:
        return f"{name} needs both a soft and a hard time limit (soft {soft}, hard {hard})."
    if soft >= hard:
        return f"{name}: its soft time limit ({soft} s) must be below its hard time limit ({hard} s)."
    if visibility and hard >= visibility:
        return f"{name}: its hard time limit ({hard} s) must be below the broker's visibility timeout ({visibility} s)."
    return None


class PortalTask(Task):
    """The base of every task: a task whose limits are wrong is refused as it is bound to the app,
    which the worker and beat do for every task when they start."""

    @classmethod
    def on_bound(cls, app: Celery) -> None:
        problem = time_limits_problem(cls, app)
        if problem:
            raise TimeLimitsError(problem)


app = Celery("network_portal", task_cls=PortalTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
