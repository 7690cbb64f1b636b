"""System checks of the project: the time limits of every Celery task.

Celery binds a task when it is first used, and PortalTask refuses wrong limits there; this check
binds every task at once instead, so ``manage.py check``, ``migrate``, ``runserver`` and the
worker (whose start runs the system checks) stop on a task whose limits are wrong before anything
is served, migrated or scheduled.
"""

from celery import Celery
from django.apps import apps
from django.core import checks


def task_time_limit_errors(celery_app: Celery) -> list[checks.Error]:
    """Import every installed app's tasks module, bind every task, and list the tasks whose
    limits are wrong. A PortalTask with wrong limits raises TimeLimitsError as it is bound; a task
    built on another base class is listed here."""
    from .celery import time_limits_problem

    # The loader's own discovery would send Celery's import_modules signal, on which the Django
    # fixup runs the system checks again: import the modules directly.
    celery_app.loader.autodiscover_tasks([config.name for config in apps.get_app_configs()])
    errors = []
    for name, task in sorted(celery_app.tasks.items()):
        problem = time_limits_problem(task, celery_app)
        if problem:
            errors.append(
                checks.Error(
                    problem,
                    hint="Give the task a soft_time_limit below its time_limit, both below the broker's visibility timeout.",
                    obj=name,
                    id="network_portal.E001",
                )
            )
    return errors


@checks.register("celery")
def task_time_limits(app_configs=None, **kwargs) -> list[checks.Error]:
    from .celery import app

    return task_time_limit_errors(app)
