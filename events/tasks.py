"""Celery tasks of events: thin wrappers around the services."""

from core.tasks import retried_task

from . import organiser_counts


# One grouped count of every organiser link: seconds at national scale.
@retried_task(retry_backoff=60, max_retries=3, soft_time_limit=240, time_limit=300)
def check_organiser_counts() -> list[int]:
    """Beat's nightly check: the organisations whose kept event counts differed, now written again."""
    return organiser_counts.organiser_counts_check(repair=True)
