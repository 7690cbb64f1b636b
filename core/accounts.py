"""What an account has chosen for itself beyond its sign-in: whether it gets reminders, and the
signed link in every reminder that turns them off without signing in; and the logins a local
portal prints."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
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


def local_login(*, email: str, password_name: str, **flags) -> tuple[AbstractBaseUser, str]:
    """An account with a verified address and a password kept in ``var/<password_name>.txt``,
    for the logins a local portal prints: generated once, the same from run to run. ``flags``
    (``is_staff``, ``is_superuser``) are set on it."""
    password_file = settings.VAR_DIR / f"{password_name}.txt"
    if password_file.exists():
        password = password_file.read_text().strip()
    else:
        password = secrets.token_urlsafe(12)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first() or User(username=email.split("@")[0], email=email)
    for name, value in {"is_active": True, **flags}.items():
        setattr(user, name, value)
    user.set_password(password)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user, password
