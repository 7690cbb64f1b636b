"""The narrative reports: the six-month, annual, pillar and newsletter documents.

Each is a list of sections (:data:`NARRATIVE_SECTIONS`) built from one :class:`ReportData`. In PDF
and Word they summarise — events and participants by type, month, province and pillar, the largest
events, the initiatives that reported the most results — and print a list only when it is short;
the complete lists are in the Excel and CSV versions of the same report, and the document says so
where it leaves a list out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from events.selectors import Headcount, events_upcoming
from members.selectors import organisation_kinds

from ..documents import Document, Section, Table
from ..models import ReportRun
from .data import TOP_ROWS, ReportData, _figure, _network_results, _place, _unit, period_subtitle

if TYPE_CHECKING:
    from events.models import Event
    from initiatives.models import Initiative


# A list this long or shorter is printed in full in PDF and Word; a longer one is summarised
# there and listed completely in Excel and CSV.
LIST_PRINT_ROWS = 50


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
        columns=[_("Kind"), _("Number of organisations"), _("New in the period")],
        rows=[
            [str(label).capitalize(), by_kind[value], len(new_by_kind.get(value, ()))]
            for value, label in organisation_kinds()
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
    events = events_upcoming(
        after=run.period_end, until=run.period_end + timedelta(days=183), pillar=run.pillar_id
    )
    count = events.count()
    rows = (
        [event.start_date, event.title, event.event_type.name, event.get_format_display(), _place(event)]
        for event in events.iterator(chunk_size=2000)
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
    if data.run.kind in (ReportRun.Kind.SIX_MONTH, ReportRun.Kind.ANNUAL) and data.reporting:
        paragraphs.append(_reported_sentence(data))
    for total in data.totals:
        value = _figure(total.current)
        if value is None or not total.indicator.is_headline:
            continue
        unit = _unit(total.indicator)
        paragraphs.append(f"{total.indicator.name}: {number_format(value, decimal_pos=0)} {unit}".strip())
    return Section(title=_("Highlights"), paragraphs=paragraphs)


def _reported_sentence(data: ReportData) -> str:
    reporting = data.reporting
    return _("%(reported)s of %(total)s initiatives reported in “%(cycle)s” (due %(date)s).") % {
        "reported": number_format(reporting.overall.reported),
        "total": number_format(reporting.overall.total),
        "cycle": reporting.cycle.name,
        "date": date_format(reporting.cycle.due_on, "SHORT_DATE_FORMAT"),
    }


def section_reporting(data: ReportData) -> Section:
    """How the member organisations reported their results in the period's reporting cycle: the
    figures of the coordinators' dashboard."""
    reporting = data.reporting
    if reporting is None:
        return Section(
            title=_("Reporting by the members"), paragraphs=[_("No reporting cycle covered this period.")]
        )
    return Section(
        title=_("Reporting by the members"),
        paragraphs=[_reported_sentence(data)],
        tables=[
            Table(
                name=_("Initiatives by reporting status"),
                columns=[_("Status"), _("Initiatives")],
                rows=[list(row) for row in reporting.by_standing],
            ),
            Table(
                name=_("Reporting by pillar"),
                columns=[_("Pillar"), _("Initiatives reported"), _("Initiatives due")],
                rows=[[label, summary.reported, summary.total] for label, summary in reporting.by_pillar],
                chart_label_column=0,
                chart_value_columns=[1, 2],
            ),
        ],
    )


SECTION_BUILDERS: dict[str, Callable[[ReportData], Section]] = {
    "highlights": section_highlights,
    "members": section_members,
    "events": section_events,
    "results": section_results,
    "upcoming": section_upcoming_events,
    "reporting": section_reporting,
}

NARRATIVE_SECTIONS = {
    ReportRun.Kind.SIX_MONTH: ["highlights", "events", "results", "reporting", "members"],
    ReportRun.Kind.ANNUAL: ["highlights", "events", "results", "reporting", "members"],
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
