"""The models of events, by job: ``event`` (events, their types, series and organisers),
``content`` (agenda, documents, photos) and ``attendance`` (participation and sign-in sheet
imports)."""

from .attendance import Participation, SignInImport
from .content import AgendaItem, AgendaSession, EventDocument, EventPhoto, document_upload_to
from .event import RESERVED_SLUGS, Event, EventOrganiser, EventSeries, EventType, OrganiserEventCount

__all__ = [
    "RESERVED_SLUGS",
    "AgendaItem",
    "AgendaSession",
    "Event",
    "EventDocument",
    "EventOrganiser",
    "EventPhoto",
    "EventSeries",
    "EventType",
    "OrganiserEventCount",
    "Participation",
    "SignInImport",
    "document_upload_to",
]
