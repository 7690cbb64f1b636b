"""Requests cleaned up before any view sees them."""

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse


def drop_nul_characters(get_response: Callable[[HttpRequest], HttpResponse]):
    """Ignore query parameters holding a NUL character (``%00``); refuse such a path with 400.

    No link of the portal carries one, and PostgreSQL refuses it anywhere in a query as the file
    system does in a path: a view passing such a parameter on to a lookup would fail with a
    server error. Dropped, the parameter is ignored like any other invalid filter value.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path_info:
            raise BadRequest("NUL character in the path")
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()):
            kept = request.GET.copy()
            for key, values in request.GET.lists():
                clean = [value for value in values if "\x00" not in value]
                if "\x00" in key or not clean:
                    del kept[key]
                else:
                    kept.setlist(key, clean)
            kept._mutable = False
            request.GET = kept
        return get_response(request)

    return middleware


def drop_impossible_years(get_response: Callable[[HttpRequest], HttpResponse]):
    """Ignore a date drill-down year (``…__year=``, the admin's date hierarchy) that no calendar
    holds. Django 5.2's admin adds a year to it and fails with a server error on 9999 or on a
    number with seventy digits; ignored, the list simply shows every date."""

    def plausible(value: str) -> bool:
        return value.isascii() and value.isdigit() and 1 <= int(value[:5]) <= 9998 and len(value) <= 4

    def middleware(request: HttpRequest) -> HttpResponse:
        bad = [
            key
            for key, values in request.GET.lists()
            if key.endswith("__year") and not all(map(plausible, values))
        ]
        if bad:
            kept = request.GET.copy()
            for key in bad:
                del kept[key]
            kept._mutable = False
            request.GET = kept
        return get_response(request)

    return middleware
