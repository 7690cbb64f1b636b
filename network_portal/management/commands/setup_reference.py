"""Loads the reference data every install needs: each app's ``reference.load()``, idempotently.

The README's production steps run it after ``migrate``; ``load_demo`` runs it before the demo
network's content, which refers to these rows.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.reference import run_loaders

# Provinces, membership types, pillars, the dimensions results are split by, and event types.
REFERENCE_APPS = ["vocabulary", "members", "initiatives", "events"]


class Command(BaseCommand):
    help = (
        "Create the reference data (provinces, membership types, pillars, the sex dimension, event "
        "types) or add what is missing. Safe to run again: coordinators' edits are kept."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        run_loaders(self.stdout, [(app, "reference", "load") for app in REFERENCE_APPS])
        self.stdout.write(self.style.SUCCESS("Reference data ready."))
