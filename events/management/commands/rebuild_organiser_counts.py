"""Writes the organisers' kept event counts again from the events and their organisers."""

from django.core.management.base import BaseCommand

from events.organiser_counts import organiser_counts_check, organiser_counts_rebuild


class Command(BaseCommand):
    help = (
        "Write each organisation's kept count of published events again (after a bulk load that "
        "bypassed the models' saves). Safe to run again. With --check, only compare them and say "
        "which organisations differ."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="Compare the kept counts; change nothing.")

    def handle(self, *args, check: bool = False, **options) -> None:
        if check:
            differing = organiser_counts_check(repair=False)
            if differing:
                self.stdout.write(
                    f"{len(differing)} organisations' kept event counts differ: {', '.join(map(str, differing))}"
                )
            else:
                self.stdout.write(self.style.SUCCESS("The kept event counts match the events."))
            return
        count = organiser_counts_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Kept event counts rebuilt for {count:,} organisations."))
