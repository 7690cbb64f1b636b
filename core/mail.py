"""Notices by mail, written in the request's transaction and sent by a worker.

A notice is a row (:class:`~core.models.OutgoingMail`) rendered in the recipient's
language, with absolute links and both a plain-text and an HTML body. Once the transaction that
caused it commits, a worker sends it, retrying with backoff while the mail server is away; a
mail the broker never received is picked up by :func:`mail_sweep`. Each notice has a key naming
its cause and recipient, so the same notice is never written, and so never sent, twice.
"""

import logging
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .dispatch import NotDispatched, send_task
from .models import AccountSettings, OutgoingMail
from .roles import users_with_perm

logger = logging.getLogger(__name__)

# A pending mail older than this was probably never handed to the broker.
STALE_PENDING_AFTER = timedelta(minutes=2)
# A mail "being sent" for this long lost its worker.
STALE_SENDING_AFTER = timedelta(minutes=15)


@dataclass
class Notice:
    """What a mail says: built in the recipient's language by the app that sends it."""

    subject: str
    paragraphs: list[str]
    action_label: str = ""
    action_path: str = ""
    details: list[tuple[str, str]] = field(default_factory=list)
    # Reminders, which people may decline, carry a link that turns them off.
    opt_out_path: str = ""


def absolute_url(path: str) -> str:
    """A link a mail client can open: the portal's base address and the path."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.PORTAL_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def account_language(user: AbstractBaseUser) -> str:
    """The language this person last used the portal in; Vietnamese until we know."""
    chosen = AccountSettings.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def account_language_remember(*, user: AbstractBaseUser, language: str) -> None:
    if language not in dict(settings.LANGUAGES) or not user.is_authenticated:
        return
    AccountSettings.objects.update_or_create(user=user, defaults={"language": language})


def mail_notify(
    *, user: AbstractBaseUser, kind: str, key: str, compose: Callable[[], Notice]
) -> OutgoingMail | None:
    """Write the notice ``compose`` builds for ``user`` and send it once the transaction commits.

    ``compose`` is called with the recipient's language active. Returns the mail, or None when
    the person has no address or was already sent this notice.
    """
    if not user.email:
        return None
    key = f"{kind}:{key}:{user.pk}"[:200]
    if OutgoingMail.objects.filter(key=key).exists():
        return None
    language = account_language(user)
    with translation.override(language):
        notice = compose()
        context = {
            "notice": notice,
            "action_url": absolute_url(notice.action_path) if notice.action_path else "",
            "opt_out_url": absolute_url(notice.opt_out_path) if notice.opt_out_path else "",
            "home_url": absolute_url("/"),
            "language": language,
        }
        text = render_to_string("mail/notice.txt", context)
        html = render_to_string("mail/notice.html", context)
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{notice.subject}"[:255]
    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.create(
                recipient=user,
                to_email=user.email,
                language=language,
                kind=kind,
                key=key,
                subject=subject,
                body_text=text,
                body_html=html,
            )
    except IntegrityError:  # written by a concurrent request a moment ago
        return None
    transaction.on_commit(lambda: mail_dispatch(mail_id=mail.pk))
    return mail


def mail_notify_all(
    *, users: Iterable[AbstractBaseUser], kind: str, key: str, compose: Callable[[], Notice]
) -> list[OutgoingMail]:
    mails = [mail_notify(user=user, kind=kind, key=key, compose=compose) for user in users]
    return [mail for mail in mails if mail is not None]


def mail_notify_perm(
    *, perm: str, actor_id: int | None, kind: str, key: str, compose: Callable[[], Notice]
) -> list[OutgoingMail]:
    """Write the notice for everyone who holds ``perm`` (see :mod:`core.roles`) but the person
    whose action it reports: who asks for a decision is not asked to make it."""
    users = users_with_perm(perm).exclude(pk=actor_id)
    return mail_notify_all(users=users, kind=kind, key=key, compose=compose)


def mail_dispatch(*, mail_id: int) -> bool:
    """Hand the mail to the broker; if it is away, the sweep sends it later."""
    from .tasks import send_mail

    try:
        send_task(send_mail, args=[mail_id])
    except NotDispatched:
        return False
    return True


def mail_deliver(*, mail_id: int) -> bool:
    """Send one mail. Returns False when it is gone or already sent (or being sent elsewhere);
    raises when the mail server refuses, with the error kept on the row for the retry."""
    claimed = OutgoingMail.objects.filter(
        pk=mail_id, status__in=[OutgoingMail.Status.PENDING, OutgoingMail.Status.FAILED]
    ).update(status=OutgoingMail.Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now())
    if not claimed:
        return False
    mail = OutgoingMail.objects.get(pk=mail_id)
    message = EmailMultiAlternatives(mail.subject, mail.body_text, None, [mail.to_email])
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    try:
        message.send()
    except Exception as exc:
        logger.warning("Mail %s to %s not sent: %s", mail.pk, mail.to_email, exc)
        OutgoingMail.objects.filter(pk=mail_id).update(
            status=OutgoingMail.Status.FAILED,
            error=f"{exc.__class__.__name__}: {exc}\n\n{traceback.format_exc(limit=4)}"[:5000],
            updated_at=timezone.now(),
        )
        raise
    OutgoingMail.objects.filter(pk=mail_id).update(
        status=OutgoingMail.Status.SENT, sent_at=timezone.now(), error="", updated_at=timezone.now()
    )
    return True


def mail_resend(*, mail: OutgoingMail) -> bool:
    """Send a failed mail again (from the admin)."""
    if mail.status != OutgoingMail.Status.FAILED:
        return False
    OutgoingMail.objects.filter(pk=mail.pk, status=OutgoingMail.Status.FAILED).update(
        status=OutgoingMail.Status.PENDING, updated_at=timezone.now()
    )
    transaction.on_commit(lambda: mail_dispatch(mail_id=mail.pk))
    return True


def mail_sweep(*, now=None) -> dict[str, int]:
    """Send what the broker never received, and what a worker that died left half-sent."""
    now = now or timezone.now()
    revived = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.SENDING, updated_at__lt=now - STALE_SENDING_AFTER
    ).update(status=OutgoingMail.Status.PENDING, updated_at=now)
    stale = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.PENDING, created_at__lt=now - STALE_PENDING_AFTER
    ).values_list("pk", flat=True)
    dispatched = sum(mail_dispatch(mail_id=pk) for pk in list(stale[:500]))
    return {"revived": revived, "dispatched": dispatched}
