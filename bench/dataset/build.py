"""Generating the whole dataset: how many of each at a scale, the parts in the order they depend
on each other (each with its own seeded stream), and what follows the load."""

from __future__ import annotations

from typing import IO

from django.db import connection, transaction
from django.utils import translation

from events.models import Event
from events.organiser_counts import organiser_counts_rebuild
from initiatives.figures import year_figures_rebuild
from initiatives.models import Initiative
from members.models import Organisation

from .common import PREFIX
from .draws import rng_for
from .events import write_events
from .initiatives import write_initiatives
from .library import write_library
from .organisations import write_organisations, write_people
from .reference import ensure_reference
from .writer import Output, Writer, forget_cached_pages

# Scale 1.0: fifty times today's network.
NATIONAL = {
    "organisations": 10_000,
    "people": 125_000,
    "events": 50_000,
    "participations": 500_000,
    "initiatives": 8_000,
    "indicator_updates": 500_000,
    "published_reports": 300,
}


class DatasetExists(Exception):
    """The database already holds a generated dataset."""


def targets(scale: float) -> dict[str, int]:
    """How many of each the dataset holds at ``scale`` (at least a handful of each)."""
    return {name: max(3, round(count * scale)) for name, count in NATIONAL.items()}


def dataset_exists() -> bool:
    return any(
        model.objects.filter(slug__startswith=PREFIX).exists() for model in (Organisation, Event, Initiative)
    )


def generate(
    *, scale: float, seed: int, stdout: IO[str] | None = None, analyze: bool = True
) -> dict[str, int]:
    """Fill the database with the dataset at ``scale`` (1.0 = national scale) from ``seed``.

    Returns the number of rows written per model label. Refuses (``DatasetExists``) when a
    generated dataset is already there: ``reset()`` first. ``analyze=False`` skips refreshing
    the planner's statistics afterwards (for tests, where they do not matter).
    """
    if not scale > 0:
        raise ValueError("The scale must be greater than zero.")
    out = Output(stdout)
    writer = Writer()
    goal = targets(scale)
    out.say(f"Generating the benchmark dataset at scale {scale:g} from seed {seed}: {goal}")
    # Translated fields keep their untranslated column too; it must hold the Vietnamese text.
    with translation.override("vi"), transaction.atomic():
        if dataset_exists():
            raise DatasetExists("The database already holds a generated dataset; reset it first (--reset).")
        ref = ensure_reference()
        orgs = write_organisations(rng_for(seed, "organisations"), ref, goal["organisations"], writer, out)
        people = write_people(rng_for(seed, "people"), orgs, goal["people"], writer, out)
        write_events(rng_for(seed, "events"), ref, orgs, people, goal, writer, out)
        write_initiatives(rng_for(seed, "initiatives"), ref, orgs, goal, writer, out)
        write_library(rng_for(seed, "reports"), ref, goal["published_reports"], writer, out)
        # The updates went in by bulk_create, past the approval service: the network's kept
        # figures are written from them once, at the end.
        kept = year_figures_rebuild()
        out.say(f"Kept figures: {kept['figures']:,} rows for {kept['indicators']:,} indicators.")
        out.say(f"Organisers' event counts kept for {organiser_counts_rebuild():,} organisations.")
        transaction.on_commit(forget_cached_pages)
    out.say(f"Written: {sum(writer.counts.values()):,} rows.")
    if analyze:
        refresh_statistics(list(writer.tables))
        out.say("Planner statistics refreshed.")
    return dict(sorted(writer.counts.items()))


def refresh_statistics(tables: list[str]) -> None:
    """The planner's statistics (and PostgreSQL's visibility map) still describe the tables as
    they were before the load; benchmarks must not depend on when autovacuum gets round to them.
    VACUUM cannot run inside a transaction (the tests' one): there, statistics only."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                f"{'VACUUM (ANALYZE)' if vacuum else 'ANALYZE'} {connection.ops.quote_name(table)}"
            )
