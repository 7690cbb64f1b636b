"""The figures a report needs, read once per run.

:class:`ReportData` holds what several sections of one run share; the small helpers below it
turn a figure or an event into the cell a table prints, and serve the narrative reports and the
exports alike. Every figure comes from the selectors of the app that owns it, with the same rules
as the public pages: unpublished items are never counted.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from cycles.selectors import CycleSummary, cycle_summary
from events.selectors import Headcount, event_pillar_ids, events_held, headcounts_for
from initiatives.selectors import (
    PeriodTotal,
    initiative_counts_by_pillar,
    initiatives_active,
    initiatives_most_reported,
    network_period_totals,
)
from members.selectors import active_member_count, memberships_begun, organisation_counts_by_kind
from vocabulary.models import Pillar

from ..documents import Table
from ..models import ReportRun

if TYPE_CHECKING:
    from events.models import Event
    from initiatives.models import Initiative
    from members.models import Membership


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

# Rows of the "largest events" and "most results" tables.
TOP_ROWS = 20


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
        return events_held(start=start, end=end, pillar=self.run.pillar_id)

    @cached_property
    def events(self) -> list[Event]:
        return list(self.held_events(self.run.period_start, self.run.period_end))

    @cached_property
    def headcounts(self) -> dict[int, Headcount]:
        return headcounts_for(self.events)

    @cached_property
    def previous_event_count(self) -> int:
        return self.held_events(*self.previous).count()

    @cached_property
    def pillars(self) -> list[Pillar]:
        return list(Pillar.objects.published().order_by("order", "code"))

    @cached_property
    def event_pillars(self) -> dict[int, set[int]]:
        """The published pillars of each event of the period."""
        return event_pillar_ids(events=self.held_events(self.run.period_start, self.run.period_end))

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
    def reporting(self) -> CycleSummary | None:
        """How the members reported in the cycle for this very period, if one was opened."""
        return cycle_summary(start=self.run.period_start, end=self.run.period_end)

    @cached_property
    def new_memberships(self) -> list[Membership]:
        run = self.run
        return memberships_begun(start=run.period_start, end=run.period_end, pillar=run.pillar_id)

    @cached_property
    def new_member_count(self) -> int:
        """Organisations, not memberships: one that joined twice in the period counts once."""
        return len({membership.organisation_id for membership in self.new_memberships})

    def active_initiatives(self):
        run = self.run
        return initiatives_active(start=run.period_start, end=run.period_end, pillar=run.pillar_id)

    @cached_property
    def active_initiative_count(self) -> int:
        return self.active_initiatives().count()

    @cached_property
    def active_member_count(self) -> int:
        # Members at the end of the period: the membership in force then, not any ever held.
        return active_member_count(on=self.run.period_end, pillar=self.run.pillar_id)

    @cached_property
    def members_by_kind(self) -> dict[str, int]:
        return organisation_counts_by_kind(pillar=self.run.pillar_id)

    @cached_property
    def initiatives_by_pillar(self) -> dict[int, int]:
        return initiative_counts_by_pillar(initiatives=self.active_initiatives())

    @cached_property
    def busiest_initiatives(self) -> list[Initiative]:
        """The active initiatives with the most approved updates dated in the period, each with
        ``reported``, the number of them."""
        run = self.run
        return initiatives_most_reported(
            initiatives=self.active_initiatives(), start=run.period_start, end=run.period_end, limit=TOP_ROWS
        )


# -- Cells that the narrative reports and the exports both print ---------------------------


def _place(event: Event) -> str:
    if event.country:
        return event.country
    return event.province.current.name if event.province else ""


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
