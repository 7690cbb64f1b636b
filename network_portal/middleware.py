"""Requests refused before any view sees them."""

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse


def refuse_nul_characters(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer 400 Bad Request to an address holding a NUL character (``%00``).

    No link of the portal carries one, and PostgreSQL refuses it anywhere in a query as the file
    system does in a path: a view passing such a parameter on to a lookup would fail with a
    server error instead.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path_info or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the address")
        return get_response(request)

    return middleware
