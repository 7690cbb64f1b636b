"""Writes the network's kept yearly figures again from the approved updates, from scratch."""

from django.core.management.base import BaseCommand

from initiatives.figures import year_figures_check, year_figures_rebuild


class Command(BaseCommand):
    help = (
        "Write the network's kept yearly figures again from the approved updates (after a bulk load "
        "that bypassed the services). Safe to run again. With --check, only compare them and say "
        "which indicators differ."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Compare the kept figures with the updates; change nothing."
        )

    def handle(self, *args, check: bool = False, **options) -> None:
        if check:
            differing = year_figures_check(repair=False)
            if differing:
                self.stdout.write(
                    f"{len(differing)} indicators' kept figures differ: {', '.join(map(str, differing))}"
                )
            else:
                self.stdout.write(self.style.SUCCESS("The kept figures match the approved updates."))
            return
        counts = year_figures_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"Kept figures rebuilt: {counts['figures']:,} rows for {counts['indicators']:,} indicators "
                "in the network's totals."
            )
        )
