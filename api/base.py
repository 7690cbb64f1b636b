"""What every endpoint of the API shares: read-only, throttled per client, answers kept in the
cache and tagged for revalidation (``api.caching``), lists paged by cursor and filtered by the
apps' own FilterSets."""

from collections.abc import Callable, Sequence

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseBase
from django_filters import FilterSet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from . import caching
from .pagination import PublicCursorPagination
from .throttling import AnonymousRateThrottle


class AlwaysJSON(DefaultContentNegotiation):
    """The API answers JSON, whatever the Accept header says; and ``?format=`` is the events
    list's filter (in person, online, hybrid), never a choice of renderer as DRF would read it."""

    def select_renderer(self, request: Request, renderers: list[BaseRenderer], format_suffix=None):
        return renderers[0], renderers[0].media_type


class KeptAnswers:
    """For an API view: subclasses answer in ``answer()``; ``get()`` serves a kept answer
    instead while the content is unchanged. Throttling runs before either, so kept answers
    count too. ``api.middleware`` keeps the final answer as well, to serve it earlier still."""

    _answer_key: str | None = None

    def answer(self, request: Request, *args, **kwargs) -> HttpResponseBase:
        raise NotImplementedError

    def get(self, request: Request, *args, **kwargs) -> HttpResponseBase:
        key = caching.answer_key(request)
        stored = caching.stored_answer(key)
        if stored is not None:
            return stored
        self._answer_key = key
        return self.answer(request, *args, **kwargs)

    def finalize_response(self, request: HttpRequest, response: HttpResponseBase, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # ``api.middleware`` may answer it early, within the same limit, if this is the limit.
        response.answer_early = list(self.throttle_classes) == [AnonymousRateThrottle]
        return caching.finish(request, response, key=self._answer_key)


class PublicReadView(KeptAnswers, GenericAPIView):
    """An endpoint: it answers GET (and HEAD) with JSON, to anyone within the rate."""

    http_method_names = ["get", "head", "options"]
    content_negotiation_class = AlwaysJSON
    throttle_classes = [AnonymousRateThrottle]
    pagination_class = None


class PublicListView(PublicReadView):
    """A list: ``select(filters)`` is the app's selector, giving its FilterSet bound to the query
    parameters and the filtered rows with what each shows loaded. Parameters a filter refuses
    are a 400 that says which and why. The FilterSet is named in ``filterset_class`` too, so the
    schema lists its filters."""

    pagination_class = PublicCursorPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class: type[FilterSet] | None = None
    # The list's order; its first field is the cursor's position (see api.pagination).
    cursor_ordering: Sequence[str] | None = ("pk",)
    select: Callable[..., tuple[FilterSet, QuerySet]]

    def get_queryset(self) -> QuerySet:
        # Every row the list can show: what the schema reads the filters' types from.
        return self.select(filters={})[1]

    def filtered(self, request: Request) -> QuerySet:
        filterset, rows = self.select(filters=request.query_params.dict())
        if filterset.is_bound and not filterset.is_valid():
            raise ValidationError(filterset.errors)
        return rows

    def answer(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.filtered(request))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
