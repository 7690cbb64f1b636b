"""What the OpenAPI schema says every endpoint may answer besides its data: a refused filter, a
row that is not there, too many requests, and an unchanged answer to a conditional request."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from events.filters import EventFilter
from members.models import Organisation
from vocabulary.models import Pillar

from .serializers.common import ErrorSerializer

# 400: each refused parameter with what is wrong with it, in the client's language.
FIELD_ERRORS = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}

CONDITIONAL = [
    OpenApiParameter(
        "If-None-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description=_("The ETag of the copy the client holds: 304 with no body while it is current."),
    ),
    OpenApiParameter(
        "ETag",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200],
        description=_("Changes whenever the answer changes; send it back in If-None-Match."),
    ),
]


# What Django's slug converter takes: any other address is not the API's to answer.
SLUG = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    pattern=r"^[-a-zA-Z0-9_]+$",
    description=_("The row's slug, as in the address of its page."),
)


class DocumentedEventFilter(EventFilter):
    """The events list's filters as the schema reads them: the same filters, with the type of
    the value the pillar and organiser filters hand their methods, which the schema generator
    looks for (a pillar's and an organisation's code are strings). The list itself filters with
    ``EventFilter``, through its selector."""

    def in_pillar(self, queryset, name, value: Pillar):
        return super().in_pillar(queryset, name, value)

    def with_organiser(self, queryset, name, value: Organisation):
        return super().with_organiser(queryset, name, value)


def answers(data, *, filters: bool = False, missing: str = "") -> dict:
    """The responses of an endpoint answering ``data``: with ``filters``, 400 for a refused
    parameter; with ``missing``, 404 and what it means."""
    responses = {
        200: data,
        304: OpenApiResponse(description=_("Not modified: the client's copy is current.")),
        429: OpenApiResponse(ErrorSerializer, description=_("Too many requests: wait as Retry-After says.")),
    }
    if filters:
        responses[400] = OpenApiResponse(FIELD_ERRORS, description=_("A parameter was refused."))
    if missing:
        responses[404] = OpenApiResponse(ErrorSerializer, description=missing)
    return responses
