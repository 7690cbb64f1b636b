"""The newsletter's worker task: thin, on the issue's primary key."""

from core.tasks import retried_task

from . import services


@retried_task(retry_backoff=30, max_retries=5, soft_time_limit=240, time_limit=300)
def send_issue_batch(issue_id: int) -> dict[str, int]:
    """Send one batch; while readers are still queued, hand the rest to the next run."""
    done = services.issue_batch_send(issue_id=issue_id)
    if done["queued"]:
        send_issue_batch.delay(issue_id)
    return done
