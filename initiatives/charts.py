"""What the results charts of the public pages show. The layout comes from :mod:`core.charts`;
``templates/initiatives/fragment_bar_chart.html`` draws it as SVG, with no script and no CDN,
readable in print. Each chart sits beside a table with the same figures for screen readers and
copying.

* An indicator: its target against its actual in each period, in the order of the periods, the
  actual with the share of the target it reached.
* The split by sex (or any disaggregation) of the approved updates, period by period or year by
  year, each part with its target where one is set.
* A network indicator: its total year by year, as columns, a trend.

A chart compares: a single figure draws none (the page shows the figure itself), nor does a
qualitative indicator. Every value is written on the chart in the visitor's number format.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from core.charts import Chart, ColumnLayout, Datum, Layout, bar_chart, column_chart

from . import rollups
from .models import Indicator
from .templatetags.results import amount

# A chart beside an indicator's table of periods: as wide as its column on a desktop screen, so
# its text is drawn at the size it is set in.
WIDE = Layout(width=540)
# A chart in a small card of the network's totals: narrow, so the SVG is scaled down less and
# its text stays readable.
CARD = Layout(width=300)
TREND = ColumnLayout(width=300)
HUNDRED = Decimal(100)


def _number(value: Decimal | None, *, percent: bool) -> str:
    if value is None:
        return amount(None)
    return f"{amount(value)} %" if percent else amount(value)


def _drawn(groups: Sequence[tuple[str, Sequence[Datum]]]) -> int:
    """How many figures the groups would write."""
    return sum(1 for _label, row in groups for datum in row if datum.value is not None)


def period_label(start: date, end: date) -> str:
    """ "2022" for a calendar year, else "07/2021–06/2022"."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{start:%m/%Y}–{end:%m/%Y}"


def _actual(value: Decimal | None, target: Decimal | None, *, percent: bool) -> Datum:
    text = f"{_('Actual')}: {_number(value, percent=percent)}"
    if value is not None and target:
        reached = (value * HUNDRED / target).quantize(Decimal(1))
        text += " " + _("(%(share)s of target)") % {"share": f"{amount(reached)} %"}
    return Datum("actual", value, text)


def indicator_chart(indicator: Indicator) -> Chart | None:
    """Target and actual of each period of ``indicator`` whose ``actual`` is set (see
    ``selectors.initiative_results``); none for a qualitative indicator or a single figure."""
    if indicator.is_qualitative:
        return None
    periods = list(indicator.periods.all())
    # Without any target the chart shows actuals alone rather than a row of empty target bars.
    with_targets = any(period.target_value is not None for period in periods)
    percent = indicator.is_percentage
    groups = []
    for period in periods:
        actual = period.actual.display if period.actual else None
        target = period.target_value
        if actual is None and target is None:
            continue
        row = []
        # The unit is said once above the table; the bars keep their texts short enough to fit.
        if with_targets:
            row.append(Datum("target", target, f"{_('Target')}: {_number(target, percent=percent)}"))
        row.append(_actual(actual, target, percent=percent))
        groups.append((period_label(period.start, period.end), row))
    return bar_chart(groups, layout=WIDE) if _drawn(groups) > 1 else None


def split_chart(rows: Sequence[tuple[str, Sequence]], *, layout: Layout = WIDE) -> Chart | None:
    """The parts of each row's figure (:class:`selectors.approved.Breakdown`: a label, a value and
    a target), one bar per part, for the rows (periods or years) that have any; none if that
    makes a single figure."""
    groups = []
    for label, parts in rows:
        row = []
        for part in parts:
            if part.value is None:
                continue
            text = f"{part.label}: {amount(part.value)}"
            if part.target is not None:
                text = _("%(text)s (target %(target)s)") % {"text": text, "target": amount(part.target)}
            row.append(Datum(part.label, part.value, text))
        if row:
            groups.append((label, row))
    return bar_chart(groups, layout=layout) if _drawn(groups) > 1 else None


def indicator_split_chart(indicator: Indicator) -> Chart | None:
    """The split by sex of each period's approved updates (``period.breakdown``)."""
    if indicator.is_qualitative:
        return None
    return split_chart([(period_label(p.start, p.end), p.breakdown) for p in indicator.periods.all()])


def yearly_chart(by_year: list[tuple[int, rollups.Figure]], *, percent: bool) -> Chart | None:
    """A network indicator's total per calendar year, as a trend: none for a single year."""
    if len(by_year) < 2:
        return None
    return column_chart(
        [
            (str(year), Datum("actual", figure.display, _number(figure.display, percent=percent)))
            for year, figure in by_year
        ],
        layout=TREND,
    )
