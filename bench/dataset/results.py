"""The results framework of a chunk of initiatives: results, indicators, reporting periods with
their targets, and the indicator updates (a share split by sex), reviewed as the base date
leaves them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from initiatives.models import Indicator, IndicatorUpdate, Period, PeriodTarget, Result, UpdateDisaggregation

from .. import vocabulary as words
from ..vocabulary import pick
from .common import BASE_DATE, day_in, moment
from .draws import allocate, weighted_choices
from .organisations import Organisations
from .reference import Reference
from .writer import Writer

if TYPE_CHECKING:
    from .initiatives import InitiativeDraft

MAX_UPDATES_PER_PERIOD = 6
# Old periods were reviewed long ago; the latest still wait in the queue or were sent back.
SETTLED_STATUSES = weighted_choices(IndicatorUpdate.Status, APPROVED=96, RETURNED=2, SUBMITTED=1, DRAFT=1)
RECENT_STATUSES = weighted_choices(IndicatorUpdate.Status, APPROVED=50, SUBMITTED=28, DRAFT=12, RETURNED=10)
LOCK_AFTER = timedelta(days=180)
CENT = Decimal("0.01")


@dataclass
class IndicatorDraft:
    indicator: Indicator
    spec: dict
    initiative: InitiativeDraft
    scale: float  # the initiative's size relative to a typical one: big ones report big figures
    periods: list[Period] = field(default_factory=list)
    running_total: float = 0.0  # for a cumulative indicator, what its last update said


def _decimal(value: float, places: int = 0) -> Decimal:
    return Decimal(round(value, places)).quantize(CENT)


def write_results(
    rng: random.Random,
    ref: Reference,
    orgs: Organisations,
    drafts: list[tuple[InitiativeDraft, int]],
    writer: Writer,
) -> None:
    """Results, indicators, periods and updates of a chunk of initiatives, level by level."""
    results: list[tuple[Result, InitiativeDraft, list[str]]] = []
    budgets: dict[int, int] = {}
    for draft, budget in drafts:
        budgets[draft.number] = budget
        theme_results = words.RESULTS[draft.plan.theme]
        for order, (index, keys) in enumerate(draft.plan.results, start=1):
            kind, title_vi, title_en, _ = theme_results[index]
            result = Result(
                initiative_id=draft.initiative.pk,
                type=kind,
                title_vi=title_vi,
                title_en=title_en,
                order=order,
            )
            results.append((result, draft, keys))
    writer.insert(Result, [row[0] for row in results])

    indicators: list[IndicatorDraft] = []
    scales = {draft.number: rng.lognormvariate(0, 0.5) for draft, _ in drafts}
    for result, draft, keys in results:
        scale = scales[draft.number]
        for order, key in enumerate(keys, start=1):
            spec = words.INDICATORS[key]
            network = ref.network.get(spec["network"] or "")
            if network is not None and (network.measure, network.cumulative) != (
                spec["measure"],
                spec["cumulative"],
            ):
                network = None  # the catalogue entry was changed; linking would break its rules
            low, high = spec["size"]
            reports = len(draft.plan.periods()) * 2
            target = None
            if spec["measure"] == "quantitative" and rng.random() < 0.6:
                typical = (low + high) / 2 * scale
                target = _decimal(
                    typical * (reports / 2 if spec["cumulative"] else reports) * rng.uniform(0.8, 1.3)
                )
            indicator = Indicator(
                result_id=result.pk,
                title_vi=spec["title"][0],
                title_en=spec["title"][1],
                measure=spec["measure"],
                unit_vi=spec["unit"][0],
                unit_en=spec["unit"][1],
                cumulative=spec["cumulative"],
                baseline_year=draft.plan.start.year if target is not None and rng.random() < 0.4 else None,
                target_value=target,
                network_indicator=network,
                order=order,
            )
            if indicator.baseline_year:
                indicator.baseline_value = Decimal(0)
            indicators.append(IndicatorDraft(indicator, spec, draft, scale))
    writer.insert(Indicator, [row.indicator for row in indicators])

    periods: list[Period] = []
    period_targets: list[PeriodTarget] = []
    for row in indicators:
        low, high = row.spec["size"]
        for start, end in row.initiative.plan.periods():
            period = Period(
                indicator_id=row.indicator.pk,
                start=start,
                end=end,
                locked=end < BASE_DATE - LOCK_AFTER,
            )
            if row.spec["measure"] == "quantitative" and rng.random() < 0.5:
                period.target_value = _decimal((low + high) * row.scale * rng.uniform(0.8, 1.5))
            row.periods.append(period)
            periods.append(period)
    writer.insert(Period, periods)
    for row in indicators:
        if row.spec["people"] is True and ref.sex:
            for period in row.periods:
                if period.target_value is not None and rng.random() < 0.3:
                    women = _decimal(float(period.target_value) * rng.uniform(0.4, 0.7))
                    for code, value in (("female", women), ("male", period.target_value - women)):
                        if code in ref.sex:
                            period_targets.append(
                                PeriodTarget(period_id=period.pk, dimension_value=ref.sex[code], value=value)
                            )
    writer.insert(PeriodTarget, period_targets)

    updates: list[tuple[IndicatorUpdate, list[tuple[str, Decimal]]]] = []
    by_initiative: dict[int, list[IndicatorDraft]] = {}
    for row in indicators:
        by_initiative.setdefault(row.initiative.number, []).append(row)
    for number, rows in by_initiative.items():
        # Where the initiative's updates can go: (indicator, how far into it, period).
        open_slots = [
            (row, index / max(1, len(row.periods) - 1), period)
            for row in rows
            for index, period in enumerate(row.periods)
            if period.start <= BASE_DATE
        ]
        shares = allocate(
            rng, [1 + rng.random() for _ in open_slots], budgets[number], MAX_UPDATES_PER_PERIOD
        )
        for (row, progress, period), share in zip(open_slots, shares, strict=True):
            for reported_on in sorted(
                day_in(rng, period.start, min(period.end, BASE_DATE)) for _ in range(share)
            ):
                updates.append(_update(rng, row, period, reported_on, progress, orgs))
    writer.insert(IndicatorUpdate, [row[0] for row in updates])
    splits = [
        UpdateDisaggregation(update_id=update.pk, dimension_value=ref.sex[code], value=value)
        for update, parts in updates
        for code, value in parts
        if code in ref.sex
    ]
    writer.insert(UpdateDisaggregation, splits)


def _update(
    rng: random.Random,
    row: IndicatorDraft,
    period: Period,
    reported_on: date,
    progress: float,
    orgs: Organisations,
) -> tuple[IndicatorUpdate, list[tuple[str, Decimal]]]:
    """One update of ``period`` and its split by sex; ``progress`` runs from 0 (the indicator's
    first period) to 1 (its last), and percentages improve along it."""
    spec = row.spec
    low, high = spec["size"]
    update = IndicatorUpdate(period_id=period.pk, reported_on=reported_on)
    if spec["measure"] == "qualitative":
        update.narrative = pick(rng, words.QUALITATIVE_NARRATIVES).format(ward=pick(rng, words.WARDS))
    elif spec["measure"] == "percentage":
        denominator = max(1, round(rng.uniform(low, high) * row.scale))
        share = min(1.0, max(0.0, 0.3 + 0.6 * progress + rng.uniform(-0.1, 0.1)))
        update.denominator = Decimal(denominator).quantize(CENT)
        update.numerator = Decimal(round(denominator * share)).quantize(CENT)
    else:
        amount = rng.uniform(low, high) * row.scale
        if spec["cumulative"]:
            # A running total: the first report's figure, then growing a little each time.
            growth = rng.uniform(0.05, 0.4) if row.running_total else 1.0
            row.running_total += amount * growth
            amount = row.running_total
        update.value = _decimal(amount, 1 if spec["unit"][0] == "kg" else 0)
        if rng.random() < 0.2:
            update.narrative = pick(rng, words.QUANTITATIVE_NARRATIVES).format(ward=pick(rng, words.WARDS))

    recent = period.end >= BASE_DATE - LOCK_AFTER
    update.status = (RECENT_STATUSES if recent else SETTLED_STATUSES)(rng)
    update.organisation_id = orgs.ids[
        pick(rng, row.initiative.implementers) if rng.random() < 0.2 else row.initiative.lead
    ]
    if update.status != IndicatorUpdate.Status.DRAFT:
        update.submitted_at = moment(rng, reported_on + timedelta(days=rng.randint(1, 20)))
    if update.status in (IndicatorUpdate.Status.APPROVED, IndicatorUpdate.Status.RETURNED):
        update.reviewed_at = max(
            update.submitted_at, moment(rng, update.submitted_at.date() + timedelta(days=rng.randint(1, 14)))
        )
    if update.status == IndicatorUpdate.Status.RETURNED:
        update.review_note = pick(rng, words.RETURN_NOTES)

    parts: list[tuple[str, Decimal]] = []
    if spec["people"] == "female" and update.value is not None and rng.random() < 0.9:
        parts = [("female", update.value)]
    elif spec["people"] is True and update.value is not None and rng.random() < 0.7:
        women = _decimal(float(update.value) * rng.uniform(0.35, 0.75))
        other = Decimal(1).quantize(CENT) if rng.random() < 0.03 and update.value - women >= 1 else Decimal(0)
        parts = [("female", women), ("male", update.value - women - other)]
        if other:
            parts.append(("other", other))
    return update, parts
