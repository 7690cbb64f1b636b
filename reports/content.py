"""What each kind of report says: a :class:`Document` built from the portal's data.

Every figure comes from the selectors of the app that owns it, with the same rules as the
public pages: unpublished items are never counted.
"""

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from events.headcounts import headcounts_for
from events.models import Event
from initiatives.models import Initiative, Pillar
from initiatives.selectors import initiative_period_rows, network_period_totals
from members.models import Membership, Organisation

from .documents import Document, Section, Table
from .models import ReportRun

# Narrative formats show at most this many rows of a table; Excel and CSV carry them all.
NARRATIVE_ROW_LIMIT = 2000


def period_subtitle(run: ReportRun) -> str:
    start = date_format(run.period_start, "SHORT_DATE_FORMAT")
    end = date_format(run.period_end, "SHORT_DATE_FORMAT")
    text = _("Period: %(start)s – %(end)s") % {"start": start, "end": end}
    if run.pillar_id:
        text += " · " + _("Pillar: %(pillar)s") % {"pillar": run.pillar.name}
    return text


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before (for comparisons)."""
    length = end - start
    previous_end = start.fromordinal(start.toordinal() - 1)
    return previous_end - length, previous_end


# -- Sections shared by the narrative reports ------------------------------------------------


def _published_members(run: ReportRun):
    organisations = Organisation.objects.published()
    if run.pillar_id:
        organisations = organisations.filter(pillar_participations__pillar=run.pillar_id).distinct()
    return organisations


def section_members(run: ReportRun) -> Section:
    organisations = _published_members(run)
    joined = (
        Membership.objects.filter(organisation__in=organisations)
        .filter(
            Q(joined_on__range=(run.period_start, run.period_end))
            | Q(joined_on__isnull=True, start__range=(run.period_start, run.period_end))
        )
        .select_related("organisation", "membership_type")
        .order_by("joined_on", "start", "organisation__name_vi")
    )
    rows = [
        [
            m.organisation.name,
            m.organisation.get_kind_display(),
            m.membership_type.name,
            m.joined_on or m.start,
        ]
        for m in joined
    ]
    total = organisations.filter(memberships__status=Membership.Status.ACTIVE).distinct().count()
    paragraphs = [
        _("The network has %(total)s active member organisations; %(new)s joined during the period.")
        % {"total": total, "new": len(rows)}
    ]
    by_kind = {}
    for kind in organisations.values_list("kind", flat=True):
        by_kind[kind] = by_kind.get(kind, 0) + 1
    kinds = Table(
        name=_("Members by kind"),
        columns=[_("Kind"), _("Organisations")],
        rows=[
            [str(label).capitalize(), by_kind[value]]
            for value, label in Organisation.Kind.choices
            if value in by_kind
        ],
        chart_label_column=0,
        chart_value_columns=[1],
    )
    new = Table(
        name=_("New members"),
        columns=[_("Organisation"), _("Kind"), _("Membership type"), _("Joined on")],
        rows=rows,
    )
    return Section(title=_("Members"), paragraphs=paragraphs, tables=[kinds, new])


def _period_events(run: ReportRun, start: date, end: date):
    events = Event.objects.published().filter(start_date__range=(start, end))
    if run.pillar_id:
        events = events.filter(pillars=run.pillar_id)
    return events


def _place(event: Event) -> str:
    if event.country:
        return event.country
    return event.province.current.name if event.province else ""


def section_events(run: ReportRun) -> Section:
    events = list(
        _period_events(run, run.period_start, run.period_end)
        .exclude(status__in=[Event.Status.CANCELLED, Event.Status.POSTPONED])
        .select_related("event_type", "province", "province__successor")
        .order_by("start_date", "pk")[:NARRATIVE_ROW_LIMIT]
    )
    counts = headcounts_for(events)
    rows = []
    for event in events:
        count = counts.get(event.pk)
        rows.append(
            [
                event.start_date,
                event.title,
                event.event_type.name,
                event.get_format_display(),
                _place(event),
                count.total if count else None,
                count.women if count else None,
                count.men if count else None,
                count.other if count else None,
            ]
        )
    known = [c for c in counts.values()]
    participants = sum(c.total for c in known)
    women = sum(c.women or 0 for c in known if c.women is not None)
    with_gender = sum(c.total for c in known if c.women is not None)
    previous = _period_events(run, *previous_period(run.period_start, run.period_end)).count()
    paragraphs = [
        _(
            "%(events)s events took place or were planned in the period (%(previous)s in the period before), "
            "with %(participants)s participants recorded."
        )
        % {"events": len(events), "previous": previous, "participants": number_format(participants)}
    ]
    if with_gender:
        paragraphs.append(
            _("Where participants were counted by gender, %(women)s of %(counted)s were women (%(share)s%%).")
            % {
                "women": number_format(women),
                "counted": number_format(with_gender),
                "share": round(100 * women / with_gender),
            }
        )
    table = Table(
        name=_("Events of the period"),
        columns=[
            _("Date"),
            _("Event"),
            _("Type"),
            _("Format"),
            _("Place"),
            _("Participants"),
            _("Women"),
            _("Men"),
            _("Other or not disclosed"),
        ],
        rows=rows,
        chart_label_column=1,
        chart_value_columns=[5],
    )
    return Section(title=_("Events"), paragraphs=paragraphs, tables=[table])


def section_upcoming_events(run: ReportRun) -> Section:
    events = Event.objects.published().filter(
        start_date__gt=run.period_end,
        start_date__lte=run.period_end + timedelta(days=183),
        status=Event.Status.PLANNED,
    )
    if run.pillar_id:
        events = events.filter(pillars=run.pillar_id)
    rows = [
        [event.start_date, event.title, event.event_type.name, event.get_format_display(), _place(event)]
        for event in events.select_related("event_type", "province", "province__successor").order_by(
            "start_date", "pk"
        )[:NARRATIVE_ROW_LIMIT]
    ]
    paragraphs = [] if rows else [_("No events are planned yet for the coming months.")]
    table = Table(
        name=_("Upcoming events"),
        columns=[_("Date"), _("Event"), _("Type"), _("Format"), _("Place")],
        rows=rows,
    )
    return Section(title=_("Upcoming events"), paragraphs=paragraphs, tables=[table])


def _plain(value):
    """Whole numbers stored as decimals (11.00) read as whole numbers in every format."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, Decimal):
        return round(value, 2)
    return value


def _figure(figure) -> Decimal | int | None:
    return None if figure is None else _plain(figure.display)


def _unit(indicator) -> str:
    return "%" if indicator.measure == "percentage" else indicator.unit


def _change(current, previous) -> str:
    if current is None or previous is None or not previous:
        return ""
    percent = (Decimal(current) - Decimal(previous)) * 100 / Decimal(previous)
    return f"{percent:+.0f} %"


def section_results(run: ReportRun) -> Section:
    previous = previous_period(run.period_start, run.period_end)
    totals = network_period_totals(
        start=run.period_start, end=run.period_end, previous=previous, pillar=run.pillar
    )
    rows = []
    for total in totals:
        current = _figure(total.current)
        before = _figure(total.previous)
        if current is None and before is None:
            continue
        unit = _unit(total.indicator)
        breakdown = "; ".join(
            f"{part.label}: {number_format(_plain(part.value))}" for part in total.breakdown
        )
        rows.append([total.indicator.name, unit, current, before, _change(current, before), breakdown])
    paragraphs = [
        _(
            "Totals of the network indicators from the approved results of published initiatives. Running "
            "totals (such as households sorting at source) give each initiative's latest figure; amounts "
            "(such as kilograms collected) add up what was reported in the period."
        )
    ]
    if not rows:
        paragraphs.append(_("No approved results were reported for this period."))
    table = Table(
        name=_("Network results"),
        columns=[_("Indicator"), _("Unit"), _("This period"), _("Previous period"), _("Change"), _("By sex")],
        rows=rows,
        chart_label_column=0,
        chart_value_columns=[2, 3],
    )
    initiatives = (
        Initiative.objects.published()
        .filter(Q(start__isnull=True) | Q(start__lte=run.period_end))
        .filter(Q(end__isnull=True) | Q(end__gte=run.period_start))
        .exclude(status=Initiative.Status.CANCELLED)
        .order_by("title_vi", "pk")
    )
    if run.pillar_id:
        initiatives = initiatives.filter(pillars=run.pillar_id)
    active = Table(
        name=_("Initiatives active in the period"),
        columns=[_("Initiative"), _("Status"), _("Start"), _("End"), _("Places")],
        rows=[
            [
                initiative.title,
                initiative.get_status_display(),
                initiative.start,
                initiative.end,
                initiative.location_detail,
            ]
            for initiative in initiatives[:NARRATIVE_ROW_LIMIT]
        ],
    )
    return Section(title=_("Results"), paragraphs=paragraphs, tables=[table, active])


def section_highlights(run: ReportRun) -> Section:
    """The period in a few sentences, from the same figures as the sections that follow."""
    events = _period_events(run, run.period_start, run.period_end).exclude(
        status__in=[Event.Status.CANCELLED, Event.Status.POSTPONED]
    )
    counts = headcounts_for(events)
    participants = sum(c.total for c in counts.values())
    organisations = _published_members(run)
    new_members = (
        Membership.objects.filter(organisation__in=organisations)
        .filter(
            Q(joined_on__range=(run.period_start, run.period_end))
            | Q(joined_on__isnull=True, start__range=(run.period_start, run.period_end))
        )
        .values("organisation")
        .distinct()
        .count()
    )
    paragraphs = [
        _("%(events)s events with %(participants)s participants; %(members)s new member organisations.")
        % {"events": events.count(), "participants": number_format(participants), "members": new_members}
    ]
    for total in network_period_totals(start=run.period_start, end=run.period_end, pillar=run.pillar):
        value = _figure(total.current)
        if value is None or not total.indicator.is_headline:
            continue
        unit = _unit(total.indicator)
        paragraphs.append(f"{total.indicator.name}: {number_format(value, decimal_pos=0)} {unit}".strip())
    return Section(title=_("Highlights"), paragraphs=paragraphs)


SECTION_BUILDERS: dict[str, Callable[[ReportRun], Section]] = {
    "highlights": section_highlights,
    "members": section_members,
    "events": section_events,
    "results": section_results,
    "upcoming": section_upcoming_events,
}

NARRATIVE_SECTIONS = {
    ReportRun.Kind.SIX_MONTH: ["highlights", "events", "results", "members"],
    ReportRun.Kind.ANNUAL: ["highlights", "events", "results", "members"],
    ReportRun.Kind.PILLAR: ["highlights", "events", "results", "members"],
    ReportRun.Kind.NEWSLETTER: ["highlights", "events", "results", "upcoming"],
}


def narrative_titles() -> dict[str, str]:
    return {
        ReportRun.Kind.SIX_MONTH: _("Six-month report of the NPAP working group"),
        ReportRun.Kind.ANNUAL: _("Annual synthesis report of the NPAP working group"),
        ReportRun.Kind.PILLAR: _("Pillar activity report"),
        ReportRun.Kind.NEWSLETTER: _("Quarterly technical-group newsletter"),
    }


def build_narrative(run: ReportRun) -> Document:
    title = narrative_titles()[run.kind]
    if run.pillar_id and run.kind in (ReportRun.Kind.PILLAR, ReportRun.Kind.NEWSLETTER):
        title = f"{title}: {run.pillar.name}"
    document = Document(title=title, subtitle=period_subtitle(run), language=run.language)
    for name in NARRATIVE_SECTIONS[run.kind]:
        builder = SECTION_BUILDERS.get(name)
        if builder is not None:
            document.sections.append(builder(run))
    return document


# -- Exports ---------------------------------------------------------------------------------


def _directory_rows(run: ReportRun) -> Iterator[list]:
    organisations = (
        _published_members(run)
        .select_related("province", "province__successor")
        .prefetch_related("pillar_participations__pillar", "memberships__membership_type")
        .order_by("name_vi", "pk")
    )
    for organisation in organisations.iterator(chunk_size=1000):
        memberships = sorted(
            organisation.memberships.all(), key=lambda m: (m.start or date.min, m.pk), reverse=True
        )
        current = memberships[0] if memberships else None
        yield [
            organisation.name_vi,
            organisation.name_en or "",
            organisation.acronym,
            organisation.get_kind_display(),
            organisation.province.current.name if organisation.province else "",
            "; ".join(
                p.pillar.name for p in organisation.pillar_participations.all() if p.pillar.is_published
            ),
            current.membership_type.name if current else "",
            current.get_status_display() if current else "",
            organisation.website,
        ]


def build_member_directory(run: ReportRun) -> Document:
    table = Table(
        name=_("Member directory"),
        columns=[
            _("Name (Vietnamese)"),
            _("Name (English)"),
            _("Acronym"),
            _("Kind"),
            _("Province"),
            _("Pillars"),
            _("Membership type"),
            _("Membership status"),
            _("Website"),
        ],
        rows=_directory_rows(run),
    )
    return Document(
        title=_("Member directory of the network"),
        subtitle=period_subtitle(run),
        language=run.language,
        sections=[Section(title=_("Member directory"), tables=[table])],
    )


def _attendance_rows(run: ReportRun) -> Iterator[list]:
    events = (
        _period_events(run, run.period_start, run.period_end)
        .select_related("event_type", "province", "province__successor")
        .prefetch_related("organisers__organisation")
        .order_by("start_date", "pk")
    )
    # Headcounts are read a page of events at a time so a national-scale export stays bounded.
    page: list[Event] = []
    for event in events.iterator(chunk_size=500):
        page.append(event)
        if len(page) == 500:
            yield from _attendance_page(page)
            page = []
    yield from _attendance_page(page)


def _attendance_page(events: list[Event]) -> Iterator[list]:
    counts = headcounts_for(events)
    for event in events:
        count = counts.get(event.pk)
        yield [
            event.start_date,
            event.last_date,
            event.title,
            event.event_type.name,
            event.get_status_display(),
            event.get_format_display(),
            _place(event),
            "; ".join(o.organisation.name for o in event.organisers.all()),
            count.total if count else None,
            count.women if count else None,
            count.men if count else None,
            count.other if count else None,
            count.online if count else None,
            (_("attendance records") if count.from_attendance else _("typed in")) if count else "",
        ]


def build_event_attendance(run: ReportRun) -> Document:
    table = Table(
        name=_("Event attendance"),
        columns=[
            _("Start"),
            _("End"),
            _("Event"),
            _("Type"),
            _("Status"),
            _("Format"),
            _("Place"),
            _("Organisers"),
            _("Participants"),
            _("Women"),
            _("Men"),
            _("Other or not disclosed"),
            _("Online"),
            _("Counted from"),
        ],
        rows=_attendance_rows(run),
    )
    return Document(
        title=_("Attendance at the network's events"),
        subtitle=period_subtitle(run),
        language=run.language,
        sections=[Section(title=_("Event attendance"), tables=[table])],
    )


def _indicator_rows(run: ReportRun, sex_values: list) -> Iterator[list]:
    for period in initiative_period_rows(start=run.period_start, end=run.period_end, pillar=run.pillar):
        indicator = period.indicator
        initiative = indicator.result.initiative
        actual = period.actual
        parts = {part.label: part for part in period.breakdown}
        row = [
            initiative.title,
            "; ".join(p.name for p in initiative.pillars.all()),
            indicator.result.title,
            indicator.title,
            "%" if indicator.is_percentage else indicator.unit,
            indicator.network_indicator.name if indicator.network_indicator else "",
            period.start,
            period.end,
            _plain(period.target_value),
            _plain(actual.display) if actual else None,
            _plain(actual.numerator) if actual else None,
            _plain(actual.denominator) if actual else None,
        ]
        for value in sex_values:
            part = parts.get(value.name)
            row += [_plain(part.target) if part else None, _plain(part.value) if part else None]
        yield row


def build_indicator_results(run: ReportRun) -> Document:
    from initiatives.selectors import sex_values as sex_dimension_values

    sexes = list(sex_dimension_values())
    columns = [
        _("Initiative"),
        _("Pillars"),
        _("Result"),
        _("Indicator"),
        _("Unit"),
        _("Network indicator"),
        _("Period start"),
        _("Period end"),
        _("Target"),
        _("Actual"),
        _("Numerator"),
        _("Denominator"),
    ]
    for value in sexes:
        columns += [
            _("Target: %(value)s") % {"value": value.name},
            _("Actual: %(value)s") % {"value": value.name},
        ]
    per_initiative = Table(name=_("Targets and actuals"), columns=columns, rows=_indicator_rows(run, sexes))
    network = section_results(run).tables[0]
    network.name = _("Network totals")
    sections = [Section(title=_("Targets and actuals per initiative"), tables=[per_initiative])]
    sections.append(Section(title=_("Network totals"), tables=[network]))
    if not run.pillar_id:
        for pillar in Pillar.objects.filter(is_published=True).order_by("order"):
            rows = []
            for total in network_period_totals(start=run.period_start, end=run.period_end, pillar=pillar):
                value = _figure(total.current)
                if value is not None:
                    unit = _unit(total.indicator)
                    rows.append([pillar.name, total.indicator.name, unit, value])
            if rows:
                sections.append(
                    Section(
                        title=_("Pillar: %(pillar)s") % {"pillar": pillar.name},
                        tables=[
                            Table(
                                name=pillar.name[:31],
                                columns=[_("Pillar"), _("Indicator"), _("Unit"), _("This period")],
                                rows=rows,
                            )
                        ],
                    )
                )
    return Document(
        title=_("Indicator results"),
        subtitle=period_subtitle(run),
        language=run.language,
        sections=sections,
    )


BUILDERS: dict[str, Callable[[ReportRun], Document]] = {
    ReportRun.Kind.SIX_MONTH: build_narrative,
    ReportRun.Kind.ANNUAL: build_narrative,
    ReportRun.Kind.PILLAR: build_narrative,
    ReportRun.Kind.NEWSLETTER: build_narrative,
    ReportRun.Kind.MEMBER_DIRECTORY: build_member_directory,
    ReportRun.Kind.EVENT_ATTENDANCE: build_event_attendance,
    ReportRun.Kind.INDICATOR_RESULTS: build_indicator_results,
}


def build_document(run: ReportRun) -> Document:
    with translation.override(run.language):
        return BUILDERS[run.kind](run)
