"""How approved updates add up: a period's actual, and the totals of the network, a pillar or a
province. Pure functions over plain rows, so the rules can be checked by hand in tests.

The rules (the IATI results standard, as Akvo RSR applies them):

* **Non-cumulative indicator** (e.g. kg of plastic collected): each update reports what happened
  since the previous one. A period's actual is the **sum** of the approved updates dated in the
  period; a network total is the sum of every linked indicator's approved updates dated in the
  network period.
* **Cumulative indicator** (e.g. households sorting at source): each update reports the
  **running total** so far. Summing updates would count the same households again, so a period's
  actual is the **latest** approved update dated in the period (latest by date, then by the
  order it was entered), and a network total for a period is the **sum over indicators of each
  one's latest approved value up to the period's end** — an initiative that reported 9,000 in
  2021 and 12,000 in 2022 contributes 12,000 to 2022, never 21,000, and still 12,000 to 2023 if
  it reports nothing more.
* **Percentage indicator**: updates carry a numerator and a denominator. Aggregates add the
  numerators and add the denominators (each by the rule above) and divide once at the end:
  4/5 and 1/20 make 5/25 = 20 %, not the 45 % that averaging 80 % and 5 % would give.
* **Disaggregations** (e.g. by sex) follow the same rule as their indicator, value by value.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Report:
    """One approved update reduced to what roll-ups need."""

    series: int  # the indicator the update belongs to
    on: date
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    parts: Mapping[int, Decimal] = field(default_factory=dict)  # dimension value id → amount
    order: int = 0  # the update's primary key: breaks ties between reports of the same day


@dataclass
class Figure:
    """An aggregated value; ``reports`` says how many updates went into it."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    parts: dict[int, Decimal] = field(default_factory=dict)
    reports: int = 0

    @property
    def percentage(self) -> Decimal | None:
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator * HUNDRED / self.denominator

    @property
    def display(self) -> Decimal | None:
        """The headline number: the percentage for percentage figures, else the value."""
        return self.percentage if self.denominator is not None else self.value


def _add(total: Decimal | None, amount: Decimal | None) -> Decimal | None:
    if amount is None:
        return total
    return amount if total is None else total + amount


def combine(
    reports: Iterable[Report],
    *,
    cumulative: bool,
    since: date | None = None,
    until: date | None = None,
    carry_forward: bool = True,
) -> Figure | None:
    """Aggregate ``reports`` by the rules in the module docstring; ``None`` if nothing counts.

    ``since``/``until`` bound the dates (inclusive). For cumulative indicators ``since`` only
    applies when ``carry_forward`` is false (a period's own actual); network totals carry each
    series' latest running total forward to the period's end.
    """
    chosen: list[Report] = []
    if cumulative:
        latest: dict[int, Report] = {}
        for report in reports:
            if until is not None and report.on > until:
                continue
            if not carry_forward and since is not None and report.on < since:
                continue
            current = latest.get(report.series)
            if current is None or (report.on, report.order) > (current.on, current.order):
                latest[report.series] = report
        chosen = list(latest.values())
    else:
        chosen = [
            report
            for report in reports
            if (since is None or report.on >= since) and (until is None or report.on <= until)
        ]
    if not chosen:
        return None
    figure = Figure(reports=len(chosen))
    parts: dict[int, Decimal] = defaultdict(Decimal)
    for report in chosen:
        figure.value = _add(figure.value, report.value)
        figure.numerator = _add(figure.numerator, report.numerator)
        figure.denominator = _add(figure.denominator, report.denominator)
        for key, amount in report.parts.items():
            parts[key] += amount
    figure.parts = dict(parts)
    return figure


def period_actual(reports: Iterable[Report], *, cumulative: bool, start: date, end: date) -> Figure | None:
    """A period's actual from its indicator's approved updates: the sum of those dated in the
    period, or for a cumulative indicator the latest one dated in the period."""
    return combine(reports, cumulative=cumulative, since=start, until=end, carry_forward=False)


def totals_by_year(reports: list[Report], *, cumulative: bool) -> list[tuple[int, Figure]]:
    """Network totals per calendar year, from the first year anything was reported."""
    if not reports:
        return []
    years = range(min(r.on.year for r in reports), max(r.on.year for r in reports) + 1)
    rows = []
    for year in years:
        figure = combine(reports, cumulative=cumulative, since=date(year, 1, 1), until=date(year, 12, 31))
        if figure is not None:
            rows.append((year, figure))
    return rows
