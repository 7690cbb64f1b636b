"""A national-scale dataset for benchmarks, generated reproducibly from a seed.

``generate(scale=1.0, seed=…)`` fills the database with what the network would hold at 50 times
its size today: 10,000 organisations with their memberships, pillars and ~125,000 people;
50,000 events with organisers, pillars, provinces and 500,000 participations; 8,000 initiatives
with partners, results, indicators, periods and 500,000 indicator updates (a share split by sex);
and a few hundred reports in the public library. The text reads like the network's own records
(see ``bench.vocabulary``); provinces, pillars, event types, membership types, network
indicators and the sex dimension are the ones already in the database (the demo network's).

The same seed and scale give the same rows: every choice comes from ``random.Random`` seeded per
part, reference data is read in code order, and dates are placed around ``BASE_DATE``, never
today. Only ``created_at``/``updated_at`` record when the rows were written.

Everything generated is recognisable, so ``reset()`` removes it and nothing else: slugs start
with ``bench-``, people's addresses end in ``@bench.example.org``, the library's report runs
point at ``reports/bench/``.

Rows are built in chunks and written with ``bulk_create``, so memory stays flat whatever the
scale; no model's ``save()`` or signals run (no history rows, no cache bump per row) — the page
cache is told once at the end.

The parts: ``common`` (the marks, the base date, dates and texts), ``draws`` (seeded draws),
``writer``, ``reference``, ``organisations`` (and people), ``events``, ``initiatives`` and their
``results``, the reports ``library``; ``build`` runs them in order (``generate``) and
``removal`` takes their rows out again (``reset``).
"""

from .build import NATIONAL, DatasetExists, dataset_exists, generate, refresh_statistics, targets
from .common import BASE_DATE, EMAIL_DOMAIN, PREFIX, REPORT_FILE
from .library import sample_pdf
from .reference import Reference, ensure_reference
from .removal import reset
from .writer import forget_cached_pages

__all__ = [
    "BASE_DATE",
    "EMAIL_DOMAIN",
    "NATIONAL",
    "PREFIX",
    "REPORT_FILE",
    "DatasetExists",
    "Reference",
    "dataset_exists",
    "ensure_reference",
    "forget_cached_pages",
    "generate",
    "refresh_statistics",
    "reset",
    "sample_pdf",
    "targets",
]
