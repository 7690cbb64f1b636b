"""Creates (or keeps) the local coordinator account and prints how to sign in."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

DEFAULT_EMAIL = "dieuphoi@npap.local"


class Command(BaseCommand):
    help = "Create a coordinator (staff superuser) for the local portal and print its login."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--email", default=DEFAULT_EMAIL)

    @transaction.atomic
    def handle(self, *args, email: str, **options) -> None:
        # The password is kept in var/ so the printed login stays the same from run to run.
        password_file = settings.VAR_DIR / "coordinator-password.txt"
        if password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)

        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(username=email.split("@")[0], email=email)
        user.is_staff = True
        user.is_superuser = True
        user.is_active = True
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        self.stdout.write(self.style.SUCCESS("Coordinator login"))
        self.stdout.write(f"  email:    {email}")
        self.stdout.write(f"  password: {password}")
