import re

import pytest
from django.core import signing
from django.test import Client

from core.models import OutgoingMail

from .. import tokens
from ..models import Subscriber
from .factories import SubscriberFactory, TechnicalGroupFactory

pytestmark = pytest.mark.django_db


def _subscribe(client, group, email="ban.doc@npap.test", language="vi", **extra):
    return client.post(
        "/vi/groups/subscribe/", {"email": email, "groups": [group.pk], "language": language, **extra}
    )


def _link(mail, path: str) -> str:
    return re.search(rf"https?://[^\s\"<]+{path}[^\s\"<]+/", mail.body).group(0)


def test_a_visitor_subscribes_and_is_on_the_list_only_after_confirming_from_the_mail(
    client, group, deliver_mail
):
    response = _subscribe(client, group, email="Ban.Doc@npap.test")
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email="ban.doc@npap.test")
    assert subscriber.confirmed_at is None and not subscriber.groups.exists()
    (mail,) = deliver_mail()
    assert mail.to == ["ban.doc@npap.test"]
    assert "Xác nhận" in mail.subject
    link = _link(mail, "/vi/groups/confirm/")
    page = client.get("/" + link.split("://", 1)[1].split("/", 1)[1])
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.is_active
    assert list(subscriber.groups.all()) == [group]


def test_the_confirmation_mail_is_in_the_chosen_language(client, group, deliver_mail):
    _subscribe(client, group, language="en")
    (mail,) = deliver_mail()
    assert "Confirm" in mail.subject
    assert "/en/groups/confirm/" in mail.body


def _confirm_token(subscriber, group) -> str:
    return tokens.confirm_token(subscriber, groups=[group.pk], pillars=[], language="vi")


def test_an_altered_confirmation_link_is_refused(client, group):
    subscriber = SubscriberFactory(confirmed_at=None)
    token = _confirm_token(subscriber, group)
    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    assert client.get(f"/vi/groups/confirm/{forged}/").status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


def test_a_confirmation_link_cannot_confirm_another_address(client, group):
    victim = SubscriberFactory(confirmed_at=None, email="nan.nhan@npap.test")
    attacker = SubscriberFactory(confirmed_at=None, email="ke.gian@npap.test")
    # The attacker's own link, its payload pointed at the victim's row: the signature breaks.
    token = _confirm_token(attacker, group)
    payload = signing.loads(token, salt=tokens.CONFIRM_SALT)
    payload["s"] = victim.pk
    body = signing.dumps(payload, salt=tokens.CONFIRM_SALT, compress=True).split(":")[0]
    tampered = ":".join([body, *token.split(":")[1:]])
    assert client.get(f"/vi/groups/confirm/{tampered}/").status_code == 400
    # A genuine link whose address no longer matches the row (the row was changed to another
    # address) does not confirm the new address either.
    victim_token = _confirm_token(victim, group)
    Subscriber.objects.filter(pk=victim.pk).update(email="dia.chi.khac@npap.test")
    assert client.get(f"/vi/groups/confirm/{victim_token}/").status_code == 400
    assert not Subscriber.objects.filter(confirmed_at__isnull=False).exists()


def test_an_unsubscribe_link_is_not_a_confirmation_link_nor_the_reverse(client, group):
    subscriber = SubscriberFactory(confirmed_at=None)
    assert client.get(f"/vi/groups/confirm/{tokens.unsubscribe_token(subscriber)}/").status_code == 400
    assert client.post(f"/vi/groups/unsubscribe/{_confirm_token(subscriber, group)}/").status_code == 400


def test_an_old_confirmation_link_does_not_resubscribe_after_unsubscribing(client, group):
    subscriber = SubscriberFactory(confirmed_at=None)
    token = _confirm_token(subscriber, group)
    assert client.get(f"/vi/groups/confirm/{token}/").status_code == 200
    assert client.post(f"/vi/groups/unsubscribe/{tokens.unsubscribe_token(subscriber)}/").status_code == 200
    assert client.get(f"/vi/groups/confirm/{token}/").status_code == 400
    subscriber.refresh_from_db()
    assert not subscriber.is_active


def test_unsubscribing_asks_first_then_keeps_the_row_marked(client, group):
    subscriber = SubscriberFactory(groups=[group])
    url = f"/vi/groups/unsubscribe/{tokens.unsubscribe_token(subscriber)}/"
    assert "<form" in client.get(url).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.is_active  # a mail scanner opening the link unsubscribes no one
    client.post(url)
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert list(subscriber.groups.all()) == [group]


def test_mail_clients_unsubscribe_with_one_post_and_no_csrf_token(group):
    subscriber = SubscriberFactory(groups=[group])
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/vi/groups/unsubscribe/{tokens.unsubscribe_token(subscriber)}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None


def test_a_stranger_cannot_change_what_a_reader_receives(client, group, deliver_mail):
    other = TechnicalGroupFactory()
    subscriber = SubscriberFactory(groups=[group], email="ban.doc@npap.test")
    _subscribe(client, other, email="ban.doc@npap.test")
    assert list(subscriber.groups.all()) == [group]  # until the owner of the mailbox confirms


def test_subscribing_needs_a_group_or_a_pillar(client):
    response = client.post("/vi/groups/subscribe/", {"email": "ban.doc@npap.test", "language": "vi"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_the_subscription_form_is_rate_limited(client, group):
    statuses = [_subscribe(client, group, email="ban.doc@npap.test").status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert OutgoingMail.objects.filter(kind="newsletter-confirm").count() == 3
