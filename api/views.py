"""The endpoints of the public API. Each reads through the owning app's selectors, the same
reads as the public pages, so what is public and how lists filter is decided in one place."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.request import Request
from rest_framework.response import Response

from core.http import found
from core.page_cache import cached_value
from events import selectors as events
from initiatives import selectors as initiatives
from initiatives.filters import InitiativeFilter
from members import selectors as members
from members.filters import OrganisationFilter
from reports import selectors as reports
from reports.models import ReportRun

from .base import KeptAnswers, PublicListView, PublicReadView
from .schema import CONDITIONAL, SLUG, DocumentedEventFilter, answers
from .serializers.events import EventDetailSerializer, EventListSerializer
from .serializers.initiatives import (
    InitiativeDetailSerializer,
    InitiativeListSerializer,
    PillarSerializer,
    TotalsScopeSerializer,
    TotalsSerializer,
)
from .serializers.members import OrganisationDetailSerializer, OrganisationListSerializer
from .serializers.reports import PublishedReportSerializer
from .throttling import AnonymousRateThrottle

TAG_MEMBERS = _("Organisations")
TAG_PILLARS = _("Pillars")
TAG_EVENTS = _("Events")
TAG_INITIATIVES = _("Initiatives and results")
TAG_REPORTS = _("Reports")


# --- organisations -------------------------------------------------------------------------------


@extend_schema(
    tags=[TAG_MEMBERS],
    summary=_("Member organisations"),
    description=_(
        "The published member organisations, by Vietnamese name, filtered as the member directory "
        "is. q ignores diacritics: nhua finds nhựa, da nang finds Đà Nẵng."
    ),
    parameters=CONDITIONAL,
    responses=answers(OrganisationListSerializer(many=True), filters=True, missing=_("No such cursor.")),
)
class OrganisationList(PublicListView):
    serializer_class = OrganisationListSerializer
    filterset_class = OrganisationFilter
    select = staticmethod(members.organisation_list)
    cursor_ordering = ("name_vi", "pk")


@extend_schema(
    tags=[TAG_MEMBERS],
    summary=_("A member organisation"),
    description=_("Its public profile: never how to reach a person."),
    parameters=[SLUG, *CONDITIONAL],
    responses=answers(OrganisationDetailSerializer, missing=_("No published organisation has this slug.")),
)
class OrganisationDetail(PublicReadView):
    serializer_class = OrganisationDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return members.organisation_public_queryset()

    def answer(self, request: Request, slug: str) -> Response:
        organisation = found(members.organisation_get_public(slug=slug))
        people = members.organisation_public_people(organisation=organisation)
        context = {**self.get_serializer_context(), "people": people}
        return Response(self.get_serializer(organisation, context=context).data)


# --- pillars -------------------------------------------------------------------------------------


@extend_schema(
    tags=[TAG_PILLARS],
    summary=_("Pillars and their technical groups"),
    description=_("The published pillars of the programme, in their order."),
    parameters=CONDITIONAL,
    responses=answers(PillarSerializer(many=True), missing=_("No such cursor.")),
)
class PillarList(PublicListView):
    serializer_class = PillarSerializer
    filter_backends = []
    cursor_ordering = ("order", "code")

    def get_queryset(self):
        return initiatives.pillar_list_with_groups()

    def filtered(self, request: Request):
        return self.get_queryset()


# --- events --------------------------------------------------------------------------------------


@extend_schema(
    tags=[TAG_EVENTS],
    summary=_("Events"),
    description=_(
        "The published events, filtered as the events list is: the latest first, or with "
        "when=upcoming the soonest first."
    ),
    parameters=CONDITIONAL,
    responses=answers(EventListSerializer(many=True), filters=True, missing=_("No such cursor.")),
)
class EventList(PublicListView):
    serializer_class = EventListSerializer
    filterset_class = DocumentedEventFilter
    select = staticmethod(events.event_list)
    # The events list's own order (EventFilter.ordered), as the selector gives it.
    cursor_ordering = None

    def answer(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.filtered(request))
        context = {**self.get_serializer_context(), "headcounts": events.headcounts_for(page)}
        return self.get_paginated_response(self.get_serializer(page, many=True, context=context).data)


@extend_schema(
    tags=[TAG_EVENTS],
    summary=_("An event"),
    parameters=[SLUG, *CONDITIONAL],
    responses=answers(EventDetailSerializer, missing=_("No published event has this slug.")),
)
class EventDetail(PublicReadView):
    serializer_class = EventDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return events.event_public_queryset()

    def answer(self, request: Request, slug: str) -> Response:
        event = found(events.event_get_public(slug=slug))
        context = {
            **self.get_serializer_context(),
            "headcounts": events.headcounts_for([event]),
            # What a visitor who is not signed in may see.
            "online_link": events.event_online_link(event=event, user=AnonymousUser()),
        }
        return Response(self.get_serializer(event, context=context).data)


# --- initiatives and results ----------------------------------------------------------------------


@extend_schema(
    tags=[TAG_INITIATIVES],
    summary=_("Initiatives"),
    description=_("The published initiatives, by Vietnamese title, filtered as the initiatives list is."),
    parameters=CONDITIONAL,
    responses=answers(InitiativeListSerializer(many=True), filters=True, missing=_("No such cursor.")),
)
class InitiativeList(PublicListView):
    serializer_class = InitiativeListSerializer
    filterset_class = InitiativeFilter
    select = staticmethod(initiatives.initiative_list)
    cursor_ordering = ("title_vi", "pk")


@extend_schema(
    tags=[TAG_INITIATIVES],
    summary=_("An initiative with its results"),
    description=_(
        "Its results, their indicators and the indicators' periods, each period with its target "
        "and its actual from approved updates, by sex where reported."
    ),
    parameters=[SLUG, *CONDITIONAL],
    responses=answers(InitiativeDetailSerializer, missing=_("No published initiative has this slug.")),
)
class InitiativeDetail(PublicReadView):
    serializer_class = InitiativeDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return initiatives.initiative_public_queryset()

    def answer(self, request: Request, slug: str) -> Response:
        initiative = found(initiatives.initiative_get_public(slug=slug))
        context = {
            **self.get_serializer_context(),
            "results": initiatives.initiative_results(initiative=initiative),
            "dimension_values": initiatives.dimension_values(),
        }
        return Response(self.get_serializer(initiative, context=context).data)


@extend_schema(
    tags=[TAG_INITIATIVES],
    summary=_("The network's totals"),
    description=_(
        "The totals of every network indicator over the published initiatives, overall and by "
        "calendar year: the figures of the results page, for the whole network, one province "
        "(with the former provinces merged into it) or one pillar."
    ),
    parameters=[TotalsScopeSerializer, *CONDITIONAL],
    responses=answers(TotalsSerializer, filters=True),
)
class NetworkTotals(PublicReadView):
    serializer_class = TotalsSerializer

    def answer(self, request: Request) -> Response:
        scope = TotalsScopeSerializer(data=request.query_params)
        scope.is_valid(raise_exception=True)
        pillar, province = scope.validated_data.get("pillar"), scope.validated_data.get("province")
        totals = cached_value(
            # The results page's own kept figures (initiatives.views.network_results).
            "network-totals",
            lambda: initiatives.network_totals(pillar=pillar, province=province),
            parts=(pillar and pillar.pk, province and province.pk),
            results=True,
        )
        context = {**self.get_serializer_context(), "dimension_values": initiatives.dimension_values()}
        data = {"province": province, "pillar": pillar, "indicators": totals}
        return Response(self.get_serializer(data, context=context).data)


# --- reports -------------------------------------------------------------------------------------


@extend_schema(
    tags=[TAG_REPORTS],
    summary=_("Published reports"),
    description=_(
        "The reports of the public library, the latest year first, each with the link to "
        "download it. A filter value that names nothing is ignored, as in the library."
    ),
    parameters=[
        OpenApiParameter(
            "kind", OpenApiTypes.STR, enum=ReportRun.Kind.values, description=_("Kind of report.")
        ),
        OpenApiParameter("pillar", OpenApiTypes.STR, description=_("A published pillar's code.")),
        OpenApiParameter("year", OpenApiTypes.INT, description=_("The year the report covers.")),
        *CONDITIONAL,
    ],
    responses=answers(PublishedReportSerializer(many=True), missing=_("No such cursor.")),
)
class ReportList(PublicListView):
    serializer_class = PublishedReportSerializer
    cursor_ordering = ("-year", "-created_at", "-pk")

    def get_queryset(self):
        return reports.published_reports(filters={})

    def filtered(self, request: Request):
        return reports.published_reports(filters=request.query_params.dict())


# --- the schema and its documentation ------------------------------------------------------------


@extend_schema(exclude=True)
class Schema(KeptAnswers, SpectacularJSONAPIView):
    """The OpenAPI schema, kept like any answer: building it takes a moment."""

    throttle_classes = [AnonymousRateThrottle]
    custom_settings = {
        # Docstrings are written for the code's readers, in English only; what the schema says
        # is given as translatable text, so ?lang=vi gives it in Vietnamese.
        "DISABLE_DOCSTRING_DESCRIPTIONS": True,
    }

    def answer(self, request: Request, *args, **kwargs) -> Response:
        return SpectacularJSONAPIView.get(self, request, *args, **kwargs)


class Docs(SpectacularSwaggerSplitView):
    """Swagger UI from our own origin under the site's content security policy: the page, its
    start-up script (``?script``) and its stylesheet are separate files, none of them inline."""

    url_name = "api:schema"
    template_name = "api/swagger_ui.html"
    throttle_classes = [AnonymousRateThrottle]
