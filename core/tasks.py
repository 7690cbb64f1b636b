"""Project-wide tasks: the worker check, and mail."""

from smtplib import SMTPException

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import mail

# A database that drops mid-task (a restart, a failover) is worth another try; any other error is a
# fault a retry would only repeat.
DATABASE_ERRORS = (OperationalError, InterfaceError)


def retried_task(*, retry_on=DATABASE_ERRORS, retry_backoff: int, max_retries: int, **options):
    """A task acknowledged once done, so a worker that dies mid-run hands it back to the queue, and
    tried again with a growing pause when the database (or whatever `retry_on` names) fails."""
    return shared_task(
        acks_late=True,
        autoretry_for=retry_on,
        retry_backoff=retry_backoff,
        max_retries=max_retries,
        **options,
    )


@shared_task(ignore_result=False, acks_late=False)
def ping(token: str) -> str:
    """Answers the token it was given: proves a worker is consuming the queue."""
    return f"pong:{token}"


@retried_task(
    retry_on=(SMTPException, OSError, *DATABASE_ERRORS),
    retry_backoff=30,
    retry_backoff_max=1800,
    retry_jitter=True,
    max_retries=8,
    soft_time_limit=60,
    time_limit=90,
)
def send_mail(mail_id: int) -> bool:
    return mail.mail_deliver(mail_id=mail_id)


@shared_task(acks_late=True, soft_time_limit=100, time_limit=120)
def sweep_mail() -> dict[str, int]:
    return mail.mail_sweep()
