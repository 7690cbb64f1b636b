"""The signed links of the subscriptions. A confirmation link names the subscriber, their
address and the key of this request, and carries what they chose; an unsubscribe link names the
subscriber and their address. Each kind has its own salt, so one kind never passes for the other,
and any change to a link breaks its signature."""

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

from .models import Subscriber

CONFIRM_SALT = "groups.subscription.confirm"
UNSUBSCRIBE_SALT = "groups.subscription.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=7)


class InvalidToken(Exception):
    """The link was altered, has expired, or belongs to another address or request."""


@dataclass(frozen=True)
class Choice:
    subscriber_id: int
    email: str
    key: str
    groups: list[int]
    pillars: list[int]
    language: str


def confirm_token(subscriber: Subscriber, *, groups: list[int], pillars: list[int], language: str) -> str:
    payload = {
        "s": subscriber.pk,
        "e": subscriber.email,
        "k": subscriber.confirmation_key,
        "g": sorted(groups),
        "p": sorted(pillars),
        "l": language,
    }
    return signing.dumps(payload, salt=CONFIRM_SALT, compress=True)


def confirm_read(token: str) -> Choice:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
        return Choice(
            subscriber_id=int(data["s"]),
            email=str(data["e"]),
            key=str(data["k"]),
            groups=[int(pk) for pk in data["g"]],
            pillars=[int(pk) for pk in data["p"]],
            language=str(data["l"]),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise InvalidToken from exc


def unsubscribe_token(subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_read(token: str) -> tuple[int, str]:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["s"]), str(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise InvalidToken from exc
