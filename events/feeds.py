"""iCalendar feeds of published events, for calendar apps to subscribe to or import.

Events with a start time are timed in Vietnam's time zone (coordinators record local times);
events without one are all-day events whose DTEND is the day after the last day, as RFC 5545
wants for dates.
"""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.http import HttpRequest, HttpResponse

from .models import Event

EVENT_TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
CONTENT_TYPE = "text/calendar; charset=utf-8"

STATUS = {
    Event.Status.PLANNED: "CONFIRMED",
    Event.Status.HELD: "CONFIRMED",
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CANCELLED: "CANCELLED",
}


def event_uid(event: Event, host: str) -> str:
    # The primary key, not the slug: a coordinator may correct a slug, and the calendar apps
    # that already hold the event must update it rather than add a second copy.
    return f"event-{event.pk}@{host}"


def event_location(event: Event) -> str:
    place = event.province.name if event.province else event.country
    return ", ".join(part for part in (event.venue, place) if part)


def event_component(event: Event, *, request: HttpRequest) -> icalendar.Event:
    url = request.build_absolute_uri(event.get_absolute_url())
    component = icalendar.Event()
    component.add("uid", event_uid(event, request.get_host().split(":")[0]))
    component.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    component.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    component.add("summary", event.title)
    if event.start_time:
        component.add(
            "dtstart", datetime.datetime.combine(event.start_date, event.start_time, EVENT_TIME_ZONE)
        )
        if event.end_time:
            end = datetime.datetime.combine(event.last_date, event.end_time, EVENT_TIME_ZONE)
            component.add("dtend", end)
        elif event.is_multi_day:
            # No end time: the event runs to the end of its last day.
            end = datetime.datetime.combine(
                event.last_date + datetime.timedelta(days=1), datetime.time(0, 0), EVENT_TIME_ZONE
            )
            component.add("dtend", end)
    else:
        component.add("dtstart", event.start_date)
        component.add("dtend", event.last_date + datetime.timedelta(days=1))
    location = event_location(event)
    if location:
        component.add("location", location)
    description = "\n\n".join(part for part in (event.summary.strip(), url) if part)
    component.add("description", description)
    component.add("url", url)
    component.add("status", STATUS.get(event.status, "CONFIRMED"))
    return component


def calendar_response(
    events: Iterable[Event], *, request: HttpRequest, name: str, filename: str = ""
) -> HttpResponse:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//NPAP Viet Nam//Events//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", EVENT_TIME_ZONE.key)
    for event in events:
        calendar.add_component(event_component(event, request=request))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
