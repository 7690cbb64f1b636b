"""Loads the demo network: each app's demo steps, in dependency order, idempotently.

The demo adds only the network's content (members, initiatives, events); the reference data it
refers to comes from ``setup_reference``, which runs first.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from core.reference import run_loaders

# Order matters: initiatives and events refer to members; cycles to all three.
DEMO_STEPS = [
    ("members", "demo", "load"),
    ("initiatives", "demo", "load"),
    ("events", "demo", "load"),
    # The reporting cycle links indicators to the events above.
    ("cycles", "demo", "load"),
    # The knowledge hub links its resources to the members, initiatives and events above.
    ("hub", "demo", "load"),
    # The technical groups' newsletter picks the events, results and resources above.
    ("groups", "demo", "load"),
]


class Command(BaseCommand):
    help = (
        "Load the demo network (real facts from the network's documents) after the reference "
        "data (setup_reference). Safe to run again."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        call_command("setup_reference", stdout=self.stdout)
        run_loaders(self.stdout, DEMO_STEPS)
        self.stdout.write(self.style.SUCCESS("Demo network loaded."))
