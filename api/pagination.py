"""Cursor pagination of the API's lists: a client follows ``next`` links through any number of
rows, and a row added or removed meanwhile never makes it skip or repeat another.

Each list names its order (``cursor_ordering`` on the view), or keeps the one its selector gave
(``None``). The first field of that order is
the cursor's position, so it is never empty (NULL cannot be compared) and is a plain column of
the listed model; the fields after it only settle ties.
"""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.request import Request

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


class PublicCursorPagination(CursorPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    page_size_query_description = _("How many rows a page holds: 1 to 100, 25 unless given.")
    max_page_size = MAX_PAGE_SIZE
    cursor_query_description = _(
        "Where the page starts: the cursor of a previous answer's next or previous link."
    )
    # The browsable API is off; the page controls' template would never be drawn.
    template = None

    def paginate_queryset(self, queryset: QuerySet, request: Request, view=None) -> list | None:
        self.model: type[Model] = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def get_ordering(self, request: Request, queryset: QuerySet, view) -> Sequence[str]:
        return tuple(view.cursor_ordering or queryset.query.order_by)

    def decode_cursor(self, request: Request) -> Cursor | None:
        """The cursor a client sent back, refused (404, as for any cursor that cannot be read)
        unless its position is a value of the ordering's first field: a forged cursor must not
        reach the database with a date that is not a date or a number too large for a column."""
        cursor = super().decode_cursor(request)
        if cursor is None or cursor.position is None:
            return cursor
        name = self.ordering[0].lstrip("-")
        field = self.model._meta.pk if name == "pk" else self.model._meta.get_field(name)
        try:
            if "\x00" in cursor.position:
                raise ValidationError("NUL character")
            field.clean(cursor.position, None)
        except ValidationError:
            raise NotFound(self.invalid_cursor_message) from None
        return cursor
