"""Creates (or keeps) the demo's member editor, an account approved to edit CECR, and prints
how to sign in, so a new user can try the member's side beside the coordinator's."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.accounts import local_login
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
        user, password = local_login(email=email, password_name="editor-password")
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
