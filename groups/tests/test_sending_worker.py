"""A real worker process sends an issue in batches on the test database and the configured
broker: one delivery per reader, the refused address recorded, and a repeated task sends nothing
twice."""

import email
import email.policy
import re
import time

import pytest

from core.dispatch import send_task

from .. import services
from ..models import Delivery, Issue
from ..tasks import send_issue_batch
from .factories import IssueFactory, SubscriberFactory
from .mail_backends import REFUSED

pytestmark = pytest.mark.django_db(transaction=True)

WAIT_SECONDS = 90
BASE = "https://npap.example.vn"
MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"
TASK = "groups.tasks.send_issue_batch"


def _mails(folder) -> list:
    found = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        for raw in path.read_bytes().split(MAIL_SEPARATOR)[:-1]:
            if raw.strip():
                found.append(email.message_from_bytes(raw.lstrip(), policy=email.policy.default))
    return found


def _wait_for(what: str, check, log):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {WAIT_SECONDS} s\n{log.read_text()[-3000:]}")


def test_a_worker_sends_the_issue_in_batches_records_the_refused_address_and_never_sends_twice(
    start_celery, tmp_path, group
):
    mail_folder = tmp_path / "mail"
    start_celery(
        "worker",
        EMAIL_BACKEND="groups.tests.mail_backends.RefusingFileBackend",
        EMAIL_FILE_PATH=str(mail_folder),
        PORTAL_NEWSLETTER_BATCH_SIZE="2",
        PORTAL_BASE_URL=BASE,
    )
    log = tmp_path / "celery-worker.log"
    issue = IssueFactory(group=group)
    readers = [SubscriberFactory(groups=[group], email=f"doc-gia-{n}@npap.test") for n in range(4)]
    SubscriberFactory(groups=[group], email=REFUSED)
    assert services.issue_send(issue=issue) == 5

    _wait_for(
        "the issue sent", lambda: Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENT).exists(), log
    )
    runs = re.findall(rf"{re.escape(TASK)}\[[^\]]+\] succeeded", log.read_text())
    assert len(runs) >= 3  # five readers, two at a time
    statuses = dict(Delivery.objects.filter(issue=issue).values_list("to_email", "status"))
    assert statuses == {**{reader.email: "sent" for reader in readers}, REFUSED: "failed"}
    assert "Mailbox unavailable" in Delivery.objects.get(to_email=REFUSED).error
    mails = _mails(mail_folder)
    assert sorted(message["To"] for message in mails) == sorted(reader.email for reader in readers)
    headers = [message["List-Unsubscribe"].strip() for message in mails]
    assert all(header.startswith(f"<{BASE}/vi/groups/unsubscribe/") for header in headers), headers

    # The task delivered again (a broker redelivery, a retry): nothing is sent twice.
    send_task(send_issue_batch, args=[issue.pk], timeout=10)
    _wait_for(
        "the repeated run",
        lambda: len(re.findall(rf"{re.escape(TASK)}\[[^\]]+\] succeeded", log.read_text())) > len(runs),
        log,
    )
    assert len(_mails(mail_folder)) == 4
