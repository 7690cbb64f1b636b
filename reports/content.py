"""What each kind of report says: a :class:`Document` built from the portal's data.

Every figure comes from the selectors of the app that owns it, with the same rules as the
public pages: unpublished items are never counted.

The narrative reports are what the secretariat hands to the ministry. In PDF and Word they
summarise — events and participants by type, month, province and pillar, the largest events,
the initiatives that reported the most results — and print a list only when it is short; the
complete lists are in the Excel and CSV versions of the same report, and the document says so
where it leaves a list out. The figures the sections share are read once per run
(:class:`ReportData`), whatever the number of sections and formats.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Q
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from events.headcounts import Headcount, headcounts_for
from events.models import Event
from initiatives.models import IndicatorUpdate, Initiative, Pillar
from initiatives.selectors import PeriodTotal, initiative_period_rows, network_period_totals, sex_values
from members.models import Membership, Organisation, PillarParticipation
from members.selectors import current_membership, membership_status_label, with_current_membership

from .documents import Document, Section, Table
from .models import ReportRun
from .selectors import indicator_value_rows


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


# -- What the sections of one run share ------------------------------------------------------

# A list this long or shorter is printed in full in PDF and Word; a longer one is summarised
# there and listed completely in Excel and CSV.
LIST_PRINT_ROWS = 50
# Rows of the "largest events" and "most results" tables.
TOP_ROWS = 20
NOT_HELD = [Event.Status.CANCELLED, Event.Status.POSTPONED]


def _published_members(run: ReportRun):
    organisations = Organisation.objects.published()
    if run.pillar_id:
        organisations = organisations.filter(
            pk__in=PillarParticipation.objects.filter(pillar=run.pillar_id).values("organisation_id")
        )
    return organisations


def _period_events(run: ReportRun, start: date, end: date):
    events = Event.objects.published().filter(start_date__range=(start, end))
    if run.pillar_id:
        events = events.filter(pillars=run.pillar_id)
    return events


class ReportData:
    """What several sections of one run use, read once: the sections quote each other's figures
    (the highlights repeat the events' and the results' totals) and a run may be written in four
    formats, yet each figure is asked of the database once. Every list is read whole, so a
    section asks the same few queries whatever the size of the period."""

    def __init__(self, run: ReportRun):
        self.run = run

    @cached_property
    def previous(self) -> tuple[date, date]:
        return previous_period(self.run.period_start, self.run.period_end)

    def held_events(self, start: date, end: date):
        """Published events of the window that took place or are planned (not cancelled or postponed)."""
        return _period_events(self.run, start, end).exclude(status__in=NOT_HELD)

    @cached_property
    def events(self) -> list[Event]:
        return list(
            self.held_events(self.run.period_start, self.run.period_end)
            .select_related("event_type", "province", "province__successor")
            .order_by("start_date", "pk")
        )

    @cached_property
    def headcounts(self) -> dict[int, Headcount]:
        return headcounts_for(self.events)

    @cached_property
    def previous_event_count(self) -> int:
        return self.held_events(*self.previous).count()

    @cached_property
    def pillars(self) -> list[Pillar]:
        return list(Pillar.objects.filter(is_published=True).order_by("order", "code"))

    @cached_property
    def event_pillars(self) -> dict[int, set[int]]:
        """The published pillars of each event of the period."""
        pairs = Event.pillars.through.objects.filter(
            event__in=self.held_events(self.run.period_start, self.run.period_end),
            pillar__is_published=True,
        ).values_list("event_id", "pillar_id")
        by_event: dict[int, set[int]] = defaultdict(set)
        for event_id, pillar_id in pairs:
            by_event[event_id].add(pillar_id)
        return by_event

    @cached_property
    def totals(self) -> list[PeriodTotal]:
        run = self.run
        return network_period_totals(
            start=run.period_start, end=run.period_end, previous=self.previous, pillar=run.pillar
        )

    @cached_property
    def pillar_totals(self) -> list[tuple[Pillar, list[PeriodTotal]]]:
        run = self.run
        return [
            (pillar, network_period_totals(start=run.period_start, end=run.period_end, pillar=pillar))
            for pillar in self.pillars
        ]

    @cached_property
    def new_memberships(self) -> list[Membership]:
        run = self.run
        return list(
            Membership.objects.filter(organisation__in=_published_members(run))
            .filter(
                Q(joined_on__range=(run.period_start, run.period_end))
                | Q(joined_on__isnull=True, start__range=(run.period_start, run.period_end))
            )
            .select_related("organisation", "membership_type")
            .order_by("joined_on", "start", "organisation__name_vi", "pk")
        )

    @cached_property
    def new_member_count(self) -> int:
        """Organisations, not memberships: one that joined twice in the period counts once."""
        return len({membership.organisation_id for membership in self.new_memberships})

    def active_initiatives(self):
        run = self.run
        initiatives = (
            Initiative.objects.published()
            .filter(Q(start__isnull=True) | Q(start__lte=run.period_end))
            .filter(Q(end__isnull=True) | Q(end__gte=run.period_start))
            .exclude(status=Initiative.Status.CANCELLED)
        )
        if run.pillar_id:
            initiatives = initiatives.filter(pillars=run.pillar_id)
        return initiatives

    @cached_property
    def active_initiative_count(self) -> int:
        return self.active_initiatives().count()

    @cached_property
    def active_member_count(self) -> int:
        # Members at the end of the period: the membership in force then, not any ever held.
        organisations = _published_members(self.run).with_membership_status(on=self.run.period_end)
        return organisations.filter(membership_status=Membership.Status.ACTIVE).count()

    @cached_property
    def members_by_kind(self) -> dict[str, int]:
        return dict(_published_members(self.run).values_list("kind").annotate(n=Count("pk")).order_by())

    @cached_property
    def initiatives_by_pillar(self) -> dict[int, int]:
        return dict(
            Initiative.pillars.through.objects.filter(initiative__in=self.active_initiatives())
            .values_list("pillar_id")
            .annotate(n=Count("initiative_id", distinct=True))
            .order_by()
        )

    @cached_property
    def busiest_initiatives(self) -> list[Initiative]:
        """The active initiatives with the most approved updates dated in the period, each with
        ``reported``, the number of them."""
        run = self.run
        approved = Q(
            results__indicators__periods__updates__status=IndicatorUpdate.Status.APPROVED,
            results__indicators__periods__updates__reported_on__range=(run.period_start, run.period_end),
        )
        return list(
            self.active_initiatives()
            .annotate(reported=Count("results__indicators__periods__updates", filter=approved))
            .filter(reported__gt=0)
            .order_by("-reported", "title_vi", "pk")[:TOP_ROWS]
        )


def _participants(data: ReportData, events: Iterable[Event]) -> int:
    return sum(data.headcounts[event.pk].total for event in events if event.pk in data.headcounts)


def _summary(
    name: str, label: str, groups: Iterable[tuple[str, list[Event]]], data: ReportData, *, order_by_size: bool
) -> Table:
    """Events and participants per group, the biggest groups first or in the given order."""
    items = list(groups)
    if order_by_size:
        items.sort(key=lambda item: (-len(item[1]), item[0]))
    return Table(
        name=name,
        columns=[label, _("Events"), _("Participants")],
        rows=[[key, len(events), _participants(data, events)] for key, events in items],
        chart_label_column=0,
        chart_value_columns=[1],
        print_rows=LIST_PRINT_ROWS,
    )


# -- Sections shared by the narrative reports ------------------------------------------------


def section_members(data: ReportData) -> Section:
    memberships = data.new_memberships
    rows = [
        [
            m.organisation.name,
            m.organisation.get_kind_display(),
            m.membership_type.name,
            m.joined_on or m.start,
        ]
        for m in memberships
    ]
    paragraphs = [
        _("The network has %(total)s active member organisations; %(new)s joined during the period.")
        % {"total": number_format(data.active_member_count), "new": number_format(data.new_member_count)}
    ]
    by_kind = data.members_by_kind
    new_by_kind: dict[str, set[int]] = defaultdict(set)
    for membership in memberships:
        new_by_kind[membership.organisation.kind].add(membership.organisation_id)
    kinds = Table(
        name=_("Members by kind"),
        columns=[_("Kind"), _("Organisations"), _("New in the period")],
        rows=[
            [str(label).capitalize(), by_kind[value], len(new_by_kind.get(value, ()))]
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
        **_listing(
            len(rows),
            _(
                "All %(count)s memberships that began in the period are listed in the Excel and CSV versions "
                "of this report (table “%(table)s”)."
            ),
            _("New members"),
        ),
    )
    return Section(title=_("Members"), paragraphs=paragraphs, tables=[kinds, new])


def _listing(count: int, note: str, table: str) -> dict:
    """How PDF and Word treat a complete list: printed when short, else left to the
    spreadsheets with a note that says where it is."""
    if count <= LIST_PRINT_ROWS:
        return {"print_rows": LIST_PRINT_ROWS}
    return {"print_rows": 0, "note": note % {"count": number_format(count), "table": table}}


def _place(event: Event) -> str:
    if event.country:
        return event.country
    return event.province.current.name if event.province else ""


def _event_columns() -> list[str]:
    return [
        _("Date"),
        _("Event"),
        _("Type"),
        _("Format"),
        _("Place"),
        _("Participants"),
        _("Women"),
        _("Men"),
        _("Other or not disclosed"),
    ]


def _event_row(event: Event, count: Headcount | None) -> list:
    return [
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


def section_events(data: ReportData) -> Section:
    run = data.run
    events, counts = data.events, data.headcounts
    known = list(counts.values())
    participants = sum(c.total for c in known)
    women = sum(c.women for c in known if c.women is not None)
    with_gender = sum(c.total for c in known if c.women is not None)
    paragraphs = [
        _(
            "%(events)s events took place or were planned in the period (%(previous)s in the period before), "
            "with %(participants)s participants recorded."
        )
        % {
            "events": number_format(len(events)),
            "previous": number_format(data.previous_event_count),
            "participants": number_format(participants),
        }
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
    columns = _event_columns()
    by_type: dict[str, list[Event]] = defaultdict(list)
    by_month: dict[str, list[Event]] = defaultdict(list)
    by_place: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_type[event.event_type.name].append(event)
        by_month[f"{event.start_date:%m/%Y}"].append(event)
        by_place[_place(event) or _("Online or place not given")].append(event)
    tables = [
        _summary(_("Events by type"), _("Type"), by_type.items(), data, order_by_size=True),
        _summary(_("Events by month"), _("Month"), by_month.items(), data, order_by_size=False),
        _summary(_("Events by province or country"), _("Place"), by_place.items(), data, order_by_size=True),
    ]
    if not run.pillar_id:
        of_pillar: dict[int, list[Event]] = {pillar.pk: [] for pillar in data.pillars}
        no_pillar = []
        for event in events:
            pillars = data.event_pillars.get(event.pk)
            for pillar_id in pillars or ():
                of_pillar[pillar_id].append(event)
            if not pillars:
                no_pillar.append(event)
        pillar_events = [(pillar.name, of_pillar[pillar.pk]) for pillar in data.pillars]
        if no_pillar:
            pillar_events.append((_("No pillar given"), no_pillar))
        by_pillar = _summary(_("Events by pillar"), _("Pillar"), pillar_events, data, order_by_size=False)
        by_pillar.note = _("An event may serve several pillars, so the rows add up to more than the events.")
        tables.append(by_pillar)
    if len(events) > LIST_PRINT_ROWS:
        largest = sorted(
            (event for event in events if event.pk in counts),
            key=lambda event: (-counts[event.pk].total, event.start_date, event.pk),
        )[:TOP_ROWS]
        tables.append(
            Table(
                name=_("The largest events"),
                columns=columns,
                rows=[_event_row(event, counts[event.pk]) for event in largest],
                chart_label_column=1,
                chart_value_columns=[5],
            )
        )
    tables.append(
        Table(
            name=_("Events of the period"),
            columns=columns,
            rows=(_event_row(event, counts.get(event.pk)) for event in events),
            **_listing(
                len(events),
                _(
                    "All %(count)s events of the period, with their participants by sex, are listed in the "
                    "Excel and CSV versions of this report (table “%(table)s”)."
                ),
                _("Events of the period"),
            ),
        )
    )
    return Section(title=_("Events"), paragraphs=paragraphs, tables=tables)


def section_upcoming_events(data: ReportData) -> Section:
    run = data.run
    events = Event.objects.published().filter(
        start_date__gt=run.period_end,
        start_date__lte=run.period_end + timedelta(days=183),
        status=Event.Status.PLANNED,
    )
    if run.pillar_id:
        events = events.filter(pillars=run.pillar_id)
    count = events.count()
    rows = (
        [event.start_date, event.title, event.event_type.name, event.get_format_display(), _place(event)]
        for event in events.select_related("event_type", "province", "province__successor")
        .order_by("start_date", "pk")
        .iterator(chunk_size=2000)
    )
    paragraphs = [] if count else [_("No events are planned yet for the coming months.")]
    table = Table(
        name=_("Upcoming events"),
        columns=[_("Date"), _("Event"), _("Type"), _("Format"), _("Place")],
        rows=rows,
        print_rows=LIST_PRINT_ROWS,
    )
    if count > LIST_PRINT_ROWS:
        table.note = _(
            "The first %(shown)s of %(count)s planned events are printed here; all of them are listed in "
            "the Excel and CSV versions of this report."
        ) % {"shown": number_format(LIST_PRINT_ROWS), "count": number_format(count)}
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


def _network_results(data: ReportData) -> Table:
    rows = []
    for total in data.totals:
        current = _figure(total.current)
        before = _figure(total.previous)
        if current is None and before is None:
            continue
        unit = _unit(total.indicator)
        breakdown = "; ".join(
            f"{part.label}: {number_format(_plain(part.value))}" for part in total.breakdown
        )
        rows.append([total.indicator.name, unit, current, before, _change(current, before), breakdown])
    return Table(
        name=_("Network results"),
        columns=[_("Indicator"), _("Unit"), _("This period"), _("Previous period"), _("Change"), _("By sex")],
        rows=rows,
        chart_label_column=0,
        chart_value_columns=[2, 3],
    )


def _initiative_columns() -> list[str]:
    return [
        _("Initiative"),
        _("Status"),
        _("Start"),
        _("End"),
        _("Places"),
    ]


def _initiative_row(initiative: Initiative) -> list:
    return [
        initiative.title,
        initiative.get_status_display(),
        initiative.start,
        initiative.end,
        initiative.location_detail,
    ]


def section_results(data: ReportData) -> Section:
    run = data.run
    network = _network_results(data)
    paragraphs = [
        _(
            "Totals of the network indicators from the approved results of published initiatives. Running "
            "totals (such as households sorting at source) give each initiative's latest figure; amounts "
            "(such as kilograms collected) add up what was reported in the period."
        )
    ]
    if not network.rows:
        paragraphs.append(_("No approved results were reported for this period."))
    count = data.active_initiative_count
    paragraphs.append(
        _("%(count)s published initiatives were active in the period.") % {"count": number_format(count)}
    )
    tables = [network]
    if not run.pillar_id:
        tables.append(
            Table(
                name=_("Active initiatives by pillar"),
                columns=[_("Pillar"), _("Initiatives")],
                rows=[[pillar.name, data.initiatives_by_pillar.get(pillar.pk, 0)] for pillar in data.pillars],
                chart_label_column=0,
                chart_value_columns=[1],
                note=_(
                    "An initiative may serve several pillars, so the rows add up to more than the initiatives."
                ),
            )
        )
    columns = _initiative_columns()
    tables.append(
        Table(
            name=_("Initiatives that reported the most results"),
            columns=[*columns, _("Approved updates in the period")],
            rows=[
                [*_initiative_row(initiative), initiative.reported] for initiative in data.busiest_initiatives
            ],
        )
    )
    tables.append(
        Table(
            name=_("Initiatives active in the period"),
            columns=columns,
            rows=(
                _initiative_row(initiative)
                for initiative in data.active_initiatives()
                .order_by("title_vi", "pk")
                .iterator(chunk_size=2000)
            ),
            **_listing(
                count,
                _(
                    "All %(count)s initiatives active in the period are listed in the Excel and CSV versions "
                    "of this report (table “%(table)s”)."
                ),
                _("Initiatives active in the period"),
            ),
        )
    )
    return Section(title=_("Results"), paragraphs=paragraphs, tables=tables)


def section_highlights(data: ReportData) -> Section:
    """The period in a few sentences, from the same figures as the sections that follow."""
    paragraphs = [
        _("%(events)s events with %(participants)s participants; %(members)s new member organisations.")
        % {
            "events": number_format(len(data.events)),
            "participants": number_format(_participants(data, data.events)),
            "members": number_format(data.new_member_count),
        }
    ]
    for total in data.totals:
        value = _figure(total.current)
        if value is None or not total.indicator.is_headline:
            continue
        unit = _unit(total.indicator)
        paragraphs.append(f"{total.indicator.name}: {number_format(value, decimal_pos=0)} {unit}".strip())
    return Section(title=_("Highlights"), paragraphs=paragraphs)


SECTION_BUILDERS: dict[str, Callable[[ReportData], Section]] = {
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


def build_narrative(run: ReportRun, data: ReportData) -> Document:
    title = narrative_titles()[run.kind]
    if run.pillar_id and run.kind in (ReportRun.Kind.PILLAR, ReportRun.Kind.NEWSLETTER):
        title = f"{title}: {run.pillar.name}"
    document = Document(title=title, subtitle=period_subtitle(run), language=run.language)
    for name in NARRATIVE_SECTIONS[run.kind]:
        builder = SECTION_BUILDERS.get(name)
        if builder is not None:
            document.sections.append(builder(data))
    return document


# -- Exports ---------------------------------------------------------------------------------


def _directory_rows(run: ReportRun) -> Iterator[list]:
    organisations = (
        with_current_membership(_published_members(run))
        .select_related("province", "province__successor")
        .prefetch_related("pillar_participations__pillar")
        .order_by("name_vi", "pk")
    )
    for organisation in organisations.iterator(chunk_size=1000):
        current = current_membership(organisation)
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
            membership_status_label(organisation),
            organisation.website,
        ]


def build_member_directory(run: ReportRun, data: ReportData) -> Document:
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


def build_event_attendance(run: ReportRun, data: ReportData) -> Document:
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


def _indicator_rows(run: ReportRun, sexes: list) -> Iterator[list]:
    pillars: dict[int, str] = {}  # an initiative has many periods: join its pillars' names once
    for period in initiative_period_rows(start=run.period_start, end=run.period_end, pillar=run.pillar):
        indicator = period.indicator
        initiative = indicator.result.initiative
        if initiative.pk not in pillars:
            pillars[initiative.pk] = "; ".join(p.name for p in initiative.pillars.all())
        actual = period.actual
        parts = {part.label: part for part in period.breakdown}
        row = [
            initiative.title,
            pillars[initiative.pk],
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
        for value in sexes:
            part = parts.get(value.name)
            row += [_plain(part.target) if part else None, _plain(part.value) if part else None]
        yield row


def _indicator_columns() -> list[str]:
    """The columns both indicator exports start with: which figure a row is about."""
    return [_("Initiative"), _("Pillars"), _("Result"), _("Indicator"), _("Unit"), _("Network indicator")]


def build_indicator_results(run: ReportRun, data: ReportData) -> Document:
    sexes = sex_values()
    columns = [
        *_indicator_columns(),
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
    # Each row is a line of eighteen columns or more: a hundred already fill many pages.
    per_initiative = Table(
        name=_("Targets and actuals"), columns=columns, rows=_indicator_rows(run, sexes), print_rows=100
    )
    network = _network_results(data)
    network.name = _("Network totals")
    sections = [Section(title=_("Targets and actuals per initiative"), tables=[per_initiative])]
    sections.append(Section(title=_("Network totals"), tables=[network]))
    if not run.pillar_id:
        for pillar, totals in data.pillar_totals:
            rows = []
            for total in totals:
                value = _figure(total.current)
                if value is not None:
                    rows.append([pillar.name, total.indicator.name, _unit(total.indicator), value])
            if rows:
                sections.append(
                    Section(
                        title=_("Pillar: %(pillar)s") % {"pillar": pillar.name},
                        tables=[
                            Table(
                                name=pillar.name,
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


def _indicator_value_rows(run: ReportRun, sexes: list) -> Iterator[list]:
    yes, no = _("yes"), _("no")
    for row in indicator_value_rows(start=run.period_start, end=run.period_end, pillar=run.pillar):
        yield [
            row.initiative,
            row.pillars,
            row.result,
            row.indicator,
            "%" if row.measure == "percentage" else row.unit,
            row.network_indicator,
            yes if row.cumulative else no,
            row.period_start,
            row.period_end,
            row.reported_on,
            _plain(row.value),
            _plain(row.numerator),
            _plain(row.denominator),
            *(_plain(row.parts.get(value.pk)) for value in sexes),
            row.organisation,
        ]


def build_indicator_values(run: ReportRun, data: ReportData) -> Document:
    """Every approved figure of the period as reported, one row each, for analysis elsewhere."""
    sexes = sex_values()
    columns = [
        *_indicator_columns(),
        _("Running total"),
        _("Period start"),
        _("Period end"),
        _("Figure as of"),
        _("Value"),
        _("Numerator"),
        _("Denominator"),
        *(_("Value: %(value)s") % {"value": value.name} for value in sexes),
        _("Reported for"),
    ]
    table = Table(
        name=_("Indicator values"), columns=columns, rows=_indicator_value_rows(run, sexes), print_rows=100
    )
    return Document(
        title=_("Indicator values reported"),
        subtitle=period_subtitle(run),
        language=run.language,
        sections=[
            Section(
                title=_("Indicator values"),
                paragraphs=[
                    _(
                        "Every approved update of the published initiatives dated in the period, one row each. "
                        "Running totals repeat what was reported before: add up only the rows that are not "
                        "running totals."
                    )
                ],
                tables=[table],
            )
        ],
    )


BUILDERS: dict[str, Callable[[ReportRun, ReportData], Document]] = {
    ReportRun.Kind.SIX_MONTH: build_narrative,
    ReportRun.Kind.ANNUAL: build_narrative,
    ReportRun.Kind.PILLAR: build_narrative,
    ReportRun.Kind.NEWSLETTER: build_narrative,
    ReportRun.Kind.MEMBER_DIRECTORY: build_member_directory,
    ReportRun.Kind.EVENT_ATTENDANCE: build_event_attendance,
    ReportRun.Kind.INDICATOR_RESULTS: build_indicator_results,
    ReportRun.Kind.INDICATOR_VALUES: build_indicator_values,
}


def build_document(run: ReportRun, data: ReportData | None = None) -> Document:
    """The run's document. Pass the same ``data`` to build it again in another format: what
    the sections share is then read from the database once."""
    with translation.override(run.language):
        return BUILDERS[run.kind](run, data or ReportData(run))
