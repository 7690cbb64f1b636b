"""Creates (or keeps) the local coordinator account and prints how to sign in."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.accounts import local_login

DEFAULT_EMAIL = "dieuphoi@npap.local"


class Command(BaseCommand):
    help = "Create a coordinator (staff superuser) for the local portal and print its login."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--email", default=DEFAULT_EMAIL)

    @transaction.atomic
    def handle(self, *args, email: str, **options) -> None:
        _user, password = local_login(
            email=email, password_name="coordinator-password", is_staff=True, is_superuser=True
        )
        self.stdout.write(self.style.SUCCESS("Coordinator login"))
        self.stdout.write(f"  email:    {email}")
        self.stdout.write(f"  password: {password}")
