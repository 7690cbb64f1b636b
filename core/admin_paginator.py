"""The admin's paginator for large tables: the number of rows of a whole table comes from
PostgreSQL's own estimate instead of counting them.

An exact ``COUNT(*)`` reads every row of the table (or of an index): half a second on 500,000
indicator updates, before the page shows anything. PostgreSQL keeps the number of rows and
pages of each table it last analysed (``pg_class``); scaled to the table's current size, as the
planner itself does, that is within a few per cent of the truth and costs nothing. It is used
only where a coordinator cannot tell the difference: an unfiltered list of a table of at least
``ESTIMATE_FROM`` rows. A filtered or searched list, a small table and SQLite are counted
exactly, and the page says "about" when the number is an estimate.
"""

from __future__ import annotations

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Below this many rows an exact count is quick, and a list that small should be exact.
ESTIMATE_FROM = 10_000


def estimated_table_rows(queryset: QuerySet) -> int | None:
    """PostgreSQL's estimate of the rows of the table behind ``queryset``, or None when there is
    none (another database, a table never analysed)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    with connection.cursor() as cursor:
        # The rows per page last seen, times the pages the table has now: the planner's own
        # estimate, which follows the table's growth between two analyses.
        cursor.execute(
            "SELECT reltuples, relpages, pg_relation_size(oid) / current_setting('block_size')::int "
            "FROM pg_class WHERE oid = to_regclass(%s)",
            [table],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    tuples, pages, pages_now = row
    if tuples is None or tuples < 0:  # -1: never analysed
        return None
    if pages and pages_now:
        return round(tuples / pages * pages_now)
    return round(tuples)


def is_whole_table(queryset: QuerySet) -> bool:
    """Whether ``queryset`` has every row of its table once: no filter, search, distinct, slice
    or union. Joins kept for showing related rows (``select_related``) do not change the count."""
    query = queryset.query
    return not (
        query.where or query.distinct or query.combinator or query.is_sliced or query.group_by is not None
    )


class EstimatedCountPaginator(Paginator):
    """Counts an unfiltered list of a large table with PostgreSQL's estimate (see the module);
    ``count_is_estimate`` tells the page to say "about"."""

    @cached_property
    def estimate(self) -> int | None:
        """The estimate standing for the count, or None when the rows are counted."""
        if not isinstance(self.object_list, QuerySet) or not is_whole_table(self.object_list):
            return None
        estimate = estimated_table_rows(self.object_list)
        if estimate is None or estimate < ESTIMATE_FROM:
            return None
        # Three significant figures: "about 500,000", not a precise-looking 500,028.
        return round(estimate, 3 - len(str(estimate)))

    @property
    def count_is_estimate(self) -> bool:
        return self.estimate is not None

    @cached_property
    def count(self) -> int:
        return self.estimate if self.estimate is not None else super().count

    def validate_number(self, number) -> int:
        if not self.count_is_estimate:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        # The last page of an estimate is approximate: rows the estimate falls short of stay on
        # pages that can be reached, and a page past the last row is refused as usual.
        if number > self.num_pages:
            bottom = (number - 1) * self.per_page
            if not self.object_list[bottom : bottom + 1].exists():
                raise EmptyPage(self.error_messages["no_results"])
        return number

    def page(self, number) -> Page:
        if not self.count_is_estimate:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)
