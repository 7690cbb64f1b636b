"""Celery tasks for reports: thin wrappers around the services, on primary keys."""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import services

# Below the broker's visibility timeout (settings), so a slow build is never handed out twice.
BUILD_TIME_LIMIT = settings.CELERY_TASK_TIME_LIMIT
BUILD_SOFT_TIME_LIMIT = settings.CELERY_TASK_SOFT_TIME_LIMIT


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
    time_limit=BUILD_TIME_LIMIT,
    soft_time_limit=BUILD_SOFT_TIME_LIMIT,
)
def build_report(run_id: int) -> bool:
    return services.report_run_build(run_id=run_id)


@shared_task(acks_late=True, time_limit=120)
def sweep_report_runs() -> dict[str, int]:
    return services.report_runs_sweep()


@shared_task(acks_late=True, time_limit=120)
def schedule_report(kind: str) -> list[int]:
    return [run.pk for run in services.report_schedule(kind=kind)]
