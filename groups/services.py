"""Writes with rules: subscriptions (double opt-in, one-click unsubscribe), an issue's draft,
and sending an issue to its readers in batches, one claimed delivery at a time."""

import logging
import secrets
import traceback

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.dispatch import NotDispatched, send_task
from core.mail import Notice, absolute_url, mail_dispatch
from core.models import OutgoingMail
from vocabulary.models import Pillar, TechnicalGroup

from . import mailing, selectors, tokens
from .models import Delivery, Issue, Subscriber

logger = logging.getLogger(__name__)


class NotSendable(Exception):
    """The issue is not a draft any more: it is being sent or was sent."""


# --- subscriptions -----------------------------------------------------------------------------


@transaction.atomic
def subscription_request(
    *, email: str, groups: list[TechnicalGroup], pillars: list[Pillar], language: str
) -> Subscriber:
    """Record the address (or find it) and mail it a link that confirms the choice. Nothing is
    sent to the address until it is confirmed; the choice itself travels in the signed link, so a
    stranger cannot change what a confirmed reader receives."""
    email = email.strip().lower()
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    subscriber, created = Subscriber.objects.get_or_create(email=email, defaults={"language": language})
    token = tokens.confirm_token(
        subscriber,
        groups=[group.pk for group in groups],
        pillars=[pillar.pk for pillar in pillars],
        language=language,
    )
    with translation.override(language):
        chosen = ", ".join([str(group) for group in groups] + [str(pillar) for pillar in pillars])
        notice = Notice(
            subject=_("Confirm your subscription to the technical groups' newsletters"),
            paragraphs=[
                _("Someone, probably you, asked to receive the quarterly newsletters of: %(chosen)s.")
                % {"chosen": chosen},
                _(
                    "Confirm with the button below. If it was not you, ignore this mail: nothing will be sent."
                ),
            ],
            action_label=_("Confirm my subscription"),
            action_path=reverse("groups:confirm", kwargs={"token": token}),
        )
        context = {
            "notice": notice,
            "action_url": absolute_url(notice.action_path),
            "opt_out_url": "",
            "home_url": absolute_url("/"),
            "language": language,
        }
        text = render_to_string("mail/notice.txt", context)
        html = render_to_string("mail/notice.html", context)
    mail = OutgoingMail.objects.create(
        recipient=None,
        to_email=email,
        language=language,
        kind="newsletter-confirm",
        # A new key for every request: each asks for its own mail.
        key=f"newsletter-confirm:{subscriber.pk}:{secrets.token_hex(8)}",
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{notice.subject}"[:255],
        body_text=text,
        body_html=html,
    )
    transaction.on_commit(lambda: mail_dispatch(mail_id=mail.pk))
    return subscriber


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscriber:
    """Apply the choice a confirmation link carries. Raises :class:`tokens.InvalidToken` for a
    link that was altered, expired, made for another address, or made before the reader
    unsubscribed."""
    choice = tokens.confirm_read(token)
    subscriber = Subscriber.objects.select_for_update().filter(pk=choice.subscriber_id).first()
    if subscriber is None or subscriber.email != choice.email or subscriber.confirmation_key != choice.key:
        raise tokens.InvalidToken
    now = timezone.now()
    subscriber.language = choice.language
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = now
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["language", "confirmed_at", "unsubscribed_at", "updated_at"])
    subscriber.groups.add(*selectors.group_public_queryset().filter(pk__in=choice.groups))
    subscriber.pillars.add(*Pillar.objects.published().filter(pk__in=choice.pillars))
    return subscriber


@transaction.atomic
def subscription_cancel(*, token: str) -> Subscriber:
    """Unsubscribe the address an unsubscribe link names. The row stays, marked with when they
    left; their confirmation links stop working."""
    subscriber_id, email = tokens.unsubscribe_read(token)
    subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id, email=email).first()
    if subscriber is None:
        raise tokens.InvalidToken
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.confirmation_key = Subscriber._meta.get_field("confirmation_key").default()
        subscriber.save(update_fields=["unsubscribed_at", "confirmation_key", "updated_at"])
    return subscriber


# --- an issue ----------------------------------------------------------------------------------


@transaction.atomic
def issue_draft_fill(*, issue: Issue) -> Issue:
    """Start a draft from the quarter: its title, and every event and approved result of the
    group's pillar in the quarter, for the coordinator to keep or drop."""
    if issue.status != Issue.Status.DRAFT:
        raise NotSendable
    for language, _name in settings.LANGUAGES:
        field = f"title_{language}"
        if not getattr(issue, field):
            with translation.override(language):
                group_name = getattr(issue.group, f"name_{language}", "") or issue.group.name_vi
                setattr(
                    issue,
                    field,
                    _("%(group)s newsletter, %(quarter)s")
                    % {"group": group_name, "quarter": issue.quarter_label},
                )
    issue.full_clean()
    issue.save()
    issue.events.set(selectors.issue_candidate_events(issue=issue))
    issue.results.set(selectors.issue_candidate_results(issue=issue))
    issue.resources.set(selectors.issue_candidate_resources(issue=issue))
    return issue


def issue_dispatch(*, issue_id: int) -> bool:
    """Hand the next batch to the worker; when the broker is away the coordinator sends again."""
    from .tasks import send_issue_batch

    try:
        send_task(send_issue_batch, args=[issue_id])
    except NotDispatched:
        return False
    return True


@transaction.atomic
def issue_send(*, issue: Issue, user: AbstractBaseUser | None = None) -> int:
    """Freeze the issue, write one queued delivery for each confirmed reader of the group or its
    pillar, and have the worker send them. Returns how many readers it goes to. A second click
    (or a second coordinator) finds the issue no longer a draft and raises :class:`NotSendable`."""
    claimed = Issue.objects.filter(pk=issue.pk, status=Issue.Status.DRAFT).update(
        status=Issue.Status.SENDING, sent_by=user, updated_at=timezone.now()
    )
    if not claimed:
        raise NotSendable
    issue.refresh_from_db()
    deliveries = [
        Delivery(issue=issue, subscriber=subscriber, to_email=subscriber.email, language=subscriber.language)
        for subscriber in selectors.subscribers_of(issue=issue)
    ]
    Delivery.objects.bulk_create(deliveries, ignore_conflicts=True)
    transaction.on_commit(lambda: issue_dispatch(issue_id=issue.pk))
    return len(deliveries)


def issue_requeue_failed(*, issue: Issue) -> int:
    """Queue the deliveries that failed again and have the worker retry them."""
    count = Delivery.objects.filter(issue=issue, status=Delivery.Status.FAILED).update(
        status=Delivery.Status.QUEUED, updated_at=timezone.now()
    )
    if count:
        Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENT).update(status=Issue.Status.SENDING)
        transaction.on_commit(lambda: issue_dispatch(issue_id=issue.pk))
    return count


def _claim(delivery_id: int) -> bool:
    """Take one queued delivery for this worker: the conditional update succeeds for one worker
    only, whatever the database, so no reader gets the issue twice."""
    return bool(
        Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now()
        )
    )


def issue_batch_send(*, issue_id: int, batch_size: int | None = None) -> dict[str, int]:
    """Send up to ``batch_size`` queued deliveries of the issue, each recorded as sent or failed
    with its error. Returns what it did and how many are still queued; when none are left the
    issue is marked sent."""
    batch_size = batch_size or settings.NEWSLETTER_BATCH_SIZE
    issue = selectors.issue_with_items(pk=issue_id)
    if issue is None or issue.status == Issue.Status.DRAFT:
        return {"sent": 0, "failed": 0, "queued": 0}
    ids = list(
        Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)[:batch_size]
    )
    sent = failed = 0
    connection = get_connection()
    with connection:
        for delivery_id in ids:
            if not _claim(delivery_id):
                continue  # another worker has it
            delivery = Delivery.objects.select_related("subscriber").get(pk=delivery_id)
            try:
                mailing.issue_message(
                    issue=issue,
                    subscriber=delivery.subscriber,
                    to_email=delivery.to_email,
                    language=delivery.language,
                    connection=connection,
                ).send()
            except Exception as exc:
                logger.warning("Newsletter %s to %s not sent: %s", issue_id, delivery.to_email, exc)
                Delivery.objects.filter(pk=delivery_id).update(
                    status=Delivery.Status.FAILED,
                    error=f"{exc.__class__.__name__}: {exc}\n\n{traceback.format_exc(limit=4)}"[:5000],
                    updated_at=timezone.now(),
                )
                failed += 1
                continue
            Delivery.objects.filter(pk=delivery_id).update(
                status=Delivery.Status.SENT, sent_at=timezone.now(), error="", updated_at=timezone.now()
            )
            sent += 1
    queued = Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.QUEUED).count()
    if not queued:
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, sent_at=F("sent_at") if issue.sent_at else timezone.now()
        )
    return {"sent": sent, "failed": failed, "queued": queued}
