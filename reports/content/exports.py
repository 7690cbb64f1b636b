"""The tabular exports: the member directory, event attendance, indicator results and
indicator values.

Each is a document of complete tables, one row per organisation, event or figure, for the Excel
and CSV formats and for analysis elsewhere; the rows are generated as the table is written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from events.selectors import events_held, headcounts_for
from initiatives.selectors import indicator_value_rows, initiative_period_rows, sex_values
from members.selectors import (
    current_membership,
    membership_status_label,
    organisations_of_pillar,
    with_current_membership,
)

from ..documents import Document, Section, Table
from ..models import ReportRun
from .data import (
    ReportData,
    _figure,
    _network_results,
    _place,
    _plain,
    _unit,
    period_subtitle,
)

if TYPE_CHECKING:
    from events.models import Event


def _table_document(run: ReportRun, title: str, table: Table, paragraphs: Sequence[str] = ()) -> Document:
    """An export of one table: its section is named like the table."""
    return Document(
        title=title,
        subtitle=period_subtitle(run),
        language=run.language,
        sections=[Section(title=table.name, paragraphs=list(paragraphs), tables=[table])],
    )


def _directory_rows(run: ReportRun) -> Iterator[list]:
    organisations = (
        with_current_membership(organisations_of_pillar(pillar=run.pillar_id))
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
    return _table_document(run, _("Member directory of the network"), table)


def _attendance_rows(run: ReportRun) -> Iterator[list]:
    # Cancelled and postponed events are listed too, with their status: the export accounts for
    # every event of the period.
    events = events_held(
        start=run.period_start,
        end=run.period_end,
        pillar=run.pillar_id,
        with_organisers=True,
        with_not_held=True,
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
    return _table_document(run, _("Attendance at the network's events"), table)


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
    explained = _(
        "Every approved update of the published initiatives dated in the period, one row each. "
        "Running totals repeat what was reported before: add up only the rows that are not "
        "running totals."
    )
    return _table_document(run, _("Indicator values reported"), table, [explained])
