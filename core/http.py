"""Small answers every app's views give the same way."""

from typing import TypeVar

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest

T = TypeVar("T")


def found(value: T | None) -> T:
    """What a selector found, or 404: a row that is not there, unpublished or another
    organisation's does not exist as far as the visitor is concerned."""
    if value is None:
        raise Http404
    return value


def page_of(request: HttpRequest, rows, size: int) -> tuple[Page, str]:
    """The page of ``rows`` the address asks for (the last one if it asks for more, the first if
    it asks for nonsense), and the address's other parameters for the pagination links."""
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def list_context(request: HttpRequest, filterset, rows, size: int) -> dict:
    """What every filtered public list shows: the filter form, the page of ``rows`` the address
    asks for (:func:`page_of`) and the other parameters its pagination links keep."""
    page, query_string = page_of(request, rows, size)
    return {"filter": filterset, "page": page, "query_string": query_string}
