"""Creates (or keeps) the demo's member editor, an account approved to edit CECR, and prints
how to sign in, so a new user can try the member's side beside the coordinator's."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from members.models import EditorRequest, Organisation

DEFAULT_EMAIL = "bientap.cecr@npap.local"
ORGANISATION = "cecr"


class Command(BaseCommand):
    help = "Create the demo's member editor of CECR (after load_demo) and print its login."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--email", default=DEFAULT_EMAIL)

    @transaction.atomic
    def handle(self, *args, email: str, **options) -> None:
        organisation = Organisation.objects.filter(slug=ORGANISATION).first()
        if organisation is None:
            self.stdout.write("No demo network: load it first with `manage.py load_demo`.")
            return
        # Kept in var/ like the coordinator's, so the printed login stays the same from run to run.
        password_file = settings.VAR_DIR / "editor-password.txt"
        if password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first() or User(
            username=email.split("@")[0], email=email
        )
        user.is_active = True
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        EditorRequest.objects.update_or_create(
            user=user,
            organisation=organisation,
            defaults={"status": EditorRequest.Status.APPROVED, "position": "Cán bộ dự án"},
        )
        self.stdout.write(
            self.style.SUCCESS(f"Member editor login ({organisation.acronym or organisation.name})")
        )
        self.stdout.write(f"  email:    {email}")
        self.stdout.write(f"  password: {password}")
