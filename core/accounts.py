"""What an account has chosen for itself beyond its sign-in: whether it gets reminders, and the
signed link in every reminder that turns them off without signing in."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.db.models import QuerySet
from django.urls import reverse

from .models import AccountSettings

# The link stays valid for as long as reminders are sent: a year-old mail still turns them off.
REMINDERS_OFF_SALT = "core.accounts.reminders-off"


def accepting_reminders() -> QuerySet:
    """Active accounts with an address that have not turned reminders off."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .exclude(portal_settings__reminders=False)
    )


def reminders_enabled(user: AbstractBaseUser) -> bool:
    return not AccountSettings.objects.filter(user=user, reminders=False).exists()


def reminders_set(*, user: AbstractBaseUser, enabled: bool) -> None:
    AccountSettings.objects.update_or_create(user=user, defaults={"reminders": enabled})


def reminders_off_path(user: AbstractBaseUser) -> str:
    """The address (in the active language) that turns ``user``'s reminders off."""
    token = signing.dumps(user.pk, salt=REMINDERS_OFF_SALT, compress=True)
    return reverse("members:reminders_off", kwargs={"token": token})


def reminders_off_user(token: str) -> AbstractBaseUser | None:
    """The account a reminders-off link was made for, or None for a link that was not."""
    try:
        pk = signing.loads(token, salt=REMINDERS_OFF_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True).first()
