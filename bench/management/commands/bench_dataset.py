"""``manage.py bench_dataset``: fill the database with the national-scale benchmark dataset."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bench import dataset


class Command(BaseCommand):
    help = (
        "Generate the national-scale benchmark dataset (10,000 organisations, 50,000 events, "
        "500,000 indicator updates at --scale 1) reproducibly from --seed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1.0 = national scale; 0.01 for a quick run."
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="The same seed and scale give the same rows."
        )
        parser.add_argument(
            "--reset", action="store_true", help="Remove a previously generated dataset first, then generate."
        )
        parser.add_argument("--delete", action="store_true", help="Remove the generated dataset and stop.")

    def handle(self, *args, scale: float, seed: int, reset: bool, delete: bool, **options) -> None:
        if scale <= 0:
            raise CommandError("--scale must be greater than zero.")
        if delete or reset:
            removed = dataset.reset(stdout=self.stdout)
            self._table("Removed", removed)
            if delete:
                return
        try:
            counts = dataset.generate(scale=scale, seed=seed, stdout=self.stdout)
        except dataset.DatasetExists as exc:
            raise CommandError(f"{exc} Nothing was changed.") from exc
        self._table("Rows written", counts)

    def _table(self, heading: str, counts: dict[str, int]) -> None:
        self.stdout.write(f"{heading}:")
        width = max((len(label) for label in counts), default=0)
        for label, count in counts.items():
            self.stdout.write(f"  {label:<{width}}  {count:>9,}")
        self.stdout.write(self.style.SUCCESS(f"  {'total':<{width}}  {sum(counts.values()):>9,}"))
