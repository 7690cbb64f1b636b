"""Demo data for events: the network's real events, their series and organisers (see demo_data).
The event types are reference data (events.reference), loaded before this."""

from datetime import date, time

from django.db import transaction

from members.demo import organisation_get_or_create
from members.models import Organisation
from vocabulary.models import Pillar, Province

from .demo_data import EVENTS, EXTRA_ORGANISATIONS, SERIES
from .models import AgendaItem, AgendaSession, Event, EventOrganiser, EventSeries, EventType


def load_series_and_organisers() -> None:
    """What the demo events refer to besides the reference data."""
    for slug, name_vi, name_en, description_vi, description_en in SERIES:
        EventSeries.objects.update_or_create(
            slug=slug,
            defaults={
                "name_vi": name_vi,
                "name_en": name_en,
                "description_vi": description_vi,
                "description_en": description_en,
            },
        )
    provinces = {p.code: p for p in Province.objects.all()}
    for row in EXTRA_ORGANISATIONS:
        organisation_get_or_create(row, provinces=provinces)


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def load_event(row: dict) -> bool:
    """Create one event with its organisers and agenda; an existing one is left alone, so a
    coordinator's edits survive a second run."""
    if Event.objects.filter(slug=row["slug"]).exists():
        return False
    province = Province.objects.filter(code=row["province"]).first() if row.get("province") else None
    event = Event(
        slug=row["slug"],
        event_type=EventType.objects.get(code=row["type"]),
        series=EventSeries.objects.filter(slug=row.get("series", "")).first(),
        title_vi=row["title_vi"],
        title_en=row["title_en"],
        status=row["status"],
        format=row["format"],
        start_date=date.fromisoformat(row["start"]),
        end_date=date.fromisoformat(row["end"]) if row.get("end") else None,
        start_time=_time(row.get("start_time")),
        end_time=_time(row.get("end_time")),
        province=province,
        country=row.get("country", ""),
        venue_vi=row.get("venue_vi", ""),
        venue_en=row.get("venue_en", ""),
        summary_vi=row.get("summary_vi", ""),
        summary_en=row.get("summary_en", ""),
        objectives_vi=row.get("objectives_vi", ""),
        objectives_en=row.get("objectives_en", ""),
        outcomes_vi=row.get("outcomes_vi", ""),
        outcomes_en=row.get("outcomes_en", ""),
        headcount_total=row.get("headcount_total"),
        is_published=True,
    )
    event.full_clean()
    event.save()
    event.pillars.set(Pillar.objects.filter(code__in=row["pillars"]))
    organisations = {o.slug: o for o in Organisation.objects.all()}
    for order, (slug, role) in enumerate(row["organisers"], start=1):
        if slug in organisations:
            EventOrganiser.objects.create(
                event=event, organisation=organisations[slug], role=role, order=order
            )
    for order, session_row in enumerate(row.get("sessions", []), start=1):
        session = AgendaSession.objects.create(
            event=event,
            title_vi=session_row["title_vi"],
            title_en=session_row["title_en"],
            kind=session_row["kind"],
            date=event.start_date,
            order=order,
        )
        for item_order, (title_vi, title_en, presenter_slug) in enumerate(session_row["items"], start=1):
            AgendaItem.objects.create(
                event=event,
                session=session,
                title_vi=title_vi,
                title_en=title_en,
                presenter_organisation=organisations.get(presenter_slug) if presenter_slug else None,
                order=item_order,
            )
    return True


@transaction.atomic
def load() -> dict[str, int]:
    load_series_and_organisers()
    created = sum(load_event(row) for row in EVENTS)
    return {"events": created}
