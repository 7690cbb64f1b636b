"""Requests cleaned up before any view sees them."""

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

from .params import whole_number


def _usable(key: str, value: str) -> bool:
    """Whether a query parameter can reach a view and a lookup without failing.

    * No NUL character (``%00``): no link of the portal carries one, and PostgreSQL refuses it
      anywhere in a query, so a view passing it on to a lookup would fail with a server error.
    * A date drill-down year (``…__year=``, the admin's date hierarchy) a calendar holds: Django
      5.2's admin adds a year to it and fails on 9999 or on a number with seventy digits.
    """
    if "\x00" in key or "\x00" in value:
        return False
    if key.endswith("__year"):
        year = whole_number(value, max_digits=4)
        return year is not None and 1 <= year <= 9998
    return True


def drop_unusable_parameters(get_response: Callable[[HttpRequest], HttpResponse]):
    """Ignore query parameters no view can use (see ``_usable``), like any other invalid filter
    value; refuse a path holding a NUL character with 400, as the file system would refuse it."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path_info:
            raise BadRequest("NUL character in the path")
        if not all(_usable(key, value) for key, values in request.GET.lists() for value in values):
            kept = request.GET.copy()
            for key, values in request.GET.lists():
                usable = [value for value in values if _usable(key, value)]
                if usable:
                    kept.setlist(key, usable)
                else:
                    del kept[key]
            kept._mutable = False
            request.GET = kept
        return get_response(request)

    return middleware
