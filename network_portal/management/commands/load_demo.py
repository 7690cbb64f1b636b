"""Loads the demo network: each app's demo steps, in dependency order, idempotently.

The demo adds only the network's content (members, initiatives, events); the reference data it
refers to comes from ``setup_reference``, which runs first.
"""

from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

# Order matters: initiatives and events refer to members.
DEMO_STEPS = [
    ("members", "load"),
    ("initiatives", "load"),
    ("events", "load"),
]


class Command(BaseCommand):
    help = (
        "Load the demo network (real facts from the network's documents) after the reference "
        "data (setup_reference). Safe to run again."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        call_command("setup_reference", stdout=self.stdout)
        for app, step in DEMO_STEPS:
            try:
                module = import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo":
                    raise
                continue
            counts = getattr(module, step)()
            summary = ", ".join(f"{name}: {count} new" for name, count in counts.items())
            self.stdout.write(f"{app}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo network loaded."))
