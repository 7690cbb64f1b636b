"""Writing rows: in chunks and batches with ``bulk_create``, counted per model, with progress
lines, and the page cache told once the rows are in (or out)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from typing import IO

from django.db import models, reset_queries

from core.models import SearchTextModel
from core.page_cache import content_changed

BATCH_SIZE = 2_000


def chunks(count: int, size: int) -> Iterator[range]:
    """``range(count)`` in consecutive pieces of ``size``: rows are built and written a piece at a
    time, so memory stays flat whatever the scale."""
    for first in range(0, count, size):
        yield range(first, min(count, first + size))


class Output:
    """Progress lines with the time since the start."""

    def __init__(self, stdout: IO[str] | None):
        self.stdout = stdout
        self.started = time.monotonic()

    def say(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(f"[{time.monotonic() - self.started:7.1f}s] {message}\n")
            self.stdout.flush()


class Writer:
    """Inserts rows in batches and counts them per model."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.tables: dict[str, None] = {}  # in the order first written

    def insert(self, model: type[models.Model], rows: list) -> list:
        if rows:
            # bulk_create skips save(), which keeps the folded search text of searchable rows.
            if issubclass(model, SearchTextModel):
                for row in rows:
                    row.search_text = row.build_search_text()
            model._base_manager.bulk_create(rows, batch_size=BATCH_SIZE)
            self.counts[model._meta.label] += len(rows)
            self.tables[model._meta.db_table] = None
        return rows

    def flush(self) -> None:
        # With DEBUG on, Django keeps every statement it ran; bulk inserts are megabytes each.
        reset_queries()


def forget_cached_pages() -> None:
    """Cached public pages and the network's results totals show the database as it was."""
    content_changed(results=True)
