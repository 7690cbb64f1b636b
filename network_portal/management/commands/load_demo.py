"""Loads the demo network: each app's demo steps, in dependency order, idempotently."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Order matters: members refer to pillars, initiatives and events to members and pillars.
DEMO_STEPS = [
    ("initiatives", "load_pillars"),
    ("members", "load"),
    ("initiatives", "load"),
    ("events", "load"),
]


class Command(BaseCommand):
    help = "Load the demo network (real facts from the network's documents). Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
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
