"""The newsletter as a mail: HTML with its CSS inlined (mail clients drop style sheets) and a
plain-text part, in the reader's language, with absolute links to the issue's public copy and
to the reader's one-click unsubscribe."""

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.mail import absolute_url

from . import tokens
from .models import Issue, Subscriber
from .selectors import issue_contents

_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def unsubscribe_path(subscriber: Subscriber) -> str:
    return reverse("groups:unsubscribe", kwargs={"token": tokens.unsubscribe_token(subscriber)})


def issue_mail_parts(*, issue: Issue, language: str, unsubscribe_url: str) -> tuple[str, str, str]:
    """(subject, text, HTML) of ``issue`` in ``language``; ``issue`` carries its items
    (:func:`groups.selectors.issue_with_items`)."""
    with translation.override(language):
        context = {
            **issue_contents(issue),
            "archive_url": absolute_url(
                reverse("groups:issue", kwargs={"group": issue.group_id, "pk": issue.pk})
            ),
            "group_url": absolute_url(reverse("groups:detail", kwargs={"pk": issue.group_id})),
            "unsubscribe_url": unsubscribe_url,
            "home_url": absolute_url("/"),
            "base_url": settings.PORTAL_BASE_URL.rstrip("/"),
            "language": language,
        }
        subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{issue.heading}"[:255]
        text = render_to_string("groups/mail_issue.txt", context)
        html = _inliner.inline(render_to_string("groups/mail_issue.html", context))
    return subject, text, html


def issue_message(*, issue: Issue, subscriber: Subscriber, to_email: str, language: str, connection=None):
    """The mail of ``issue`` to one reader, with the List-Unsubscribe headers mail clients show
    as an "unsubscribe" button (RFC 8058: one POST, no page to visit)."""
    with translation.override(language):
        unsubscribe_url = absolute_url(unsubscribe_path(subscriber))
    subject, text, html = issue_mail_parts(issue=issue, language=language, unsubscribe_url=unsubscribe_url)
    message = EmailMultiAlternatives(
        subject,
        text,
        None,
        [to_email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
