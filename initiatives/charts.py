"""What the results charts of the public pages show: an indicator's target against its actual per
period, and a network indicator's total per year. The layout comes from :mod:`core.charts`;
``templates/initiatives/fragment_bar_chart.html`` draws it as SVG, with no script and no CDN,
readable in print. Each chart sits beside a table with the same figures for screen readers and
copying."""

from decimal import Decimal

from django.utils.translation import gettext as _

from core.charts import Chart, Datum, Layout, bar_chart

from . import rollups
from .models import Indicator
from .templatetags.results import amount

# A chart beside an indicator's table of periods: as wide as its column on a desktop screen, so
# its text is drawn at the size it is set in.
WIDE = Layout(width=540)
# A chart in a small card of the network's totals: narrow, so the SVG is scaled down less and
# its text stays readable.
CARD = Layout(width=300)


def _datum(series: str, value: Decimal | None, *, percent: bool) -> Datum:
    name = _("Target") if series == "target" else _("Actual")
    sign = " %" if percent and value is not None else ""
    return Datum(series, value, f"{name}: {amount(value)}{sign}")


def indicator_chart(indicator: Indicator) -> Chart | None:
    """Target and actual of each period of ``indicator`` whose ``actual`` is set (see
    ``selectors.initiative_results``); none for a qualitative indicator or one without figures."""
    if indicator.is_qualitative:
        return None
    periods = list(indicator.periods.all())
    # Without any target the chart shows actuals alone rather than a row of empty target bars.
    with_targets = any(period.target_value is not None for period in periods)
    percent = indicator.is_percentage
    groups = []
    for period in periods:
        actual = period.actual.display if period.actual else None
        if actual is None and period.target_value is None:
            continue
        bars = [_datum("target", period.target_value, percent=percent)] if with_targets else []
        groups.append(
            (f"{period.start:%m/%Y}–{period.end:%m/%Y}", [*bars, _datum("actual", actual, percent=percent)])
        )
    return bar_chart(groups, layout=WIDE) if groups else None


def yearly_chart(by_year: list[tuple[int, rollups.Figure]], *, percent: bool) -> Chart | None:
    """A network indicator's total per calendar year."""
    if not by_year:
        return None
    return bar_chart(
        [(str(year), [_datum("actual", figure.display, percent=percent)]) for year, figure in by_year],
        layout=CARD,
    )
