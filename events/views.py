"""Public pages of events: the list, the month calendar, an event's page and calendar feeds;
and the download of documents that are not public."""

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.facets import Facet, capitalised, facets_of
from core.http import found, list_context
from core.page_cache import cached_value, filter_key, public_page
from core.private_files import private_file_response
from vocabulary.selectors import pillar_choices, province_choices

from . import feeds, selectors
from .filters import EventFilter
from .headcounts import event_headcount, headcounts_for
from .models import Event

PAGE_SIZE = 20


def _when_tabs(request: HttpRequest, current: str, counts: dict) -> list[dict]:
    """Links to all, upcoming and past events that keep the visitor's other filters."""
    others = [(key, value) for key, value in request.GET.items() if key not in ("when", "page")]
    tabs = []
    for value, label in [("", _("All events")), *EventFilter.WHEN_CHOICES]:
        query = urlencode(others + ([("when", value)] if value else []))
        tabs.append(
            {
                "label": label,
                "url": f"{request.path}?{query}" if query else request.path,
                "count": counts.get(value, 0),
                "current": value == current,
            }
        )
    return tabs


def _filters(request: HttpRequest, filterset: EventFilter) -> tuple[list[Facet], dict]:
    """The list's filters with how many events each option would show, and the counts of the
    upcoming and past tabs."""

    def options() -> tuple[dict, dict]:
        counts = selectors.event_facets(filterset=filterset)
        organisers, counts["organiser"] = selectors.organiser_choices(
            organiser_counts=counts["organiser"], selected=request.GET.get("organiser", "")[:80]
        )
        choices = {
            "year": [
                (year, str(year))
                for year in selectors.event_years(filterset=filterset, year_counts=counts["year"])
            ],
            "type": selectors.event_type_choices(),
            "pillar": pillar_choices(),
            "province": province_choices(),
            "organiser": organisers,
        }
        return counts, choices

    # The counts are the same for every page of the list, and for everyone, until content changes.
    counts, choices = cached_value("event-filters", options, parts=filter_key(request))
    select = facets_of(filterset.form, counts)
    facets = [
        select("year", _("Year"), _("Any year"), choices["year"]),
        select("type", _("Event type"), _("All types"), choices["type"]),
        select("pillar", _("Pillar"), _("All pillars"), choices["pillar"]),
        select("format", _("Format"), _("Any format"), capitalised(Event.Format.choices)),
        select("province", _("Province"), _("All provinces"), choices["province"]),
        select("organiser", _("Organiser"), _("All organisers"), choices["organiser"]),
    ]
    return facets, counts


@require_safe
@public_page
def event_list(request: HttpRequest) -> HttpResponse:
    filterset, events = selectors.event_list(filters=request.GET.dict())
    context = list_context(request, filterset, events, PAGE_SIZE)
    facets, counts = _filters(request, filterset)
    when = filterset.cleaned_value("when") or ""
    return render(
        request,
        "events/event_list.html",
        {
            **context,
            "headcounts": headcounts_for(context["page"].object_list),
            # The counts by filter and option, and the filters drawn with them.
            "facets": counts,
            "filter_facets": facets,
            "when": when,
            "day": filterset.cleaned_value("day"),
            "tabs": _when_tabs(request, when, counts["when"]),
        },
    )


@require_safe
@public_page
def event_calendar(request: HttpRequest, year: int | None = None, month: int | None = None) -> HttpResponse:
    if year is None or month is None:
        today = timezone.localdate()
        year, month = today.year, today.month
    if not selectors.month_in_range(year, month):
        raise Http404
    return render(
        request,
        "events/event_calendar.html",
        {"month": selectors.calendar_month(year=year, month=month), "today": timezone.localdate()},
    )


@require_safe
@public_page
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = found(selectors.event_get_public(slug=slug))
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "headcount": event_headcount(event),
            "online_link": selectors.event_online_link(event=event, user=request.user),
        },
    )


@require_safe
@public_page
def event_feed(request: HttpRequest) -> HttpResponse:
    return feeds.calendar_response(
        selectors.feed_events(), request=request, name=_("Events of the Vietnam Plastic Action Network")
    )


@require_safe
@public_page
def pillar_feed(request: HttpRequest, code: str) -> HttpResponse:
    pillar = found(selectors.pillar_get_public(code=code))
    return feeds.calendar_response(
        selectors.feed_events(pillar=pillar),
        request=request,
        name=_("Events of the pillar %(pillar)s") % {"pillar": pillar.name},
    )


@require_safe
@public_page
def event_ical(request: HttpRequest, slug: str) -> HttpResponse:
    event = found(selectors.event_get_for_feed(slug=slug))
    return feeds.calendar_response([event], request=request, name=event.title, filename=f"{event.slug}.ics")


@require_safe
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A document that is not public, for those who may see it; to anyone else it does not exist."""
    document = found(selectors.event_document_get_private(user=request.user, pk=pk))
    return private_file_response(document.file, name=document.title)
