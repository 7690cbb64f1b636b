"""Loads the reference data every install needs: each app's ``reference.load()``, idempotently.

The README's production steps run it after ``migrate``; ``load_demo`` runs it before the demo
network's content, which refers to these rows.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Provinces, membership types, pillars, the dimensions results are split by, and event types.
REFERENCE_APPS = ["members", "initiatives", "events"]


class Command(BaseCommand):
    help = (
        "Create the reference data (provinces, membership types, pillars, the sex dimension, event "
        "types) or add what is missing. Safe to run again: coordinators' edits are kept."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        for app in REFERENCE_APPS:
            counts = import_module(f"{app}.reference").load()
            summary = ", ".join(f"{name}: {count} new" for name, count in counts.items())
            self.stdout.write(f"{app}: {summary}")
        self.stdout.write(self.style.SUCCESS("Reference data ready."))
