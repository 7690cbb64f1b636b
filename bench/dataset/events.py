"""Events with their organisers, pillars and provinces, the people who took part, agendas and
documents; headcounts typed in for the events that kept no name list."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from events.models import (
    AgendaItem,
    AgendaSession,
    Event,
    EventDocument,
    EventOrganiser,
    EventType,
    Participation,
)
from vocabulary.models import Pillar, Province

from .. import vocabulary as words
from ..vocabulary import Text, pick
from .common import BASE_DATE, PUBLISHED_SHARE, bilingual, day_in, make_slug
from .draws import Weighted, allocate, weighted, weighted_choices
from .organisations import Organisations, People
from .reference import Reference
from .writer import Output, Writer, chunks

EVENT_CHUNK = 2_000
EVENT_TYPE_WEIGHTS = {
    "training": 26,
    "consultation-workshop": 14,
    "webinar": 12,
    "campaign": 12,
    "working-group-meeting": 10,
    "conference": 8,
    "roundtable": 7,
    "pillar-workshop": 6,
    "delegation": 2,
}
# Relative number of participants; a delegation is a handful of people, a conference hundreds.
EVENT_SIZES = {
    "conference": 3.5,
    "campaign": 2.8,
    "webinar": 2.5,
    "consultation-workshop": 1.6,
    "pillar-workshop": 1.5,
    "training": 1.4,
    "roundtable": 1.2,
    "working-group-meeting": 1.0,
    "delegation": 0.25,
}
# Share of events recorded with a name list (the rest only with headcounts typed in).
LISTED_SHARE = {"campaign": 0.6, "delegation": 1.0}
# More events every year as the network grows; some already planned for the year ahead.
YEAR_WEIGHTS = weighted(
    [(2019, 4), (2020, 5), (2021, 7), (2022, 10), (2023, 13), (2024, 16), (2025, 18), (2026, 17), (2027, 10)]
)
EXTRA_ORGANISERS = weighted([(0, 55), (1, 30), (2, 15)])  # besides the host
MULTI_DAY_TYPES = {"conference", "training", "consultation-workshop", "pillar-workshop"}
PAST_STATUSES = weighted_choices(Event.Status, HELD=94, CANCELLED=4, POSTPONED=2)
COMING_STATUSES = weighted_choices(Event.Status, PLANNED=90, POSTPONED=5, CANCELLED=5)
FORMATS = weighted_choices(Event.Format, OFFLINE=62, HYBRID=20, ONLINE=18)
# The pandemic years moved much of the network online.
PANDEMIC_FORMATS = weighted_choices(Event.Format, OFFLINE=40, ONLINE=35, HYBRID=25)
LINK_VISIBILITY = weighted_choices(Event.LinkVisibility, PUBLIC=30, SIGNED_IN=55, STAFF=15)
PARTICIPANT_ROLES = weighted_choices(
    Participation.Role, PARTICIPANT=85, SPEAKER=7, ORGANISER=4, FACILITATOR=3, PRESS=1
)
HELD_ATTENDANCE = weighted_choices(Participation.Status, ATTENDED=88, NO_SHOW=7, REGISTERED=5)
COMING_ATTENDANCE = weighted_choices(Participation.Status, REGISTERED=70, INVITED=30)
START_TIMES = [(8, 0), (8, 30), (9, 0), (13, 30), (14, 0)]
DOCUMENTS = [
    (EventDocument.Kind.AGENDA, "Chương trình sự kiện"),
    (EventDocument.Kind.CONCEPT_NOTE, "Ghi chú khái niệm"),
    (EventDocument.Kind.MINUTES, "Biên bản"),
    (EventDocument.Kind.SLIDES, "Bài trình bày của diễn giả"),
    (EventDocument.Kind.REPORT, "Báo cáo tổng hợp kết quả"),
]


@dataclass
class EventDraft:
    event: Event
    size: int  # people on the name list
    organisers: list[int]  # organisation indexes: host first
    pillars: list[Pillar]
    topic: Text
    with_agenda: bool


def write_events(
    rng: random.Random,
    ref: Reference,
    orgs: Organisations,
    people: People,
    goal: dict[str, int],
    writer: Writer,
    out: Output,
) -> None:
    count = goal["events"]
    types = ref.event_types
    type_draw = Weighted(range(len(types)), [EVENT_TYPE_WEIGHTS.get(t.code, 3) for t in types])
    # First the type and size of every event, so the participations add up to the goal exactly.
    plan: list[int] = []
    weights: list[float] = []
    for _ in range(count):
        kind = type_draw(rng)
        code = types[kind].code
        plan.append(kind)
        listed = rng.random() < LISTED_SHARE.get(code, 0.85)
        weights.append(EVENT_SIZES.get(code, 1) * rng.lognormvariate(0, 0.7) if listed else 0.0)
    sizes = allocate(rng, weights, goal["participations"], cap=min(len(people.ids), 800))
    del weights

    people_count = len(people.ids)
    for numbers in chunks(count, EVENT_CHUNK):
        drafts = [_event(rng, ref, orgs, number, types[plan[number]], sizes[number]) for number in numbers]
        writer.insert(Event, [draft.event for draft in drafts])

        organisers, pillar_links, participations, documents = [], [], [], []
        session_items: list[tuple[AgendaSession, list[AgendaItem]]] = []
        for draft in drafts:
            event = draft.event
            roles = [EventOrganiser.Role.HOST, EventOrganiser.Role.CO_HOST]
            roles.append(EventOrganiser.Role.FUNDER if rng.random() < 0.4 else EventOrganiser.Role.CO_HOST)
            for order, (org, role) in enumerate(zip(draft.organisers, roles, strict=False), start=1):
                organisers.append(
                    EventOrganiser(event_id=event.pk, organisation_id=orgs.ids[org], role=role, order=order)
                )
            for pillar in draft.pillars:
                pillar_links.append(Event.pillars.through(event_id=event.pk, pillar_id=pillar.pk))
            chosen = rng.sample(range(people_count), draft.size) if draft.size else []
            participations += _participations(rng, event, chosen, people, orgs)
            if draft.with_agenda:
                session_items += _agenda(rng, draft, orgs, people, chosen)
            if event.status == Event.Status.HELD and rng.random() < 0.15:
                for order, (kind, title) in enumerate(rng.sample(DOCUMENTS, rng.randint(1, 2)), start=1):
                    documents.append(
                        EventDocument(
                            event_id=event.pk,
                            title=title,
                            kind=kind,
                            url=f"https://npap.example.org/tai-lieu/{event.slug}-{kind}.pdf",
                            is_public=rng.random() < 0.9,
                            order=order,
                        )
                    )
        writer.insert(EventOrganiser, organisers)
        writer.insert(Event.pillars.through, pillar_links)
        writer.insert(Participation, participations)
        writer.insert(EventDocument, documents)
        writer.insert(AgendaSession, [session for session, _ in session_items])
        for session, items in session_items:
            for item in items:
                item.session_id = session.pk
        writer.insert(AgendaItem, [item for _, items in session_items for item in items])
        writer.flush()
        done = numbers.stop
        if done == count or (done // EVENT_CHUNK) % 5 == 0:
            out.say(f"events: {done:,} of {count:,}")


def _event(
    rng: random.Random, ref: Reference, orgs: Organisations, number: int, event_type: EventType, size: int
) -> EventDraft:
    code = event_type.code
    year = YEAR_WEIGHTS(rng)
    start = day_in(rng, date(year, 1, 1), date(year, 12, 31))
    status = COMING_STATUSES(rng) if start > BASE_DATE else PAST_STATUSES(rng)
    days = 0
    if code == "delegation":
        days = rng.randint(3, 7)
    elif code in MULTI_DAY_TYPES and rng.random() < 0.15:
        days = rng.randint(1, 2)
    if code == "webinar":
        event_format = Event.Format.ONLINE
    elif code in ("delegation", "campaign"):
        event_format = Event.Format.OFFLINE
    else:
        event_format = (PANDEMIC_FORMATS if year in (2020, 2021) else FORMATS)(rng)

    topic = pick(rng, words.TOPICS)
    pillars = [ref.pillar_by_code[c] for c in topic[2] if c in ref.pillar_by_code]
    if not pillars or rng.random() < 0.1:
        pillars.append(pick(rng, ref.pillars))
    pillar = pillars[0]
    pillars = list(dict.fromkeys(pillars))[: rng.choice((1, 1, 2))] if rng.random() > 0.15 else []
    if code == "pillar-workshop":
        pillars = [pillar]

    province: Province | None = None
    country = ""
    if code == "delegation":
        forums = [forum for forum in words.FORUMS if forum[5][:4] in ("", str(year))]
        forum, forum_en, city, country, country_en, held_on = pick(rng, forums)
        if held_on:
            start = date.fromisoformat(held_on)
            status = Event.Status.HELD if start <= BASE_DATE else status
        title = words.fill(
            words.DELEGATION_TEMPLATE, forum=(forum, forum_en), city=city, country=(country, country_en)
        )
        venue = (f"{city}, {country}", f"{city}, {country_en}")
    else:
        template = pick(rng, words.EVENT_TEMPLATES.get(code, words.GENERIC_EVENT_TEMPLATES))
        province = ref.place(rng, former_before=start)
        place = bilingual(province, "name")
        ward = pick(rng, words.WARDS)
        title = words.fill(
            template,
            topic=topic[:2],
            place=place,
            ward=ward,
            pillar=bilingual(pillar, "name"),
            audience=pick(rng, words.AUDIENCES),
            skill=pick(rng, words.SKILLS),
            year=start.year,
            quarter=(start.month - 1) // 3 + 1,
            region=pick(rng, words.REGIONS),
            type=bilingual(event_type, "name"),
        )
        if event_format == Event.Format.ONLINE:
            venue = (pick(rng, words.ONLINE_VENUES), "Online")
            if "{place}" not in template[0] and rng.random() < 0.6:
                province = None
        elif rng.random() < 0.85:
            venue_vi = pick(rng, words.VENUES).format(
                brand=words.brand(rng),
                place=place[0],
                ward=ward,
                n=rng.randint(1, 30),
                figure=pick(rng, words.FIGURES),
            )
            venue = (venue_vi, "")
        else:
            venue = ("", "")

    host = rng.randrange(len(orgs.ids))
    local = orgs.in_province(province) if province else None
    if local and rng.random() < 0.65:
        host = pick(rng, local)
    organisers = [host]
    for _ in range(EXTRA_ORGANISERS(rng)):
        other = rng.randrange(len(orgs.ids))
        if other not in organisers:
            organisers.append(other)

    has_english = rng.random() < 0.6
    summary = ("", "")
    if rng.random() < 0.85:
        summary = words.fill(pick(rng, words.EVENT_SUMMARIES), host=orgs.names[host], topic=topic[:2])
    times: tuple = (None, None)
    if rng.random() < 0.7:
        hour, minute = pick(rng, START_TIMES)
        length = 2 if code == "webinar" else rng.randint(2, 4)
        times = (
            datetime(2000, 1, 1, hour, minute).time(),
            datetime(2000, 1, 1, min(hour + length, 17), 30).time(),
        )
    event = Event(
        title_vi=title[0],
        title_en=title[1] if has_english else "",
        slug=make_slug(title[0], number + 1, 80),
        event_type=event_type,
        status=status,
        format=event_format,
        summary_vi=summary[0],
        summary_en=summary[1] if has_english and summary[0] else "",
        objectives_vi=pick(rng, words.EVENT_OBJECTIVES) if rng.random() < 0.4 else "",
        outcomes_vi=pick(rng, words.EVENT_OUTCOMES)
        if status == Event.Status.HELD and rng.random() < 0.4
        else "",
        start_date=start,
        end_date=start + timedelta(days=days) if days else None,
        start_time=times[0],
        end_time=times[1],
        venue_vi=venue[0],
        venue_en=venue[1] if has_english else "",
        province=province,
        country=country,
        online_link=f"https://meet.example.org/npap/{number + 1}"
        if event_format != Event.Format.OFFLINE
        else "",
        online_link_visibility=LINK_VISIBILITY(rng),
        is_published=rng.random() < (0.5 if status == Event.Status.CANCELLED else PUBLISHED_SHARE),
    )
    if not size and status == Event.Status.HELD and rng.random() < 0.85:
        _headcounts(rng, event, code)
    with_agenda = code not in ("delegation", "campaign") and rng.random() < 0.08
    return EventDraft(event, size, organisers, pillars, topic[:2], with_agenda)


def _headcounts(rng: random.Random, event: Event, code: str) -> None:
    """Figures typed in from a sign-in sheet that was never entered name by name."""
    total = max(5, int(12 * EVENT_SIZES.get(code, 1) * rng.lognormvariate(0, 0.6)))
    event.headcount_total = total
    if rng.random() < 0.7:
        women = round(total * rng.uniform(0.35, 0.7))
        other = 1 if rng.random() < 0.05 and total - women > 1 else 0
        event.headcount_women, event.headcount_men, event.headcount_other = (
            women,
            total - women - other,
            other,
        )
    if event.format == Event.Format.HYBRID:
        event.headcount_online = rng.randint(0, total // 2)
    elif event.format == Event.Format.ONLINE:
        event.headcount_online = total


def _participations(
    rng: random.Random, event: Event, chosen: list[int], people: People, orgs: Organisations
) -> list[Participation]:
    attendance = HELD_ATTENDANCE if event.status == Event.Status.HELD else COMING_ATTENDANCE
    online_share = {Event.Format.ONLINE: 1.0, Event.Format.HYBRID: 0.35}.get(event.format, 0.0)
    rows = []
    for person in chosen:
        online = rng.random() < online_share
        mode = Participation.Mode.ONLINE if online else Participation.Mode.IN_PERSON
        organisation_id, organisation_name = orgs.ids[people.organisation[person]], ""
        if rng.random() < 0.05:
            # Came on their own account or from a body outside the directory, as written on the sheet.
            organisation_id = None
            organisation_name = pick(rng, words.FREE_TEXT_ORGANISATIONS).format(
                ward=pick(rng, words.WARDS), n=rng.randint(1, 30), figure=pick(rng, words.FIGURES)
            )
        rows.append(
            Participation(
                event_id=event.pk,
                person_id=people.ids[person],
                organisation_id=organisation_id,
                organisation_name=organisation_name,
                role=PARTICIPANT_ROLES(rng),
                status=attendance(rng),
                mode=mode,
            )
        )
    return rows


def _agenda(
    rng: random.Random, draft: EventDraft, orgs: Organisations, people: People, chosen: list[int]
) -> list[tuple[AgendaSession, list[AgendaItem]]]:
    event = draft.event
    titles = words.SESSION_TITLES[: 1 + (rng.randint(1, 3) if event.event_type.code == "conference" else 0)]
    sessions = []
    for order, (title, kind) in enumerate(titles, start=1):
        session = AgendaSession(
            event_id=event.pk, title_vi=title, kind=kind, date=event.start_date, order=order
        )
        items = []
        for item_order in range(1, rng.randint(3, 5) + 1):
            org = pick(rng, draft.organisers) if rng.random() < 0.5 else rng.randrange(len(orgs.ids))
            template = pick(rng, words.AGENDA_ITEMS)
            text = template.format(topic=draft.topic[0], org=orgs.names[org])
            presenter = pick(rng, chosen) if chosen and rng.random() < 0.4 else None
            items.append(
                AgendaItem(
                    event_id=event.pk,
                    title_vi=text[:300],
                    presenter_id=people.ids[presenter] if presenter is not None else None,
                    presenter_organisation_id=orgs.ids[org]
                    if "{org}" in template or rng.random() < 0.5
                    else None,
                    order=item_order,
                )
            )
        sessions.append((session, items))
    return sessions
