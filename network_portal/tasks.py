"""Project-wide tasks."""

from celery import shared_task


@shared_task(ignore_result=False, acks_late=False)
def ping(token: str) -> str:
    """Answers the token it was given: proves a worker is consuming the queue."""
    return f"pong:{token}"
