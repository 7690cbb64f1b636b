"""The newsletter's worker task: thin, on the issue's primary key."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import services


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=30,
    max_retries=5,
    soft_time_limit=240,
    time_limit=300,
)
def send_issue_batch(issue_id: int) -> dict[str, int]:
    """Send one batch; while readers are still queued, hand the rest to the next run."""
    done = services.issue_batch_send(issue_id=issue_id)
    if done["queued"]:
        send_issue_batch.delay(issue_id)
    return done
