"""Celery tasks of the reporting cycles, run by beat every morning: thin wrappers around the
services."""

from celery import shared_task

from core.tasks import retried_task

from . import reminders, services

# Opening a national cycle writes tens of thousands of periods due, and the reminders write a
# mail per person: ten minutes is plenty, and stays below the broker's visibility timeout.
TIME_LIMIT = 600
SOFT_TIME_LIMIT = 540


@retried_task(retry_backoff=60, max_retries=3, soft_time_limit=SOFT_TIME_LIMIT, time_limit=TIME_LIMIT)
def send_reminders() -> dict[str, int]:
    return reminders.reminders_send()


@shared_task(acks_late=True, soft_time_limit=SOFT_TIME_LIMIT, time_limit=TIME_LIMIT)
def open_planned_cycles() -> list[int]:
    return [cycle.pk for cycle in services.cycles_open_planned()]


@shared_task(acks_late=True, soft_time_limit=SOFT_TIME_LIMIT, time_limit=TIME_LIMIT)
def schedule_cycle(kind: str) -> int | None:
    cycle = services.cycle_schedule(kind=kind)
    return cycle.pk if cycle else None
