"""How approved updates add up: hand-checked sums for every kind of indicator."""

import random
from datetime import date
from decimal import Decimal as D

import pytest

from initiatives.models import IndicatorUpdate, Measure
from initiatives.rollups import Report, combine, period_actual, totals_by_year
from initiatives.selectors import initiative_results, network_period_totals, network_totals
from initiatives.selectors.approved import reports_of
from initiatives.tests.factories import (
    IndicatorFactory,
    IndicatorUpdateFactory,
    InitiativeFactory,
    NetworkIndicatorFactory,
    PeriodFactory,
    PillarFactory,
    UpdateDisaggregationFactory,
    sex_values,
)
from members.tests.factories import ProvinceFactory

Y2022 = {"start": date(2022, 1, 1), "end": date(2022, 12, 31)}


def test_non_cumulative_period_actual_is_the_sum_of_the_updates_in_the_period():
    reports = [
        Report(series=1, on=date(2022, 3, 1), value=D(100)),
        Report(series=1, on=date(2022, 6, 30), value=D(250)),
        Report(series=1, on=date(2023, 1, 15), value=D(40)),
    ]
    assert period_actual(reports, cumulative=False, **Y2022).value == D(350)
    assert period_actual(
        reports, cumulative=False, start=date(2023, 1, 1), end=date(2023, 12, 31)
    ).value == D(40)
    assert period_actual(reports, cumulative=False, start=date(2024, 1, 1), end=date(2024, 12, 31)) is None


def test_cumulative_period_actual_is_the_latest_running_total_not_a_sum():
    reports = [
        Report(series=1, on=date(2021, 12, 31), value=D(9000), order=1),
        Report(series=1, on=date(2022, 6, 30), value=D(12000), order=2),
        Report(series=1, on=date(2022, 12, 31), value=D(12400), order=3),
        # A correction entered later for the same day wins over the earlier entry.
        Report(series=1, on=date(2022, 12, 31), value=D(12500), order=4),
    ]
    assert period_actual(reports, cumulative=True, **Y2022).value == D(12500)
    assert period_actual(reports, cumulative=True, start=date(2021, 1, 1), end=date(2021, 12, 31)).value == D(
        9000
    )
    # Nothing reported in 2023: the period has no actual of its own.
    assert period_actual(reports, cumulative=True, start=date(2023, 1, 1), end=date(2023, 12, 31)) is None


def test_cumulative_network_total_adds_each_initiatives_latest_value_up_to_the_period_end():
    reports = [
        Report(series=1, on=date(2021, 12, 31), value=D(9000), order=1),
        Report(series=1, on=date(2022, 12, 31), value=D(12000), order=2),
        Report(series=2, on=date(2022, 6, 30), value=D(7000), order=3),
    ]
    by_year = dict(totals_by_year(reports, cumulative=True))
    assert by_year[2021].value == D(9000)
    assert by_year[2022].value == D(19000)  # 12,000 + 7,000; never 9,000 + 12,000 + 7,000
    assert combine(reports, cumulative=True, until=date(2030, 1, 1)).value == D(19000)
    # Running totals carry forward to a later year with no new reports.
    assert combine(reports, cumulative=True, until=date(2023, 12, 31)).value == D(19000)


def test_non_cumulative_network_total_sums_every_update_of_the_year():
    reports = [
        Report(series=1, on=date(2022, 12, 31), value=D(35000)),
        Report(series=2, on=date(2022, 6, 30), value=D(16150)),
        Report(series=2, on=date(2023, 3, 31), value=D(1000)),
    ]
    by_year = dict(totals_by_year(reports, cumulative=False))
    assert by_year[2022].value == D(51150)
    assert by_year[2023].value == D(1000)
    assert combine(reports, cumulative=False).value == D(52150)


def test_percentages_add_numerators_and_denominators_instead_of_averaging():
    reports = [
        Report(series=1, on=date(2022, 6, 30), numerator=D(4), denominator=D(5)),
        Report(series=2, on=date(2022, 6, 30), numerator=D(1), denominator=D(20)),
    ]
    figure = combine(reports, cumulative=False)
    assert (figure.numerator, figure.denominator) == (D(5), D(25))
    assert figure.percentage == D(20)  # not (80 % + 5 %) / 2 = 42.5 %


def test_cumulative_percentages_take_each_series_latest_numerator_and_denominator():
    reports = [
        Report(series=1, on=date(2022, 3, 31), numerator=D(2), denominator=D(5), order=1),
        Report(series=1, on=date(2022, 12, 31), numerator=D(5), denominator=D(5), order=2),
        Report(series=2, on=date(2022, 12, 31), numerator=D(3), denominator=D(15), order=3),
    ]
    figure = combine(reports, cumulative=True, until=date(2022, 12, 31))
    assert (figure.numerator, figure.denominator, figure.percentage) == (D(8), D(20), D(40))


def test_disaggregations_follow_the_indicators_rule():
    female, male = 1, 2
    reports = [
        Report(series=1, on=date(2022, 3, 1), value=D(100), parts={female: D(60), male: D(40)}, order=1),
        Report(series=1, on=date(2022, 9, 1), value=D(150), parts={female: D(100)}, order=2),
    ]
    summed = combine(reports, cumulative=False)
    assert summed.parts == {female: D(160), male: D(40)}
    latest = combine(reports, cumulative=True)
    assert latest.value == D(150) and latest.parts == {female: D(100)}


@pytest.mark.django_db
def test_network_totals_count_only_approved_updates_of_published_initiatives():
    values = sex_values()
    network = NetworkIndicatorFactory()
    gender = PillarFactory(code="gender-inclusion")
    hanoi = ProvinceFactory()
    danang = ProvinceFactory(code="da-nang", name_vi="Đà Nẵng", name_en="Da Nang")
    quang_nam = ProvinceFactory(code="quang-nam", name_vi="Quảng Nam", name_en="Quang Nam", successor=danang)

    def collected(initiative, value, status=IndicatorUpdate.Status.APPROVED, on=date(2022, 6, 30)):
        period = PeriodFactory(
            indicator=IndicatorFactory(result__initiative=initiative, network_indicator=network)
        )
        return IndicatorUpdateFactory(period=period, value=D(value), status=status, reported_on=on)

    asppire = InitiativeFactory(pillars=[gender], provinces=[hanoi])
    update = collected(asppire, 35000)
    UpdateDisaggregationFactory(update=update, dimension_value=values["female"], value=D(20000))
    collected(InitiativeFactory(provinces=[hanoi]), 16150)
    collected(InitiativeFactory(provinces=[quang_nam]), 500)
    collected(InitiativeFactory(is_published=False, pillars=[gender], provinces=[hanoi]), 99999)
    collected(asppire, 777, status=IndicatorUpdate.Status.SUBMITTED)
    collected(asppire, 888, status=IndicatorUpdate.Status.RETURNED)

    def total(**kwargs):
        return next(row for row in network_totals(**kwargs) if row.indicator == network)

    network_row = total()
    assert network_row.total.value == D(51650)
    assert [(year, figure.value) for year, figure in network_row.by_year] == [(2022, D(51650))]
    assert [(part.label, part.value) for part in network_row.breakdown] == [("Nữ", D(20000))]
    assert total(pillar=gender).total.value == D(35000)
    assert total(province=hanoi).total.value == D(51150)
    # A former province's initiatives count under the province it merged into.
    assert total(province=danang).total.value == D(500)


@pytest.mark.django_db
def test_an_initiatives_period_actuals_come_from_approved_updates():
    period = PeriodFactory(indicator__cumulative=True, target_value=D(10000))
    IndicatorUpdateFactory(period=period, value=D(9000), reported_on=date(2022, 6, 30))
    IndicatorUpdateFactory(period=period, value=D(9500), reported_on=date(2022, 12, 31))
    IndicatorUpdateFactory(period=period, value=D(99999), status=IndicatorUpdate.Status.SUBMITTED)
    percentage = PeriodFactory(
        indicator=IndicatorFactory(result=period.indicator.result, measure=Measure.PERCENTAGE, unit_vi="%")
    )
    IndicatorUpdateFactory(period=percentage, value=None, numerator=D(4), denominator=D(5))
    IndicatorUpdateFactory(period=percentage, value=None, numerator=D(1), denominator=D(20))

    [result] = initiative_results(initiative=period.indicator.result.initiative)
    cumulative, share = result.indicators.all()
    assert cumulative.periods.all()[0].actual.value == D(9500)
    assert share.periods.all()[0].actual.percentage == D(20)


def _random_network(seed: int):
    """Initiatives of every kind of indicator with updates over five years, some on the same
    day, some not approved, some unpublished, some split by sex."""
    rng = random.Random(seed)
    values = sex_values()
    networks = [
        NetworkIndicatorFactory(code="plastic-collected"),
        NetworkIndicatorFactory(code="households-sorting", cumulative=True, is_headline=True),
        NetworkIndicatorFactory(code="schools-share", measure=Measure.PERCENTAGE, is_headline=False),
        NetworkIndicatorFactory(
            code="schools-share-running", measure=Measure.PERCENTAGE, cumulative=True, is_headline=True
        ),
    ]
    pillar = PillarFactory()
    for _ in range(6):
        initiative = InitiativeFactory(
            is_published=rng.random() < 0.8, pillars=[pillar] if rng.random() < 0.5 else []
        )
        for network in networks:
            if rng.random() < 0.25:
                continue
            indicator = IndicatorFactory(
                result__initiative=initiative,
                network_indicator=network,
                measure=network.measure,
                cumulative=network.cumulative,
            )
            period = PeriodFactory(indicator=indicator, start=date(2020, 1, 1), end=date(2024, 12, 31))
            for _ in range(rng.randint(0, 7)):
                on = date(rng.randint(2020, 2024), rng.choice([3, 6, 12]), rng.choice([1, 30]))
                denominator = D(rng.randint(1, 50))
                update = IndicatorUpdateFactory(
                    period=period,
                    reported_on=on,
                    value=D(rng.randint(0, 9000)) if network.measure == Measure.QUANTITATIVE else None,
                    numerator=D(rng.randint(0, int(denominator)))
                    if network.measure == Measure.PERCENTAGE
                    else None,
                    denominator=denominator if network.measure == Measure.PERCENTAGE else None,
                    status=rng.choice(
                        [IndicatorUpdate.Status.APPROVED] * 4 + [IndicatorUpdate.Status.SUBMITTED]
                    ),
                )
                for value in values.values():
                    if rng.random() < 0.4:
                        UpdateDisaggregationFactory(
                            update=update, dimension_value=value, value=D(rng.randint(0, 500))
                        )
    return networks, pillar


def _every_report(pillar=None) -> dict[int, list[Report]]:
    """The rules applied to every approved update, one by one: what the totals must equal."""
    updates = IndicatorUpdate.objects.filter(
        status=IndicatorUpdate.Status.APPROVED,
        period__indicator__result__initiative__is_published=True,
        period__indicator__network_indicator__isnull=False,
    )
    if pillar is not None:
        updates = updates.filter(period__indicator__result__initiative__pillars=pillar)
    grouped: dict[int, list[Report]] = {}
    for network_id, report in reports_of(updates):
        grouped.setdefault(network_id, []).append(report)
    return grouped


def _same(figure, expected) -> bool:
    if figure is None or expected is None:
        return figure is expected
    return (
        figure.value,
        figure.numerator,
        figure.denominator,
        {k: v for k, v in figure.parts.items() if v},
    ) == (
        expected.value,
        expected.numerator,
        expected.denominator,
        {k: v for k, v in expected.parts.items() if v},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_network_totals_summed_in_the_database_equal_the_rules_applied_update_by_update(seed):
    networks, pillar = _random_network(seed)
    for scope in ({}, {"pillar": pillar}):
        expected = _every_report(**scope)
        for row in network_totals(**scope):
            reports = expected.get(row.indicator.pk, [])
            cumulative = row.indicator.cumulative
            assert _same(row.total, combine(reports, cumulative=cumulative, until=date.max)), row.indicator
            by_year = dict(totals_by_year(reports, cumulative=cumulative))
            assert [year for year, _ in row.by_year] == list(by_year)
            assert all(_same(figure, by_year[year]) for year, figure in row.by_year), row.indicator


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [4, 5, 6])
def test_reporting_period_totals_summed_in_the_database_equal_the_rules_applied_update_by_update(seed):
    _random_network(seed)
    windows = [
        (date(2022, 1, 1), date(2022, 12, 31), (date(2021, 1, 1), date(2021, 12, 31))),
        (date(2024, 1, 1), date(2024, 6, 30), (date(2023, 7, 1), date(2023, 12, 31))),
        (date(2020, 1, 1), date(2020, 3, 31), None),
    ]
    expected = _every_report()
    for start, end, previous in windows:
        for row in network_period_totals(start=start, end=end, previous=previous):
            reports = expected.get(row.indicator.pk, [])
            cumulative = row.indicator.cumulative
            assert _same(row.current, combine(reports, cumulative=cumulative, since=start, until=end))
            if previous:
                assert _same(
                    row.previous,
                    combine(reports, cumulative=cumulative, since=previous[0], until=previous[1]),
                )
