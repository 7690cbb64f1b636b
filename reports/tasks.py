"""Celery tasks for reports: thin wrappers around the services, on primary keys."""

from celery import shared_task
from django.conf import settings

from core.tasks import retried_task

from . import services

# Below the broker's visibility timeout (settings), so a slow build is never handed out twice.
BUILD_TIME_LIMIT = settings.CELERY_TASK_TIME_LIMIT
BUILD_SOFT_TIME_LIMIT = settings.CELERY_TASK_SOFT_TIME_LIMIT
# The sweep and the scheduled drafts only write rows and hand runs to the broker, each send giving
# up after a second and a half: two minutes covers dozens of runs even with a hung broker. The soft
# limit lets one that runs over stop cleanly; beat starts it again at its next run.
SHORT_TIME_LIMIT = 120
SHORT_SOFT_TIME_LIMIT = 100


@retried_task(
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
    time_limit=BUILD_TIME_LIMIT,
    soft_time_limit=BUILD_SOFT_TIME_LIMIT,
)
def build_report(run_id: int) -> bool:
    return services.report_run_build(run_id=run_id)


@shared_task(acks_late=True, soft_time_limit=SHORT_SOFT_TIME_LIMIT, time_limit=SHORT_TIME_LIMIT)
def sweep_report_runs() -> dict[str, int]:
    return services.report_runs_sweep()


@shared_task(acks_late=True, soft_time_limit=SHORT_SOFT_TIME_LIMIT, time_limit=SHORT_TIME_LIMIT)
def schedule_report(kind: str) -> list[int]:
    return [run.pk for run in services.report_schedule(kind=kind)]
